package dev.aiconform.dra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The presets publish what the drivers publish, valid for the API server and usable. */
class InventoriesTest {
  static final List<Supplier<List<HasMetadata>>> ALL =
      List.of(
          () -> Inventories.h100Nodes(2),
          () -> Inventories.a100Nodes(2),
          () -> Inventories.h100MigNodes(2),
          () -> Inventories.mi300xNodes(2),
          () -> Inventories.mi300xCpxNodes(2),
          () -> Inventories.tpuV5eNodes(2),
          () -> Inventories.exampleDriverNodes(2),
          () -> Inventories.exampleDriverSharedNodes(2),
          () -> Inventories.exampleDriverPartitionableNodes(2, 4),
          () -> Inventories.exampleDriverNetNodes(2));

  @Test
  void everyPresetPassesApiValidation() {
    for (Supplier<List<HasMetadata>> preset : ALL) {
      List<HasMetadata> objects = preset.get();
      assertThat(Validator.defaults().validate(ManifestBundle.of(objects)).errors())
          .as(objects.get(1).getMetadata().getName())
          .isEmpty();
    }
  }

  static ResourceClaim mig(String name, String profile) {
    return DeviceClaim.claim(name)
        .request(
            "mig", r -> r.deviceClass(NvidiaMig.DEVICE_CLASS).where(NvidiaMig.PROFILE.is(profile)))
        .toResourceClaim();
  }

  static String device(DevicePlacement p) {
    return p.devices().get(0).device();
  }

  @Test
  void migProfilesShareTheirGpuThroughCounters() {
    List<HasMetadata> inventory = Inventories.h100MigNodes(1);
    assertThat(inventory.stream().filter(o -> o instanceof ResourceSlice).count()).isEqualTo(9);
    // tag::mig[]
    DeviceAllocator a = DeviceAllocator.of(inventory);
    assertThat(device(a.place(mig("a", "3g.40gb")))).isEqualTo("gpu-0-mig-3g40gb-9-0");
    assertThat(device(a.place(mig("b", "3g.40gb")))).isEqualTo("gpu-0-mig-3g40gb-9-4");
    assertThat(device(a.place(mig("c", "4g.40gb")))).isEqualTo("gpu-1-mig-4g40gb-5-0");
    // end::mig[]
    // 4g.40gb took slices 0-3 of gpu-1: a 3g.40gb still fits at slice 4, a 1g.10gb at 4 before it
    assertThat(device(a.place(mig("d", "1g.10gb")))).isEqualTo("gpu-1-mig-1g10gb-19-4");
    DevicePlacement full =
        a.place(
            DeviceClaim.claim("full")
                .request("gpu", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS))
                .toResourceClaim());
    assertThat(device(full)).isEqualTo("gpu-2");
    for (int i = 0; i < 5; i++) {
      assertThat(device(a.place(mig("seven-" + i, "7g.80gb"))))
          .isEqualTo("gpu-" + (3 + i) + "-mig-7g80gb-0-0");
    }
    assertThat(a.place(mig("late", "7g.80gb")).reason())
        .contains(
            "needs 1 device(s); 8 of 144 device(s) of class mig.nvidia.com match, none usable"
                + " (5 already allocated, 3 blocked by exhausted shared counters)");
  }

  @Test
  void mi300xGpusCanBeKeptOnOneNumaNode() {
    DeviceAllocator a = DeviceAllocator.of(Inventories.mi300xNodes(1));
    ResourceClaim four =
        DeviceClaim.claim("tp4")
            .request("gpus", r -> r.deviceClass(AmdGpu.DEVICE_CLASS).count(4))
            .matchAttribute(AmdGpu.NUMA_NODE, "gpus")
            .toResourceClaim();
    assertThat(a.place(four).devices())
        .extracting(DevicePlacement.AllocatedDevice::device)
        .containsExactly("gpu-1-128", "gpu-2-129", "gpu-3-130", "gpu-4-131");
    assertThat(a.place(four).devices())
        .extracting(DevicePlacement.AllocatedDevice::device)
        .containsExactly("gpu-5-132", "gpu-6-133", "gpu-7-134", "gpu-8-135");
  }

  @Test
  void mi300xPartitionsOfOneGpuShareItsPciBusId() {
    DeviceAllocator a = DeviceAllocator.of(Inventories.mi300xCpxNodes(1));
    ResourceClaim sameParent =
        DeviceClaim.claim("two")
            .request(
                "p0",
                r -> r.deviceClass(AmdGpu.DEVICE_CLASS).where(AmdGpu.TYPE.is("amdgpu-partition")))
            .request(
                "p1",
                r -> r.deviceClass(AmdGpu.DEVICE_CLASS).where(AmdGpu.TYPE.is("amdgpu-partition")))
            .matchAttribute(StandardAttributes.PCI_BUS_ID, "p0", "p1")
            .toResourceClaim();
    DevicePlacement p = a.place(sameParent);
    assertThat(p.devices()).hasSize(2);
    assertThat(p.devices().get(0).device()).isEqualTo("gpu-1-128");
    assertThat(p.devices().get(1).device()).isEqualTo("gpu-2-129");
  }

  @Test
  void aTpuV5eHostHandsOutAllEightChips() {
    DeviceAllocator a = DeviceAllocator.of(Inventories.tpuV5eNodes(2));
    ResourceClaim host =
        DeviceClaim.claim("host")
            .request(
                "tpus",
                r ->
                    r.deviceClass(GoogleTpu.DEVICE_CLASS)
                        .allDevices()
                        .where(GoogleTpu.TPU_GEN.is("v5e")))
            .toResourceClaim();
    assertThat(a.place(host).devices()).hasSize(8);
    assertThat(a.place(host).node()).contains("tpu-v5e-node-1");
  }

  @Test
  void exampleDriverProfilesShareAndPartition() {
    DeviceAllocator shared = DeviceAllocator.of(Inventories.exampleDriverSharedNodes(1));
    ResourceClaim half =
        DeviceClaim.claim("half")
            .request(
                "gpu",
                r ->
                    r.deviceClass(ExampleGpu.DEVICE_CLASS)
                        .capacity(ExampleGpu.MEMORY, "40Gi")
                        .capacity(ExampleGpu.COMPUTE, "50"))
            .toResourceClaim();
    List<String> devices =
        List.of(shared.place(half), shared.place(half), shared.place(half)).stream()
            .map(InventoriesTest::device)
            .collect(Collectors.toList());
    assertThat(devices).containsExactly("gpu-0", "gpu-0", "gpu-1");

    DeviceAllocator parts = DeviceAllocator.of(Inventories.exampleDriverPartitionableNodes(1, 4));
    ResourceClaim full =
        DeviceClaim.claim("full")
            .request(
                "gpu", r -> r.deviceClass(ExampleGpu.DEVICE_CLASS).where(ExampleGpu.FULL.isTrue()))
            .toResourceClaim();
    ResourceClaim quarter =
        DeviceClaim.claim("q")
            .request("gpu", r -> r.deviceClass(ExampleGpu.DEVICE_CLASS))
            .toResourceClaim();
    assertThat(device(parts.place(quarter))).isEqualTo("gpu-0-partition-0");
    assertThat(device(parts.place(full))).isEqualTo("gpu-1-full");
  }

  @Test
  void exampleNicsAreSharedByBandwidth() {
    DeviceAllocator a = DeviceAllocator.of(Inventories.exampleDriverNetNodes(1));
    ResourceClaim fat =
        DeviceClaim.claim("fat")
            .request(
                "nic",
                r ->
                    r.deviceClass(Inventories.EXAMPLE_NET_CLASS)
                        .capacity("ingressBandwidth", "60G"))
            .toResourceClaim();
    assertThat(device(a.place(fat))).isEqualTo("nic-0");
    assertThat(device(a.place(fat))).isEqualTo("nic-1");
    ResourceClaim thin =
        DeviceClaim.claim("thin")
            .request(
                "nic",
                r ->
                    r.deviceClass(Inventories.EXAMPLE_NET_CLASS)
                        .capacity("ingressBandwidth", "40G"))
            .toResourceClaim();
    DevicePlacement p = a.place(thin);
    assertThat(device(p)).isEqualTo("nic-0");
    assertThat(p.allocations().get(0).getDevices().getResults().get(0).getConsumedCapacity())
        .containsKeys("ingressBandwidth", "egressBandwidth", "vfs");
  }
}
