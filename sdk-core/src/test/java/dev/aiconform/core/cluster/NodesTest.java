package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesTest {
  @Test
  void makesIndexedNodesWithWhatTheyCanAllocate() {
    List<Node> nodes =
        Nodes.named("gpu-node-%d")
            .count(4)
            .allocatable("nvidia.com/gpu", "8")
            .label("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
            .taint("nvidia.com/gpu", "present", "NoSchedule")
            .build();

    assertThat(nodes)
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("gpu-node-0", "gpu-node-1", "gpu-node-2", "gpu-node-3");
    Node n = nodes.get(2);
    assertThat(n.getMetadata().getLabels())
        .containsEntry("kubernetes.io/hostname", "gpu-node-2")
        .containsEntry("kubernetes.io/os", "linux")
        .containsEntry("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3");
    assertThat(n.getStatus().getAllocatable())
        .containsEntry("nvidia.com/gpu", new Quantity("8"))
        .containsEntry("cpu", new Quantity(Nodes.DEFAULT_CPU))
        .containsEntry("memory", new Quantity(Nodes.DEFAULT_MEMORY))
        .containsEntry("pods", new Quantity("110"));
    assertThat(n.getStatus().getCapacity()).isEqualTo(n.getStatus().getAllocatable());
    assertThat(n.getSpec().getTaints())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                    .isEqualTo("nvidia.com/gpu=present:NoSchedule"));
    assertThat(n.getStatus().getConditions())
        .singleElement()
        .satisfies(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True"));
    assertThat(n.getStatus().getAddresses())
        .extracting(a -> a.getType())
        .containsExactly("InternalIP", "Hostname");
  }

  @Test
  void namesASingleNodeAfterThePattern() {
    Node n =
        Nodes.named("cpu-pool").cpu("64").memory("256Gi").pods(250).unschedulable().build().get(0);

    assertThat(n.getMetadata().getName()).isEqualTo("cpu-pool");
    assertThat(n.getStatus().getAllocatable())
        .containsEntry("cpu", new Quantity("64"))
        .containsEntry("pods", new Quantity("250"));
    assertThat(n.getSpec().getUnschedulable()).isTrue();
  }

  @Test
  void startsNumberingWhereToldAndEachBuildIsFresh() {
    Nodes spec = Nodes.named("n-%02d").count(2).startingAt(9);
    List<Node> first = spec.build();

    assertThat(first).extracting(x -> x.getMetadata().getName()).containsExactly("n-09", "n-10");
    first.get(0).getMetadata().getLabels().put("changed", "yes");
    assertThat(spec.build().get(0).getMetadata().getLabels()).doesNotContainKey("changed");
  }

  @Test
  void saysWhatIsWrongWithItsInput() {
    assertThatThrownBy(() -> Nodes.named("gpu").count(2).build())
        .hasMessageContaining("add %d to name 2 of them");
    assertThatThrownBy(() -> Nodes.named("n").allocatable("nvidia.com/gpu", "eight"))
        .hasMessageContaining("must be a Kubernetes quantity such as '8' or '512Gi', was 'eight'");
    assertThatThrownBy(() -> Nodes.named("n").taint("k", "v", "NoWay"))
        .hasMessageContaining("NoSchedule, PreferNoSchedule or NoExecute, was 'NoWay'");
    assertThatThrownBy(() -> Nodes.named("n").count(0)).hasMessageContaining("at least 1, was 0");
  }
}
