package dev.aiconform.dra;

import dev.aiconform.dra.internal.allocator.NodeAllocation;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link DeviceAllocator} put a set of claims: the node and, per claim, the {@code
 * status.allocation} Kubernetes would write — or, when they fit nowhere, why, in the scheduler's
 * words ("0/4 nodes are available: 4 cannot allocate all claims: …").
 *
 * <pre>{@code
 * DevicePlacement p = allocator.place(claim);
 * if (p.isPlaced()) p.applyTo(claim); else log.info(p.reason());
 * }</pre>
 */
public final class DevicePlacement {
  /** One allocated device: the claim and request it serves and where it comes from. */
  public record AllocatedDevice(
      String claim, String request, String driver, String pool, String device) {}

  private final List<ResourceClaim> claims;
  private final NodeAllocation allocation;
  private final String reason;
  private final boolean claimError;
  private boolean released;

  private DevicePlacement(
      List<ResourceClaim> claims, NodeAllocation allocation, String reason, boolean claimError) {
    this.claims = List.copyOf(claims);
    this.allocation = allocation;
    this.reason = reason;
    this.claimError = claimError;
  }

  static DevicePlacement placed(List<ResourceClaim> claims, NodeAllocation allocation) {
    return new DevicePlacement(claims, allocation, "", false);
  }

  static DevicePlacement failed(List<ResourceClaim> claims, String reason) {
    return new DevicePlacement(claims, null, reason, false);
  }

  static DevicePlacement claimError(List<ResourceClaim> claims, String reason) {
    return new DevicePlacement(claims, null, reason, true);
  }

  /**
   * Not placed because of the claims themselves, wherever they go: a missing device class, a CEL
   * runtime error, more than 32 devices — the cases where the scheduler stops trying the pod.
   */
  public boolean isClaimError() {
    return claimError;
  }

  public boolean isPlaced() {
    return allocation != null;
  }

  /** The node the claims were allocated on. */
  public Optional<String> node() {
    return allocation == null ? Optional.empty() : Optional.of(allocation.node());
  }

  /** Why the claims fit nowhere; empty when placed. */
  public String reason() {
    return reason;
  }

  /** The claims, in the order given. */
  public List<ResourceClaim> claims() {
    return claims;
  }

  /** Per claim (in the order given), its {@code status.allocation}; empty when not placed. */
  public List<AllocationResult> allocations() {
    return allocation == null ? List.of() : allocation.results();
  }

  /** The allocation of one claim. */
  public Optional<AllocationResult> allocation(ResourceClaim claim) {
    int i = claims.indexOf(claim);
    return i < 0 || allocation == null
        ? Optional.empty()
        : Optional.of(allocation.results().get(i));
  }

  /** Every allocated device, claim by claim. */
  public List<AllocatedDevice> devices() {
    List<AllocatedDevice> out = new ArrayList<>();
    if (allocation == null) return out;
    for (int i = 0; i < claims.size(); i++) {
      ResourceClaim c = claims.get(i);
      String name =
          (c.getMetadata().getNamespace() == null ? "" : c.getMetadata().getNamespace() + "/")
              + c.getMetadata().getName();
      for (DeviceRequestAllocationResult r :
          allocation.results().get(i).getDevices().getResults()) {
        out.add(
            new AllocatedDevice(name, r.getRequest(), r.getDriver(), r.getPool(), r.getDevice()));
      }
    }
    return out;
  }

  /** Writes each claim's allocation into its {@code status.allocation}. */
  public void applyTo(ResourceClaim... claimsToUpdate) {
    for (ResourceClaim c : claimsToUpdate) {
      Optional<AllocationResult> r = allocation(c);
      if (r.isEmpty()) {
        throw new IllegalArgumentException(
            "claim " + c.getMetadata().getName() + " is not part of this placement");
      }
      if (c.getStatus() == null) {
        c.setStatus(new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimStatus());
      }
      c.getStatus().setAllocation(r.get());
    }
  }

  NodeAllocation allocation() {
    return allocation;
  }

  boolean markReleased() {
    boolean was = released;
    released = true;
    return !was;
  }

  @Override
  public String toString() {
    return isPlaced()
        ? "placed on " + allocation.node() + ": " + devices()
        : "not placed: " + Objects.toString(reason, "");
  }
}
