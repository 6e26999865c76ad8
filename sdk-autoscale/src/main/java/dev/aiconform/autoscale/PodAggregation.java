package dev.aiconform.autoscale;

import java.util.Locale;

/**
 * How the several series of one pod (one per GPU, one per model) combine into the pod's value.
 *
 * <pre>{@code
 * Dcgm.FB_USED.podAggregation() == PodAggregation.SUM // memory of all of a pod's GPUs
 * }</pre>
 */
public enum PodAggregation {
  AVG,
  SUM,
  MAX;

  /** The PromQL aggregation operator: {@code avg}, {@code sum}, {@code max}. */
  public String promQl() {
    return name().toLowerCase(Locale.ROOT);
  }
}
