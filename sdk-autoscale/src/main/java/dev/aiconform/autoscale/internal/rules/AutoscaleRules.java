package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.core.validation.Defaulter;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * sdk-autoscale's rules: the API server's HPA validation, AI-conformance checks for {@code
 * pod_autoscaling} and {@code ai_service_metrics}, and practice checks of HPAs, KEDA ScaledObjects,
 * prometheus-adapter rules and Prometheus Operator monitors.
 */
public final class AutoscaleRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    List<Rule> all = new ArrayList<>(HpaApiRules.all());
    all.addAll(AutoscalerRules.all());
    all.addAll(KedaRules.all());
    all.addAll(MonitoringRules.all());
    return all;
  }

  @Override
  public List<Defaulter> defaulters() {
    return List.of(new HpaDefaulter());
  }
}
