package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.allocator.ClaimPlan.ConstraintSpec;
import dev.aiconform.dra.internal.allocator.ClaimPlan.RequestPlan;
import dev.aiconform.dra.internal.allocator.ClaimPlan.RequestSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The depth-first search of Kubernetes' structured allocator (incubating channel: allocateOne /
 * allocateDevice) for the claims of one pod on one node: claims in order, their requests in order,
 * firstAvailable alternatives tried in order (each with everything that follows), device slots
 * filled with combinations (never permutations) of the node's devices in pool order. The first
 * complete solution wins; there is no scoring.
 *
 * <p>Checks per candidate, in Kubernetes' order: in use (allocated or picked earlier in this
 * search; admin access only minds the same claim), CEL selectors (a runtime error aborts), capacity
 * (consumable capacity), taints against tolerations, counters of partitionable devices, then the
 * claim's constraints. Two deliberate differences from the upstream code: counters taken by a
 * candidate that a taint or constraint then rejects are given back (upstream keeps them for the
 * rest of the search), and distinctAttribute compares a device with every device already taken for
 * the constraint (upstream only with the last device of each request, which can accept duplicates
 * when a request takes three or more devices).
 */
final class NodeSearch {
  /** How many search steps one node may take before giving up, like the scheduler's timeout. */
  static final long DEFAULT_BUDGET = 2_000_000;

  private static final int NO = 0;
  private static final int YES = 1;
  private static final int MAX_EXCEEDED = 2;

  /** One device picked for a request. */
  record Chosen(RequestSpec spec, int entry, boolean multi, Map<String, BigDecimal> consumed) {}

  private record Frame(
      int claim, RequestSpec spec, int pos, boolean multi, boolean counters, int constraints) {}

  private static final class ConstraintState {
    final ConstraintSpec spec;
    int count;
    AttributeValue first;
    final List<AttributeValue> values = new ArrayList<>();

    ConstraintState(ConstraintSpec spec) {
      this.spec = spec;
    }

    boolean add(RequestSpec r, DeviceEntry e) {
      if (!spec.appliesTo(r)) return true;
      AttributeValue v = e.attribute(spec.attribute());
      if (v == null) return false;
      if (!spec.distinct()) {
        if (count == 0) {
          first = v;
          count = 1;
          return true;
        }
        if (!v.sameAs(first)) return false;
        count++;
        return true;
      }
      if (!values.isEmpty()) {
        if (v.type() == AttributeValue.Type.OTHER) return false;
        for (AttributeValue x : values) if (v.sameAs(x)) return false;
      }
      values.add(v);
      return true;
    }

    void remove(RequestSpec r) {
      if (!spec.appliesTo(r)) return;
      if (!spec.distinct()) count--;
      else values.remove(values.size() - 1);
    }
  }

  private final DeviceInventory inventory;
  private final DeviceLedger ledger;
  private final NodeView view;
  private final List<ClaimPlan> claims;
  private final AllocatorFeatures features;
  private final long budget;

  private final long[] claimMask;
  private final int[] allocating;
  private final int[] sharesInProgress;
  private final BigDecimal[][] capacityInProgress;
  private final Map<String, BigDecimal> countersInProgress = new HashMap<>();
  private final ConstraintState[][] constraints;
  private final List<List<Chosen>> results = new ArrayList<>();
  private final int[][] selected;
  private final Map<RequestSpec, int[]> allDevices = new HashMap<>();
  private final List<Frame> frames = new ArrayList<>();
  private long steps;

  NodeSearch(DeviceLedger ledger, NodeView view, List<ClaimPlan> claims, long budget) {
    this.ledger = ledger;
    this.inventory = ledger.inventory();
    this.view = view;
    this.claims = claims;
    this.features = inventory.features();
    this.budget = budget;
    int n = view.devices.length;
    this.claimMask = new long[n];
    this.allocating = new int[n];
    this.sharesInProgress = new int[n];
    this.capacityInProgress = new BigDecimal[n][];
    this.constraints = new ConstraintState[claims.size()][];
    this.selected = new int[claims.size()][];
    for (int c = 0; c < claims.size(); c++) {
      ClaimPlan p = claims.get(c);
      constraints[c] = new ConstraintState[p.constraints.size()];
      for (int k = 0; k < constraints[c].length; k++) {
        constraints[c][k] = new ConstraintState(p.constraints.get(k));
      }
      selected[c] = new int[p.requests.size()];
      results.add(new ArrayList<>());
    }
  }

  /**
   * Searches; returns the chosen devices per claim, or null when the node cannot satisfy the
   * claims.
   *
   * @throws AllocationFailure fatal for CEL runtime errors and requests the allocator refuses;
   *     non-fatal when the search ran out of budget
   */
  List<List<Chosen>> run() throws AllocationFailure {
    if (claims.size() > 64) {
      throw AllocationFailure.fatal(
          "a pod with more than 64 resource claims to allocate is not supported by the simulator");
    }
    for (int c = 0; c < claims.size(); c++) {
      for (RequestPlan rp : claims.get(c).requests) {
        for (RequestSpec s : rp.alternatives()) {
          if (s.all) allDevices.put(s, collectAll(claims.get(c), s));
        }
      }
    }
    if (allocateOne(0, 0, -1, 0, 0) != YES) return null;
    return results;
  }

  /** The alternative chosen per request of a claim (after a successful run). */
  int selectedAlternative(int claim, int request) {
    return selected[claim][request];
  }

  long steps() {
    return steps;
  }

  private int[] collectAll(ClaimPlan claim, RequestSpec spec) throws AllocationFailure {
    List<Integer> out = new ArrayList<>();
    for (NodeView.PoolView p : view.pools) {
      if (p.incomplete || p.invalid) {
        throw AllocationFailure.fatal(
            claim.name,
            spec.resultName,
            "asks for all devices, but resource pool "
                + p.key
                + (p.incomplete ? " is currently being updated" : " is currently invalid"));
      }
      for (int pos = p.start; pos < p.end; pos++) {
        int entry = view.devices[pos];
        if (!selectable(claim, spec, entry)) continue;
        if (features.consumableCapacity() && !capacityFits(spec, pos, inventory.entry(entry))) {
          continue;
        }
        out.add(pos);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean selectable(ClaimPlan claim, RequestSpec spec, int entry)
      throws AllocationFailure {
    byte m = inventory.matches(spec.key, entry);
    if (m == DeviceInventory.ERROR) {
      throw AllocationFailure.fatal(
          inventory.error(spec.key, entry).format(claim.name, inventory.entry(entry).id));
    }
    return m == DeviceInventory.MATCH;
  }

  private int allocateOne(int ci, int ri, int alt, int di, int start) throws AllocationFailure {
    if (++steps > budget) {
      throw AllocationFailure.onNode("timed out trying to allocate devices");
    }
    if (ci == claims.size()) return YES;
    ClaimPlan claim = claims.get(ci);
    if (ri == claim.requests.size()) {
      int r = allocateOne(ci + 1, 0, -1, 0, 0);
      return r == MAX_EXCEEDED ? NO : r;
    }
    RequestPlan rp = claim.requests.get(ri);
    if (alt < 0) {
      if (rp.firstAvailable()) {
        boolean allExceeded = true;
        for (int a = 0; a < rp.alternatives().size(); a++) {
          int r = allocateOne(ci, ri, a, 0, 0);
          if (r == MAX_EXCEEDED) continue;
          allExceeded = false;
          if (r == YES) {
            selected[ci][ri] = a;
            return YES;
          }
        }
        return allExceeded ? MAX_EXCEEDED : NO;
      }
      alt = 0;
    }
    RequestSpec spec = rp.alternatives().get(alt);
    int[] all = spec.all ? allDevices.get(spec) : null;
    if (spec.all && all.length == 0) return NO;
    int needed = spec.all ? all.length : spec.count;
    if (di >= needed) {
      return allocateOne(ci, ri + 1, -1, 0, 0);
    }
    if (results.get(ci).size() + needed - di > ClaimPlan.ALLOCATION_RESULTS_MAX_SIZE) {
      return MAX_EXCEEDED;
    }
    if (spec.all) {
      if (!allocateDevice(ci, spec, all[di], true)) return NO;
      int r = allocateOne(ci, ri, alt, di + 1, 0);
      if (r != YES) deallocate();
      return r;
    }
    int n = view.devices.length;
    for (int pos = start; pos < n; pos++) {
      NodeView.PoolView pool = view.pools.get(view.poolOf[pos]);
      if (!pool.usable()) {
        pos = pool.end - 1;
        continue;
      }
      int entry = view.devices[pos];
      DeviceEntry e = inventory.entry(entry);
      if (spec.adminAccess) {
        if (allocatingForClaim(pos, ci)) continue;
      } else if (inUse(pos, e)) {
        continue;
      }
      if (!selectable(claim, spec, entry)) continue;
      if (features.consumableCapacity() && !capacityFits(spec, pos, e)) continue;
      if (!allocateDevice(ci, spec, pos, false)) continue;
      int r = allocateOne(ci, ri, alt, di + 1, pos + 1);
      if (r == YES) return YES;
      deallocate();
      if (r == MAX_EXCEEDED) return MAX_EXCEEDED;
    }
    return NO;
  }

  private boolean allocatingForClaim(int pos, int claim) {
    return (claimMask[pos] & (1L << claim)) != 0;
  }

  private boolean inUse(int pos, DeviceEntry e) {
    return allocating[pos] > 0 || ledger.inUse(e.slot);
  }

  private boolean allocateDevice(int ci, RequestSpec spec, int pos, boolean must)
      throws AllocationFailure {
    DeviceEntry e = inventory.entry(view.devices[pos]);
    boolean multi = features.consumableCapacity() && e.multiAllocatable;
    if (!multi && spec.adminAccess && allocatingForClaim(pos, ci)) return false;
    if (!spec.adminAccess && inUse(pos, e)) return false;
    if (!features.partitionableDevices() && e.consumesCounters()) return false;
    if (features.deviceTaints() && DeviceTaints.preventsAllocation(e.taints, spec.tolerations)) {
      return false;
    }
    boolean skipCounters = multi && (ledger.shares(e.slot) > 0 || sharesInProgress[pos] > 0);
    boolean tookCounters = false;
    if (!skipCounters && e.consumesCounters()) {
      if (!takeCounters(pos, e)) return false;
      tookCounters = true;
    }
    ConstraintState[] cs = constraints[ci];
    for (int k = 0; k < cs.length; k++) {
      if (!cs[k].add(spec, e)) {
        for (int j = k - 1; j >= 0; j--) cs[j].remove(spec);
        if (tookCounters) giveBackCounters(e);
        if (must) {
          throw AllocationFailure.fatal(
              claims.get(ci).name,
              spec.subRequestName == null ? spec.requestName : spec.subRequestName,
              "cannot add device " + e.id + " because a claim constraint would not be satisfied");
        }
        return false;
      }
    }
    Map<String, BigDecimal> consumed = null;
    if (features.consumableCapacity()) {
      if (!capacityFits(spec, pos, e)) {
        for (int j = cs.length - 1; j >= 0; j--) cs[j].remove(spec);
        if (tookCounters) giveBackCounters(e);
        return false;
      }
      if (multi) {
        consumed = new HashMap<>();
        BigDecimal[] inProgress = capacityInProgress[pos];
        if (inProgress == null) {
          inProgress = new BigDecimal[e.capacities.length];
          java.util.Arrays.fill(inProgress, BigDecimal.ZERO);
          capacityInProgress[pos] = inProgress;
        }
        for (int i = 0; i < e.capacities.length; i++) {
          CapacitySpec c = e.capacities[i];
          BigDecimal v = c.consumed(spec.capacityValues.get(c.name));
          consumed.put(c.name, v);
          inProgress[i] = inProgress[i].add(v);
        }
        sharesInProgress[pos]++;
      }
    }
    if (!multi) {
      claimMask[pos] |= 1L << ci;
      allocating[pos]++;
    }
    frames.add(new Frame(ci, spec, pos, multi, tookCounters, cs.length));
    results.get(ci).add(new Chosen(spec, e.index, multi, consumed));
    return true;
  }

  private void deallocate() {
    Frame f = frames.remove(frames.size() - 1);
    DeviceEntry e = inventory.entry(view.devices[f.pos()]);
    ConstraintState[] cs = constraints[f.claim()];
    for (int j = f.constraints() - 1; j >= 0; j--) cs[j].remove(f.spec());
    List<Chosen> rs = results.get(f.claim());
    Chosen c = rs.remove(rs.size() - 1);
    if (f.multi()) {
      if (c.consumed() != null) {
        BigDecimal[] inProgress = capacityInProgress[f.pos()];
        for (int i = 0; i < e.capacities.length; i++) {
          inProgress[i] = inProgress[i].subtract(c.consumed().get(e.capacities[i].name));
        }
        sharesInProgress[f.pos()]--;
      }
    } else {
      claimMask[f.pos()] &= ~(1L << f.claim());
      allocating[f.pos()]--;
    }
    if (f.counters()) giveBackCounters(e);
  }

  /** Whether the device at {@code pos} has room for the request, given what is allocated. */
  boolean fitsCapacity(RequestSpec spec, int pos) {
    return capacityFits(spec, pos, inventory.entry(view.devices[pos]));
  }

  /** Whether the counters the device at {@code pos} consumes are still available. */
  boolean countersAvailable(int pos) {
    DeviceEntry e = inventory.entry(view.devices[pos]);
    if (!e.consumesCounters()) return true;
    if (e.multiAllocatable && features.consumableCapacity() && ledger.shares(e.slot) > 0) {
      return true;
    }
    if (!takeCounters(pos, e)) return false;
    giveBackCounters(e);
    return true;
  }

  /** Consumable capacity (consumable_capacity.go: CmpRequestOverCapacity). */
  private boolean capacityFits(RequestSpec spec, int pos, DeviceEntry e) {
    for (String name : spec.capacityValues.keySet()) {
      if (e.capacityIndex(name) < 0) return false;
    }
    BigDecimal[] inProgress = capacityInProgress[pos];
    for (int i = 0; i < e.capacities.length; i++) {
      CapacitySpec c = e.capacities[i];
      BigDecimal consumed = c.consumed(spec.capacityValues.get(c.name));
      if (c.violatesPolicy(consumed)) return false;
      BigDecimal total = consumed.add(ledger.consumed(e.slot, c.name));
      if (inProgress != null) total = total.add(inProgress[i]);
      if (total.compareTo(c.value) > 0) return false;
    }
    return true;
  }

  private String counterKey(DeviceEntry e, int set, int counter) {
    return e.poolKey
        + '\u0000'
        + e.generation
        + '\u0000'
        + e.counterSets[set]
        + '\u0000'
        + e.counterNames[set][counter];
  }

  private boolean takeCounters(int pos, DeviceEntry e) {
    NodeView.PoolView pool = view.pools.get(view.poolOf[pos]);
    for (int i = 0; i < e.counterSets.length; i++) {
      Map<String, BigDecimal> set = pool.counterSets.get(e.counterSets[i]);
      if (set == null) return false;
      for (int k = 0; k < e.counterNames[i].length; k++) {
        BigDecimal total = set.get(e.counterNames[i][k]);
        if (total == null) return false;
        BigDecimal used =
            ledger
                .counterUse(e.poolKey, e.generation, e.counterSets[i], e.counterNames[i][k])
                .add(countersInProgress.getOrDefault(counterKey(e, i, k), BigDecimal.ZERO));
        if (used.add(e.counterValues[i][k]).compareTo(total) > 0) return false;
      }
    }
    for (int i = 0; i < e.counterSets.length; i++) {
      for (int k = 0; k < e.counterNames[i].length; k++) {
        countersInProgress.merge(counterKey(e, i, k), e.counterValues[i][k], BigDecimal::add);
      }
    }
    return true;
  }

  private void giveBackCounters(DeviceEntry e) {
    for (int i = 0; i < e.counterSets.length; i++) {
      for (int k = 0; k < e.counterNames[i].length; k++) {
        countersInProgress.merge(
            counterKey(e, i, k), e.counterValues[i][k].negate(), BigDecimal::add);
      }
    }
  }
}
