package dev.aiconform.dra.internal.allocator;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' structured allocation (k8s.io/dynamic-resource-allocation/structured, incubating
 * channel) over an in-memory allocated state: prepares claims, allocates them on one node at a time
 * and records allocations, with an index that rules out nodes that cannot have enough free matching
 * devices before searching them.
 *
 * <pre>{@code
 * StructuredAllocator a = StructuredAllocator.of(slices, classes, List.of(), AllocatorFeatures.all());
 * NodeAllocation na = a.allocate(List.of(a.plan(claim)), node);
 * a.commit(na);
 * }</pre>
 */
public final class StructuredAllocator {
  private final DeviceInventory inventory;
  private final DeviceLedger ledger;
  private long budget = NodeSearch.DEFAULT_BUDGET;

  public StructuredAllocator(DeviceInventory inventory) {
    this.inventory = inventory;
    this.ledger = new DeviceLedger(inventory);
  }

  public static StructuredAllocator of(
      Collection<ResourceSlice> slices,
      Collection<DeviceClass> classes,
      Collection<DeviceTaintRule> taintRules,
      AllocatorFeatures features) {
    return new StructuredAllocator(new DeviceInventory(slices, classes, taintRules, features));
  }

  public DeviceInventory inventory() {
    return inventory;
  }

  DeviceLedger ledger() {
    return ledger;
  }

  /** The search steps one node may take (the simulator's stand-in for the Filter timeout). */
  public void searchBudget(long steps) {
    this.budget = steps;
  }

  /** Changes whenever an allocation is committed or released. */
  public long version() {
    return ledger.version();
  }

  /**
   * Prepares a claim for allocation; fatal failures mean the claim cannot be allocated anywhere.
   */
  public ClaimPlan plan(ResourceClaim claim) throws AllocationFailure {
    return ClaimPlan.of(claim, inventory);
  }

  /**
   * Allocates all claims together on {@code node}, without recording anything.
   *
   * @throws AllocationFailure non-fatal with an explanation when the node cannot satisfy them;
   *     fatal for CEL runtime errors and requests the allocator refuses
   */
  public NodeAllocation allocate(List<ClaimPlan> claims, Node node) throws AllocationFailure {
    NodeView view = inventory.view(node);
    String name = node.getMetadata().getName();
    if (!mayFit(claims, name)) {
      throw AllocationFailure.onNode(new FailureAnalysis(ledger, view, claims).explain());
    }
    NodeSearch search = new NodeSearch(ledger, view, claims, budget);
    List<List<NodeSearch.Chosen>> chosen = search.run();
    if (chosen == null) {
      throw AllocationFailure.onNode(new FailureAnalysis(ledger, view, claims).explain());
    }
    return NodeAllocation.of(inventory, name, claims, chosen, search, ledger.version());
  }

  /**
   * As {@link #allocate}, but answers null instead of explaining why the node cannot satisfy the
   * claims (for searches over many nodes, which explain only when all fail).
   *
   * @throws AllocationFailure only fatal failures
   */
  public NodeAllocation tryAllocate(List<ClaimPlan> claims, Node node) throws AllocationFailure {
    String name = node.getMetadata().getName();
    if (!mayFit(claims, name)) return null;
    NodeSearch search = new NodeSearch(ledger, inventory.view(node), claims, budget);
    List<List<NodeSearch.Chosen>> chosen;
    try {
      chosen = search.run();
    } catch (AllocationFailure e) {
      if (e.isFatal()) throw e;
      return null;
    }
    return chosen == null
        ? null
        : NodeAllocation.of(inventory, name, claims, chosen, search, ledger.version());
  }

  /**
   * Whether the node could have enough free matching devices for every request (an upper bound from
   * the free-device index: false means it certainly cannot).
   */
  public boolean mayFit(List<ClaimPlan> claims, String node) {
    int ordinal = inventory.nodeOrdinal(node);
    int requests = 0;
    for (ClaimPlan c : claims) requests += c.requests.size();
    Map<Integer, Integer> neededPerKey = requests > 1 ? new HashMap<>() : null;
    for (ClaimPlan c : claims) {
      for (ClaimPlan.RequestPlan rp : c.requests) {
        boolean possible = false;
        for (ClaimPlan.RequestSpec s : rp.alternatives()) {
          if (s.adminAccess || ledger.index(s.key).free(ordinal) >= s.minimum()) {
            possible = true;
            break;
          }
        }
        if (!possible) return false;
        if (neededPerKey != null
            && rp.alternatives().size() == 1
            && !rp.alternatives().get(0).adminAccess) {
          ClaimPlan.RequestSpec s = rp.alternatives().get(0);
          neededPerKey.merge(s.key.id, s.minimum(), Integer::sum);
        }
      }
    }
    if (neededPerKey == null) return true;
    for (Map.Entry<Integer, Integer> e : neededPerKey.entrySet()) {
      DeviceInventory.MatchKey key = inventory.keys().get(e.getKey());
      if (ledger.index(key).free(ordinal) < e.getValue()) return false;
    }
    return true;
  }

  /**
   * Nodes (ordinals among the inventory's nodes with local devices) that may have a free device for
   * the first request; null when every node must be considered (shared pools, admin access).
   */
  public BitSet candidateNodes(List<ClaimPlan> claims) {
    if (inventory.hasSharedSlices()) return null;
    for (ClaimPlan c : claims) {
      if (c.requests.isEmpty()) continue;
      BitSet nodes = new BitSet();
      for (ClaimPlan.RequestSpec s : c.requests.get(0).alternatives()) {
        if (s.adminAccess) return null;
        nodes.or(ledger.index(s.key).nodesWithFree);
      }
      return nodes;
    }
    return null;
  }

  public void commit(NodeAllocation allocation) {
    for (LedgerRecord r : allocation.records) ledger.commit(r);
  }

  public void release(NodeAllocation allocation) {
    List<LedgerRecord> records = allocation.records;
    for (int i = records.size() - 1; i >= 0; i--) ledger.release(records.get(i));
  }

  public void commit(LedgerRecord record) {
    ledger.commit(record);
  }

  public void release(LedgerRecord record) {
    ledger.release(record);
  }
}
