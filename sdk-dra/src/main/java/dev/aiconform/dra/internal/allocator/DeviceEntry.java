package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.cel.CelDeviceInput;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCounterConsumption;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One device of one ResourceSlice with what the allocator needs precomputed: its id, slot (all
 * entries with the same driver/pool/device share allocation state, as Kubernetes' allocated state
 * is keyed by device id), node locality, typed attributes for constraints, capacities with request
 * policies, counter consumption, taints (including those of DeviceTaintRules) and the CEL input.
 */
final class DeviceEntry {
  final int index;
  final int slot;
  final DeviceId id;
  final Device device;
  final ResourceSlice slice;
  final String driver;
  final String poolKey;
  final long generation;

  /** The node the device is local to (slice or device nodeName), or null. */
  final String localNode;

  final boolean perDeviceNodeSelection;
  private final Map<String, AttributeValue> attributes;
  final CapacitySpec[] capacities;
  private final Map<String, Integer> capacityIndex;
  final String[] counterSets;
  final String[][] counterNames;
  final BigDecimal[][] counterValues;
  final List<DeviceTaint> taints;
  final boolean multiAllocatable;
  final boolean bindsToNode;
  final boolean hasBindingConditions;

  private CelDeviceInput input;
  private String inputError;

  DeviceEntry(int index, int slot, ResourceSlice slice, Device device) {
    this.index = index;
    this.slot = slot;
    this.slice = slice;
    this.device = device;
    var spec = slice.getSpec();
    this.driver = spec.getDriver();
    String pool = spec.getPool().getName();
    this.poolKey = driver + "/" + pool;
    this.id = new DeviceId(driver, pool, device.getName());
    this.generation = spec.getPool().getGeneration() == null ? 0 : spec.getPool().getGeneration();
    this.perDeviceNodeSelection = Boolean.TRUE.equals(spec.getPerDeviceNodeSelection());
    String node = null;
    if (perDeviceNodeSelection) {
      node = emptyToNull(device.getNodeName());
    } else {
      node = emptyToNull(spec.getNodeName());
    }
    this.localNode = node;
    Map<String, AttributeValue> attrs = new HashMap<>();
    if (device.getAttributes() != null) {
      for (Map.Entry<String, DeviceAttribute> e : device.getAttributes().entrySet()) {
        attrs.put(e.getKey(), AttributeValue.of(e.getValue()));
      }
    }
    this.attributes = attrs;
    List<CapacitySpec> caps = new ArrayList<>();
    Map<String, Integer> capIndex = new HashMap<>();
    if (device.getCapacity() != null) {
      List<String> names = new ArrayList<>(device.getCapacity().keySet());
      names.sort(null);
      for (String n : names) {
        DeviceCapacity c = device.getCapacity().get(n);
        capIndex.put(n, caps.size());
        caps.add(new CapacitySpec(n, c));
      }
    }
    this.capacities = caps.toArray(new CapacitySpec[0]);
    this.capacityIndex = capIndex;
    List<DeviceCounterConsumption> cc = NodeSelectors.nn(device.getConsumesCounters());
    this.counterSets = new String[cc.size()];
    this.counterNames = new String[cc.size()][];
    this.counterValues = new BigDecimal[cc.size()][];
    for (int i = 0; i < cc.size(); i++) {
      counterSets[i] = cc.get(i).getCounterSet();
      Map<String, io.fabric8.kubernetes.api.model.resource.v1.Counter> counters =
          cc.get(i).getCounters() == null ? Map.of() : cc.get(i).getCounters();
      counterNames[i] = counters.keySet().toArray(new String[0]);
      counterValues[i] = new BigDecimal[counterNames[i].length];
      for (int k = 0; k < counterNames[i].length; k++) {
        var c = counters.get(counterNames[i][k]);
        counterValues[i][k] = CapacitySpec.value(c == null ? null : c.getValue());
      }
    }
    this.taints = new ArrayList<>(NodeSelectors.nn(device.getTaints()));
    this.multiAllocatable = Boolean.TRUE.equals(device.getAllowMultipleAllocations());
    this.bindsToNode = Boolean.TRUE.equals(device.getBindsToNode());
    this.hasBindingConditions =
        device.getBindingConditions() != null && !device.getBindingConditions().isEmpty();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  boolean consumesCounters() {
    return counterSets.length > 0;
  }

  /**
   * The attribute a constraint names (fully qualified): the exact key, else the bare id when the
   * domain is the driver's (structured allocator: lookupAttribute).
   */
  AttributeValue attribute(String qualified) {
    AttributeValue v = attributes.get(qualified);
    if (v != null) return v;
    int slash = qualified.indexOf('/');
    if (slash < 0 || !qualified.regionMatches(0, driver, 0, slash) || slash != driver.length()) {
      return null;
    }
    return attributes.get(qualified.substring(slash + 1));
  }

  /**
   * The capacity a request names, by its exact key as Kubernetes compares them
   * (consumable_capacity.go: requestsContainNonExistCapacity); -1 when the device lacks it.
   */
  int capacityIndex(String name) {
    Integer i = capacityIndex.get(name);
    return i == null ? -1 : i;
  }

  /** The CEL input; null when a value cannot be read (see {@link #inputError()}). */
  CelDeviceInput input() {
    if (input == null && inputError == null) {
      try {
        input = CelDeviceInput.of(driver, device);
      } catch (IllegalArgumentException e) {
        inputError = e.getMessage();
      }
    }
    return input;
  }

  String inputError() {
    return inputError;
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
