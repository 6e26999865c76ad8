package dev.aiconform.gang.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Resource arithmetic over pod specs: what a pod requests, sums, and Kubernetes quantity text. */
public final class Quantities {
  private static final BigDecimal KI = BigDecimal.valueOf(1024);
  private static final BigDecimal MI = KI.multiply(KI);
  private static final BigDecimal GI = MI.multiply(KI);
  private static final BigDecimal TI = GI.multiply(KI);

  private Quantities() {}

  /**
   * What one pod requests, per resource, in canonical units (cores, bytes, counts): the sum over
   * its containers of requests (limits where a request is missing, as the API server defaults).
   */
  public static Map<String, BigDecimal> podRequests(PodSpec spec) {
    Map<String, BigDecimal> out = new TreeMap<>();
    if (spec == null || spec.getContainers() == null) {
      return out;
    }
    for (Container c : spec.getContainers()) {
      ResourceRequirements r = c.getResources();
      if (r == null) {
        continue;
      }
      Map<String, Quantity> req = r.getRequests() == null ? Map.of() : r.getRequests();
      Map<String, Quantity> lim = r.getLimits() == null ? Map.of() : r.getLimits();
      Map<String, Quantity> effective = new TreeMap<>(lim);
      effective.putAll(req);
      for (Map.Entry<String, Quantity> e : effective.entrySet()) {
        amount(e.getValue()).ifPresent(a -> out.merge(e.getKey(), a, BigDecimal::add));
      }
    }
    return out;
  }

  /** A quantity's value, empty when it does not parse. */
  public static Optional<BigDecimal> amount(Quantity q) {
    if (q == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(q.getNumericalAmount());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code into += times × add}. */
  public static void addTimes(
      Map<String, BigDecimal> into, Map<String, BigDecimal> add, long times) {
    BigDecimal t = BigDecimal.valueOf(times);
    for (Map.Entry<String, BigDecimal> e : add.entrySet()) {
      into.merge(e.getKey(), e.getValue().multiply(t), BigDecimal::add);
    }
  }

  /**
   * Quantity text for a canonical amount: cores as {@code 16} or {@code 1500m}; bytes with the
   * largest exact binary suffix ({@code 64Gi}); counts as integers.
   */
  public static String format(String resource, BigDecimal amount) {
    BigDecimal a = amount.stripTrailingZeros();
    if (resource.equals("cpu")) {
      if (isInteger(a)) {
        return a.toBigInteger().toString();
      }
      BigDecimal milli = a.multiply(BigDecimal.valueOf(1000));
      return isInteger(milli) ? milli.toBigInteger() + "m" : a.toPlainString();
    }
    if (isInteger(a) && a.signum() > 0 && isByteResource(resource)) {
      for (Object[] unit : new Object[][] {{TI, "Ti"}, {GI, "Gi"}, {MI, "Mi"}, {KI, "Ki"}}) {
        BigDecimal[] qr = a.divideAndRemainder((BigDecimal) unit[0]);
        if (qr[1].signum() == 0) {
          return qr[0].toBigInteger() + (String) unit[1];
        }
      }
    }
    return isInteger(a) ? a.toBigInteger().toString() : a.toPlainString();
  }

  private static boolean isByteResource(String resource) {
    return resource.equals("memory")
        || resource.equals("ephemeral-storage")
        || resource.startsWith("hugepages-");
  }

  private static boolean isInteger(BigDecimal a) {
    return a.signum() == 0 || a.scale() <= 0 || a.stripTrailingZeros().scale() <= 0;
  }

  /** Canonical amounts as quantity text, sorted by resource name. */
  public static Map<String, String> formatAll(Map<String, BigDecimal> amounts) {
    Map<String, String> out = new TreeMap<>();
    amounts.forEach((k, v) -> out.put(k, format(k, v)));
    return out;
  }

  public static Map<String, Quantity> asQuantities(Map<String, BigDecimal> amounts) {
    Map<String, Quantity> out = new TreeMap<>();
    amounts.forEach((k, v) -> out.put(k, new Quantity(format(k, v))));
    return out;
  }
}
