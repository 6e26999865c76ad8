package dev.aiconform.dra;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.dra.internal.allocator.AllocationFailure;
import dev.aiconform.dra.internal.allocator.AllocatorFeatures;
import dev.aiconform.dra.internal.allocator.ClaimPlan;
import dev.aiconform.dra.internal.allocator.DeviceInventory;
import dev.aiconform.dra.internal.allocator.NodeAllocation;
import dev.aiconform.dra.internal.allocator.StructuredAllocator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Kubernetes' structured allocation of device claims over an inventory, outside a cluster: the same
 * allocator the in-memory cluster's DynamicResources plugin runs, for tests, capacity questions
 * ("do four of these fit?") and demos. It remembers what it allocated, so successive placements
 * compete for devices as pods do.
 *
 * <p>A placement goes to the first node by name on which all its claims fit together; when a
 * request has firstAvailable alternatives, to the node where the earliest alternatives fit, as the
 * scheduler's score prefers.
 *
 * <pre>{@code
 * DeviceAllocator allocator = DeviceAllocator.of(Inventories.h100Nodes(4));
 * DevicePlacement p = allocator.place(DeviceClaim.claim("pair").request(...).toResourceClaim());
 * }</pre>
 */
public final class DeviceAllocator {
  private final StructuredAllocator allocator;
  private final List<Node> nodes;
  private final Map<String, Node> nodesByName = new HashMap<>();

  private DeviceAllocator(StructuredAllocator allocator, List<Node> nodes) {
    this.allocator = allocator;
    this.nodes = nodes;
    for (Node n : nodes) nodesByName.put(n.getMetadata().getName(), n);
  }

  /**
   * An allocator over Nodes, ResourceSlices, DeviceClasses and DeviceTaintRules (other objects are
   * ignored), with the DRA feature gates of the newest supported Kubernetes version. Nodes that
   * slices name but the inventory lacks are assumed to exist (without labels).
   */
  public static DeviceAllocator of(Collection<? extends HasMetadata> inventory) {
    return of(inventory, TargetVersion.latest());
  }

  /** As {@link #of(Collection)}, with the default feature gates of {@code version}. */
  public static DeviceAllocator of(
      Collection<? extends HasMetadata> inventory, TargetVersion version) {
    return of(inventory, gate -> gate.enabledByDefault(version));
  }

  /** As {@link #of(Collection)}, with the DRA feature gates {@code enabled} says are on. */
  public static DeviceAllocator of(
      Collection<? extends HasMetadata> inventory, Predicate<FeatureGate> enabled) {
    List<ResourceSlice> slices = ofType(inventory, ResourceSlice.class);
    Map<String, Node> nodes = new TreeMap<>();
    for (Node n : ofType(inventory, Node.class)) nodes.put(n.getMetadata().getName(), n);
    for (ResourceSlice s : slices) {
      String name = s.getSpec() == null ? null : s.getSpec().getNodeName();
      if (name != null && !name.isEmpty() && !nodes.containsKey(name)) {
        nodes.put(name, new NodeBuilder().withNewMetadata().withName(name).endMetadata().build());
      }
    }
    StructuredAllocator a =
        new StructuredAllocator(
            new DeviceInventory(
                slices,
                ofType(inventory, DeviceClass.class),
                ofType(inventory, DeviceTaintRule.class),
                AllocatorFeatures.of(enabled)));
    return new DeviceAllocator(a, List.copyOf(nodes.values()));
  }

  private static <T> List<T> ofType(Collection<? extends HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** The nodes, by name. */
  public List<String> nodes() {
    return nodes.stream().map(n -> n.getMetadata().getName()).collect(Collectors.toList());
  }

  /** Allocates the claims together on one node and records it; see {@link DevicePlacement}. */
  public DevicePlacement place(ResourceClaim... claims) {
    return place(Arrays.asList(claims));
  }

  public DevicePlacement place(List<ResourceClaim> claims) {
    List<ClaimPlan> plans;
    try {
      plans = plans(claims);
    } catch (AllocationFailure e) {
      return DevicePlacement.claimError(claims, e.getMessage());
    }
    boolean scored = hasAlternatives(plans);
    NodeAllocation best = null;
    try {
      BitSet candidates = allocator.candidateNodes(plans);
      if (candidates != null && !scored) {
        List<String> local = allocator.inventory().localNodes();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
          Node node = nodesByName.get(local.get(i));
          if (node == null) continue;
          best = tryNode(plans, node);
          if (best != null) break;
        }
      } else {
        for (Node node : nodes) {
          NodeAllocation a = tryNode(plans, node);
          if (a != null && (best == null || a.score() > best.score())) best = a;
          if (a != null && !scored) break;
        }
      }
    } catch (AllocationFailure fatal) {
      return DevicePlacement.claimError(claims, fatal.getMessage());
    }
    if (best == null) {
      String why = explain(plans);
      return why.startsWith("0/")
          ? DevicePlacement.failed(claims, why)
          : DevicePlacement.claimError(claims, why);
    }
    allocator.commit(best);
    return DevicePlacement.placed(claims, best);
  }

  /**
   * Where the claims would go now, without recording anything: answers "would these fit?" without
   * taking devices from later placements.
   */
  public DevicePlacement tryPlace(ResourceClaim... claims) {
    DevicePlacement p = place(Arrays.asList(claims));
    release(p);
    return p;
  }

  /** Allocates the claims together on {@code node} and records it. */
  public DevicePlacement placeOn(String node, ResourceClaim... claims) {
    List<ResourceClaim> list = Arrays.asList(claims);
    Node n = nodesByName.get(node);
    if (n == null) {
      return DevicePlacement.failed(list, "node \"" + node + "\" not found");
    }
    try {
      NodeAllocation a = allocator.allocate(plans(list), n);
      allocator.commit(a);
      return DevicePlacement.placed(list, a);
    } catch (AllocationFailure e) {
      return DevicePlacement.failed(
          list, e.isFatal() ? e.getMessage() : "cannot allocate all claims: " + e.getMessage());
    }
  }

  /** Gives the devices of a placement back (once; later calls do nothing). */
  public void release(DevicePlacement placement) {
    if (placement.isPlaced() && placement.markReleased()) {
      allocator.release(placement.allocation());
    }
  }

  private List<ClaimPlan> plans(List<ResourceClaim> claims) throws AllocationFailure {
    List<ClaimPlan> plans = new ArrayList<>();
    for (ResourceClaim c : claims) plans.add(allocator.plan(c));
    return plans;
  }

  private static boolean hasAlternatives(List<ClaimPlan> plans) {
    for (ClaimPlan p : plans) {
      if (p.hasAlternatives()) return true;
    }
    return false;
  }

  private NodeAllocation tryNode(List<ClaimPlan> plans, Node node) throws AllocationFailure {
    return allocator.tryAllocate(plans, node);
  }

  /** "0/N nodes are available: …", reasons counted per node as the scheduler reports them. */
  private String explain(List<ClaimPlan> plans) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Node node : nodes) {
      try {
        allocator.allocate(plans, node);
        counts.merge("cannot allocate all claims", 1, Integer::sum);
      } catch (AllocationFailure e) {
        if (e.isFatal()) return e.getMessage();
        counts.merge("cannot allocate all claims: " + e.getMessage(), 1, Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((reason, n) -> parts.add(n + " " + reason));
    parts.sort(null);
    return "0/" + nodes.size() + " nodes are available: " + String.join(", ", parts) + ".";
  }
}
