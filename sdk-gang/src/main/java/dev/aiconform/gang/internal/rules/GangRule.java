package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.ImmutableRuleInfo;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;

/** A rule of sdk-gang: its {@link RuleInfo} built once. */
abstract class GangRule implements Rule {
  static final String REQUIREMENT = "gang_scheduling";

  private final RuleInfo info;

  GangRule(RuleInfo info) {
    this.info = info;
  }

  @Override
  public final RuleInfo info() {
    return info;
  }

  /** A rule info builder with id, category, severity, title and kinds filled in. */
  static ImmutableRuleInfo.Builder rule(
      String id, Category category, Severity severity, String title, GroupKind... kinds) {
    ImmutableRuleInfo.Builder b =
        RuleInfo.builder().id(id).category(category).severity(severity).title(title);
    if (category == Category.CONFORMANCE) {
      b.requirement(REQUIREMENT);
    }
    for (GroupKind k : kinds) {
      b.addKinds(k);
    }
    return b;
  }
}
