package dev.aiconform.dra.internal.allocator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocated state of an inventory, as the scheduler gathers it from allocated claims and
 * in-flight allocations: devices in use exclusively, shares of multi-allocatable devices with their
 * aggregated consumed capacity, and the counters of partitionable pools that allocated devices
 * consume. {@link #commit} and {@link #release} are exact inverses.
 *
 * <p>It also keeps, per match key that asked for it, how many matching devices are not exclusively
 * in use per node (and outside node-local pools): an upper bound of what a request can get on a
 * node, which lets the allocator skip nodes without searching them.
 */
final class DeviceLedger {
  /** Free matching devices of one match key, per node (an upper bound). */
  static final class KeyIndex {
    final DeviceInventory.MatchKey key;
    final long[] freeLocal;
    final BitSet nodesWithFree = new BitSet();
    long freeShared;

    KeyIndex(DeviceInventory.MatchKey key, int nodes) {
      this.key = key;
      this.freeLocal = new long[nodes];
    }

    /** Upper bound of free matching devices a node can see. */
    long free(int nodeOrdinal) {
      return (nodeOrdinal < 0 ? 0 : freeLocal[nodeOrdinal]) + freeShared;
    }
  }

  private final DeviceInventory inventory;
  private final int[] exclusive;
  private final int[] shares;
  private final Map<Integer, Map<String, BigDecimal>> consumed = new HashMap<>();

  /** poolKey \0 generation \0 counterSet → counter → consumed. */
  private final Map<String, Map<String, BigDecimal>> counters = new HashMap<>();

  private final List<KeyIndex> indexes = new ArrayList<>();
  private final Map<Integer, KeyIndex> indexByKey = new HashMap<>();
  private long version;

  DeviceLedger(DeviceInventory inventory) {
    this.inventory = inventory;
    this.exclusive = new int[inventory.slotCount()];
    this.shares = new int[inventory.slotCount()];
  }

  DeviceInventory inventory() {
    return inventory;
  }

  /** Changes with every commit and release. */
  long version() {
    return version;
  }

  boolean inUse(int slot) {
    return exclusive[slot] > 0;
  }

  int exclusiveCount(int slot) {
    return exclusive[slot];
  }

  int shares(int slot) {
    return shares[slot];
  }

  /** Capacity consumed by the shares of a multi-allocatable device. */
  BigDecimal consumed(int slot, String capacity) {
    Map<String, BigDecimal> m = consumed.get(slot);
    BigDecimal v = m == null ? null : m.get(capacity);
    return v == null ? BigDecimal.ZERO : v;
  }

  /** Counter consumption of allocated devices in a pool generation's counter set. */
  BigDecimal counterUse(String poolKey, long generation, String counterSet, String counter) {
    Map<String, BigDecimal> m = counters.get(counterKey(poolKey, generation, counterSet));
    BigDecimal v = m == null ? null : m.get(counter);
    return v == null ? BigDecimal.ZERO : v;
  }

  private static String counterKey(String poolKey, long generation, String set) {
    return poolKey + '\u0000' + generation + '\u0000' + set;
  }

  void commit(LedgerRecord record) {
    for (LedgerRecord.Use u : record.uses) apply(u, 1);
    version++;
  }

  void release(LedgerRecord record) {
    List<LedgerRecord.Use> uses = record.uses;
    for (int i = uses.size() - 1; i >= 0; i--) apply(uses.get(i), -1);
    version++;
  }

  private void apply(LedgerRecord.Use u, int sign) {
    int slot = u.slot();
    boolean wasAllocated = exclusive[slot] > 0 || shares[slot] > 0;
    switch (u.kind()) {
      case EXCLUSIVE:
        exclusive[slot] += sign;
        if (exclusive[slot] == (sign > 0 ? 1 : 0)) freeChanged(slot, -sign);
        break;
      case SHARED:
        shares[slot] += sign;
        Map<String, BigDecimal> m = consumed.computeIfAbsent(slot, k -> new HashMap<>());
        for (Map.Entry<String, BigDecimal> e : u.consumed().entrySet()) {
          BigDecimal delta = sign > 0 ? e.getValue() : e.getValue().negate();
          m.merge(e.getKey(), delta, BigDecimal::add);
        }
        if (shares[slot] == 0) consumed.remove(slot);
        break;
      case ADMIN:
      default:
        return;
    }
    boolean isAllocated = exclusive[slot] > 0 || shares[slot] > 0;
    if (wasAllocated != isAllocated) {
      for (int entry : inventory.entriesOfSlot(slot)) {
        DeviceEntry e = inventory.entry(entry);
        for (int i = 0; i < e.counterSets.length; i++) {
          Map<String, BigDecimal> c =
              counters.computeIfAbsent(
                  counterKey(e.poolKey, e.generation, e.counterSets[i]), k -> new HashMap<>());
          for (int k = 0; k < e.counterNames[i].length; k++) {
            BigDecimal v = e.counterValues[i][k];
            c.merge(e.counterNames[i][k], isAllocated ? v : v.negate(), BigDecimal::add);
          }
        }
      }
    }
  }

  private void freeChanged(int slot, int delta) {
    if (indexes.isEmpty()) return;
    for (int entry : inventory.entriesOfSlot(slot)) {
      for (KeyIndex ix : indexes) {
        if (inventory.matches(ix.key, entry) == DeviceInventory.NO_MATCH) continue;
        count(ix, inventory.entry(entry), delta);
      }
    }
  }

  /**
   * How many allocations a device can serve, for the bound: one, or (practically) unbounded for a
   * multi-allocatable device, which several requests and claims may share.
   */
  private int weight(DeviceEntry e) {
    return e.multiAllocatable && inventory.features().consumableCapacity() ? MULTI_WEIGHT : 1;
  }

  private static final int MULTI_WEIGHT = 1 << 20;

  private void count(KeyIndex ix, DeviceEntry e, int sign) {
    long delta = (long) sign * weight(e);
    int ordinal = e.localNode == null ? -1 : inventory.nodeOrdinal(e.localNode);
    if (ordinal < 0) {
      ix.freeShared += delta;
    } else {
      ix.freeLocal[ordinal] += delta;
      if (ix.freeLocal[ordinal] > 0) ix.nodesWithFree.set(ordinal);
      else ix.nodesWithFree.clear(ordinal);
    }
  }

  /**
   * The free-device index of a match key, built on first use: evaluates the key's selectors once on
   * every device (a device whose evaluation fails counts as matching, so the bound stays an upper
   * bound; the error surfaces when a search visits it).
   */
  KeyIndex index(DeviceInventory.MatchKey key) {
    KeyIndex ix = indexByKey.get(key.id);
    if (ix != null) return ix;
    inventory.evaluateAll(key);
    ix = new KeyIndex(key, inventory.localNodes().size());
    for (int i = 0; i < inventory.size(); i++) {
      if (inventory.matches(key, i) == DeviceInventory.NO_MATCH) continue;
      DeviceEntry e = inventory.entry(i);
      if (exclusive[e.slot] > 0) continue;
      count(ix, e, 1);
    }
    indexes.add(ix);
    indexByKey.put(key.id, ix);
    return ix;
  }
}
