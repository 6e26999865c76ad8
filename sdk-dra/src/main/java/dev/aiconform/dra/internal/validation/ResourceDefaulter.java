package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Defaulter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import java.util.List;

/**
 * The API server's defaulting of resource.k8s.io/v1 claims (pkg/apis/resource/v1/defaults.go):
 * {@code allocationMode} becomes ExactCount and, for ExactCount, {@code count} 0 becomes 1, on
 * exact requests and on every {@code firstAvailable} alternative; toleration operators default to
 * Equal (types.go {@code +default="Equal"}). Taint {@code timeAdded} is left alone: it is a
 * timestamp the server sets and no rule depends on it.
 */
public final class ResourceDefaulter implements Defaulter {
  @Override
  public boolean appliesTo(HasMetadata object) {
    return object instanceof ResourceClaim || object instanceof ResourceClaimTemplate;
  }

  @Override
  public void apply(HasMetadata copy, TargetVersion version) {
    DeviceClaim devices = ClaimDevices.of(copy).map(ClaimDevices::devices).orElse(null);
    if (devices == null || devices.getRequests() == null) return;
    for (DeviceRequest r : devices.getRequests()) {
      if (r == null) continue;
      ExactDeviceRequest e = r.getExactly();
      if (e != null) {
        e.setAllocationMode(allocationMode(e.getAllocationMode()));
        e.setCount(count(e.getAllocationMode(), e.getCount()));
        tolerations(e.getTolerations());
      }
      if (r.getFirstAvailable() != null) {
        for (DeviceSubRequest s : r.getFirstAvailable()) {
          s.setAllocationMode(allocationMode(s.getAllocationMode()));
          s.setCount(count(s.getAllocationMode(), s.getCount()));
          tolerations(s.getTolerations());
        }
      }
    }
  }

  /** An unset allocation mode is ExactCount (exactly and firstAvailable alike). */
  private static String allocationMode(String mode) {
    return mode == null || mode.isEmpty() ? "ExactCount" : mode;
  }

  /** ExactCount without a count (or with 0) asks for one device; other counts stay as given. */
  private static Long count(String mode, Long count) {
    return "ExactCount".equals(mode) && (count == null || count == 0) ? Long.valueOf(1L) : count;
  }

  private static void tolerations(List<DeviceToleration> ts) {
    if (ts == null) return;
    for (DeviceToleration t : ts) {
      if (t.getOperator() == null || t.getOperator().isEmpty()) t.setOperator("Equal");
    }
  }
}
