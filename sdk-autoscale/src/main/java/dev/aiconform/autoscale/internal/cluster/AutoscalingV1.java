package dev.aiconform.autoscale.internal.cluster;

import dev.aiconform.autoscale.internal.rules.AutoscalingV1Hpa;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import java.util.Optional;

/**
 * The controller works on autoscaling/v2; an autoscaling/v1 HPA is the same resource seen through
 * the older version ({@link AutoscalingV1Hpa}, the conversion validation also uses), and the
 * controller's status goes back into the v1 fields.
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
    HorizontalPodAutoscaler v2 = AutoscalingV1Hpa.toV2(v1);
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
