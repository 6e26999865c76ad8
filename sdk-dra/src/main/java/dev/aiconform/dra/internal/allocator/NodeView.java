package dev.aiconform.dra.internal.allocator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The resource pools one node sees, in the order the allocator searches them: pools by (driver,
 * pool name) with pools that have binding conditions last; within a pool the slices by name and
 * their devices in order. Devices of per-device node selection slices that do not reach the node
 * are left out. Device positions index {@link #devices}.
 */
final class NodeView {
  /** One pool as seen from the node. */
  static final class PoolView {
    final String driver;
    final String name;
    final String key;
    final boolean incomplete;
    final boolean invalid;
    final String invalidReason;

    /** Positions [start, end) in {@link NodeView#devices}. */
    int start;

    int end;

    /** Counter set → counter → value (partitionable devices). */
    final Map<String, Map<String, BigDecimal>> counterSets;

    final boolean bindingConditions;

    PoolView(
        String driver,
        String name,
        boolean incomplete,
        boolean invalid,
        String invalidReason,
        Map<String, Map<String, BigDecimal>> counterSets,
        boolean bindingConditions) {
      this.driver = driver;
      this.name = name;
      this.key = driver + "/" + name;
      this.incomplete = incomplete;
      this.invalid = invalid;
      this.invalidReason = invalidReason;
      this.counterSets = counterSets;
      this.bindingConditions = bindingConditions;
    }

    boolean usable() {
      return !incomplete && !invalid;
    }

    String describe() {
      return "pool " + name + " of driver " + driver;
    }
  }

  final String node;
  final List<PoolView> pools;

  /** Device entry indices by position. */
  final int[] devices;

  /** Pool index by position. */
  final int[] poolOf;

  NodeView(String node, List<PoolView> pools, int[] devices, int[] poolOf) {
    this.node = node;
    this.pools = pools;
    this.devices = devices;
    this.poolOf = poolOf;
  }

  boolean anyInvalid() {
    for (PoolView p : pools) if (p.invalid) return true;
    return false;
  }

  boolean anyIncomplete() {
    for (PoolView p : pools) if (p.incomplete) return true;
    return false;
  }
}
