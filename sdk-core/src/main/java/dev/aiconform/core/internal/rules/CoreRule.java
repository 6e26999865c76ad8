package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;

/** A core rule: its description is fixed at construction. */
abstract class CoreRule implements Rule {
  private final RuleInfo info;

  CoreRule(RuleInfo info) {
    this.info = info;
  }

  @Override
  public final RuleInfo info() {
    return info;
  }

  @Override
  public String toString() {
    return info.id();
  }
}
