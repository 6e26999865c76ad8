package dev.aiconform.dra.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.dra.Inventories;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The demos of the DRA example driver
 * (testdata/corpus/upstream/kubernetes-sigs__dra-example-driver), replayed on the in-memory cluster
 * with the driver profile each demo asks for: every pod is bound, with the devices the demo
 * describes.
 *
 * <p>Not replayed: demos of features the simulation does not model — binding conditions (the driver
 * would set them), DRA-backed extended resources, the {@code cpu} profile, the device-taint
 * walkthroughs whose earlier steps are not in the corpus, and the one without an apiVersion.
 */
class ExampleDriverDemosTest {
  private static final String DEMOS = "kubernetes-sigs__dra-example-driver/demo/examples/";

  /** A demo, the inventory it needs and how many devices each of its pods gets. */
  record Demo(
      String file, Supplier<List<HasMetadata>> inventory, int devicesPerPod, boolean sameDevice) {}

  static final List<Demo> DEMOS_REPLAYED =
      List.of(
          new Demo(
              "admin-access/admin-access.yaml", () -> Inventories.exampleDriverNodes(1), 8, false),
          new Demo(
              "basic-multiple-requests/basic-multiple-requests.yaml",
              () -> Inventories.exampleDriverNodes(1),
              2,
              false),
          new Demo(
              "basic-resourceclaim-opaque-config/basic-resourceclaim-opaque-config.yaml",
              () -> Inventories.exampleDriverNodes(1),
              2,
              false),
          new Demo(
              "basic-resourceclaimtemplate/basic-resourceclaimtemplate.yaml",
              () -> Inventories.exampleDriverNodes(1),
              1,
              false),
          new Demo(
              "basic-shared-claim-across-pods/basic-shared-claim-across-pods.yaml",
              () -> Inventories.exampleDriverNodes(1),
              1,
              true),
          new Demo(
              "cel-selector/cel-selector.yaml", () -> Inventories.exampleDriverNodes(1), 1, false),
          new Demo(
              "device-taints-tolerations/device-taint-pod-toleration/2-basic-resourceclaimtemplate.yaml",
              () -> Inventories.exampleDriverNodes(1),
              1,
              false),
          new Demo(
              "gpu-allow-multiple-allocations-partitionable/gpu-allow-multiple-allocations-partitionable.yaml",
              () -> Inventories.exampleDriverSharedNodes(1),
              1,
              true),
          new Demo(
              "initcontainer-shared-gpu/initcontainer-shared-gpu.yaml",
              () -> Inventories.exampleDriverNodes(1),
              1,
              false),
          new Demo(
              "net-consumable-capacity/net-consumable-capacity.yaml",
              () -> Inventories.exampleDriverNetNodes(1),
              1,
              true),
          new Demo(
              "partitionable-devices/partitionable-devices.yaml",
              () -> Inventories.exampleDriverPartitionableNodes(1, 4),
              2,
              false),
          new Demo(
              "podgroup-resourceclaimtemplate/podgroup-resourceclaimtemplate.yaml",
              () -> Inventories.exampleDriverNodes(1),
              1,
              false),
          new Demo(
              "prioritized-alternatives/prioritized-alternatives.yaml",
              () -> Inventories.exampleDriverNodes(1),
              1,
              false));

  @TestFactory
  Stream<DynamicTest> everyDemoPodRunsWithTheDevicesItAsksFor() {
    return DEMOS_REPLAYED.stream()
        .map(
            demo ->
                DynamicTest.dynamicTest(
                    demo.file(),
                    () -> {
                      InMemoryCluster c =
                          InMemoryCluster.builder().objects(demo.inventory().get()).build();
                      ApplyResult applied =
                          c.apply(
                              ManifestReader.defaults()
                                  .read(Corpus.file(DEMOS + demo.file()))
                                  .bundle());
                      assertThat(applied.failures()).isEmpty();
                      assertThat(c.errors()).isEmpty();
                      SimulationReport r = c.report();
                      assertThat(r.pods()).isNotEmpty();
                      for (SimulationReport.PodPlacement p : r.pods()) {
                        assertThat(p.phase())
                            .as(p.name() + ": " + p.reason().orElse(""))
                            .isEqualTo(SimulationReport.Phase.BOUND);
                        assertThat(p.devices()).as(p.name()).hasSize(demo.devicesPerPod());
                      }
                      List<String> firstDevices =
                          r.pods().stream()
                              .map(p -> p.devices().get(0).device())
                              .distinct()
                              .collect(Collectors.toList());
                      if (demo.sameDevice()) assertThat(firstDevices).hasSize(1);
                    }));
  }
}
