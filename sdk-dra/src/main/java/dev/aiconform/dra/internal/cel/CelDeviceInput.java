package dev.aiconform.dra.internal.cel;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of the CEL variable {@code device} for one device of a ResourceSlice: driver,
 * attributes and capacity keyed by domain then id (unqualified names belong to the driver's
 * domain), version attributes as {@link KubeSemver}, capacities as {@link KubeQuantity}.
 */
public final class CelDeviceInput {
  private final Map<String, Object> activation;

  private CelDeviceInput(Map<String, Object> activation) {
    this.activation = activation;
  }

  /** Builds the input; throws IllegalArgumentException for an attribute value it cannot read. */
  public static CelDeviceInput of(String driver, Device device) {
    Map<String, Object> attributes = new HashMap<>();
    if (device.getAttributes() != null) {
      for (Map.Entry<String, DeviceAttribute> e : device.getAttributes().entrySet()) {
        String[] dn = split(e.getKey(), driver);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner =
            (Map<String, Object>) attributes.computeIfAbsent(dn[0], k -> new HashMap<>());
        inner.put(dn[1], value(e.getKey(), e.getValue()));
      }
    }
    Map<String, Object> capacity = new HashMap<>();
    if (device.getCapacity() != null) {
      for (Map.Entry<String, DeviceCapacity> e : device.getCapacity().entrySet()) {
        String[] dn = split(e.getKey(), driver);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner =
            (Map<String, Object>) capacity.computeIfAbsent(dn[0], k -> new HashMap<>());
        Quantity q = e.getValue() == null ? null : e.getValue().getValue();
        inner.put(dn[1], q == null ? KubeQuantity.parse("0") : quantity(q));
      }
    }
    Map<String, Object> dev = new HashMap<>();
    dev.put("driver", driver == null ? "" : driver);
    dev.put("attributes", new DomainMap(attributes));
    dev.put("capacity", new DomainMap(capacity));
    dev.put("allowMultipleAllocations", Boolean.TRUE.equals(device.getAllowMultipleAllocations()));
    return new CelDeviceInput(Map.of("device", dev));
  }

  /** A fabric8 quantity as a CEL quantity. */
  public static KubeQuantity quantity(Quantity q) {
    String amount = q.getAmount() == null ? "0" : q.getAmount();
    String format = q.getFormat() == null ? "" : q.getFormat();
    return KubeQuantity.parse(amount + format);
  }

  private static String[] split(String name, String driver) {
    int slash = name.indexOf('/');
    return slash < 0
        ? new String[] {driver, name}
        : new String[] {name.substring(0, slash), name.substring(slash + 1)};
  }

  private static Object value(String name, DeviceAttribute a) {
    if (a == null) {
      throw new IllegalArgumentException("attribute " + name + ": unsupported attribute value");
    }
    if (a.getInt() != null) return a.getInt();
    if (a.getBool() != null) return a.getBool();
    if (a.getString() != null) return a.getString();
    if (a.getVersion() != null) {
      try {
        return KubeSemver.parse(a.getVersion());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "attribute " + name + ": parse semantic version: " + e.getMessage());
      }
    }
    if (a.getInts() != null && !a.getInts().isEmpty()) return List.copyOf(a.getInts());
    if (a.getBools() != null && !a.getBools().isEmpty()) return List.copyOf(a.getBools());
    if (a.getStrings() != null && !a.getStrings().isEmpty()) return List.copyOf(a.getStrings());
    if (a.getVersions() != null && !a.getVersions().isEmpty()) {
      List<Object> out = new ArrayList<>();
      for (String v : a.getVersions()) out.add(KubeSemver.parse(v));
      return out;
    }
    throw new IllegalArgumentException("attribute " + name + ": unsupported attribute value");
  }

  Map<String, Object> activation() {
    return activation;
  }
}
