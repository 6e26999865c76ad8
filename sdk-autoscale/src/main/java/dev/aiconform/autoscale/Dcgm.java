package dev.aiconform.autoscale;

import java.math.BigDecimal;

/**
 * NVIDIA dcgm-exporter metrics ({@code etc/default-counters.csv}): one series per GPU (or MIG
 * instance), labelled with the pod using it when the exporter runs with Kubernetes mapping, as the
 * GPU Operator's chart does. Scraped by a ServiceMonitor without {@code honorLabels: true}, those
 * labels arrive as {@code exported_namespace}/{@code exported_pod} (see {@link PrometheusSetup}).
 *
 * <pre>{@code
 * Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7) // the MIG-safe choice
 * }</pre>
 */
public final class Dcgm {
  private Dcgm() {}

  /** GPU utilisation in % (0–100). Not reported on MIG instances: use {@link #GR_ENGINE_ACTIVE}. */
  public static final MetricDefinition GPU_UTIL =
      device("DCGM_FI_DEV_GPU_UTIL", Unit.PERCENT, "GPU utilisation (time a kernel was running)")
          .maximum(BigDecimal.valueOf(100))
          .reportedOnMig(false)
          .build();

  /**
   * Ratio (0–1) of time the graphics engine was active; a profiling (DCP) metric of Volta and newer
   * datacenter GPUs, reported per MIG instance.
   */
  public static final MetricDefinition GR_ENGINE_ACTIVE =
      device(
              "DCGM_FI_PROF_GR_ENGINE_ACTIVE",
              Unit.RATIO,
              "ratio of time the graphics engine was active")
          .maximum(BigDecimal.ONE)
          .build();

  /** Ratio (0–1) of cycles the tensor (HMMA) pipe was active. */
  public static final MetricDefinition PIPE_TENSOR_ACTIVE =
      device(
              "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE",
              Unit.RATIO,
              "ratio of cycles the tensor (HMMA) pipe was active")
          .maximum(BigDecimal.ONE)
          .build();

  /** Ratio (0–1) of cycles the device memory interface was busy. */
  public static final MetricDefinition DRAM_ACTIVE =
      device(
              "DCGM_FI_PROF_DRAM_ACTIVE",
              Unit.RATIO,
              "ratio of cycles the device memory interface was active")
          .maximum(BigDecimal.ONE)
          .build();

  /** Ratio (0–1) of cycles an SM had at least one warp assigned (not collected by default). */
  public static final MetricDefinition SM_ACTIVE =
      device("DCGM_FI_PROF_SM_ACTIVE", Unit.RATIO, "ratio of cycles an SM had a warp assigned")
          .maximum(BigDecimal.ONE)
          .build();

  /** Framebuffer memory used, MiB. Inference servers fill it at start-up. */
  public static final MetricDefinition FB_USED =
      device("DCGM_FI_DEV_FB_USED", Unit.MEBIBYTES, "framebuffer memory used")
          .podAggregation(PodAggregation.SUM)
          .filledAtStartup(true)
          .build();

  /** Framebuffer memory free, MiB. */
  public static final MetricDefinition FB_FREE =
      device("DCGM_FI_DEV_FB_FREE", Unit.MEBIBYTES, "framebuffer memory free")
          .podAggregation(PodAggregation.SUM)
          .build();

  /** Memory bandwidth utilisation in % (0–100). Not reported on MIG instances. */
  public static final MetricDefinition MEM_COPY_UTIL =
      device("DCGM_FI_DEV_MEM_COPY_UTIL", Unit.PERCENT, "memory bandwidth utilisation")
          .maximum(BigDecimal.valueOf(100))
          .reportedOnMig(false)
          .build();

  /** Power draw, W. */
  public static final MetricDefinition POWER_USAGE =
      device("DCGM_FI_DEV_POWER_USAGE", Unit.WATTS, "power draw")
          .podAggregation(PodAggregation.SUM)
          .build();

  private static ImmutableMetricDefinition.Builder device(String series, Unit unit, String what) {
    return MetricDefinition.reported(Exporter.DCGM, Scope.DEVICE, series, unit, what);
  }
}
