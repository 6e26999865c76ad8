package dev.aiconform.autoscale;

/**
 * The unit a metric is reported in, so targets can be checked against it ({@code utilisation(0.7)}
 * means {@code 70} for a percentage and {@code 0.7} for a ratio).
 *
 * <pre>{@code
 * Dcgm.GPU_UTIL.unit() == Unit.PERCENT
 * }</pre>
 */
public enum Unit {
  /** 0–100. */
  PERCENT("%"),
  /** 0–1. */
  RATIO("ratio"),
  BYTES("B"),
  MEBIBYTES("MiB"),
  WATTS("W"),
  SECONDS("s"),
  MICROSECONDS("µs"),
  /** Requests, items in a queue, tokens. */
  COUNT("count"),
  /** Microseconds of some activity per second of wall time (the rate of a µs counter). */
  MICROSECONDS_PER_SECOND("µs/s"),
  /** Occurrences per second (the rate of a counter). */
  PER_SECOND("1/s"),
  /** Whatever the query returns. */
  ANY("");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** What full utilisation is in this unit: 100 for a percentage, 1 for a ratio; else none. */
  double fullScale() {
    switch (this) {
      case PERCENT:
        return 100;
      case RATIO:
        return 1;
      default:
        return Double.NaN;
    }
  }
}
