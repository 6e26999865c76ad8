package dev.aiconform.dra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.PodClaims;
import dev.aiconform.dra.StandardAttributes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pods with device claims on the in-memory cluster: the DynamicResources plugin end to end. */
class DraClusterTest {
  // tag::claim[]
  static final DeviceClaim PAIR =
      DeviceClaim.template("h100-pair")
          .namespace("ml")
          .request(
              "gpus",
              r ->
                  r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                      .count(2)
                      .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
          .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus")
          .build();

  // end::claim[]

  static Pod pod(String name, java.util.function.Consumer<PodSpec> claims) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("ml")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("train")
            .withImage("ghcr.io/example/train:1")
            .endContainer()
            .endSpec()
            .build();
    claims.accept(pod.getSpec());
    return pod;
  }

  // tag::pair-pod[]
  static Pod pairPod(String name) {
    return pod(name, s -> PodClaims.useTemplateInFirstContainer(s, PAIR));
  }

  // end::pair-pod[]

  static InMemoryCluster cluster(List<? extends HasMetadata> objects) {
    List<HasMetadata> all = new ArrayList<>(Inventories.h100Nodes(4));
    all.add(new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build());
    all.addAll(objects);
    InMemoryCluster c = InMemoryCluster.builder().objects(all).build();
    assertThat(c.initialApply().failures()).isEmpty();
    return c;
  }

  /**
   * A cluster where pods a and b both use one ResourceClaim made from {@code claim} (under the
   * claim's name, as pod claim "gpus").
   */
  static InMemoryCluster clusterWherePodsAAndBShare(DeviceClaim claim) {
    ResourceClaim shared =
        dev.aiconform.dra.ImmutableDeviceClaim.copyOf(claim)
            .withKind(DeviceClaim.Kind.CLAIM)
            .toResourceClaim();
    String name = shared.getMetadata().getName();
    return cluster(
        objects(
            shared,
            pod("a", s -> PodClaims.useClaim(s, "gpus", name)),
            pod("b", s -> PodClaims.useClaim(s, "gpus", name))));
  }

  static List<HasMetadata> objects(HasMetadata... os) {
    return List.of(os);
  }

  @Test
  void bindsPodsWithPairsOfGpusOnOnePcieRootUntilTheInventoryIsFull() {
    // tag::seventeen[]
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(PAIR.toResourceClaimTemplate());
    for (int i = 0; i < 17; i++) objects.add(pairPod("trainer-" + i));
    InMemoryCluster c = cluster(objects);
    SimulationReport report = c.report();
    // end::seventeen[]
    assertThat(c.errors()).isEmpty();
    assertThat(report.bound()).isEqualTo(16);
    Set<String> devices = new HashSet<>();
    for (SimulationReport.PodPlacement p : report.pods()) {
      if (p.phase() != SimulationReport.Phase.BOUND) continue;
      assertThat(p.devices()).hasSize(2);
      for (SimulationReport.Device d : p.devices()) {
        assertThat(d.pool()).isEqualTo(p.node().orElseThrow());
        assertThat(devices.add(d.pool() + "/" + d.device())).as("allocated once").isTrue();
      }
      int a = Integer.parseInt(p.devices().get(0).device().substring(4));
      int b = Integer.parseInt(p.devices().get(1).device().substring(4));
      assertThat(a / 2).as("same PCIe root").isEqualTo(b / 2);
    }
    SimulationReport.PodPlacement late =
        report.pods().stream()
            .filter(p -> p.phase() == SimulationReport.Phase.PENDING)
            .findFirst()
            .orElseThrow();
    assertThat(late.reason().orElseThrow())
        .startsWith("0/4 nodes are available: 4 cannot allocate all claims: claim ml/")
        .contains(", request gpus: needs 2 device(s); 8 of 8 device(s) of class gpu.nvidia.com")
        .contains("8 already allocated");
  }

  @Test
  void theControllerCreatesOneClaimPerPodAndRecordsItInThePodStatus() {
    InMemoryCluster c = cluster(objects(PAIR.toResourceClaimTemplate(), pairPod("trainer-0")));
    Pod pod = c.pods().get(0);
    var status = pod.getStatus().getResourceClaimStatuses();
    assertThat(status).hasSize(1);
    assertThat(status.get(0).getName()).isEqualTo("h100-pair");
    String claimName = status.get(0).getResourceClaimName();
    assertThat(claimName).matches("trainer-0-h100-pair-[bcdfghjklmnpqrstvwxz2456789]{5}");
    ResourceClaim claim =
        (ResourceClaim)
            c.get(ObjectRef.of("resource.k8s.io/v1", "ResourceClaim", "ml", claimName))
                .orElseThrow();
    assertThat(claim.getMetadata().getOwnerReferences().get(0).getUid())
        .isEqualTo(pod.getMetadata().getUid());
    assertThat(claim.getMetadata().getAnnotations())
        .containsEntry("resource.kubernetes.io/pod-claim-name", "h100-pair");
    assertThat(claim.getMetadata().getFinalizers())
        .containsExactly("resource.kubernetes.io/delete-protection");
    assertThat(claim.getStatus().getReservedFor())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getResource()).isEqualTo("pods");
              assertThat(r.getName()).isEqualTo("trainer-0");
              assertThat(r.getUid()).isEqualTo(pod.getMetadata().getUid());
            });
    assertThat(claim.getStatus().getAllocation().getDevices().getResults()).hasSize(2);
  }

  @Test
  void aMissingTemplateLeavesThePodWaitingForItsClaim() {
    InMemoryCluster c = cluster(objects(pairPod("orphan")));
    assertThat(c.report().pod("ml", "orphan").orElseThrow().reason().orElseThrow())
        .contains("pod \"ml/orphan\": ResourceClaim not created yet");
    c.apply(ManifestBundle.of(List.of(PAIR.toResourceClaimTemplate())));
    assertThat(c.report().pod("ml", "orphan").orElseThrow().phase())
        .isEqualTo(SimulationReport.Phase.BOUND);
  }

  @Test
  void aSharedClaimIsAllocatedOnceAndReservedForEveryPod() {
    InMemoryCluster c = clusterWherePodsAAndBShare(PAIR);
    SimulationReport r = c.report();
    assertThat(r.bound()).isEqualTo(2);
    assertThat(r.pod("ml", "a").orElseThrow().node())
        .isEqualTo(r.pod("ml", "b").orElseThrow().node());
    ResourceClaim stored =
        (ResourceClaim)
            c.get(ObjectRef.of("resource.k8s.io/v1", "ResourceClaim", "ml", "h100-pair"))
                .orElseThrow();
    assertThat(stored.getStatus().getReservedFor())
        .extracting(x -> x.getName())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aMissingDeviceClassIsReportedAsKubernetesDoes() {
    DeviceClaim bogus =
        DeviceClaim.template("bogus")
            .namespace("ml")
            .request("gpu", r -> r.deviceClass("gpu.nowhere.example.com"))
            .build();
    InMemoryCluster c =
        cluster(
            objects(
                bogus.toResourceClaimTemplate(),
                pod("p", s -> PodClaims.useTemplateInFirstContainer(s, bogus))));
    assertThat(c.report().pod("ml", "p").orElseThrow().reason().orElseThrow())
        .contains("request gpu: device class gpu.nowhere.example.com does not exist");
  }

  @Test
  void aRuntimeCelErrorStopsThePodWithTheDeviceAndSelectorNamed() {
    DeviceClaim old =
        DeviceClaim.template("old")
            .namespace("ml")
            .request(
                "gpu",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .whereCel("device.attributes['gpu.nvidia.com'].index == 0"))
            .build();
    InMemoryCluster c =
        cluster(
            objects(
                old.toResourceClaimTemplate(),
                pod("p", s -> PodClaims.useTemplateInFirstContainer(s, old))));
    assertThat(c.report().pod("ml", "p").orElseThrow().reason().orElseThrow())
        .contains(": selector #0 on device gpu.nvidia.com/h100-node-0/gpu-0: CEL runtime error:")
        .contains("no such key: index");
  }

  @Test
  void deletingAPodFreesItsDevicesForAPendingPod() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(PAIR.toResourceClaimTemplate());
    for (int i = 0; i < 17; i++) objects.add(pairPod("trainer-" + i));
    InMemoryCluster c = cluster(objects);
    String pending =
        c.report().pods().stream()
            .filter(p -> p.phase() == SimulationReport.Phase.PENDING)
            .map(SimulationReport.PodPlacement::name)
            .findFirst()
            .orElseThrow();
    String victim = pending.equals("trainer-0") ? "trainer-1" : "trainer-0";
    assertThat(c.delete(ObjectRef.of("v1", "Pod", "ml", victim))).isTrue();
    c.settle();
    assertThat(c.report().pod("ml", pending).orElseThrow().phase())
        .isEqualTo(SimulationReport.Phase.BOUND);
    assertThat(c.report().bound()).isEqualTo(16);
    assertThat(c.errors()).isEmpty();
    Set<String> claims =
        c.list(dev.aiconform.core.GroupKind.of("resource.k8s.io", "ResourceClaim"), "ml").stream()
            .map(o -> o.getMetadata().getName())
            .collect(Collectors.toSet());
    assertThat(claims).noneMatch(n -> n.startsWith(victim + "-"));
  }

  static final DeviceClaim WHOLE_NODE =
      DeviceClaim.template("whole-node")
          .namespace("ml")
          .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(8))
          .build();

  static final DeviceClaim TRIPLE_ON_ONE_ROOT =
      DeviceClaim.template("triple")
          .namespace("ml")
          .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(3))
          .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus")
          .build();

  @Test
  void identicalNodesShareOneReasonAndDifferentNodesGetTheirOwn() {
    InMemoryCluster c =
        cluster(
            objects(
                WHOLE_NODE.toResourceClaimTemplate(),
                TRIPLE_ON_ONE_ROOT.toResourceClaimTemplate(),
                pod("full-0", s -> PodClaims.useTemplateInFirstContainer(s, WHOLE_NODE)),
                pod("full-1", s -> PodClaims.useTemplateInFirstContainer(s, WHOLE_NODE))));
    c.apply(
        ManifestBundle.of(
            List.of(
                pod("triple", s -> PodClaims.useTemplateInFirstContainer(s, TRIPLE_ON_ONE_ROOT)))));
    String reason = c.report().pod("ml", "triple").orElseThrow().reason().orElseThrow();
    assertThat(reason)
        .startsWith("0/4 nodes are available: ")
        .contains(
            "2 cannot allocate all claims: claim ml/triple-triple-",
            ": constraint matchAttribute resource.kubernetes.io/pcieRoot on requests gpus cannot"
                + " be satisfied by the available devices",
            ", request gpus: needs 3 device(s); 8 of 8 device(s) of class gpu.nvidia.com match,"
                + " none usable (8 already allocated)");
  }

  @Test
  void theLastConsumerOfASharedClaimReleasesItsDevices() {
    InMemoryCluster c = clusterWherePodsAAndBShare(WHOLE_NODE);
    ObjectRef claimRef = ObjectRef.of("resource.k8s.io/v1", "ResourceClaim", "ml", "whole-node");
    c.delete(ObjectRef.of("v1", "Pod", "ml", "a"));
    c.settle();
    ResourceClaim stillUsed = (ResourceClaim) c.get(claimRef).orElseThrow();
    assertThat(stillUsed.getStatus().getAllocation()).isNotNull();
    assertThat(stillUsed.getStatus().getReservedFor())
        .extracting(x -> x.getName())
        .containsExactly("b");
    c.delete(ObjectRef.of("v1", "Pod", "ml", "b"));
    c.settle();
    ResourceClaim released = (ResourceClaim) c.get(claimRef).orElseThrow();
    assertThat(released.getStatus() == null || released.getStatus().getAllocation() == null)
        .isTrue();
    assertThat(released.getMetadata().getFinalizers()).isNullOrEmpty();
    // all four nodes are free again: four whole-node pods fit
    List<HasMetadata> four = new ArrayList<>();
    four.add(WHOLE_NODE.toResourceClaimTemplate());
    for (int i = 0; i < 4; i++) {
      four.add(pod("w" + i, s -> PodClaims.useTemplateInFirstContainer(s, WHOLE_NODE)));
    }
    c.apply(ManifestBundle.of(four));
    assertThat(c.report().bound()).isEqualTo(4);
  }

  @Test
  void placementSearchesThroughReserveAndUnreserveLeaveNoTrace() {
    GangProbe probe = new GangProbe(4);
    List<dev.aiconform.core.cluster.ClusterExtension> extensions =
        new ArrayList<>(InMemoryCluster.discovered());
    extensions.add(setup -> setup.addSchedulingPlugin(probe));
    List<HasMetadata> all = new ArrayList<>(Inventories.h100Nodes(4));
    all.add(new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build());
    all.add(WHOLE_NODE.toResourceClaimTemplate());
    for (int i = 0; i < 4; i++) {
      Pod p = pod("member-" + i, s -> PodClaims.useTemplateInFirstContainer(s, WHOLE_NODE));
      p.getMetadata().setLabels(java.util.Map.of("gang", "g"));
      all.add(p);
    }
    InMemoryCluster c = InMemoryCluster.builder().objects(all).extensions(extensions).build();
    assertThat(c.errors()).isEmpty();
    assertThat(probe.searches).isGreaterThanOrEqualTo(4);
    SimulationReport r = c.report();
    assertThat(r.bound()).isEqualTo(4);
    assertThat(r.pods().stream().map(p -> p.node().orElseThrow()).distinct()).hasSize(4);
    for (SimulationReport.PodPlacement p : r.pods()) {
      assertThat(p.devices()).hasSize(8).allMatch(d -> d.pool().equals(p.node().orElseThrow()));
    }
  }

  /** A gang Permit: waits until every member fits, checking with a placement search each time. */
  static final class GangProbe implements dev.aiconform.core.cluster.SchedulingPlugin {
    final int size;
    int searches;

    GangProbe(int size) {
      this.size = size;
    }

    @Override
    public String name() {
      return "gang-probe";
    }

    @Override
    public dev.aiconform.core.cluster.PluginStatus permit(
        dev.aiconform.core.cluster.SchedulingCycle cycle,
        Pod pod,
        dev.aiconform.core.cluster.NodeInfo node) {
      List<Pod> members =
          cycle.state().list(Pod.class).stream()
              .filter(
                  p ->
                      p.getMetadata().getLabels() != null
                          && "g".equals(p.getMetadata().getLabels().get("gang")))
              .collect(Collectors.toList());
      searches++;
      if (cycle.findPlacement(members, this).isEmpty()) {
        return dev.aiconform.core.cluster.PluginStatus.waiting("gang does not fit");
      }
      long waiting = cycle.waitingPods().size();
      if (waiting + 1 < size) {
        return dev.aiconform.core.cluster.PluginStatus.waiting("waiting for the gang");
      }
      cycle.waitingPods().keySet().forEach(cycle::allow);
      return dev.aiconform.core.cluster.PluginStatus.success();
    }
  }
}
