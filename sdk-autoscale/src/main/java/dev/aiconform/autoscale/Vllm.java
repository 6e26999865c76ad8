package dev.aiconform.autoscale;

import java.math.BigDecimal;

/**
 * vLLM server metrics ({@code vllm:} prefix, labelled {@code model_name}). The colon is legal in
 * Prometheus but awkward in the metrics API, so the adapter exposes {@code
 * vllm_num_requests_waiting} and so on.
 *
 * <pre>{@code
 * Vllm.NUM_REQUESTS_WAITING.averageValue(5)
 * Vllm.timeToFirstToken(0.95).averageValue(0.5) // p95 TTFT of 500 ms per pod
 * }</pre>
 */
public final class Vllm {
  private Vllm() {}

  /** Requests waiting to be scheduled: the queue, the most direct signal of overload. */
  public static final MetricDefinition NUM_REQUESTS_WAITING =
      queue("vllm:num_requests_waiting", "requests waiting in the scheduler queue");

  /** Requests being processed (in the running batch). */
  public static final MetricDefinition NUM_REQUESTS_RUNNING =
      queue("vllm:num_requests_running", "requests in the running batch");

  /** KV-cache usage as a ratio (0–1), despite the name. */
  public static final MetricDefinition KV_CACHE_USAGE =
      server("vllm:kv_cache_usage_perc", Unit.RATIO, "KV-cache blocks in use, 0 to 1")
          .maximum(BigDecimal.ONE)
          .podAggregation(PodAggregation.MAX)
          .build();

  /** The name of {@link #KV_CACHE_USAGE} before vLLM renamed it; recent versions omit it. */
  public static final MetricDefinition GPU_CACHE_USAGE =
      server("vllm:gpu_cache_usage_perc", Unit.RATIO, "KV-cache usage (deprecated name)")
          .maximum(BigDecimal.ONE)
          .podAggregation(PodAggregation.MAX)
          .replacedBy("vllm:kv_cache_usage_perc")
          .build();

  /** 90th percentile of time to first token, seconds. */
  public static final MetricDefinition TIME_TO_FIRST_TOKEN_P90 = timeToFirstToken(0.9);

  /** 90th percentile of time per output token after the first, seconds. */
  public static final MetricDefinition INTER_TOKEN_LATENCY_P90 =
      latency("vllm:inter_token_latency_seconds", 0.9, "inter-token latency");

  /** 90th percentile of end-to-end request latency, seconds. */
  public static final MetricDefinition E2E_REQUEST_LATENCY_P90 =
      latency("vllm:e2e_request_latency_seconds", 0.9, "end-to-end request latency");

  /** 90th percentile of time requests spend queued, seconds. */
  public static final MetricDefinition REQUEST_QUEUE_TIME_P90 =
      latency("vllm:request_queue_time_seconds", 0.9, "time spent in the queue");

  /** Generated tokens per second. */
  public static final MetricDefinition GENERATION_TOKENS_RATE =
      server("vllm:generation_tokens_total", Unit.PER_SECOND, "generated tokens per second")
          .kind(SeriesKind.COUNTER)
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** Prompt tokens processed per second. */
  public static final MetricDefinition PROMPT_TOKENS_RATE =
      server("vllm:prompt_tokens_total", Unit.PER_SECOND, "prompt tokens per second")
          .kind(SeriesKind.COUNTER)
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** A quantile (such as 0.95) of time to first token, seconds. */
  public static MetricDefinition timeToFirstToken(double quantile) {
    return latency("vllm:time_to_first_token_seconds", quantile, "time to first token");
  }

  private static MetricDefinition queue(String series, String what) {
    return server(series, Unit.COUNT, what)
        .podAggregation(PodAggregation.SUM)
        .additive(true)
        .build();
  }

  private static MetricDefinition latency(String series, double quantile, String what) {
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("a quantile must be in (0, 1); found " + quantile);
    }
    return server(series, Unit.SECONDS, "p" + Math.round(quantile * 100) + " " + what)
        .kind(SeriesKind.HISTOGRAM)
        .quantile(quantile)
        .build();
  }

  private static ImmutableMetricDefinition.Builder server(String series, Unit unit, String what) {
    return MetricDefinition.reported(Exporter.VLLM, Scope.POD, series, unit, what);
  }
}
