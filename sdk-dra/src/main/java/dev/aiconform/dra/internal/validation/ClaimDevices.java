package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.validation.FieldPath;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The devices section of a ResourceClaim ({@code spec.devices}) or a ResourceClaimTemplate ({@code
 * spec.spec.devices}), with the field path it sits at.
 */
record ClaimDevices(DeviceClaim devices, FieldPath path) {

  /** The devices section of a claim or template; empty for other objects or where it is absent. */
  static Optional<ClaimDevices> of(HasMetadata o) {
    if (o instanceof ResourceClaim && ((ResourceClaim) o).getSpec() != null) {
      return of(((ResourceClaim) o).getSpec().getDevices(), FieldPath.of("spec", "devices"));
    }
    if (o instanceof ResourceClaimTemplate
        && ((ResourceClaimTemplate) o).getSpec() != null
        && ((ResourceClaimTemplate) o).getSpec().getSpec() != null) {
      return of(
          ((ResourceClaimTemplate) o).getSpec().getSpec().getDevices(),
          FieldPath.of("spec", "spec", "devices"));
    }
    return Optional.empty();
  }

  private static Optional<ClaimDevices> of(DeviceClaim devices, FieldPath path) {
    return devices == null ? Optional.empty() : Optional.of(new ClaimDevices(devices, path));
  }

  /** The requests; empty when absent. */
  List<DeviceRequest> requests() {
    return ResourceApiValidation.nn(devices.getRequests());
  }

  /** The path of request {@code i}. */
  FieldPath request(int i) {
    return path.child("requests").index(i);
  }

  /**
   * Every {@code exactly} request and every {@code firstAvailable} alternative, request by request,
   * each at its path.
   */
  List<RequestedDevices> requested() {
    List<RequestedDevices> out = new ArrayList<>();
    List<DeviceRequest> rs = requests();
    for (int i = 0; i < rs.size(); i++) {
      DeviceRequest r = rs.get(i);
      if (r.getExactly() != null) {
        out.add(RequestedDevices.of(r.getExactly(), request(i).child("exactly")));
      }
      List<DeviceSubRequest> subs = ResourceApiValidation.nn(r.getFirstAvailable());
      for (int j = 0; j < subs.size(); j++) {
        out.add(RequestedDevices.of(subs.get(j), request(i).child("firstAvailable").index(j)));
      }
    }
    return out;
  }
}
