package dev.aiconform.dra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceAllocatorTest {
  static ResourceClaim pair(String name) {
    return DeviceClaim.claim(name)
        .namespace("ml")
        .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(2))
        .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus")
        .toResourceClaim();
  }

  @Test
  void placesClaimsOnTheFirstNodeWithRoomAndExplainsWhenNoneHasAny() {
    // tag::fill[]
    DeviceAllocator allocator = DeviceAllocator.of(Inventories.h100Nodes(4));
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      DevicePlacement p = allocator.place(pair("p" + i));
      assertThat(p.isPlaced()).isTrue();
      nodes.add(p.node().orElseThrow());
    }
    assertThat(nodes.subList(0, 4)).containsOnly("h100-node-0");
    assertThat(nodes.subList(12, 16)).containsOnly("h100-node-3");
    DevicePlacement late = allocator.place(pair("late"));
    assertThat(late.isPlaced()).isFalse();
    assertThat(late.reason())
        .isEqualTo(
            "0/4 nodes are available: 4 cannot allocate all claims: claim ml/late, request gpus:"
                + " needs 2 device(s); 8 of 8 device(s) of class gpu.nvidia.com match, none usable"
                + " (8 already allocated).");
  }

  // end::fill[]

  @Test
  void releasingAPlacementGivesItsDevicesBack() {
    DeviceAllocator allocator = DeviceAllocator.of(Inventories.h100Nodes(1));
    List<DevicePlacement> placed = new ArrayList<>();
    for (int i = 0; i < 4; i++) placed.add(allocator.place(pair("p" + i)));
    allocator.release(placed.get(1));
    allocator.release(placed.get(1));
    DevicePlacement again = allocator.place(pair("again"));
    assertThat(again.devices())
        .extracting(DevicePlacement.AllocatedDevice::device)
        .containsExactly("gpu-2", "gpu-3");
    assertThat(allocator.place(pair("more")).isPlaced()).isFalse();
  }

  @Test
  void preferTheNodeWhereAnEarlierAlternativeFitsAsTheSchedulerScores() {
    List<HasMetadata> inventory = new ArrayList<>(Inventories.a100Nodes(1));
    inventory.addAll(Inventories.h100Nodes(1));
    DeviceAllocator allocator = DeviceAllocator.of(inventory);
    ResourceClaim c =
        DeviceClaim.claim("best")
            .request(
                "gpu",
                r ->
                    r.firstAvailable(
                            "h100",
                            a ->
                                a.deviceClass(NvidiaGpu.DEVICE_CLASS)
                                    .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
                        .firstAvailable("any", a -> a.deviceClass(NvidiaGpu.DEVICE_CLASS).count(2)))
            .toResourceClaim();
    DevicePlacement p = allocator.place(c);
    assertThat(p.node()).contains("h100-node-0");
    assertThat(p.devices()).extracting(d -> d.request()).containsExactly("gpu/h100");
  }

  @Test
  void appliesTheAllocationToTheClaimStatus() {
    DeviceAllocator allocator = DeviceAllocator.of(Inventories.exampleDriverNodes(1));
    ResourceClaim c =
        DeviceClaim.claim("c")
            .request("gpu", r -> r.deviceClass(ExampleGpu.DEVICE_CLASS))
            .toResourceClaim();
    allocator.place(c).applyTo(c);
    assertThat(c.getStatus().getAllocation().getDevices().getResults().get(0).getPool())
        .isEqualTo("node-0");
  }

  @Test
  void aClaimThatCanBeAllocatedNowhereSaysWhyWithoutTryingNodes() {
    DeviceAllocator allocator = DeviceAllocator.of(Inventories.h100Nodes(2));
    ResourceClaim c =
        DeviceClaim.claim("c")
            .request("gpu", r -> r.deviceClass("gpu.unknown.example.com"))
            .toResourceClaim();
    assertThat(allocator.place(c).reason())
        .startsWith(
            "claim c, request gpu: could not retrieve device class gpu.unknown.example.com");
  }
}
