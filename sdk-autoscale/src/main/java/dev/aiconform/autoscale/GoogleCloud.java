package dev.aiconform.autoscale;

import java.math.BigDecimal;

/**
 * GKE system metrics for GPUs and TPUs in Cloud Monitoring, as the Custom Metrics Stackdriver
 * Adapter serves them to the HPA: {@code External} metrics whose names replace {@code /} with
 * {@code |} ({@code kubernetes.io|container|accelerator|duty_cycle}). prometheus-adapter does not
 * serve them and KEDA's Stackdriver scaler is deprecated, so they render to HPAs only.
 *
 * <pre>{@code
 * GoogleCloud.CONTAINER_DUTY_CYCLE.averageValue(70) // 70 % per pod on average
 * }</pre>
 */
public final class GoogleCloud {
  private GoogleCloud() {}

  /** Percent (0–100) of the sample period the container's accelerator was busy. */
  public static final MetricDefinition CONTAINER_DUTY_CYCLE =
      metric(
              "kubernetes.io/container/accelerator/duty_cycle",
              Unit.PERCENT,
              "percent of time the container's accelerator was busy")
          .maximum(BigDecimal.valueOf(100))
          .build();

  /** Accelerator memory the container uses, bytes. Inference servers fill it at start-up. */
  public static final MetricDefinition CONTAINER_MEMORY_USED =
      metric(
              "kubernetes.io/container/accelerator/memory_used",
              Unit.BYTES,
              "accelerator memory used by the container")
          .filledAtStartup(true)
          .build();

  /** TPU tensor core utilisation of the container in % (0–100). */
  public static final MetricDefinition CONTAINER_TENSORCORE_UTILIZATION =
      metric(
              "kubernetes.io/container/accelerator/tensorcore_utilization",
              Unit.PERCENT,
              "TPU tensor core utilisation")
          .maximum(BigDecimal.valueOf(100))
          .build();

  /** Accelerator memory bandwidth utilisation of the container in % (0–100). */
  public static final MetricDefinition CONTAINER_MEMORY_BANDWIDTH_UTILIZATION =
      metric(
              "kubernetes.io/container/accelerator/memory_bandwidth_utilization",
              Unit.PERCENT,
              "accelerator memory bandwidth utilisation")
          .maximum(BigDecimal.valueOf(100))
          .build();

  /** Percent (0–100) of the sample period the node's accelerators were busy (TPU nodes). */
  public static final MetricDefinition NODE_DUTY_CYCLE =
      metric(
              "kubernetes.io/node/accelerator/duty_cycle",
              Unit.PERCENT,
              "percent of time the node's accelerators were busy")
          .maximum(BigDecimal.valueOf(100))
          .build();

  private static ImmutableMetricDefinition.Builder metric(String series, Unit unit, String what) {
    return MetricDefinition.reported(Exporter.GOOGLE_CLOUD, Scope.EXTERNAL, series, unit, what)
        .podAggregation(PodAggregation.SUM)
        .additive(true);
  }
}
