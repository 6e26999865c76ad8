package dev.aiconform.autoscale;

import java.time.Duration;
import java.util.Objects;

/**
 * Demand over time in a metric's unit (requests waiting, tokens per second, GPU busy fraction):
 * what a test drives an HPA simulation with.
 *
 * <pre>{@code
 * Load rush = Load.ramp(0, 120, Duration.ofMinutes(10)).then(Duration.ofMinutes(20), Load.constant(10));
 * rush.at(Duration.ofMinutes(5)); // 60.0
 * }</pre>
 */
@FunctionalInterface
public interface Load {
  /** The demand {@code elapsed} after the simulation starts. */
  double at(Duration elapsed);

  static Load constant(double value) {
    return t -> value;
  }

  /** From {@code from} to {@code to}, linearly over {@code over}, then {@code to}. */
  static Load ramp(double from, double to, Duration over) {
    Objects.requireNonNull(over, "over");
    double seconds = over.toMillis() / 1000.0;
    return t -> {
      double s = t.toMillis() / 1000.0;
      return s >= seconds ? to : from + (to - from) * s / seconds;
    };
  }

  /** {@code before} until {@code at}, then {@code after}. */
  static Load step(double before, Duration at, double after) {
    return t -> t.compareTo(at) < 0 ? before : after;
  }

  /** This load until {@code at}, then {@code next} (whose time starts at 0 there). */
  default Load then(Duration at, Load next) {
    return t -> t.compareTo(at) < 0 ? this.at(t) : next.at(t.minus(at));
  }

  default Load plus(Load other) {
    return t -> this.at(t) + other.at(t);
  }

  default Load times(double factor) {
    return t -> this.at(t) * factor;
  }
}
