package dev.aiconform.dra.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.dra.internal.allocator.AllocatorFeatures;
import dev.aiconform.dra.internal.allocator.LedgerRecord;
import dev.aiconform.dra.internal.allocator.NodeAllocation;
import dev.aiconform.dra.internal.allocator.StructuredAllocator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The devices of one in-memory cluster as the DynamicResources plugin sees them: an allocator over
 * the cluster's ResourceSlices, DeviceClasses and DeviceTaintRules (rebuilt when they change), and
 * its allocated state — the allocations stored in ResourceClaims plus the in-flight allocations of
 * pods that hold a reservation (Reserve happened, Bind not yet), like the scheduler's assume cache.
 */
final class ClusterDevices {
  /** What one pod reserved: in-flight allocations per claim uid, and claims to reserve. */
  static final class Reservation {
    final String node;
    final Map<String, InFlight> allocations = new LinkedHashMap<>();
    final Set<String> reservedClaims = new HashSet<>();

    Reservation(String node) {
      this.node = node;
    }
  }

  /** An allocation made at Reserve and written at Bind. */
  record InFlight(String podKey, AllocationResult result, LedgerRecord record) {}

  private record Stored(String resourceVersion, AllocationResult result, LedgerRecord record) {}

  private final AllocatorFeatures features;
  private StructuredAllocator allocator;
  private List<String> inventoryFingerprint = List.of();
  private final Map<String, Stored> stored = new HashMap<>();
  private final Map<String, InFlight> inFlight = new HashMap<>();
  private final Map<String, Reservation> reservations = new HashMap<>();

  ClusterDevices(AllocatorFeatures features) {
    this.features = features;
  }

  AllocatorFeatures features() {
    return features;
  }

  StructuredAllocator allocator() {
    return allocator;
  }

  /** The pod's resource claims ({@code spec.resourceClaims}); empty when it has none. */
  static List<PodResourceClaim> podClaims(Pod pod) {
    return pod.getSpec() == null || pod.getSpec().getResourceClaims() == null
        ? List.of()
        : pod.getSpec().getResourceClaims();
  }

  static String podKey(Pod pod) {
    return pod.getMetadata().getNamespace()
        + "/"
        + pod.getMetadata().getName()
        + "/"
        + Objects.toString(pod.getMetadata().getUid(), "");
  }

  static String claimKey(ResourceClaim claim) {
    String uid = claim.getMetadata().getUid();
    return uid != null && !uid.isEmpty()
        ? uid
        : claim.getMetadata().getNamespace() + "/" + claim.getMetadata().getName();
  }

  /** Brings the allocator and its allocated state up to date with the cluster. */
  void sync(ClusterState state) {
    List<ResourceSlice> slices = state.list(ResourceSlice.class);
    List<DeviceClass> classes = state.list(DeviceClass.class);
    List<DeviceTaintRule> rules =
        features.deviceTaintRules() ? state.list(DeviceTaintRule.class) : List.of();
    List<String> fingerprint = new ArrayList<>();
    for (List<? extends HasMetadata> l : List.of(slices, classes, rules)) {
      fingerprint.add("|");
      for (HasMetadata o : l) {
        fingerprint.add(
            o.getMetadata().getName()
                + "@"
                + o.getMetadata().getResourceVersion()
                + "#"
                + System.identityHashCode(o));
      }
    }
    if (allocator == null || !fingerprint.equals(inventoryFingerprint)) {
      allocator = StructuredAllocator.of(slices, classes, rules, features);
      inventoryFingerprint = fingerprint;
      stored.clear();
      for (Map.Entry<String, InFlight> e : new ArrayList<>(inFlight.entrySet())) {
        InFlight f = e.getValue();
        InFlight rebuilt =
            new InFlight(f.podKey(), f.result(), LedgerRecord.of(f.result(), allocator));
        allocator.commit(rebuilt.record());
        inFlight.put(e.getKey(), rebuilt);
        Reservation r = reservations.get(f.podKey());
        if (r != null) r.allocations.put(e.getKey(), rebuilt);
      }
    }
    Set<String> seen = new HashSet<>();
    for (ResourceClaim claim : state.list(ResourceClaim.class)) {
      AllocationResult allocation =
          claim.getStatus() == null ? null : claim.getStatus().getAllocation();
      if (allocation == null) continue;
      String key = claimKey(claim);
      seen.add(key);
      if (inFlight.containsKey(key)) continue;
      String rv = Objects.toString(claim.getMetadata().getResourceVersion(), "");
      Stored s = stored.get(key);
      if (s != null && (s.resourceVersion().equals(rv) || s.result().equals(allocation))) {
        if (!s.resourceVersion().equals(rv)) {
          stored.put(key, new Stored(rv, s.result(), s.record()));
        }
        continue;
      }
      if (s != null) allocator.release(s.record());
      LedgerRecord record = LedgerRecord.of(allocation, allocator);
      allocator.commit(record);
      stored.put(key, new Stored(rv, allocation, record));
    }
    for (String key : new ArrayList<>(stored.keySet())) {
      if (!seen.contains(key)) allocator.release(stored.remove(key).record());
    }
  }

  /** The pod holding an in-flight allocation of the claim, or null. */
  String allocatingPod(ResourceClaim claim) {
    InFlight f = inFlight.get(claimKey(claim));
    return f == null ? null : f.podKey();
  }

  /** Reserve: records the pod's allocations as in flight and the claims it will reserve. */
  void reserve(
      Pod pod,
      String node,
      List<ResourceClaim> toAllocate,
      NodeAllocation allocation,
      List<ResourceClaim> allocated) {
    String pk = podKey(pod);
    Reservation r = new Reservation(node);
    if (allocation != null) {
      for (int i = 0; i < toAllocate.size(); i++) {
        LedgerRecord record = allocation.records().get(i);
        allocator.commit(record);
        InFlight f = new InFlight(pk, allocation.results().get(i), record);
        String key = claimKey(toAllocate.get(i));
        inFlight.put(key, f);
        r.allocations.put(key, f);
      }
    }
    for (ResourceClaim c : allocated) r.reservedClaims.add(claimKey(c));
    reservations.put(pk, r);
  }

  /** Unreserve: releases exactly what {@link #reserve} took; nothing when there is nothing. */
  void unreserve(Pod pod) {
    Reservation r = reservations.remove(podKey(pod));
    if (r == null) return;
    List<Map.Entry<String, InFlight>> entries = new ArrayList<>(r.allocations.entrySet());
    for (int i = entries.size() - 1; i >= 0; i--) {
      Map.Entry<String, InFlight> e = entries.get(i);
      if (inFlight.remove(e.getKey()) != null) allocator.release(e.getValue().record());
    }
  }

  Reservation reservation(Pod pod) {
    return reservations.get(podKey(pod));
  }

  /** Bind wrote the allocation into the claim: it is stored now, no longer in flight. */
  void written(ResourceClaim claim) {
    String key = claimKey(claim);
    InFlight f = inFlight.remove(key);
    if (f != null) {
      stored.put(
          key,
          new Stored(
              Objects.toString(claim.getMetadata().getResourceVersion(), ""),
              f.result(),
              f.record()));
    }
  }

  void bound(Pod pod) {
    reservations.remove(podKey(pod));
  }

  /** How many pods hold a reservation of an allocated claim without having bound yet. */
  int pendingReservations(ResourceClaim claim) {
    String key = claimKey(claim);
    int n = 0;
    for (Reservation r : reservations.values()) if (r.reservedClaims.contains(key)) n++;
    return n;
  }
}
