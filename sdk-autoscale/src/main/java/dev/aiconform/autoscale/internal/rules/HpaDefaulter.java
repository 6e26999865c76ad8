package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Defaulter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's {@code autoscaling/v2} defaults (pkg/apis/autoscaling/v2/defaults.go):
 * minReplicas 1, 80 % CPU when no metric is given, and a given {@code behavior}'s unset fields
 * filled (scale-up: no window, Max of 4 pods and 100 % per 15 s; scale-down: Max of 100 % per 15 s,
 * the window left to the controller's flag).
 */
public final class HpaDefaulter implements Defaulter {
  // pkg/apis/autoscaling/types.go: DefaultCPUUtilization
  static final int DEFAULT_CPU_UTILIZATION = 80;

  @Override
  public boolean appliesTo(HasMetadata object) {
    return object instanceof HorizontalPodAutoscaler
        || object instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
  }

  @Override
  public void apply(HasMetadata copy, TargetVersion version) {
    if (copy instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler) {
      applyV1((io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler) copy);
      return;
    }
    HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) copy;
    HorizontalPodAutoscalerSpec spec = hpa.getSpec();
    if (spec == null) {
      spec = new HorizontalPodAutoscalerSpec();
      hpa.setSpec(spec);
    }
    if (spec.getMinReplicas() == null) {
      spec.setMinReplicas(1);
    }
    if (spec.getMetrics() == null || spec.getMetrics().isEmpty()) {
      MetricTarget target = new MetricTarget();
      target.setType("Utilization");
      target.setAverageUtilization(DEFAULT_CPU_UTILIZATION);
      MetricSpec cpu = new MetricSpec();
      cpu.setType("Resource");
      cpu.setResource(new ResourceMetricSource("cpu", target));
      spec.setMetrics(new ArrayList<>(List.of(cpu)));
    }
    HorizontalPodAutoscalerBehavior b = spec.getBehavior();
    if (b != null) {
      b.setScaleUp(fill(b.getScaleUp(), scaleUpDefaults()));
      b.setScaleDown(fill(b.getScaleDown(), scaleDownDefaults()));
    }
  }

  /**
   * autoscaling/v1's only default (pkg/apis/autoscaling/v1/defaults.go): minReplicas 1. Its CPU
   * target is supplied by the conversion to v2 ({@link AutoscalingV1Hpa}).
   */
  private static void applyV1(
      io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler hpa) {
    if (hpa.getSpec() == null) {
      hpa.setSpec(new io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerSpec());
    }
    if (hpa.getSpec().getMinReplicas() == null) {
      hpa.getSpec().setMinReplicas(1);
    }
  }

  /** Scale-up defaults: no window, Max, 4 pods or 100 % per 15 s. */
  public static HPAScalingRules scaleUpDefaults() {
    HPAScalingRules r = new HPAScalingRules();
    r.setStabilizationWindowSeconds(0);
    r.setSelectPolicy("Max");
    r.setPolicies(
        new ArrayList<>(
            List.of(
                new HPAScalingPolicy(15, "Pods", 4), new HPAScalingPolicy(15, "Percent", 100))));
    return r;
  }

  /** Scale-down defaults: Max, 100 % per 15 s; the window comes from the controller's flag. */
  public static HPAScalingRules scaleDownDefaults() {
    HPAScalingRules r = new HPAScalingRules();
    r.setSelectPolicy("Max");
    r.setPolicies(new ArrayList<>(List.of(new HPAScalingPolicy(15, "Percent", 100))));
    return r;
  }

  // An empty policy list reads the same as an absent one in fabric8's model (and is not sent), so
  // it is defaulted here; an explicit "policies: []" in a file is reported by the behavior rule.
  static HPAScalingRules fill(HPAScalingRules given, HPAScalingRules defaults) {
    if (given == null) {
      return defaults;
    }
    if (given.getSelectPolicy() != null) {
      defaults.setSelectPolicy(given.getSelectPolicy());
    }
    if (given.getStabilizationWindowSeconds() != null) {
      defaults.setStabilizationWindowSeconds(given.getStabilizationWindowSeconds());
    }
    if (given.getPolicies() != null && !given.getPolicies().isEmpty()) {
      defaults.setPolicies(given.getPolicies());
    }
    if (given.getTolerance() != null) {
      defaults.setTolerance(given.getTolerance());
    }
    defaults.setAdditionalProperties(given.getAdditionalProperties());
    return defaults;
  }
}
