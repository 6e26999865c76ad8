package dev.aiconform.autoscale;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the replica calculator proposes for one metric: a replica count and the usage it saw (the
 * per-pod average, or the total), or why it could not compute one.
 *
 * <pre>{@code
 * Recommendation r = calculator.podsMetric(3, pods, new BigDecimal("5"));
 * r.replicas(); // OptionalInt[5]
 * }</pre>
 */
public final class Recommendation {
  private final int replicas;
  private final BigDecimal usage;
  private final String error;

  private Recommendation(int replicas, BigDecimal usage, String error) {
    this.replicas = replicas;
    this.usage = usage;
    this.error = error;
  }

  public static Recommendation of(int replicas, BigDecimal usage) {
    return new Recommendation(replicas, Objects.requireNonNull(usage, "usage"), null);
  }

  public static Recommendation failed(String error) {
    return new Recommendation(-1, null, Objects.requireNonNull(error, "error"));
  }

  /** The proposed replica count; empty when the metric could not be read. */
  public OptionalInt replicas() {
    return error == null ? OptionalInt.of(replicas) : OptionalInt.empty();
  }

  /** The usage the proposal is based on, in the metric's unit (milli precision). */
  public Optional<BigDecimal> usage() {
    return Optional.ofNullable(usage);
  }

  /** Why no replica count could be computed, as the controller would say it. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  public boolean isValid() {
    return error == null;
  }

  @Override
  public String toString() {
    return error == null ? replicas + " (usage " + usage.toPlainString() + ")" : "error: " + error;
  }
}
