package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.allocator.ClaimPlan.ConstraintSpec;
import dev.aiconform.dra.internal.allocator.ClaimPlan.RequestPlan;
import dev.aiconform.dra.internal.allocator.ClaimPlan.RequestSpec;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains why a node cannot satisfy a pod's claims, where Kubernetes only says "cannot allocate
 * all claims": the first request that no device on the node can serve (no device of its class, its
 * selectors match none, the matching devices are allocated, tainted, out of capacity or counters),
 * else the constraint that the available devices cannot meet, else that the requests compete for
 * the same devices. Counts do not name the node, so identical nodes get identical explanations and
 * the scheduler's "0/N nodes are available" message groups them.
 */
final class FailureAnalysis {
  private static final int MAX_EXPRESSION = 120;
  private static final long SUB_SEARCH_BUDGET = 200_000;

  private final DeviceLedger ledger;
  private final DeviceInventory inventory;
  private final NodeView view;
  private final List<ClaimPlan> claims;

  FailureAnalysis(DeviceLedger ledger, NodeView view, List<ClaimPlan> claims) {
    this.ledger = ledger;
    this.inventory = ledger.inventory();
    this.view = view;
    this.claims = claims;
  }

  String explain() {
    String found = explainRequests();
    if (found == null) found = explainCombinations();
    return found + invalidPools();
  }

  private String invalidPools() {
    List<String> invalid = new ArrayList<>();
    for (NodeView.PoolView p : view.pools) {
      if (p.invalid) invalid.add(p.describe() + ": " + p.invalidReason);
    }
    return invalid.isEmpty()
        ? ""
        : "; invalid resource pools were encountered (" + String.join("; ", invalid) + ")";
  }

  private String explainRequests() {
    NodeSearch probe = new NodeSearch(ledger, view, List.of(), 0);
    for (ClaimPlan claim : claims) {
      for (RequestPlan rp : claim.requests) {
        List<String> problems = new ArrayList<>();
        boolean fits = false;
        for (RequestSpec spec : rp.alternatives()) {
          String p = problem(spec, probe);
          if (p == null) {
            fits = true;
            break;
          }
          problems.add(rp.firstAvailable() ? spec.subRequestName + ": " + p : p);
        }
        if (fits) continue;
        String what =
            rp.firstAvailable()
                ? "none of its alternatives fits (" + String.join("; ", problems) + ")"
                : problems.get(0);
        return AllocationFailure.aboutRequest(claim.name, rp.name(), what);
      }
    }
    return null;
  }

  /** Why the request alone cannot be served on the node, or null when it can. */
  private String problem(RequestSpec spec, NodeSearch probe) {
    AllocatorFeatures f = inventory.features();
    DeviceInventory.MatchKey classKey = inventory.key(spec.className, List.of());
    int ofClass = 0;
    int matching = 0;
    int free = 0;
    int allocated = 0;
    int tainted = 0;
    int capacity = 0;
    int counters = 0;
    DeviceTaint firstTaint = null;
    int unusablePools = 0;
    for (NodeView.PoolView pool : view.pools) {
      if (!pool.usable()) {
        unusablePools++;
        continue;
      }
      for (int pos = pool.start; pos < pool.end; pos++) {
        int entry = view.devices[pos];
        if (inventory.matches(classKey, entry) != DeviceInventory.MATCH) continue;
        ofClass++;
        if (inventory.matches(spec.key, entry) != DeviceInventory.MATCH) continue;
        matching++;
        DeviceEntry e = inventory.entry(entry);
        if (!spec.adminAccess && ledger.inUse(e.slot)) {
          allocated++;
          continue;
        }
        DeviceTaint t =
            f.deviceTaints() ? DeviceTaints.untolerated(e.taints, spec.tolerations) : null;
        if (t != null) {
          tainted++;
          if (firstTaint == null) firstTaint = t;
          continue;
        }
        if (f.consumableCapacity() && !probe.fitsCapacity(spec, pos)) {
          capacity++;
          continue;
        }
        if (e.consumesCounters() && (!f.partitionableDevices() || !probe.countersAvailable(pos))) {
          counters++;
          continue;
        }
        free++;
      }
    }
    String pools =
        unusablePools == 0
            ? ""
            : " (" + unusablePools + " incomplete or invalid pool(s) cannot be used)";
    if (ofClass == 0) {
      return "no device of class " + spec.className + " is available on the node" + pools;
    }
    if (matching == 0) {
      return describeSelectors(spec)
          + " matched 0 of "
          + ofClass
          + " device(s) of class "
          + spec.className
          + pools;
    }
    int needed = spec.all ? matching : spec.count;
    if (free >= needed) return null;
    List<String> why = new ArrayList<>();
    if (allocated > 0) why.add(allocated + " already allocated");
    if (tainted > 0) {
      why.add(tainted + " tainted (" + DeviceTaints.describe(firstTaint) + ") and not tolerated");
    }
    if (capacity > 0) why.add(capacity + " without enough free capacity");
    if (counters > 0) why.add(counters + " blocked by exhausted shared counters");
    String matched =
        matching + " of " + ofClass + " device(s) of class " + spec.className + " match";
    if (why.isEmpty()) {
      return "needs " + needed + " device(s); " + matched + pools;
    }
    if (spec.all) {
      return "allocationMode All needs every matching device; "
          + matched
          + ", "
          + String.join(", ", why)
          + pools;
    }
    return "needs "
        + needed
        + " device(s); "
        + matched
        + ", "
        + (free == 0 ? "none" : "only " + free)
        + " usable ("
        + String.join(", ", why)
        + ")"
        + pools;
  }

  private static String describeSelectors(RequestSpec spec) {
    if (spec.selectors.isEmpty()) return "the class selectors";
    String joined = String.join(" && ", spec.selectors);
    if (joined.length() > MAX_EXPRESSION) joined = joined.substring(0, MAX_EXPRESSION) + "…";
    return (spec.selectors.size() == 1 ? "selector " : "selectors ") + joined;
  }

  private String explainCombinations() {
    for (ClaimPlan claim : claims) {
      if (solvable(List.of(claim))) continue;
      if (!claim.constraints.isEmpty()) {
        for (ConstraintSpec c : claim.constraints) {
          if (!solvable(List.of(claim.withConstraints(List.of(c))))) {
            return "claim "
                + claim.name
                + ": constraint "
                + c.describe()
                + " cannot be satisfied by the available devices";
          }
        }
        if (solvable(List.of(claim.withConstraints(List.of())))) {
          return "claim "
              + claim.name
              + ": its constraints cannot be satisfied together by the available devices";
        }
      }
      return "claim " + claim.name + ": its requests together need more devices than are available";
    }
    return "the claims together need more devices than are available (each fits on its own)";
  }

  private boolean solvable(List<ClaimPlan> plans) {
    try {
      return new NodeSearch(ledger, view, plans, SUB_SEARCH_BUDGET).run() != null;
    } catch (AllocationFailure e) {
      return false;
    }
  }
}
