package dev.aiconform.testing;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.cluster.SimulationReport.Device;
import dev.aiconform.core.cluster.SimulationReport.Group;
import dev.aiconform.core.cluster.SimulationReport.Owner;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulationReportAssertTest {
  private static PodPlacement bound(String name, String node, int devices) {
    List<Device> ds = new java.util.ArrayList<>();
    for (int i = 0; i < devices; i++) {
      ds.add(new Device("gpu", "gpu.nvidia.com", node, "gpu-" + i));
    }
    return new PodPlacement(
        "ml",
        name,
        Optional.of(new Owner("Job", "train")),
        Phase.BOUND,
        Optional.of(node),
        ds,
        Optional.empty());
  }

  private static PodPlacement pending(String name, String reason) {
    return new PodPlacement(
        "ml",
        name,
        Optional.empty(),
        Phase.PENDING,
        Optional.empty(),
        List.of(),
        Optional.of(reason));
  }

  private static final SimulationReport ADMITTED =
      new SimulationReport(
          List.of(bound("train-0", "h100-node-0", 2), bound("train-1", "h100-node-0", 2)),
          List.of(new Group("ml", "train", "coscheduling", 2, 2, true)),
          List.of());

  private static final SimulationReport STARVED =
      new SimulationReport(
          List.of(
              pending("train-0", "0/4 nodes are available: 4 Insufficient nvidia.com/gpu."),
              pending("train-1", "waiting for gang ml/train: 0 of 2 members can be placed")),
          List.of(new Group("ml", "train", "coscheduling", 2, 0, false)),
          List.of());

  @Test
  void gangAndPodAssertionsPassOnAnAdmittedGang() {
    assertThat(ADMITTED)
        .gang("train")
        .isAdmitted()
        .hasBound(2)
        .hasMinCount(2)
        .usesBackend("coscheduling");
    assertThat(ADMITTED)
        .pod("train-0")
        .isBound()
        .isOnNode("h100-node-0")
        .hasDevices(2)
        .hasDevice("gpu.nvidia.com", "gpu-1");
    assertThat(ADMITTED).hasNoPendingPods().hasBoundPods(2).hasNoRejections();
    assertThat(STARVED).gang("train").isNotAdmitted();
    assertThat(STARVED)
        .pod("train-0")
        .isPending()
        .hasPendingReasonContaining("Insufficient nvidia.com/gpu");
  }

  @Test
  void notAdmittedGangShowsWhyItsPodsWait() {
    assertThatThrownBy(() -> assertThat(STARVED).gang("train").isAdmitted())
        .hasMessage(
            String.join(
                "\n",
                "",
                "Expecting gang",
                "  \"ml/train (coscheduling)\"",
                "to be admitted but it was not: 0 of at least 2 members bound.",
                "Its namespace's pending pods:",
                "  ml/train-0: pending (0/4 nodes are available: 4 Insufficient nvidia.com/gpu.)",
                "  ml/train-1: pending (waiting for gang ml/train: 0 of 2 members can be placed)"));
  }

  @Test
  void pendingPodExpectedBoundShowsItsReason() {
    assertThatThrownBy(() -> assertThat(STARVED).pod("train-0").isBound())
        .hasMessage(
            "\nExpecting pod\n  \"ml/train-0\"\nto be bound but it is pending:\n  0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
  }

  @Test
  void wrongDeviceCountListsTheDevices() {
    assertThatThrownBy(() -> assertThat(ADMITTED).pod("train-1").hasDevices(4))
        .hasMessage(
            String.join(
                "\n",
                "",
                "Expecting pod",
                "  \"ml/train-1\"",
                "to have 4 devices but it has 2:",
                "  gpu: gpu.nvidia.com h100-node-0/gpu-0",
                "  gpu: gpu.nvidia.com h100-node-0/gpu-1"));
  }

  @Test
  void unknownNamesListWhatThereIs() {
    assertThatThrownBy(() -> assertThat(ADMITTED).gang("serve"))
        .hasMessage(
            "\nExpecting the cluster to have a gang named\n  \"serve\"\nbut its gangs were:\n  ml/train (coscheduling): admitted, 2/2 bound");
    assertThatThrownBy(() -> assertThat(ADMITTED).pod("train-9"))
        .hasMessageContaining("  ml/train-0: bound to h100-node-0, 2 devices");
  }

  @Test
  void pendingPodsFailHasNoPendingPods() {
    assertThatThrownBy(() -> assertThat(STARVED).hasNoPendingPods())
        .hasMessageStartingWith("\nExpecting every pod to be bound but 2 of 2 are pending:");
  }
}
