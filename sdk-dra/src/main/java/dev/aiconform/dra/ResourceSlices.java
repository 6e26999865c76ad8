package dev.aiconform.dra;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicyBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicyRangeBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.CounterBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.CounterSetBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttributeBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacityBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCounterConsumptionBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourcePoolBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSliceBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSliceSpecBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ResourceSlices as drivers publish them, for inventories, tests and simulation: a pool of devices
 * local to one node, reachable from all nodes or from a node selector, optionally with shared
 * counters (partitionable devices) and taints.
 *
 * <pre>{@code
 * ResourceSlice s = ResourceSlices.onNode("node-1", "gpu.example.com")
 *     .device("gpu-0", d -> d.attribute(ExampleGpu.MODEL, "LATEST-GPU-MODEL").capacity(ExampleGpu.MEMORY, "80Gi"))
 *     .build();
 * }</pre>
 */
public final class ResourceSlices {
  private ResourceSlices() {}

  /** A slice of devices local to {@code node}; the pool is named after the node. */
  public static Builder onNode(String node, String driver) {
    Builder b = new Builder(driver, node);
    b.spec.withNodeName(node);
    return b;
  }

  /** A slice of devices reachable from every node (network-attached). */
  public static Builder allNodes(String pool, String driver) {
    Builder b = new Builder(driver, pool);
    b.spec.withAllNodes(true);
    return b;
  }

  /** A slice of devices reachable from the nodes of a selector (one term). */
  public static Builder forNodes(String pool, String driver, NodeSelector selector) {
    Builder b = new Builder(driver, pool);
    b.spec.withNodeSelector(selector);
    return b;
  }

  /** Builds a slice. */
  public static final class Builder {
    private final String driver;
    private final String pool;
    private final ResourceSliceSpecBuilder spec = new ResourceSliceSpecBuilder();
    private final List<Device> devices = new ArrayList<>();
    private String name;
    private long generation = 1;
    private long sliceCount = 1;

    Builder(String driver, String pool) {
      this.driver = driver;
      this.pool = pool;
      this.name = pool + "-" + driver.replace('.', '-');
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder generation(long generation) {
      this.generation = generation;
      return this;
    }

    public Builder resourceSliceCount(long count) {
      this.sliceCount = count;
      return this;
    }

    public Builder device(String name, Consumer<DeviceSpec> device) {
      DeviceSpec d = new DeviceSpec(name, driver);
      device.accept(d);
      devices.add(d.build());
      return this;
    }

    public Builder device(Device device) {
      devices.add(device);
      return this;
    }

    /** A counter set devices of this pool consume from (partitionable devices). */
    public Builder sharedCounters(String counterSet, Map<String, String> counters) {
      spec.addToSharedCounters(
          new CounterSetBuilder().withName(counterSet).withCounters(counters(counters)).build());
      return this;
    }

    public ResourceSlice build() {
      spec.withDriver(driver)
          .withPool(
              new ResourcePoolBuilder()
                  .withName(pool)
                  .withGeneration(generation)
                  .withResourceSliceCount(sliceCount)
                  .build());
      if (!devices.isEmpty()) spec.withDevices(devices);
      return new ResourceSliceBuilder()
          .withMetadata(new ObjectMetaBuilder().withName(name).build())
          .withSpec(spec.build())
          .build();
    }
  }

  /** Counter values as quantities, in the order given. */
  private static Map<String, io.fabric8.kubernetes.api.model.resource.v1.Counter> counters(
      Map<String, String> values) {
    Map<String, io.fabric8.kubernetes.api.model.resource.v1.Counter> cs = new LinkedHashMap<>();
    values.forEach((k, v) -> cs.put(k, new CounterBuilder().withValue(new Quantity(v)).build()));
    return cs;
  }

  /** One device of a slice. */
  public static final class DeviceSpec {
    private final DeviceBuilder d;

    private final String driver;

    DeviceSpec(String name, String driver) {
      this.driver = driver;
      d = new DeviceBuilder().withName(name);
    }

    /** Drivers publish their own attributes and capacities by bare id, others qualified. */
    private String key(String domain, String id, String qualifiedName) {
      return domain.equals(driver) ? id : qualifiedName;
    }

    private String key(Attribute a) {
      return key(a.domain(), a.id(), a.qualifiedName());
    }

    public DeviceSpec attribute(StringAttribute a, String value) {
      return stringAttribute(key(a), value);
    }

    public DeviceSpec attribute(IntAttribute a, long value) {
      return intAttribute(key(a), value);
    }

    public DeviceSpec attribute(BoolAttribute a, boolean value) {
      d.addToAttributes(key(a), new DeviceAttributeBuilder().withBool(value).build());
      return this;
    }

    public DeviceSpec attribute(VersionAttribute a, String value) {
      return versionAttribute(key(a), value);
    }

    /** An attribute by raw name ({@code id} in the driver's domain, or {@code domain/id}). */
    public DeviceSpec stringAttribute(String name, String value) {
      d.addToAttributes(name, new DeviceAttributeBuilder().withString(value).build());
      return this;
    }

    public DeviceSpec intAttribute(String name, long value) {
      d.addToAttributes(name, new DeviceAttributeBuilder().withInt(value).build());
      return this;
    }

    public DeviceSpec versionAttribute(String name, String version) {
      d.addToAttributes(name, new DeviceAttributeBuilder().withVersion(version).build());
      return this;
    }

    public DeviceSpec capacity(Capacity c, String quantity) {
      return capacity(key(c.domain(), c.id(), c.qualifiedName()), quantity);
    }

    public DeviceSpec capacity(String name, String quantity) {
      d.addToCapacity(name, new DeviceCapacityBuilder().withValue(new Quantity(quantity)).build());
      return this;
    }

    /**
     * A consumable capacity shared by allocations in steps: each allocation consumes a multiple of
     * {@code step} from {@code min} (requests are rounded up), {@code default} when it requests
     * nothing, at most {@code max} (null: no maximum). Use with {@link #allowMultipleAllocations}.
     */
    public DeviceSpec capacityRange(
        String name, String quantity, String defaultQuantity, String min, String max, String step) {
      CapacityRequestPolicyRangeBuilder range =
          new CapacityRequestPolicyRangeBuilder().withMin(new Quantity(min));
      if (max != null) range.withMax(new Quantity(max));
      if (step != null) range.withStep(new Quantity(step));
      CapacityRequestPolicyBuilder policy = new CapacityRequestPolicyBuilder();
      if (defaultQuantity != null) policy.withDefault(new Quantity(defaultQuantity));
      policy.withValidRange(range.build());
      return sharedCapacity(name, quantity, policy);
    }

    /**
     * A consumable capacity allocations take in fixed sizes: requests are rounded up to the next of
     * {@code validValues} (ascending); {@code default} when an allocation requests nothing.
     */
    public DeviceSpec capacityValues(
        String name, String quantity, String defaultQuantity, String... validValues) {
      CapacityRequestPolicyBuilder policy = new CapacityRequestPolicyBuilder();
      if (defaultQuantity != null) policy.withDefault(new Quantity(defaultQuantity));
      for (String v : validValues) policy.addToValidValues(new Quantity(v));
      return sharedCapacity(name, quantity, policy);
    }

    /** A capacity with the policy by which allocations consume it. */
    private DeviceSpec sharedCapacity(
        String name, String quantity, CapacityRequestPolicyBuilder policy) {
      d.addToCapacity(
          name,
          new DeviceCapacityBuilder()
              .withValue(new Quantity(quantity))
              .withRequestPolicy(policy.build())
              .build());
      return this;
    }

    /** Consumes counters of a counter set of the pool (partitionable devices such as MIG). */
    public DeviceSpec consumes(String counterSet, Map<String, String> counters) {
      d.addToConsumesCounters(
          new DeviceCounterConsumptionBuilder()
              .withCounterSet(counterSet)
              .withCounters(counters(counters))
              .build());
      return this;
    }

    public DeviceSpec taint(String key, String value, String effect) {
      DeviceTaintBuilder t = new DeviceTaintBuilder().withKey(key).withEffect(effect);
      if (value != null) t.withValue(value);
      d.addToTaints(t.build());
      return this;
    }

    /** The device may be shared by several claims (consumable capacity). */
    public DeviceSpec allowMultipleAllocations() {
      d.withAllowMultipleAllocations(true);
      return this;
    }

    Device build() {
      return d.build();
    }
  }
}
