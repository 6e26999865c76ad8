package dev.aiconform.autoscale;

import java.math.BigDecimal;

/**
 * NVIDIA Triton Inference Server metrics (labelled {@code model}, {@code version}). Queue time is a
 * cumulative counter, so it is scaled on as a rate: microseconds of queueing per second.
 *
 * <pre>{@code
 * Triton.QUEUE_DURATION_RATE.averageValue(50_000) // 50 ms of queueing per second per pod
 * }</pre>
 */
public final class Triton {
  private Triton() {}

  /** Requests received but not yet executing (newer Triton releases). */
  public static final MetricDefinition PENDING_REQUESTS =
      server("nv_inference_pending_request_count", Unit.COUNT, "requests waiting to execute")
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** Microseconds requests spent queued, per second of wall time. */
  public static final MetricDefinition QUEUE_DURATION_RATE =
      server(
              "nv_inference_queue_duration_us",
              Unit.MICROSECONDS_PER_SECOND,
              "microseconds of queueing per second")
          .kind(SeriesKind.COUNTER)
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** Successful inference requests per second. */
  public static final MetricDefinition REQUEST_SUCCESS_RATE =
      server("nv_inference_request_success", Unit.PER_SECOND, "successful requests per second")
          .kind(SeriesKind.COUNTER)
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** GPU utilisation as Triton sees it, ratio (0–1) per GPU. */
  public static final MetricDefinition GPU_UTILIZATION =
      server("nv_gpu_utilization", Unit.RATIO, "GPU utilisation, 0 to 1")
          .maximum(BigDecimal.ONE)
          .build();

  /** GPU memory in use, bytes. Triton fills it as it loads models. */
  public static final MetricDefinition GPU_MEMORY_USED =
      server("nv_gpu_memory_used_bytes", Unit.BYTES, "GPU memory in use")
          .podAggregation(PodAggregation.SUM)
          .filledAtStartup(true)
          .build();

  private static ImmutableMetricDefinition.Builder server(String series, Unit unit, String what) {
    return MetricDefinition.reported(Exporter.TRITON, Scope.POD, series, unit, what);
  }
}
