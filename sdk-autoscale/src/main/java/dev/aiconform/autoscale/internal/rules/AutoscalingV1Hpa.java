package dev.aiconform.autoscale.internal.rules;

import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code autoscaling/v1} HorizontalPodAutoscaler read as the API server reads it: converted to
 * the one internal shape (pkg/apis/autoscaling/v1/conversion.go) that its validation then checks,
 * so a v1 object gets the v2 field paths ({@code targetCPUUtilizationPercentage} is validated as
 * {@code spec.metrics[0].resource.target.averageUtilization}).
 *
 * <pre>{@code
 * HorizontalPodAutoscaler v2 = AutoscalingV1Hpa.toV2(v1Hpa); // 80 % CPU when v1 names no target
 * }</pre>
 */
public final class AutoscalingV1Hpa {
  private AutoscalingV1Hpa() {}

  /**
   * The spec (and metadata) of {@code v1} as autoscaling/v2: its CPU target becomes a Resource
   * metric, and without one the conversion itself supplies the 80 % CPU target v1 always implied.
   * Status is not converted. The metrics and behavior v1 can carry in annotations are not read.
   */
  public static HorizontalPodAutoscaler toV2(
      io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler v1) {
    HorizontalPodAutoscaler v2 = new HorizontalPodAutoscaler();
    v2.setApiVersion("autoscaling/v2");
    v2.setKind("HorizontalPodAutoscaler");
    v2.setMetadata(v1.getMetadata());
    HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
    io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerSpec in =
        v1.getSpec() == null
            ? new io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerSpec()
            : v1.getSpec();
    io.fabric8.kubernetes.api.model.autoscaling.v1.CrossVersionObjectReference ref =
        in.getScaleTargetRef();
    if (ref != null) {
      spec.setScaleTargetRef(
          new CrossVersionObjectReference(ref.getApiVersion(), ref.getKind(), ref.getName()));
    }
    spec.setMinReplicas(in.getMinReplicas());
    spec.setMaxReplicas(in.getMaxReplicas());
    Integer cpu = in.getTargetCPUUtilizationPercentage();
    List<MetricSpec> metrics = new ArrayList<>();
    metrics.add(cpuUtilization(cpu == null ? HpaDefaulter.DEFAULT_CPU_UTILIZATION : cpu));
    spec.setMetrics(metrics);
    v2.setSpec(spec);
    return v2;
  }

  private static MetricSpec cpuUtilization(int percent) {
    MetricTarget target = new MetricTarget();
    target.setType("Utilization");
    target.setAverageUtilization(percent);
    MetricSpec m = new MetricSpec();
    m.setType("Resource");
    m.setResource(new ResourceMetricSource("cpu", target));
    return m;
  }
}
