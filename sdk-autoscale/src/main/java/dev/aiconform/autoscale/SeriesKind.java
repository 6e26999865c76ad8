package dev.aiconform.autoscale;

/**
 * The Prometheus type of a series, which decides the query: a gauge is read as is, a counter
 * through {@code rate()}, a histogram through {@code histogram_quantile()}.
 *
 * <pre>{@code
 * Vllm.TIME_TO_FIRST_TOKEN_P90.kind() == SeriesKind.HISTOGRAM
 * }</pre>
 */
public enum SeriesKind {
  GAUGE,
  COUNTER,
  HISTOGRAM
}
