package dev.aiconform.autoscale;

/**
 * Hugging Face Text Generation Inference metrics.
 *
 * <pre>{@code
 * Tgi.QUEUE_SIZE.averageValue(4)
 * }</pre>
 */
public final class Tgi {
  private Tgi() {}

  /** Requests waiting in the queue. */
  public static final MetricDefinition QUEUE_SIZE =
      server("tgi_queue_size", Unit.COUNT, "requests waiting in the queue")
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** Requests in the current batch. */
  public static final MetricDefinition BATCH_CURRENT_SIZE =
      server("tgi_batch_current_size", Unit.COUNT, "requests in the current batch")
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** Token budget of the current batch. */
  public static final MetricDefinition BATCH_CURRENT_MAX_TOKENS =
      server("tgi_batch_current_max_tokens", Unit.COUNT, "tokens in the current batch")
          .podAggregation(PodAggregation.SUM)
          .additive(true)
          .build();

  /** 90th percentile of time requests spend queued, seconds. */
  public static final MetricDefinition REQUEST_QUEUE_DURATION_P90 =
      server("tgi_request_queue_duration", Unit.SECONDS, "p90 time spent in the queue")
          .kind(SeriesKind.HISTOGRAM)
          .quantile(0.9)
          .build();

  /** 90th percentile of request duration, seconds. */
  public static final MetricDefinition REQUEST_DURATION_P90 =
      server("tgi_request_duration", Unit.SECONDS, "p90 request duration")
          .kind(SeriesKind.HISTOGRAM)
          .quantile(0.9)
          .build();

  private static ImmutableMetricDefinition.Builder server(String series, Unit unit, String what) {
    return MetricDefinition.reported(Exporter.TGI, Scope.POD, series, unit, what);
  }
}
