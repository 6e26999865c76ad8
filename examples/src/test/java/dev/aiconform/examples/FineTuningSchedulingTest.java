package dev.aiconform.examples;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.cluster.SimulationReport.Device;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import dev.aiconform.testing.ClusterPreset;
import dev.aiconform.testing.WithInMemoryCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The test author's example: a team's JUnit tests for its fine-tuning gang, on a fresh in-memory
 * cluster of H100 nodes per test (sdk-testing's {@code @WithInMemoryCluster}).
 */
class FineTuningSchedulingTest {
  static final String GANG = FineTuning.NAME;

  // tag::admitted[]
  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 4)
  void theGangIsAdmittedOnFourNodes(InMemoryCluster cluster) {
    assertThat(cluster.apply(FineTuning.workloadApi())).isSuccessful();

    assertThat(cluster).gang("ml", GANG).isAdmitted().hasBound(4);
    assertThat(cluster).hasNoPendingPods().hasBoundPods(4).hasNoRejections();
  }

  // end::admitted[]

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 3)
  void theGangStaysEntirelyPendingOnThreeNodes(InMemoryCluster cluster) {
    assertThat(cluster.apply(FineTuning.workloadApi())).isSuccessful();

    assertThat(cluster).gang("ml", GANG).isNotAdmitted().hasBound(0);
    assertThat(cluster).hasBoundPods(0);
    for (int i = 0; i < 4; i++) {
      assertThat(cluster).pod(GANG + "-worker-" + i).isPending(); // the pod of index i
    }
  }

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 4)
  void eachWorkerGetsEightH100sAsFourPairsOnOnePcieRootEach(InMemoryCluster cluster) {
    cluster.apply(FineTuning.workloadApi());
    Map<String, String> pcieRoot = pcieRoots(4); // pool/device → PCIe root

    for (int i = 0; i < 4; i++) {
      PodPlacement worker = cluster.report().pod("ml", workerName(cluster, i)).orElseThrow();
      assertThat(cluster).pod("ml", worker.name()).isBound().hasDevices(8);
      Map<String, List<Device>> pairs =
          worker.devices().stream().collect(Collectors.groupingBy(Device::request));
      assertThat(pairs).containsOnlyKeys("pair-0", "pair-1", "pair-2", "pair-3");
      pairs.forEach(
          (request, devices) ->
              assertThat(devices)
                  .as("%s of %s", request, worker.name())
                  .extracting(d -> pcieRoot.get(d.pool() + "/" + d.device()))
                  .hasSize(2)
                  .doesNotContainNull()
                  .containsOnly(
                      pcieRoot.get(devices.get(0).pool() + "/" + devices.get(0).device())));
    }
  }

  /** The name of the pod with completion index {@code index} (Indexed Job pods get a suffix). */
  static String workerName(InMemoryCluster cluster, int index) {
    SimulationReport report = cluster.report();
    String prefix = GANG + "-worker-" + index + "-";
    return report.pods().stream()
        .map(PodPlacement::name)
        .filter(n -> n.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pod " + prefix + "* in " + report.pods()));
  }

  /** Each H100's PCIe root by pool and device, from the ResourceSlices of the preset. */
  static Map<String, String> pcieRoots(int nodes) {
    Map<String, String> roots = new HashMap<>();
    for (HasMetadata o : ClusterPreset.H100.objects(nodes)) {
      if (o instanceof ResourceSlice slice) {
        for (io.fabric8.kubernetes.api.model.resource.v1.Device d : slice.getSpec().getDevices()) {
          roots.put(
              slice.getSpec().getPool().getName() + "/" + d.getName(),
              d.getAttributes().get("resource.kubernetes.io/pcieRoot").getString());
        }
      }
    }
    return roots;
  }
}
