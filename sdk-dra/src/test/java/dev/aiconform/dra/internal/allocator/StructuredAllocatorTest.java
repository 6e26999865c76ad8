package dev.aiconform.dra.internal.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.DeviceClasses;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.ResourceSlices;
import dev.aiconform.dra.StandardAttributes;
import dev.aiconform.dra.Toleration;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRuleBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredAllocatorTest {
  final Allocations h100 = new Allocations(Inventories.h100Nodes(2));

  static ResourceClaim pair(String name) {
    return DeviceClaim.claim(name)
        .namespace("ml")
        .request(
            "gpus",
            r ->
                r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                    .count(2)
                    .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
        .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus")
        .toResourceClaim();
  }

  static ResourceClaim one(String name) {
    return DeviceClaim.claim(name)
        .namespace("ml")
        .request("gpu", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS))
        .toResourceClaim();
  }

  @Test
  void allocatesTwoGpusOnTheSamePcieRootAndPinsTheClaimToTheNode() throws Exception {
    NodeAllocation a = h100.allocate("h100-node-0", pair("pair"));
    assertThat(Allocations.devices(a)).containsExactly("gpu-0", "gpu-1");
    AllocationResult r = a.results.get(0);
    assertThat(r.getDevices().getResults())
        .allSatisfy(
            d -> {
              assertThat(d.getRequest()).isEqualTo("gpus");
              assertThat(d.getDriver()).isEqualTo("gpu.nvidia.com");
              assertThat(d.getPool()).isEqualTo("h100-node-0");
            });
    assertThat(
            r.getNodeSelector().getNodeSelectorTerms().get(0).getMatchFields().get(0).getValues())
        .containsExactly("h100-node-0");
  }

  @Test
  void skipsAllocatedDevicesAndKeepsTheConstraint() throws Exception {
    h100.take("h100-node-0", one("first"));
    h100.take("h100-node-0", one("second"), one("third"));
    // gpu-0..2 are taken: the first pair on one PCIe root left is gpu-4/gpu-5
    assertThat(Allocations.devices(h100.allocate("h100-node-0", pair("pair"))))
        .containsExactly("gpu-4", "gpu-5");
  }

  @Test
  void commitAndReleaseAreExactInverses() throws Exception {
    NodeAllocation a = h100.take("h100-node-0", pair("p1"));
    long afterCommit = h100.allocator.version();
    h100.allocator.release(a);
    assertThat(h100.allocator.version()).isGreaterThan(afterCommit);
    assertThat(Allocations.devices(h100.allocate("h100-node-0", pair("p2"))))
        .containsExactly("gpu-0", "gpu-1");
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
    assertThatThrownBy(() -> h100.allocate("h100-node-0", c))
        .isInstanceOfSatisfying(AllocationFailure.class, f -> assertThat(f.isFatal()).isFalse())
        .hasMessageStartingWith("claim ml/b200, request gpu: selector ")
        .hasMessageContaining("matched 0 of 8 device(s) of class gpu.nvidia.com");
  }

  @Test
  void explainsThatAllMatchingDevicesAreAllocated() throws Exception {
    for (int i = 0; i < 8; i++) h100.take("h100-node-0", one("c" + i));
    assertThatThrownBy(() -> h100.allocate("h100-node-0", one("late")))
        .hasMessage(
            "claim ml/late, request gpu: needs 1 device(s); 8 of 8 device(s) of class"
                + " gpu.nvidia.com match, none usable (8 already allocated)");
  }

  @Test
  void explainsAConstraintTheFreeDevicesCannotMeet() throws Exception {
    // take one GPU of every PCIe root: four free GPUs, no two on the same root
    for (String d : List.of("0", "2", "4", "6")) {
      h100.take(
          "h100-node-0",
          DeviceClaim.claim("g" + d)
              .namespace("ml")
              .request(
                  "gpu",
                  r ->
                      r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                          .whereCel(
                              "device.attributes['resource.kubernetes.io'].pciBusID == '0000:"
                                  + String.format("%02x", 0x18 + Integer.parseInt(d) * 0x10)
                                  + ":00.0'"))
              .toResourceClaim());
    }
    assertThatThrownBy(() -> h100.allocate("h100-node-0", pair("pair")))
        .hasMessage(
            "claim ml/pair: constraint matchAttribute resource.kubernetes.io/pcieRoot on requests"
                + " gpus cannot be satisfied by the available devices");
  }

  @Test
  void aMissingAttributeIsAFatalRuntimeErrorNamingClaimSelectorAndDevice() {
    ResourceClaim c =
        DeviceClaim.claim("old")
            .namespace("ml")
            .request(
                "gpu",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .whereCel("device.attributes['gpu.nvidia.com'].index == 0"))
            .toResourceClaim();
    assertThatThrownBy(() -> h100.allocate("h100-node-0", c))
        .isInstanceOfSatisfying(AllocationFailure.class, f -> assertThat(f.isFatal()).isTrue())
        .hasMessageStartingWith(
            "claim ml/old: selector #0 on device gpu.nvidia.com/h100-node-0/gpu-0: CEL runtime"
                + " error: no such key: index");
  }

  @Test
  void aClaimOfAMissingClassCannotBePlanned() {
    ResourceClaim c =
        DeviceClaim.claim("x")
            .namespace("ml")
            .request("gpu", r -> r.deviceClass("no.such.class"))
            .toResourceClaim();
    assertThatThrownBy(() -> h100.allocator.plan(c))
        .isInstanceOfSatisfying(AllocationFailure.class, f -> assertThat(f.isFatal()).isTrue())
        .hasMessageContaining("could not retrieve device class no.such.class");
  }

  @Test
  void firstAvailableFallsBackInOrderAndScoresEarlierAlternativesHigher() throws Exception {
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
    NodeAllocation a = h100.allocate("h100-node-0", c);
    assertThat(a.results.get(0).getDevices().getResults().get(0).getRequest())
        .isEqualTo("gpu/h100");
    assertThat(a.score).isEqualTo(7);
  }

  @Test
  void allModeTakesEveryMatchingDeviceAndFailsIfOneIsAllocated() throws Exception {
    ResourceClaim all =
        DeviceClaim.claim("all")
            .namespace("ml")
            .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).allDevices())
            .toResourceClaim();
    assertThat(h100.allocate("h100-node-0", all).devices()).hasSize(8);
    h100.take("h100-node-0", one("one"));
    assertThatThrownBy(() -> h100.allocate("h100-node-0", all))
        .hasMessageContaining("allocationMode All needs every matching device")
        .hasMessageContaining("1 already allocated");
  }

  @Test
  void adminAccessMayUseAllocatedDevicesAndTakesNothing() throws Exception {
    for (int i = 0; i < 8; i++) h100.take("h100-node-0", one("c" + i));
    ResourceClaim admin =
        DeviceClaim.claim("monitor")
            .namespace("ops")
            .request("gpu", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).adminAccess(true))
            .toResourceClaim();
    NodeAllocation a = h100.take("h100-node-0", admin);
    assertThat(a.results.get(0).getDevices().getResults().get(0).getAdminAccess()).isTrue();
    assertThat(a.records.get(0).uses).allMatch(u -> u.kind() == LedgerRecord.Kind.ADMIN);
  }

  @Test
  void aClaimNeedingMoreThan32DevicesIsRefused() {
    ResourceClaim big =
        DeviceClaim.claim("big")
            .namespace("ml")
            .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(33))
            .toResourceClaim();
    assertThatThrownBy(() -> h100.allocator.plan(big))
        .hasMessage("claim ml/big: number of requested devices 33 exceeds the claim limit of 32");
  }

  @Test
  void untoleratedNoScheduleTaintsBlockDevicesAndNoneTaintsDoNot() throws Exception {
    Allocations t =
        new Allocations(
            Allocations.exampleGpuNode(
                "t",
                ResourceSlices.onNode("t", "gpu.example.com")
                    .device("gpu-0", d -> d.taint("example.com/unhealthy", null, "NoSchedule"))
                    .device("gpu-1", d -> d.taint("example.com/note", "x", "None"))
                    .build()));
    ResourceClaim two =
        DeviceClaim.claim("c")
            .request("gpu", r -> r.deviceClass("gpu.example.com").count(2))
            .toResourceClaim();
    assertThatThrownBy(() -> t.allocate("t", two))
        .hasMessageContaining("1 tainted (example.com/unhealthy:NoSchedule) and not tolerated");
    ResourceClaim tolerant =
        DeviceClaim.claim("c")
            .request(
                "gpu",
                r ->
                    r.deviceClass("gpu.example.com")
                        .count(2)
                        .tolerate(Toleration.exists("example.com/unhealthy")))
            .toResourceClaim();
    AllocationResult r = t.allocate("t", tolerant).results.get(0);
    assertThat(Allocations.devices(r)).containsExactly("gpu-0", "gpu-1");
    assertThat(r.getDevices().getResults().get(0).getTolerations()).hasSize(1);
  }

  @Test
  void deviceTaintRulesTaintTheDevicesTheySelect() {
    var rule =
        new DeviceTaintRuleBuilder()
            .withNewMetadata()
            .withName("drain-node-0")
            .endMetadata()
            .withNewSpec()
            .withNewDeviceSelector()
            .withDriver(NvidiaGpu.DRIVER)
            .withPool("h100-node-0")
            .endDeviceSelector()
            .withNewTaint()
            .withKey("example.com/maintenance")
            .withEffect("NoSchedule")
            .endTaint()
            .endSpec()
            .build();
    Allocations tainted = new Allocations(Allocations.concat(Inventories.h100Nodes(2), rule));
    assertThatThrownBy(() -> tainted.allocate("h100-node-0", one("c")))
        .hasMessageContaining("8 tainted (example.com/maintenance:NoSchedule)");
  }

  @Test
  void sharedCountersLimitPartitions() throws Exception {
    Allocations m =
        new Allocations(
            Allocations.exampleGpuNode(
                "m",
                ResourceSlices.onNode("m", "gpu.example.com")
                    .name("m-counters")
                    .resourceSliceCount(2)
                    .sharedCounters("gpu-0-counters", Map.of("memory", "80Gi"))
                    .build(),
                ResourceSlices.onNode("m", "gpu.example.com")
                    .name("m-parts")
                    .resourceSliceCount(2)
                    .device("p0", d -> d.consumes("gpu-0-counters", Map.of("memory", "40Gi")))
                    .device("p1", d -> d.consumes("gpu-0-counters", Map.of("memory", "40Gi")))
                    .device("full", d -> d.consumes("gpu-0-counters", Map.of("memory", "80Gi")))
                    .build()));
    ResourceClaim three =
        DeviceClaim.claim("c")
            .request("g", r -> r.deviceClass("gpu.example.com").count(3))
            .toResourceClaim();
    assertThatThrownBy(() -> m.allocate("m", three))
        .hasMessageContaining("its requests together need more devices than are available");
    ResourceClaim two =
        DeviceClaim.claim("c")
            .request("g", r -> r.deviceClass("gpu.example.com").count(2))
            .toResourceClaim();
    assertThat(Allocations.devices(m.take("m", two))).containsExactly("p0", "p1");
    assertThatThrownBy(
            () ->
                m.allocate(
                    "m",
                    DeviceClaim.claim("d")
                        .request("g", r -> r.deviceClass("gpu.example.com"))
                        .toResourceClaim()))
        .hasMessageContaining("1 blocked by exhausted shared counters");
  }

  @Test
  void anIncompletePoolIsNotUsedAndFailsAllModeFatally() {
    Allocations inc =
        new Allocations(
            Allocations.exampleGpuNode(
                "n",
                ResourceSlices.onNode("n", "gpu.example.com")
                    .resourceSliceCount(2)
                    .device("gpu-0", d -> {})
                    .build()));
    assertThatThrownBy(() -> inc.allocate("n", Allocations.oneExampleGpu()))
        .isInstanceOfSatisfying(AllocationFailure.class, f -> assertThat(f.isFatal()).isFalse())
        .hasMessageContaining("incomplete or invalid pool(s) cannot be used");
    assertThatThrownBy(
            () ->
                inc.allocate(
                    "n",
                    DeviceClaim.claim("c")
                        .request("g", r -> r.deviceClass("gpu.example.com").allDevices())
                        .toResourceClaim()))
        .isInstanceOfSatisfying(AllocationFailure.class, f -> assertThat(f.isFatal()).isTrue())
        .hasMessage(
            "claim c, request g: asks for all devices, but resource pool gpu.example.com/n is"
                + " currently being updated");
  }

  @Test
  void aPoolWithDuplicateDeviceNamesIsInvalidAndSaysSo() {
    Allocations dup =
        new Allocations(
            Allocations.exampleGpuNode(
                "n",
                ResourceSlices.onNode("n", "gpu.example.com")
                    .name("s1")
                    .resourceSliceCount(2)
                    .device("gpu-0", d -> {})
                    .build(),
                ResourceSlices.onNode("n", "gpu.example.com")
                    .name("s2")
                    .resourceSliceCount(2)
                    .device("gpu-0", d -> {})
                    .build()));
    assertThatThrownBy(() -> dup.allocate("n", Allocations.oneExampleGpu()))
        .hasMessageContaining(
            "invalid resource pools were encountered (pool n of driver gpu.example.com:"
                + " duplicate device name gpu-0)");
  }

  @Test
  void onlyTheNewestGenerationOfAPoolCounts() throws Exception {
    Allocations gen =
        new Allocations(
            Allocations.exampleGpuNode(
                "n",
                ResourceSlices.onNode("n", "gpu.example.com")
                    .name("old")
                    .generation(1)
                    .device("gpu-old", d -> {})
                    .build(),
                ResourceSlices.onNode("n", "gpu.example.com")
                    .name("new")
                    .generation(2)
                    .device("gpu-new", d -> {})
                    .build()));
    assertThat(Allocations.devices(gen.allocate("n", Allocations.oneExampleGpu())))
        .containsExactly("gpu-new");
  }

  @Test
  void networkAttachedDevicesAreReachableFromMatchingNodesOnly() throws Exception {
    var selector =
        new NodeSelectorBuilder()
            .addNewNodeSelectorTerm()
            .addNewMatchExpression()
            .withKey("rack")
            .withOperator("In")
            .withValues("r1")
            .endMatchExpression()
            .endNodeSelectorTerm()
            .build();
    Allocations net =
        new Allocations(
            List.of(
                DeviceClasses.exampleGpu(),
                Inventories.node("in-rack", "rack", "r1"),
                Inventories.node("elsewhere", "rack", "r2"),
                ResourceSlices.forNodes("rack-r1", "gpu.example.com", selector)
                    .device("fabric-0", d -> {})
                    .build()));
    ResourceClaim c = Allocations.oneExampleGpu();
    AllocationResult r = net.allocate("in-rack", c).results.get(0);
    assertThat(
            r.getNodeSelector().getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getKey())
        .isEqualTo("rack");
    assertThatThrownBy(() -> net.allocate("elsewhere", c))
        .hasMessageContaining("no device of class gpu.example.com is available on the node");
  }
}
