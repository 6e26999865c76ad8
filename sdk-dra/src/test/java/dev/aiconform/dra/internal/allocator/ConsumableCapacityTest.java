package dev.aiconform.dra.internal.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.ResourceSlices;
import dev.aiconform.dra.StandardAttributes;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Consumable capacity (request policies, shared devices) and distinctAttribute. */
class ConsumableCapacityTest {
  static Allocations node(Consumer<ResourceSlices.DeviceSpec> device) {
    return new Allocations(
        Allocations.exampleGpuNode(
            "n", ResourceSlices.onNode("n", "gpu.example.com").device("gpu-0", device).build()));
  }

  static ResourceClaim wants(String name, String memory) {
    return DeviceClaim.claim(name)
        .namespace("ml")
        .request(
            "gpu",
            r -> {
              r.deviceClass("gpu.example.com");
              if (memory != null) r.capacity("memory", memory);
            })
        .toResourceClaim();
  }

  static DeviceRequestAllocationResult result(NodeAllocation a) {
    return a.results().get(0).getDevices().getResults().get(0);
  }

  /** 80Gi shared in whole-Gi steps from 1Gi, 10Gi when nothing is requested. */
  static final Consumer<ResourceSlices.DeviceSpec> SHARED_IN_STEPS =
      d -> d.allowMultipleAllocations().capacityRange("memory", "80Gi", "10Gi", "1Gi", null, "1Gi");

  @Test
  void aRequestIsRoundedUpToTheNextStepAndRecordedWithAShareId() throws Exception {
    NodeAllocation a = node(SHARED_IN_STEPS).allocate("n", wants("c", "2500Mi"));
    DeviceRequestAllocationResult r = result(a);
    assertThat(r.getConsumedCapacity()).containsEntry("memory", new Quantity("3Gi"));
    assertThat(UUID.fromString(r.getShareID())).isNotNull();
  }

  @Test
  void aSharedDeviceServesClaimsUntilItsCapacityIsUsedUp() throws Exception {
    Allocations n = node(SHARED_IN_STEPS);
    n.take("n", wants("a", "40Gi"));
    NodeAllocation b = n.take("n", wants("b", "30Gi"));
    assertThat(result(b).getDevice()).isEqualTo("gpu-0");
    assertThatThrownBy(() -> n.allocate("n", wants("c", "11Gi")))
        .hasMessageContaining("1 without enough free capacity");
    NodeAllocation d = n.take("n", wants("d", null));
    assertThat(result(d).getConsumedCapacity()).containsEntry("memory", new Quantity("10Gi"));
    n.allocator.release(b);
    assertThat(result(n.allocate("n", wants("e", "30Gi"))).getDevice()).isEqualTo("gpu-0");
  }

  @Test
  void distinctShareIdsWithinOneClaim() throws Exception {
    ResourceClaim two =
        DeviceClaim.claim("two")
            .request("x", r -> r.deviceClass("gpu.example.com").capacity("memory", "10Gi"))
            .request("y", r -> r.deviceClass("gpu.example.com").capacity("memory", "10Gi"))
            .toResourceClaim();
    var results =
        node(SHARED_IN_STEPS).allocate("n", two).results().get(0).getDevices().getResults();
    assertThat(results).extracting(DeviceRequestAllocationResult::getDevice).containsOnly("gpu-0");
    assertThat(results.get(0).getShareID()).isNotEqualTo(results.get(1).getShareID());
  }

  @Test
  void validValuesRoundUpAndARequestAboveAllOfThemFindsNoDevice() throws Exception {
    Allocations n =
        node(
            d ->
                d.allowMultipleAllocations()
                    .capacityValues("memory", "80Gi", "10Gi", "10Gi", "20Gi", "40Gi"));
    assertThat(result(n.allocate("n", wants("c", "15Gi"))).getConsumedCapacity())
        .containsEntry("memory", new Quantity("20Gi"));
    assertThatThrownBy(() -> n.allocate("n", wants("big", "50Gi")))
        .hasMessageContaining("1 without enough free capacity");
  }

  @Test
  void aRangeMaximumLimitsOneAllocation() {
    Allocations n =
        node(
            d ->
                d.allowMultipleAllocations()
                    .capacityRange("memory", "80Gi", null, "1Gi", "16Gi", "1Gi"));
    assertThatThrownBy(() -> n.allocate("n", wants("c", "17Gi")))
        .hasMessageContaining("without enough free capacity");
  }

  @Test
  void withoutAPolicyAnUnrequestedCapacityIsConsumedWhole() throws Exception {
    Allocations n = node(d -> d.allowMultipleAllocations().capacity("memory", "80Gi"));
    assertThat(result(n.take("n", wants("a", null))).getConsumedCapacity())
        .containsEntry("memory", new Quantity("80Gi"));
    assertThatThrownBy(() -> n.allocate("n", wants("b", "1Gi")))
        .hasMessageContaining("without enough free capacity");
  }

  @Test
  void aRequestForACapacityTheDeviceLacksSkipsTheDevice() {
    ResourceClaim c =
        DeviceClaim.claim("c")
            .request("gpu", r -> r.deviceClass("gpu.example.com").capacity("bandwidth", "1G"))
            .toResourceClaim();
    assertThatThrownBy(() -> node(SHARED_IN_STEPS).allocate("n", c))
        .hasMessageContaining("without enough free capacity");
  }

  @Test
  void onAnExclusiveDeviceACapacityRequestIsAMinimum() throws Exception {
    Allocations n = node(d -> d.capacity("memory", "40Gi"));
    DeviceRequestAllocationResult r = result(n.allocate("n", wants("small", "20Gi")));
    assertThat(r.getShareID()).isNull();
    assertThat(r.getConsumedCapacity()).isNullOrEmpty();
    assertThatThrownBy(() -> n.allocate("n", wants("big", "80Gi")))
        .hasMessageContaining("without enough free capacity");
  }

  @Test
  void capacityRequestsNeedTheConsumableCapacityFeature() {
    AllocatorFeatures off = new AllocatorFeatures(true, true, true, true, true, true, false, false);
    Allocations n =
        new Allocations(
            Allocations.exampleGpuNode(
                "n",
                ResourceSlices.onNode("n", "gpu.example.com")
                    .device("gpu-0", SHARED_IN_STEPS)
                    .build()),
            off);
    assertThatThrownBy(() -> n.allocator.plan(wants("c", "1Gi")))
        .isInstanceOfSatisfying(AllocationFailure.class, f -> assertThat(f.isFatal()).isTrue())
        .hasMessage(
            "claim ml/c, request gpu: has capacity requests, but the DRAConsumableCapacity"
                + " feature is disabled");
  }

  @Test
  void distinctAttributeSpreadsDevicesOverNumaNodes() throws Exception {
    Allocations h100 = new Allocations(Inventories.h100Nodes(1));
    ResourceClaim spread =
        DeviceClaim.claim("spread")
            .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(2))
            .distinctAttribute(StandardAttributes.NUMA_NODE, "gpus")
            .toResourceClaim();
    assertThat(Allocations.devices(h100.allocate("h100-node-0", spread)))
        .containsExactly("gpu-0", "gpu-4");
    ResourceClaim three =
        DeviceClaim.claim("three")
            .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(3))
            .distinctAttribute(StandardAttributes.NUMA_NODE, "gpus")
            .toResourceClaim();
    assertThatThrownBy(() -> h100.allocate("h100-node-0", three))
        .hasMessage(
            "claim three: constraint distinctAttribute resource.kubernetes.io/numaNode on requests"
                + " gpus cannot be satisfied by the available devices");
  }

  @Test
  void distinctAttributeAcrossRequestsKeepsThemOnDifferentRoots() throws Exception {
    Allocations h100 = new Allocations(Inventories.h100Nodes(1));
    ResourceClaim c =
        DeviceClaim.claim("c")
            .request("a", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS))
            .request("b", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS))
            .distinctAttribute(StandardAttributes.PCIE_ROOT, "a", "b")
            .toResourceClaim();
    assertThat(Allocations.devices(h100.allocate("h100-node-0", c)))
        .containsExactly("gpu-0", "gpu-2");
  }
}
