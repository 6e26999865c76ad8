package dev.aiconform.dra.internal.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.StandardAttributes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StructuredAllocatorTest {
  final List<HasMetadata> inventory = Inventories.h100Nodes(2);
  final StructuredAllocator allocator =
      new StructuredAllocator(of(ResourceSlice.class), of(DeviceClass.class), true);
  final Node node0 = of(Node.class).get(0);

  <T> List<T> of(Class<T> type) {
    return inventory.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  static ResourceClaim pair() {
    ResourceClaim c =
        DeviceClaim.claim("pair")
            .namespace("ml")
            .request(
                "gpus",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .count(2)
                        .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
            .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus")
            .toResourceClaim();
    return c;
  }

  @Test
  void allocatesTwoGpusOnTheSamePcieRoot() throws Exception {
    var a = allocator.allocate(List.of(pair()), node0, new StructuredAllocator.AllocatedState());
    assertThat(a.devices())
        .extracting(StructuredAllocator.DeviceId::device)
        .containsExactly("gpu-0", "gpu-1");
    var result = a.results().values().iterator().next();
    assertThat(
            result
                .getNodeSelector()
                .getNodeSelectorTerms()
                .get(0)
                .getMatchFields()
                .get(0)
                .getValues())
        .containsExactly("h100-node-0");
  }

  @Test
  void skipsAllocatedDevicesAndRespectsTheConstraint() throws Exception {
    var state = new StructuredAllocator.AllocatedState();
    state.add(new StructuredAllocator.DeviceId(NvidiaGpu.DRIVER, "h100-node-0", "gpu-1"));
    var a = allocator.allocate(List.of(pair()), node0, state);
    assertThat(a.devices())
        .extracting(StructuredAllocator.DeviceId::device)
        .containsExactly("gpu-2", "gpu-3");
  }

  @Test
  void explainsASelectorThatMatchesNothing() {
    ResourceClaim c =
        DeviceClaim.claim("b200")
            .namespace("ml")
            .request(
                "gpu",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA B200")))
            .toResourceClaim();
    assertThatThrownBy(
            () -> allocator.allocate(List.of(c), node0, new StructuredAllocator.AllocatedState()))
        .hasMessageContaining("cannot allocate claim ml/b200: request gpu: selector")
        .hasMessageContaining("matched 0 of 8 devices");
  }

  @Test
  void aMissingAttributeIsAFatalRuntimeError() {
    ResourceClaim c =
        DeviceClaim.claim("old")
            .namespace("ml")
            .request(
                "gpu",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .whereCel("device.attributes['gpu.nvidia.com'].index == 0"))
            .toResourceClaim();
    assertThatThrownBy(
            () -> allocator.allocate(List.of(c), node0, new StructuredAllocator.AllocatedState()))
        .isInstanceOfSatisfying(
            StructuredAllocator.Failure.class, f -> assertThat(f.isFatal()).isTrue())
        .hasMessageContaining("CEL runtime error: no such key: index");
  }

  @Test
  void firstAvailableFallsBackInOrder() throws Exception {
    ResourceClaim c =
        DeviceClaim.claim("alt")
            .namespace("ml")
            .request(
                "gpu",
                r ->
                    r.firstAvailable(
                            "b200",
                            a ->
                                a.deviceClass(NvidiaGpu.DEVICE_CLASS)
                                    .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA B200")))
                        .firstAvailable(
                            "h100", a -> a.deviceClass(NvidiaGpu.DEVICE_CLASS).count(1)))
            .toResourceClaim();
    var a = allocator.allocate(List.of(c), node0, new StructuredAllocator.AllocatedState());
    assertThat(a.results().values().iterator().next().getDevices().getResults().get(0).getRequest())
        .isEqualTo("gpu/h100");
  }

  @Test
  void allModeTakesEveryMatchingDevice() throws Exception {
    ResourceClaim c =
        DeviceClaim.claim("all")
            .namespace("ml")
            .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).allDevices())
            .toResourceClaim();
    assertThat(
            allocator
                .allocate(List.of(c), node0, new StructuredAllocator.AllocatedState())
                .devices())
        .hasSize(8);
  }

  @Test
  void untoleratedNoScheduleTaintsBlockDevices() throws Exception {
    ResourceSlice tainted =
        dev.aiconform.dra.ResourceSlices.onNode("t", "gpu.example.com")
            .device("gpu-0", d -> d.taint("example.com/unhealthy", null, "NoSchedule"))
            .build();
    var cls = dev.aiconform.dra.DeviceClasses.exampleGpu();
    var alloc = new StructuredAllocator(List.of(tainted), List.of(cls), true);
    Node t = Inventories.node("t", "a", "b");
    ResourceClaim plain =
        DeviceClaim.claim("c")
            .request("gpu", r -> r.deviceClass("gpu.example.com"))
            .toResourceClaim();
    assertThatThrownBy(
            () -> alloc.allocate(List.of(plain), t, new StructuredAllocator.AllocatedState()))
        .isInstanceOf(StructuredAllocator.Failure.class);
    ResourceClaim tolerant =
        DeviceClaim.claim("c")
            .request(
                "gpu",
                r ->
                    r.deviceClass("gpu.example.com")
                        .tolerate(dev.aiconform.dra.Toleration.exists("example.com/unhealthy")))
            .toResourceClaim();
    assertThat(
            alloc
                .allocate(List.of(tolerant), t, new StructuredAllocator.AllocatedState())
                .devices())
        .hasSize(1);
  }

  @Test
  void sharedCountersLimitPartitions() throws Exception {
    ResourceSlice counters =
        dev.aiconform.dra.ResourceSlices.onNode("m", "gpu.example.com")
            .name("m-counters")
            .resourceSliceCount(2)
            .sharedCounters("gpu-0-counters", java.util.Map.of("memory", "80Gi"))
            .build();
    ResourceSlice parts =
        dev.aiconform.dra.ResourceSlices.onNode("m", "gpu.example.com")
            .name("m-parts")
            .resourceSliceCount(2)
            .device("p0", d -> d.consumes("gpu-0-counters", java.util.Map.of("memory", "40Gi")))
            .device("p1", d -> d.consumes("gpu-0-counters", java.util.Map.of("memory", "40Gi")))
            .device("full", d -> d.consumes("gpu-0-counters", java.util.Map.of("memory", "80Gi")))
            .build();
    var alloc =
        new StructuredAllocator(
            List.of(counters, parts), List.of(dev.aiconform.dra.DeviceClasses.exampleGpu()), true);
    Node m = Inventories.node("m", "a", "b");
    ResourceClaim three =
        DeviceClaim.claim("c")
            .request("g", r -> r.deviceClass("gpu.example.com").count(3))
            .toResourceClaim();
    assertThatThrownBy(
            () -> alloc.allocate(List.of(three), m, new StructuredAllocator.AllocatedState()))
        .isInstanceOf(StructuredAllocator.Failure.class);
    ResourceClaim two =
        DeviceClaim.claim("c")
            .request("g", r -> r.deviceClass("gpu.example.com").count(2))
            .toResourceClaim();
    assertThat(alloc.allocate(List.of(two), m, new StructuredAllocator.AllocatedState()).devices())
        .extracting(StructuredAllocator.DeviceId::device)
        .containsExactly("p0", "p1");
  }
}
