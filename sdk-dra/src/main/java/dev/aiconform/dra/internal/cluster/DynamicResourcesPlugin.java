package dev.aiconform.dra.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.NodeInfo;
import dev.aiconform.core.cluster.PluginStatus;
import dev.aiconform.core.cluster.SchedulingCycle;
import dev.aiconform.core.cluster.SchedulingPlugin;
import dev.aiconform.dra.internal.allocator.AllocationFailure;
import dev.aiconform.dra.internal.allocator.ClaimPlan;
import dev.aiconform.dra.internal.allocator.NodeAllocation;
import dev.aiconform.dra.internal.allocator.NodeSelectors;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodResourceClaimStatus;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimConsumerReference;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes' DynamicResources scheduling plugin for the in-memory cluster
 * (pkg/scheduler/framework/plugins/dynamicresources): PreFilter resolves the pod's ResourceClaims
 * and refuses pods whose claims are missing, being deleted, not theirs, in use by 256 pods, being
 * allocated for another pod or asking for a missing device class; Filter runs the structured
 * allocator per node (allocated claims only need their node selector to match); Score prefers nodes
 * where earlier firstAvailable alternatives fit; Reserve records the allocation as in flight,
 * Unreserve releases exactly that; Bind writes {@code status.allocation}, the finalizer and {@code
 * status.reservedFor}.
 *
 * <p>Where Kubernetes says only "cannot allocate all claims", the reason goes on to name the claim,
 * the request and why (see FailureAnalysis); identical nodes get identical reasons, so the
 * scheduler's message groups them.
 */
final class DynamicResourcesPlugin implements SchedulingPlugin {
  static final String NAME = "DynamicResources";
  private static final String STATE_KEY = "dra.state";

  // pkg/apis/resource/types.go: ResourceClaimReservedForMaxSize
  static final int RESERVED_FOR_MAX_SIZE = 256;
  // staging/src/k8s.io/api/resource/v1/types.go: Finalizer
  static final String FINALIZER = "resource.kubernetes.io/delete-protection";

  /** What PreFilter learned about the pod, for the rest of its cycle. */
  private static final class PodClaims {
    final List<ResourceClaim> claims = new ArrayList<>();
    final List<ResourceClaim> toAllocate = new ArrayList<>();
    final List<ClaimPlan> plans = new ArrayList<>();
    final List<NodeSelector> allocatedSelectors = new ArrayList<>();
    final List<ResourceClaim> allocated = new ArrayList<>();
    final Map<String, NodeAllocation> byNode = new HashMap<>();
  }

  private final ClusterDevices devices;

  DynamicResourcesPlugin(ClusterDevices devices) {
    this.devices = devices;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
    List<PodResourceClaim> podClaims = ClusterDevices.podClaims(pod);
    if (podClaims.isEmpty()) return PluginStatus.success();
    ClusterState state = cycle.state();
    PodClaims pc = new PodClaims();
    for (PodResourceClaim podClaim : podClaims) {
      Resolved r = resolve(state, pod, podClaim);
      if (r.problem != null) return PluginStatus.unresolvable(r.problem);
      if (r.claim != null) pc.claims.add(r.claim);
    }
    if (pc.claims.isEmpty()) return PluginStatus.success();
    devices.sync(state);
    String podKey = ClusterDevices.podKey(pod);
    for (ResourceClaim claim : pc.claims) {
      String name = ns(claim) + "/" + claim.getMetadata().getName();
      ResourceClaimStatus st = claim.getStatus();
      if (st != null && st.getAllocation() != null) {
        int reserved = st.getReservedFor() == null ? 0 : st.getReservedFor().size();
        if (reserved >= RESERVED_FOR_MAX_SIZE && !reservedFor(claim, pod)) {
          return PluginStatus.unresolvable("resourceclaim in use");
        }
        pc.allocated.add(claim);
        pc.allocatedSelectors.add(st.getAllocation().getNodeSelector());
        continue;
      }
      String allocating = devices.allocatingPod(claim);
      if (allocating != null && !allocating.equals(podKey)) {
        return PluginStatus.unresolvable(
            "resource claim " + name + " is in the process of being allocated");
      }
      var spec = claim.getSpec() == null ? null : claim.getSpec().getDevices();
      List<DeviceRequest> requests =
          spec == null || spec.getRequests() == null ? List.of() : spec.getRequests();
      for (DeviceRequest req : requests) {
        if (req.getExactly() != null) {
          String missing =
              missingClass(state, req.getExactly().getDeviceClassName(), req.getName());
          if (missing != null) return PluginStatus.unresolvable(missing);
        } else if (req.getFirstAvailable() != null && !req.getFirstAvailable().isEmpty()) {
          if (!devices.features().prioritizedList()) {
            return PluginStatus.unresolvable(
                "resource claim "
                    + name
                    + ", request "
                    + req.getName()
                    + ": has subrequests, but the DRAPrioritizedList feature is disabled");
          }
          for (DeviceSubRequest sub : req.getFirstAvailable()) {
            String missing =
                missingClass(state, sub.getDeviceClassName(), req.getName() + "/" + sub.getName());
            if (missing != null) return PluginStatus.unresolvable(missing);
          }
        } else {
          return PluginStatus.unresolvable(
              "resource claim " + name + ", request " + req.getName() + ": unknown request type");
        }
      }
      try {
        pc.plans.add(devices.allocator().plan(claim));
      } catch (AllocationFailure e) {
        return PluginStatus.error(e.getMessage());
      }
      pc.toAllocate.add(claim);
    }
    cycle.write(STATE_KEY, pc);
    return PluginStatus.success();
  }

  private static String missingClass(ClusterState state, String className, String request) {
    if (className == null || className.isEmpty()) {
      return "request " + request + ": unsupported request type";
    }
    if (state
        .get(io.fabric8.kubernetes.api.model.resource.v1.DeviceClass.class, null, className)
        .isEmpty()) {
      return "request " + request + ": device class " + className + " does not exist";
    }
    return null;
  }

  private record Resolved(ResourceClaim claim, String problem) {}

  /** dynamic-resource-allocation resourceclaim.Name + the plugin's checks of each claim. */
  private static Resolved resolve(ClusterState state, Pod pod, PodResourceClaim podClaim) {
    String ns = pod.getMetadata().getNamespace();
    String podName = ns + "/" + pod.getMetadata().getName();
    String claimName;
    boolean mustCheckOwner;
    if (podClaim.getResourceClaimName() != null) {
      claimName = podClaim.getResourceClaimName();
      mustCheckOwner = false;
    } else if (podClaim.getResourceClaimTemplateName() != null) {
      Optional<PodResourceClaimStatus> st =
          pod.getStatus() == null || pod.getStatus().getResourceClaimStatuses() == null
              ? Optional.empty()
              : pod.getStatus().getResourceClaimStatuses().stream()
                  .filter(s -> Objects.equals(s.getName(), podClaim.getName()))
                  .findFirst();
      if (st.isEmpty()) {
        return new Resolved(null, "pod \"" + podName + "\": ResourceClaim not created yet");
      }
      if (st.get().getResourceClaimName() == null) return new Resolved(null, null);
      claimName = st.get().getResourceClaimName();
      mustCheckOwner = true;
    } else {
      return new Resolved(
          null,
          "pod \""
              + podName
              + "\", spec.resourceClaim \""
              + podClaim.getName()
              + "\": none of the supported fields are set");
    }
    Optional<ResourceClaim> claim = state.get(ResourceClaim.class, ns, claimName);
    if (claim.isEmpty()) {
      return new Resolved(null, "resourceclaim.resource.k8s.io \"" + claimName + "\" not found");
    }
    ResourceClaim c = claim.get();
    if (c.getMetadata().getDeletionTimestamp() != null) {
      return new Resolved(null, "resourceclaim \"" + claimName + "\" is being deleted");
    }
    if (mustCheckOwner && !ownedBy(c, pod)) {
      return new Resolved(
          null,
          "ResourceClaim "
              + ns
              + "/"
              + claimName
              + " was not created for pod "
              + podName
              + " (pod is not owner)");
    }
    return new Resolved(c, null);
  }

  static boolean ownedBy(ResourceClaim claim, Pod pod) {
    List<OwnerReference> refs = claim.getMetadata().getOwnerReferences();
    if (refs == null) return false;
    for (OwnerReference r : refs) {
      if (Boolean.TRUE.equals(r.getController())
          && Objects.equals(r.getUid(), pod.getMetadata().getUid())) {
        return true;
      }
    }
    return false;
  }

  static boolean reservedFor(ResourceClaim claim, Pod pod) {
    if (claim.getStatus() == null || claim.getStatus().getReservedFor() == null) return false;
    for (ResourceClaimConsumerReference r : claim.getStatus().getReservedFor()) {
      if (Objects.equals(r.getUid(), pod.getMetadata().getUid())) return true;
    }
    return false;
  }

  private static String ns(ResourceClaim c) {
    return c.getMetadata().getNamespace();
  }

  @Override
  public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    PodClaims pc = cycle.read(STATE_KEY, PodClaims.class).orElse(null);
    if (pc == null) return PluginStatus.success();
    for (NodeSelector s : pc.allocatedSelectors) {
      if (s != null && !NodeSelectors.matches(s, node.name(), node.labels())) {
        return PluginStatus.unresolvable("resourceclaim not available on the node");
      }
    }
    if (pc.plans.isEmpty()) return PluginStatus.success();
    try {
      pc.byNode.put(node.name(), devices.allocator().allocate(pc.plans, node.node()));
      return PluginStatus.success();
    } catch (AllocationFailure e) {
      if (e.isFatal()) return PluginStatus.error(e.getMessage());
      return PluginStatus.unresolvable("cannot allocate all claims: " + e.getMessage());
    }
  }

  @Override
  public long score(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    PodClaims pc = cycle.read(STATE_KEY, PodClaims.class).orElse(null);
    if (pc == null) return 0;
    NodeAllocation a = pc.byNode.get(node.name());
    return a == null ? 0 : a.score();
  }

  @Override
  public PluginStatus reserve(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    PodClaims pc = cycle.read(STATE_KEY, PodClaims.class).orElse(null);
    if (pc == null) return PluginStatus.success();
    NodeAllocation a = null;
    if (!pc.plans.isEmpty()) {
      a = pc.byNode.get(node.name());
      if (a == null || a.ledgerVersion() != devices.allocator().version()) {
        try {
          a = devices.allocator().allocate(pc.plans, node.node());
        } catch (AllocationFailure e) {
          return e.isFatal()
              ? PluginStatus.error(e.getMessage())
              : PluginStatus.unschedulable("cannot allocate all claims: " + e.getMessage());
        }
      }
    }
    devices.reserve(pod, node.name(), pc.toAllocate, a, pc.allocated);
    return PluginStatus.success();
  }

  @Override
  public void unreserve(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    devices.unreserve(pod);
  }

  @Override
  public void bind(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    ClusterDevices.Reservation r = devices.reservation(pod);
    if (r == null) return;
    ClusterState state = cycle.state();
    for (PodResourceClaim podClaim : pod.getSpec().getResourceClaims()) {
      Resolved resolved = resolve(state, pod, podClaim);
      ResourceClaim claim = resolved.claim();
      if (claim == null) continue;
      String key = ClusterDevices.claimKey(claim);
      ClusterDevices.InFlight f = r.allocations.get(key);
      boolean changed = false;
      ResourceClaimStatus st = claim.getStatus();
      if (st == null) {
        st = new ResourceClaimStatus();
        claim.setStatus(st);
      }
      if (f != null && st.getAllocation() == null) {
        st.setAllocation(f.result());
        List<String> finalizers =
            claim.getMetadata().getFinalizers() == null
                ? new ArrayList<>()
                : new ArrayList<>(claim.getMetadata().getFinalizers());
        if (!finalizers.contains(FINALIZER)) finalizers.add(FINALIZER);
        claim.getMetadata().setFinalizers(finalizers);
        changed = true;
      }
      if (!reservedFor(claim, pod)) {
        List<ResourceClaimConsumerReference> refs =
            st.getReservedFor() == null ? new ArrayList<>() : new ArrayList<>(st.getReservedFor());
        ResourceClaimConsumerReference ref = new ResourceClaimConsumerReference();
        ref.setResource("pods");
        ref.setName(pod.getMetadata().getName());
        ref.setUid(pod.getMetadata().getUid());
        refs.add(ref);
        st.setReservedFor(refs);
        changed = true;
      }
      if (changed) {
        state.update(claim);
        devices.written(claim);
      }
    }
    devices.bound(pod);
  }
}
