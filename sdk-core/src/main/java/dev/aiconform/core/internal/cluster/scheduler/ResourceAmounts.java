package dev.aiconform.core.internal.cluster.scheduler;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource quantities in the units the scheduler compares: cores for cpu (rounded up to the
 * millicore, as Kubernetes' MilliValue), bytes for memory and storage and plain counts for every
 * other resource (rounded up to a whole unit, as Value).
 */
public final class ResourceAmounts {
  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";

  private ResourceAmounts() {}

  /** The amount of {@code quantity} for {@code resource}; zero when it cannot be read. */
  public static BigDecimal of(String resource, Quantity quantity) {
    if (quantity == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal amount;
    try {
      amount = quantity.getNumericalAmount();
    } catch (RuntimeException e) {
      // An unreadable quantity is the validator's business; here it counts as nothing.
      return BigDecimal.ZERO;
    }
    return CPU.equals(resource)
        ? amount.setScale(3, RoundingMode.CEILING)
        : amount.setScale(0, RoundingMode.CEILING);
  }

  /** Every entry of a resource list in scheduler units, sorted by resource name. */
  public static Map<String, BigDecimal> of(Map<String, Quantity> list) {
    Map<String, BigDecimal> out = new TreeMap<>();
    if (list != null) {
      list.forEach((name, q) -> out.put(name, of(name, q)));
    }
    return out;
  }

  /** Millicores of a cpu amount. */
  static long milli(BigDecimal cores) {
    return cores.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  static long whole(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.CEILING).longValue();
  }
}
