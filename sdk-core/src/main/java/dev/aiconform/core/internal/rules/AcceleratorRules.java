package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.ImmutableRuleInfo;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;

/** What the static {@code secure_accelerator_access} rules share. */
final class AcceleratorRules {
  /** The AI-conformance requirement these rules support. */
  static final String REQUIREMENT = "secure_accelerator_access";

  private AcceleratorRules() {}

  static ImmutableRuleInfo.Builder info(String id) {
    return RuleInfo.builder()
        .id(id)
        .category(Category.CONFORMANCE)
        .requirement(REQUIREMENT)
        .severity(Severity.WARNING)
        .kinds(PodSpecRules.POD_KINDS);
  }
}
