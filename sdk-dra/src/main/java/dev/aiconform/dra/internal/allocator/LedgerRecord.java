package dev.aiconform.dra.internal.allocator;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one claim's allocation takes from the {@link DeviceLedger}: devices allocated exclusively,
 * shares of multi-allocatable devices with their consumed capacity, and admin-access results (which
 * take nothing, as in the scheduler's allocated state).
 */
public final class LedgerRecord {
  enum Kind {
    EXCLUSIVE,
    SHARED,
    ADMIN
  }

  record Use(int slot, Kind kind, Map<String, BigDecimal> consumed) {}

  final List<Use> uses;

  LedgerRecord(List<Use> uses) {
    this.uses = List.copyOf(uses);
  }

  /** The record of an allocation result as stored in a claim's status. */
  public static LedgerRecord of(AllocationResult allocation, StructuredAllocator allocator) {
    return of(allocation, allocator.inventory());
  }

  static LedgerRecord of(AllocationResult allocation, DeviceInventory inventory) {
    List<Use> uses = new ArrayList<>();
    if (allocation != null && allocation.getDevices() != null) {
      for (DeviceRequestAllocationResult r :
          NodeSelectors.nn(allocation.getDevices().getResults())) {
        if (r == null) continue;
        int slot = inventory.slotOf(new DeviceId(r.getDriver(), r.getPool(), r.getDevice()));
        if (slot < 0) continue; // the device is no longer published
        if (Boolean.TRUE.equals(r.getAdminAccess())) {
          uses.add(new Use(slot, Kind.ADMIN, Map.of()));
        } else if (r.getShareID() != null && !r.getShareID().isEmpty()) {
          Map<String, BigDecimal> consumed = new HashMap<>();
          if (r.getConsumedCapacity() != null) {
            for (Map.Entry<String, Quantity> e : r.getConsumedCapacity().entrySet()) {
              consumed.put(e.getKey(), CapacitySpec.value(e.getValue()));
            }
          }
          uses.add(new Use(slot, Kind.SHARED, consumed));
        } else {
          uses.add(new Use(slot, Kind.EXCLUSIVE, Map.of()));
        }
      }
    }
    return new LedgerRecord(uses);
  }
}
