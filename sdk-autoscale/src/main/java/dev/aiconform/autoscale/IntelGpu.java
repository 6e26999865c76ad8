package dev.aiconform.autoscale;

import java.math.BigDecimal;

/**
 * Intel XPU Manager exporter metrics for Intel data-center GPUs: one series per GPU, labelled with
 * the pod using it.
 *
 * <pre>{@code
 * IntelGpu.ENGINE_GROUP_RATIO.utilisation(0.6)
 * }</pre>
 */
public final class IntelGpu {
  private IntelGpu() {}

  /** Utilisation of an engine group (compute, copy, media) in % (0–100). */
  public static final MetricDefinition ENGINE_GROUP_RATIO =
      device("xpum_engine_group_ratio", Unit.PERCENT, "engine group utilisation")
          .maximum(BigDecimal.valueOf(100))
          .build();

  /** Device memory in use in % (0–100). Inference servers fill it at start-up. */
  public static final MetricDefinition MEMORY_RATIO =
      device("xpum_memory_ratio", Unit.PERCENT, "device memory in use")
          .maximum(BigDecimal.valueOf(100))
          .filledAtStartup(true)
          .build();

  /** Device memory in use, bytes. Inference servers fill it at start-up. */
  public static final MetricDefinition MEMORY_USED =
      device("xpum_memory_used_bytes", Unit.BYTES, "device memory in use")
          .podAggregation(PodAggregation.SUM)
          .filledAtStartup(true)
          .build();

  /** Power, W. */
  public static final MetricDefinition POWER =
      device("xpum_power_watts", Unit.WATTS, "power draw")
          .podAggregation(PodAggregation.SUM)
          .build();

  private static ImmutableMetricDefinition.Builder device(String series, Unit unit, String what) {
    return MetricDefinition.reported(Exporter.INTEL, Scope.DEVICE, series, unit, what);
  }
}
