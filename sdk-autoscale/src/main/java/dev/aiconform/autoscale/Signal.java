package dev.aiconform.autoscale;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a metric responds to load and to the number of ready pods in a simulation: a queue or a
 * utilisation shared by the ready pods (each reports load ÷ pods), a value each pod reports
 * regardless of the others, or a single total (Object and External metrics).
 *
 * <pre>{@code
 * Signal.sharedAcrossPods(Load.constant(40)); // 4 ready pods each report 10 waiting requests
 * Signal.total(Load.step(0, Duration.ofMinutes(5), 300)); // a queue length for an External metric
 * }</pre>
 */
public final class Signal {
  private enum Kind {
    SHARED,
    PER_POD,
    TOTAL,
    UNAVAILABLE
  }

  private final Kind kind;
  private final Load load;

  private Signal(Kind kind, Load load) {
    this.kind = kind;
    this.load = Objects.requireNonNull(load, "load");
  }

  /** The load is spread over the ready pods: each reports load ÷ ready pods. */
  public static Signal sharedAcrossPods(Load load) {
    return new Signal(Kind.SHARED, load);
  }

  /** Each ready pod reports the load itself. */
  public static Signal perPod(Load load) {
    return new Signal(Kind.PER_POD, load);
  }

  /** One value for the whole workload (Object and External metrics). */
  public static Signal total(Load load) {
    return new Signal(Kind.TOTAL, load);
  }

  /** A metric the metrics API cannot return (the adapter has no rule, Prometheus is down). */
  public static Signal unavailable() {
    return new Signal(Kind.UNAVAILABLE, t -> 0);
  }

  /** Whether the metrics API returns anything for this signal. */
  public boolean isAvailable() {
    return kind != Kind.UNAVAILABLE;
  }

  /** What one ready pod reports at {@code t} when {@code readyPods} share the load. */
  public Optional<BigDecimal> perPodValue(Duration t, int readyPods) {
    double v = load.at(t);
    switch (kind) {
      case PER_POD:
        return Optional.of(decimal(v));
      default:
        return readyPods == 0 ? Optional.empty() : Optional.of(decimal(v / readyPods));
    }
  }

  /** The workload's total at {@code t}. */
  public BigDecimal totalValue(Duration t, int readyPods) {
    double v = load.at(t);
    return kind == Kind.PER_POD ? decimal(v * readyPods) : decimal(v);
  }

  private static BigDecimal decimal(double v) {
    return new BigDecimal(v, MathContext.DECIMAL64).max(BigDecimal.ZERO);
  }
}
