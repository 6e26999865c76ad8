package dev.aiconform.autoscale;

import java.math.BigDecimal;

/**
 * AMD device-metrics-exporter (ROCm) metrics: one series per GPU, labelled with the pod using it.
 * Some deployments prefix the names with {@code amd_}; both spellings are recognised.
 *
 * <pre>{@code
 * AmdGpu.GFX_ACTIVITY.utilisation(0.7) // 70 %
 * }</pre>
 */
public final class AmdGpu {
  private AmdGpu() {}

  /** Graphics (compute) engine activity in % (0–100). */
  public static final MetricDefinition GFX_ACTIVITY =
      device("gpu_gfx_activity", Unit.PERCENT, "graphics engine activity")
          .maximum(BigDecimal.valueOf(100))
          .build();

  /** Memory controller activity in % (0–100). */
  public static final MetricDefinition UMC_ACTIVITY =
      device("gpu_umc_activity", Unit.PERCENT, "memory controller activity")
          .maximum(BigDecimal.valueOf(100))
          .build();

  /** Tensor core activity in % (0–100), from the profiler. */
  public static final MetricDefinition TENSOR_ACTIVE =
      device("gpu_prof_tensor_active_percent", Unit.PERCENT, "tensor core activity")
          .maximum(BigDecimal.valueOf(100))
          .build();

  /** VRAM in use. Inference servers fill it at start-up. */
  public static final MetricDefinition USED_VRAM =
      device("gpu_used_vram", Unit.MEBIBYTES, "VRAM in use")
          .podAggregation(PodAggregation.SUM)
          .filledAtStartup(true)
          .build();

  /** Package power, W. */
  public static final MetricDefinition PACKAGE_POWER =
      device("gpu_package_power", Unit.WATTS, "package power")
          .podAggregation(PodAggregation.SUM)
          .build();

  private static ImmutableMetricDefinition.Builder device(String series, Unit unit, String what) {
    return MetricDefinition.reported(Exporter.AMD, Scope.DEVICE, series, unit, what)
        .addOtherName("amd_" + series);
  }
}
