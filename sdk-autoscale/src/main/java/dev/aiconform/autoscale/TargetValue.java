package dev.aiconform.autoscale;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a metric should be held at: an average per pod ({@code AverageValue}) or a total ({@code
 * Value}), in the metric's unit.
 *
 * <pre>{@code
 * TargetValue.averageValue(new BigDecimal("0.7")).quantity(); // "700m"
 * }</pre>
 */
public final class TargetValue {
  /** The HPA target types a metric intent can use. */
  public enum Kind {
    AVERAGE_VALUE("AverageValue"),
    VALUE("Value");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    /** {@code "AverageValue"}, as {@code target.type} spells it. */
    public String wireName() {
      return wireName;
    }
  }

  private final Kind kind;
  private final BigDecimal amount;

  private TargetValue(Kind kind, BigDecimal amount) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.amount = Objects.requireNonNull(amount, "amount").stripTrailingZeros();
    if (this.amount.signum() <= 0) {
      throw new IllegalArgumentException("a target must be positive; found " + amount);
    }
  }

  public static TargetValue averageValue(BigDecimal perPod) {
    return new TargetValue(Kind.AVERAGE_VALUE, perPod);
  }

  public static TargetValue value(BigDecimal total) {
    return new TargetValue(Kind.VALUE, total);
  }

  public Kind kind() {
    return kind;
  }

  public BigDecimal amount() {
    return amount;
  }

  /** The amount as a Kubernetes quantity: {@code 5}, {@code 700m}, {@code 2500u}. */
  public String quantity() {
    return Quantities.format(amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TargetValue
        && ((TargetValue) o).kind == kind
        && ((TargetValue) o).amount.compareTo(amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, amount.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return kind.wireName() + " " + quantity();
  }
}
