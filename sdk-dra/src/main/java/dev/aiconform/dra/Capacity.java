package dev.aiconform.dra;

import dev.aiconform.dra.internal.cel.KubeQuantity;
import java.util.Objects;

/**
 * A device capacity a driver publishes (a Kubernetes quantity), such as a GPU's {@code memory}.
 * Selectors compare with the CEL quantity library and are guarded with {@code has()}.
 *
 * <pre>{@code
 * NvidiaGpu.MEMORY.atLeast("80Gi");
 * }</pre>
 */
public final class Capacity {
  private final String domain;
  private final String id;
  private final String description;

  Capacity(String domain, String id, String description) {
    this.domain = Objects.requireNonNull(domain, "domain");
    this.id = Objects.requireNonNull(id, "id");
    this.description = description;
  }

  public static Capacity of(String domain, String id) {
    return new Capacity(domain, id, "");
  }

  public String domain() {
    return domain;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public String qualifiedName() {
    return domain + "/" + id;
  }

  public String celPath() {
    return "device.capacity[" + Attribute.Cel.quote(domain) + "]." + id;
  }

  private static String quantity(String q) {
    if (!KubeQuantity.isQuantity(q)) {
      throw new IllegalArgumentException(
          "expected a Kubernetes quantity such as 80Gi or 1.5, found '" + q + "'");
    }
    return "quantity(" + Attribute.Cel.quote(q) + ")";
  }

  private DeviceSelector guarded(String comparison) {
    return DeviceSelector.guarded(celPath(), comparison);
  }

  public DeviceSelector atLeast(String quantity) {
    return guarded(celPath() + ".compareTo(" + quantity(quantity) + ") >= 0");
  }

  public DeviceSelector atMost(String quantity) {
    return guarded(celPath() + ".compareTo(" + quantity(quantity) + ") <= 0");
  }

  public DeviceSelector is(String quantity) {
    return guarded(celPath() + ".compareTo(" + quantity(quantity) + ") == 0");
  }

  @Override
  public String toString() {
    return qualifiedName() + " (capacity)";
  }
}
