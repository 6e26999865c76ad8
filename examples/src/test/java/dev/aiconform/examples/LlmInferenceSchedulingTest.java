package dev.aiconform.examples;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.SimulationReport.Device;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import dev.aiconform.dra.DeviceClasses;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.NvidiaMig;
import dev.aiconform.dra.ResourceSlices;
import dev.aiconform.testing.ClusterPreset;
import dev.aiconform.testing.WithInMemoryCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vLLM server's {@code firstAvailable} claim on the in-memory cluster, node type by type. The
 * presets install the {@code gpu.nvidia.com} DeviceClass only; the NVIDIA driver also installs
 * {@code mig.nvidia.com}, without which Kubernetes refuses the whole claim (its third alternative
 * names it), so each test adds it.
 */
class LlmInferenceSchedulingTest {
  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 1)
  void onH100NodesAReplicaGetsOneH100(InMemoryCluster cluster) {
    cluster.apply(ManifestBundle.of(DeviceClasses.nvidiaMig()));
    assertThat(cluster.apply(LlmInference.server())).isSuccessful();

    assertThat(requests(onlyPod(cluster))).containsExactly("gpu/h100");
  }

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.A100, nodes = 1)
  void onA100NodesAReplicaGetsTwoA100sOnOnePcieRoot(InMemoryCluster cluster) {
    cluster.apply(ManifestBundle.of(DeviceClasses.nvidiaMig()));
    assertThat(cluster.apply(LlmInference.server())).isSuccessful();

    PodPlacement pod = onlyPod(cluster);
    assertThat(requests(pod)).containsExactly("gpu/a100-pair", "gpu/a100-pair");
    // a100-node GPUs pair up on a PCIe root: gpu-0 and gpu-1, gpu-2 and gpu-3, ...
    assertThat(pod.devices()).extracting(Device::device).containsExactly("gpu-0", "gpu-1");
  }

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 1)
  void withoutTheMigDeviceClassTheWholeClaimIsRefused(InMemoryCluster cluster) {
    cluster.apply(LlmInference.server());

    String pod = cluster.report().pods().get(0).name();
    assertThat(cluster)
        .pod(LlmInference.NAMESPACE, pod)
        .isPending()
        .hasPendingReasonContaining(
            "request gpu/mig-3g40gb: device class mig.nvidia.com does not exist");
  }

  @Test
  void onNodesWithMigSlicesOnlyAReplicaGetsA3g40gbSlice() {
    InMemoryCluster cluster = InMemoryCluster.builder().objects(staticMigNode()).build();
    assertThat(cluster.apply(LlmInference.server())).isSuccessful();

    PodPlacement pod = onlyPod(cluster);
    assertThat(requests(pod)).containsExactly("gpu/mig-3g40gb");
    assertThat(pod.devices().get(0).device()).startsWith("gpu-0-mig-3g40gb-");
  }

  // tag::fallback[]
  @Test
  void replicasBeyondTheH100sFallBackToA100Pairs() {
    List<HasMetadata> inventory = new ArrayList<>(Clusters.h100Nodes(1));
    Inventories.a100Nodes(1).stream()
        .filter(o -> !o.getKind().equals("DeviceClass")) // gpu.nvidia.com is there already
        .forEach(inventory::add);
    InMemoryCluster cluster = InMemoryCluster.builder().objects(inventory).build();
    ManifestBundle server = LlmInference.server();
    server
        .objectsOf(Deployment.class)
        .get(0)
        .getSpec()
        .setReplicas(12); // 8 H100s and 4 pairs of A100s: exactly full

    assertThat(cluster.apply(server)).isSuccessful();

    assertThat(cluster).hasNoPendingPods().hasBoundPods(12);
    List<PodPlacement> pods = cluster.report().pods();
    assertThat(pods)
        .filteredOn(p -> p.node().orElseThrow().startsWith("h100"))
        .hasSize(8)
        .allSatisfy(p -> assertThat(requests(p)).containsExactly("gpu/h100"));
    assertThat(pods)
        .filteredOn(p -> p.node().orElseThrow().startsWith("a100"))
        .hasSize(4)
        .allSatisfy(p -> assertThat(requests(p)).containsExactly("gpu/a100-pair", "gpu/a100-pair"));
  }

  // end::fallback[]

  private static PodPlacement onlyPod(InMemoryCluster cluster) {
    assertThat(cluster).hasNoPendingPods().hasBoundPods(1);
    return cluster.report().pods().get(0);
  }

  private static List<String> requests(PodPlacement pod) {
    return pod.devices().stream().map(Device::request).toList();
  }

  /**
   * A node whose 8 H100s are statically partitioned into two 3g.40gb MIG devices each, as the GPU
   * operator's MIG manager leaves them: the driver publishes the MIG devices, not the GPUs.
   */
  static List<HasMetadata> staticMigNode() {
    String node = "mig-node-0";
    ResourceSlices.Builder slice = ResourceSlices.onNode(node, NvidiaGpu.DRIVER);
    for (int gpu = 0; gpu < 8; gpu++) {
      for (int start : new int[] {0, 4}) {
        slice.device(
            "gpu-" + gpu + "-mig-3g40gb-" + start,
            d ->
                d.attribute(NvidiaGpu.TYPE, "mig")
                    .attribute(NvidiaGpu.PRODUCT_NAME, "NVIDIA H100 80GB HBM3")
                    .attribute(NvidiaMig.PROFILE, "3g.40gb")
                    .capacity(NvidiaMig.MEMORY, "40320Mi"));
      }
    }
    return List.of(
        DeviceClasses.nvidiaGpu(),
        DeviceClasses.nvidiaMig(),
        Inventories.node(node, "nvidia.com/mig.strategy", "mixed"),
        slice.build());
  }
}
