package dev.aiconform.dra.internal.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes resource quantity as the CEL quantity library sees it: an exact decimal number,
 * parsed with the grammar of apimachinery's {@code resource.ParseQuantity} (binary suffixes Ki…Ei,
 * decimal suffixes n…E, decimal exponents). Equality is numeric, as {@code Quantity.Equal}.
 */
public final class KubeQuantity implements Comparable<KubeQuantity> {
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("", BigDecimal.ONE),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")));

  private final BigDecimal value;
  private final String text;

  private KubeQuantity(BigDecimal value, String text) {
    this.value = value;
    this.text = text;
  }

  /** Parses {@code 80Gi}, {@code 1.5}, {@code 100m}, {@code 1e3}; throws on anything else. */
  public static KubeQuantity parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.trim();
    if (s.isEmpty() || !s.equals(text)) {
      throw new IllegalArgumentException(
          "quantities must match the regular expression '"
              + "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i++;
    }
    int digitsStart = i;
    boolean dot = false;
    int digits = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      if (s.charAt(i) == '.') {
        if (dot) throw invalid(text);
        dot = true;
      } else {
        digits++;
      }
      i++;
    }
    if (digits == 0) {
      throw invalid(text);
    }
    String number = s.substring(0, i);
    if (number.endsWith(".")) number = number + "0";
    if (number.startsWith(".") || number.startsWith("+.") || number.startsWith("-.")) {
      number = number.replace(".", "0.");
    }
    String suffix = s.substring(i);
    BigDecimal n = new BigDecimal(number.substring(number.startsWith("+") ? 1 : 0));
    BigDecimal multiplier = SUFFIXES.get(suffix);
    if (multiplier == null) {
      if ((suffix.startsWith("e") || suffix.startsWith("E")) && suffix.length() > 1) {
        String exp = suffix.substring(1);
        if (!exp.matches("[+-]?[0-9]+")) throw invalid(text);
        try {
          multiplier = BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(exp));
        } catch (NumberFormatException e) {
          throw invalid(text);
        }
      } else {
        throw invalid(text);
      }
    }
    if (digitsStart > i) throw invalid(text);
    return new KubeQuantity(n.multiply(multiplier), text);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid quantity '" + text + "'");
  }

  /** Whether {@code text} is a quantity. */
  public static boolean isQuantity(String text) {
    try {
      parse(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static KubeQuantity of(BigDecimal value) {
    return new KubeQuantity(value, value.stripTrailingZeros().toPlainString());
  }

  /** The exact value (bytes for memory, units for counts). */
  public BigDecimal value() {
    return value;
  }

  /** Whether the value is a whole number that fits an int64 ({@code Quantity.AsInt64}). */
  public boolean isInteger() {
    try {
      value.toBigIntegerExact().longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  public long asInteger() {
    if (!isInteger()) {
      throw new IllegalArgumentException("cannot convert value to integer");
    }
    return value.longValueExact();
  }

  public double asApproximateFloat() {
    return value.doubleValue();
  }

  public long sign() {
    return value.signum();
  }

  public KubeQuantity add(KubeQuantity other) {
    return of(value.add(other.value));
  }

  public KubeQuantity sub(KubeQuantity other) {
    return of(value.subtract(other.value));
  }

  public KubeQuantity add(long other) {
    return of(value.add(BigDecimal.valueOf(other)));
  }

  public KubeQuantity sub(long other) {
    return of(value.subtract(BigDecimal.valueOf(other)));
  }

  /** Rounds up to a whole number (for milli values and counters). */
  public BigInteger ceil() {
    return value.setScale(0, java.math.RoundingMode.CEILING).toBigIntegerExact();
  }

  @Override
  public int compareTo(KubeQuantity o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubeQuantity && ((KubeQuantity) o).value.compareTo(value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  /** The text it was parsed from. */
  @Override
  public String toString() {
    return text;
  }
}
