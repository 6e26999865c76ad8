package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.ImmutableRuleInfo;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;

/** A rule with its {@link RuleInfo} built once. */
abstract class BaseRule implements Rule {
  private final RuleInfo info;

  BaseRule(RuleInfo info) {
    this.info = info;
  }

  @Override
  public RuleInfo info() {
    return info;
  }

  static ImmutableRuleInfo.Builder rule(
      String id, Category category, Severity severity, String title) {
    return RuleInfo.builder().id(id).category(category).severity(severity).title(title);
  }

  static final GroupKind HPA = GroupKind.of("autoscaling", "HorizontalPodAutoscaler");
  static final GroupKind SCALED_OBJECT = GroupKind.of("keda.sh", "ScaledObject");
  static final GroupKind LEGACY_SCALED_OBJECT = GroupKind.of("keda.k8s.io", "ScaledObject");
  static final GroupKind CONFIG_MAP = GroupKind.of("", "ConfigMap");
  static final GroupKind SERVICE_MONITOR = GroupKind.of("monitoring.coreos.com", "ServiceMonitor");
  static final GroupKind POD_MONITOR = GroupKind.of("monitoring.coreos.com", "PodMonitor");
}
