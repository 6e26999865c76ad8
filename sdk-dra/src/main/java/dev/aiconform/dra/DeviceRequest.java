package dev.aiconform.dra;

import dev.aiconform.core.AiconformStyle;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequirementsBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequestBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequestBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One request of a claim: either exactly some devices of a class ({@code exactly}) or ordered
 * alternatives ({@code firstAvailable}), each alternative itself a request without admin access.
 *
 * <pre>{@code
 * DeviceRequest r = DeviceRequest.named("gpus").deviceClass("gpu.nvidia.com").count(2).build();
 * DeviceRequest alt = DeviceRequest.named("gpu").firstAvailable("h100", a -> a.deviceClass("gpu.nvidia.com"))...;
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class DeviceRequest {
  /** How many devices a request wants. */
  public enum AllocationMode {
    /** {@code count} devices (default 1). */
    EXACT_COUNT("ExactCount"),
    /** Every matching device of the pools the node sees. */
    ALL("All");

    private final String wire;

    AllocationMode(String wire) {
      this.wire = wire;
    }

    public String wireName() {
      return wire;
    }
  }

  public abstract String name();

  public abstract Optional<String> deviceClassName();

  public abstract List<DeviceSelector> selectors();

  public abstract Optional<AllocationMode> allocationMode();

  public abstract OptionalLong count();

  public abstract Optional<Boolean> adminAccess();

  public abstract List<Toleration> tolerations();

  /** Consumable capacity requests, such as {@code memory: 10Gi}. */
  public abstract Map<String, String> capacityRequests();

  /** Ordered alternatives; non-empty makes this a {@code firstAvailable} request. */
  public abstract List<DeviceRequest> firstAvailable();

  public boolean isFirstAvailable() {
    return !firstAvailable().isEmpty();
  }

  /** Starts a fluent request (the form {@code DeviceClaim.request(name, r -> ...)} hands out). */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The fabric8 {@code DeviceRequest}. */
  public io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest toFabric8() {
    DeviceRequestBuilder b = new DeviceRequestBuilder().withName(name());
    if (isFirstAvailable()) {
      List<DeviceSubRequest> subs = new ArrayList<>();
      for (DeviceRequest s : firstAvailable()) {
        DeviceSubRequestBuilder sb = new DeviceSubRequestBuilder().withName(s.name());
        s.deviceClassName().ifPresent(sb::withDeviceClassName);
        s.selectors().forEach(sel -> sb.addToSelectors(sel.toFabric8()));
        s.allocationMode().ifPresent(m -> sb.withAllocationMode(m.wireName()));
        if (s.count().isPresent()) sb.withCount(s.count().getAsLong());
        s.tolerations().forEach(t -> sb.addToTolerations(t.toFabric8()));
        if (!s.capacityRequests().isEmpty()) {
          sb.withCapacity(
              new CapacityRequirementsBuilder()
                  .withRequests(quantities(s.capacityRequests()))
                  .build());
        }
        subs.add(sb.build());
      }
      b.withFirstAvailable(subs);
    } else {
      ExactDeviceRequestBuilder eb = new ExactDeviceRequestBuilder();
      deviceClassName().ifPresent(eb::withDeviceClassName);
      selectors().forEach(sel -> eb.addToSelectors(sel.toFabric8()));
      allocationMode().ifPresent(m -> eb.withAllocationMode(m.wireName()));
      if (count().isPresent()) eb.withCount(count().getAsLong());
      adminAccess().ifPresent(eb::withAdminAccess);
      tolerations().forEach(t -> eb.addToTolerations(t.toFabric8()));
      if (!capacityRequests().isEmpty()) {
        eb.withCapacity(
            new CapacityRequirementsBuilder().withRequests(quantities(capacityRequests())).build());
      }
      ExactDeviceRequest exact = eb.build();
      b.withExactly(exact);
    }
    return b.build();
  }

  private static Map<String, Quantity> quantities(Map<String, String> in) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, new Quantity(v)));
    return out;
  }

  /** Fluent builder of a request. */
  public static final class Builder {
    private final ImmutableDeviceRequest.Builder b = ImmutableDeviceRequest.builder();

    Builder(String name) {
      b.name(name);
    }

    /** The DeviceClass the devices must belong to. */
    public Builder deviceClass(String deviceClassName) {
      b.deviceClassName(deviceClassName);
      return this;
    }

    /** A selector every device must satisfy (selectors are ANDed). */
    public Builder where(DeviceSelector selector) {
      b.addSelector(selector);
      return this;
    }

    /** A raw CEL selector, validated like any other. */
    public Builder whereCel(String expression) {
      return where(DeviceSelector.cel(expression));
    }

    /** Exactly {@code n} devices. */
    public Builder count(long n) {
      b.allocationMode(AllocationMode.EXACT_COUNT).count(n);
      return this;
    }

    /** Every matching device ({@code allocationMode: All}). */
    public Builder allDevices() {
      b.allocationMode(AllocationMode.ALL);
      return this;
    }

    public Builder adminAccess(boolean adminAccess) {
      b.adminAccess(adminAccess);
      return this;
    }

    public Builder tolerate(Toleration toleration) {
      b.addToleration(toleration);
      return this;
    }

    /** Consumable capacity: this much of the device's {@code capacity} (e.g. memory 10Gi). */
    public Builder capacity(String name, String quantity) {
      b.putCapacityRequest(name, quantity);
      return this;
    }

    public Builder capacity(Capacity capacity, String quantity) {
      return capacity(capacity.id(), quantity);
    }

    /** An alternative, tried in the order given ({@code firstAvailable}). */
    public Builder firstAvailable(String subRequestName, Consumer<Builder> alternative) {
      Builder sub = new Builder(subRequestName);
      alternative.accept(sub);
      b.addFirstAvailable(sub.build());
      return this;
    }

    public DeviceRequest build() {
      return b.build();
    }
  }
}
