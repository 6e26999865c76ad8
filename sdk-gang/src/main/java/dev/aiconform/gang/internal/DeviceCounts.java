package dev.aiconform.gang.internal;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many devices of each DeviceClass a claim asks for, the way Kueue charges DRA quota: the
 * {@code count} of ExactCount requests (default 1), the first alternative of a {@code
 * firstAvailable} list; {@code All} requests have no count and are not charged.
 */
public final class DeviceCounts {
  private DeviceCounts() {}

  public static Map<String, BigDecimal> of(ResourceClaimTemplate template) {
    Map<String, BigDecimal> out = new TreeMap<>();
    if (template == null || template.getSpec() == null) {
      return out;
    }
    ResourceClaimSpec spec = template.getSpec().getSpec();
    if (spec == null || spec.getDevices() == null || spec.getDevices().getRequests() == null) {
      return out;
    }
    for (DeviceRequest r : spec.getDevices().getRequests()) {
      ExactDeviceRequest exact = r.getExactly();
      if (exact != null) {
        add(out, exact.getDeviceClassName(), exact.getAllocationMode(), exact.getCount());
      } else if (r.getFirstAvailable() != null && !r.getFirstAvailable().isEmpty()) {
        DeviceSubRequest first = r.getFirstAvailable().get(0);
        add(out, first.getDeviceClassName(), first.getAllocationMode(), first.getCount());
      }
    }
    return out;
  }

  private static void add(
      Map<String, BigDecimal> out, String deviceClass, String mode, Long count) {
    if (deviceClass == null || "All".equals(mode)) {
      return;
    }
    long n = count == null ? 1 : count;
    out.merge(deviceClass, BigDecimal.valueOf(n), BigDecimal::add);
  }
}
