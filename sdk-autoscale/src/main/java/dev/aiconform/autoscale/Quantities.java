package dev.aiconform.autoscale;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Kubernetes quantities for metric targets: decimal amounts written the way the API server
 * canonicalises small values ({@code 0.7} as {@code 700m}), and read back exactly.
 *
 * <pre>{@code
 * Quantities.format(new BigDecimal("0.05")); // "50m"
 * Quantities.parse("1.5k");                  // Optional[1500]
 * }</pre>
 */
public final class Quantities {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Quantities() {}

  /** Integers as they are; fractions in the largest of m, u, n that makes them whole. */
  public static String format(BigDecimal amount) {
    BigDecimal a = amount.stripTrailingZeros();
    if (a.scale() <= 0) {
      return a.toBigIntegerExact().toString();
    }
    String[] suffixes = {"m", "u", "n"};
    BigDecimal scaled = a;
    for (String suffix : suffixes) {
      scaled = scaled.multiply(THOUSAND).stripTrailingZeros();
      if (scaled.scale() <= 0) {
        return scaled.toBigIntegerExact() + suffix;
      }
    }
    return a.toPlainString();
  }

  /** The numeric value of a quantity string, or empty when it is not a valid quantity. */
  public static Optional<BigDecimal> parse(String quantity) {
    if (quantity == null || quantity.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Quantity.getAmountInBytes(new Quantity(quantity.trim())).stripTrailingZeros());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The numeric value of a fabric8 quantity, or empty when it is not a valid quantity. */
  public static Optional<BigDecimal> value(Quantity quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    String text =
        quantity.getAmount() == null
            ? null
            : quantity.getAmount() + (quantity.getFormat() == null ? "" : quantity.getFormat());
    return parse(text);
  }
}
