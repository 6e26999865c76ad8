package dev.aiconform.autoscale.sim;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/** HPAs for simulator tests, written as YAML like the documentation's. */
final class Hpas {
  private Hpas() {}

  static final String HEAD =
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n"
          + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n";

  static HorizontalPodAutoscaler parse(String yaml) {
    return (HorizontalPodAutoscaler) KubeSerialization.get().unmarshal(yaml);
  }

  /** A Pods metric "queue" with an AverageValue target, between min and max replicas. */
  static HorizontalPodAutoscaler pods(int min, int max, String target, String behavior) {
    return parse(
        HEAD
            + "  minReplicas: "
            + min
            + "\n  maxReplicas: "
            + max
            + "\n"
            + "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: queue}\n"
            + "      target: {type: AverageValue, averageValue: \""
            + target
            + "\"}\n"
            + (behavior == null ? "" : "  behavior:\n" + behavior));
  }
}
