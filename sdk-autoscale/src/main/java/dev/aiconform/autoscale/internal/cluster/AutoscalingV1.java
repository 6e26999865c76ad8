package dev.aiconform.autoscale.internal.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The controller works on autoscaling/v2; an autoscaling/v1 HPA is the same resource seen through
 * the older version (pkg/apis/autoscaling/v1/conversion.go): its CPU target becomes a Resource
 * metric, and the controller's status goes back into the v1 fields.
 */
final class AutoscalingV1 {
  private AutoscalingV1() {}

  /** The object as autoscaling/v2: itself, a v2 copy of a v1 HPA, or empty for anything else. */
  static Optional<HorizontalPodAutoscaler> asV2(HasMetadata stored) {
    if (stored instanceof HorizontalPodAutoscaler) {
      return Optional.of((HorizontalPodAutoscaler) stored);
    }
    if (!(stored
        instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler)) {
      return Optional.empty();
    }
    io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler v1 =
        (io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler) stored;
    HorizontalPodAutoscaler v2 = new HorizontalPodAutoscaler();
    v2.setApiVersion("autoscaling/v2");
    v2.setKind("HorizontalPodAutoscaler");
    v2.setMetadata(v1.getMetadata());
    HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
    if (v1.getSpec() != null) {
      io.fabric8.kubernetes.api.model.autoscaling.v1.CrossVersionObjectReference ref =
          v1.getSpec().getScaleTargetRef();
      if (ref != null) {
        spec.setScaleTargetRef(
            new CrossVersionObjectReference(ref.getApiVersion(), ref.getKind(), ref.getName()));
      }
      spec.setMinReplicas(v1.getSpec().getMinReplicas());
      spec.setMaxReplicas(v1.getSpec().getMaxReplicas());
      List<MetricSpec> metrics = new ArrayList<>();
      Integer cpu = v1.getSpec().getTargetCPUUtilizationPercentage();
      if (cpu != null) {
        // Without one, v2 defaulting supplies the same 80 % CPU target v1 would.
        MetricTarget target = new MetricTarget();
        target.setType("Utilization");
        target.setAverageUtilization(cpu);
        ResourceMetricSource resource = new ResourceMetricSource();
        resource.setName("cpu");
        resource.setTarget(target);
        MetricSpec m = new MetricSpec();
        m.setType("Resource");
        m.setResource(resource);
        metrics.add(m);
      }
      spec.setMetrics(metrics);
    }
    v2.setSpec(spec);
    if (v1.getStatus() != null) {
      HorizontalPodAutoscalerStatus status = new HorizontalPodAutoscalerStatus();
      status.setCurrentReplicas(v1.getStatus().getCurrentReplicas());
      status.setDesiredReplicas(v1.getStatus().getDesiredReplicas());
      status.setLastScaleTime(v1.getStatus().getLastScaleTime());
      v2.setStatus(status);
    }
    return Optional.of(v2);
  }

  /** Writes the v2 status the controller computed into a v1 HPA's status fields. */
  static void writeStatus(HasMetadata stored, HorizontalPodAutoscalerStatus status) {
    io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler v1 =
        (io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler) stored;
    io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerStatus out =
        v1.getStatus() == null
            ? new io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerStatus()
            : v1.getStatus();
    out.setCurrentReplicas(status.getCurrentReplicas());
    out.setDesiredReplicas(status.getDesiredReplicas());
    out.setLastScaleTime(status.getLastScaleTime());
    v1.setStatus(out);
  }
}
