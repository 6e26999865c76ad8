package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The scheduling framework with kube-scheduler's default plugins, as users see it. */
class CoreSchedulingTest {
  static InMemoryCluster cluster(List<Node> nodes) {
    return InMemoryCluster.builder().extensions(List.of()).objects(nodes).build();
  }

  static PodPlacement placement(InMemoryCluster cluster, String name) {
    return cluster.report().pod("default", name).orElseThrow();
  }

  static String reason(InMemoryCluster cluster, String name) {
    return placement(cluster, name).reason().orElse("<bound>");
  }

  @Nested
  class PendingReasons {
    @Test
    void countsInsufficientResourcePerNodeInTheSchedulersWords() {
      InMemoryCluster cluster =
          cluster(Nodes.named("gpu-node-%d").count(4).allocatable("nvidia.com/gpu", "8").build());
      cluster.apply(ManifestBundle.of(TestPods.named("big").gpus(16).build()));

      PodPlacement p = placement(cluster, "big");
      assertThat(p.phase()).isEqualTo(Phase.PENDING);
      assertThat(p.reason()).contains("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
    }

    @Test
    void sortsTheReasonHistogramAsStrings() {
      List<Node> nodes = new ArrayList<>();
      nodes.addAll(Nodes.named("a-cordoned").unschedulable().build());
      nodes.addAll(Nodes.named("b-tainted").taint("dedicated", "infra", "NoSchedule").build());
      nodes.addAll(Nodes.named("c-small-%d").count(2).cpu("1").build());
      InMemoryCluster cluster = cluster(nodes);
      cluster.apply(ManifestBundle.of(TestPods.named("p").requests("cpu", "4").build()));

      assertThat(reason(cluster, "p"))
          .isEqualTo(
              "0/4 nodes are available: 1 node(s) had untolerated taint(s),"
                  + " 1 node(s) were unschedulable, 2 Insufficient cpu.");
    }

    @Test
    void countsEveryReasonOfANode() {
      InMemoryCluster cluster =
          cluster(Nodes.named("n-%d").count(2).cpu("1").memory("1Gi").build());
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("p").requests("cpu", "2").requests("memory", "2Gi").build()));

      assertThat(reason(cluster, "p"))
          .isEqualTo("0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.");
    }

    @Test
    void countsPodsAgainstTheNodesPodCapacity() {
      InMemoryCluster cluster = cluster(Nodes.named("n").pods(1).build());
      cluster.apply(ManifestBundle.of(TestPods.named("a").build(), TestPods.named("b").build()));

      assertThat(placement(cluster, "a").phase()).isEqualTo(Phase.BOUND);
      assertThat(reason(cluster, "b")).isEqualTo("0/1 nodes are available: 1 Too many pods.");
    }

    @Test
    void saysSoWhenThereIsNoNodeAtAll() {
      InMemoryCluster cluster = cluster(List.of());
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      assertThat(reason(cluster, "p")).isEqualTo("no nodes available to schedule pods");
    }

    @Test
    void recordsUnschedulableConditionOnThePod() {
      InMemoryCluster cluster = cluster(Nodes.named("n").cpu("1").build());
      cluster.apply(ManifestBundle.of(TestPods.named("p").requests("cpu", "2").build()));

      Pod pod = cluster.pods().get(0);
      PodCondition c = condition(pod, "PodScheduled");
      assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("Unschedulable");
      assertThat(c.getMessage()).isEqualTo("0/1 nodes are available: 1 Insufficient cpu.");
      assertThat(pod.getSpec().getNodeName()).isNull();
    }

    @Test
    void holdsGatedPodsWithTheSchedulingGatedReason() {
      InMemoryCluster cluster = cluster(Nodes.named("n").build());
      Pod pod = TestPods.named("gated").build();
      pod.getSpec()
          .setSchedulingGates(
              List.of(
                  new io.fabric8.kubernetes.api.model.PodSchedulingGate(
                      "kueue.x-k8s.io/admission")));
      cluster.apply(ManifestBundle.of(pod));

      assertThat(reason(cluster, "gated"))
          .isEqualTo("Scheduling is blocked due to non-empty scheduling gates");
      assertThat(condition(cluster.pods().get(0), "PodScheduled").getReason())
          .isEqualTo("SchedulingGated");
    }
  }

  @Nested
  class Binding {
    @Test
    void bindsLikeTheSchedulerAndTheKubelet() {
      InMemoryCluster cluster = cluster(Nodes.named("node-%d").count(2).build());
      cluster.apply(ManifestBundle.of(TestPods.named("web").build()));

      Pod pod = cluster.pods().get(0);
      assertThat(pod.getSpec().getNodeName()).isEqualTo("node-0");
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
      assertThat(condition(pod, "PodScheduled").getStatus()).isEqualTo("True");
      assertThat(condition(pod, "Ready").getStatus()).isEqualTo("True");
      assertThat(pod.getStatus().getPodIP()).isEqualTo("10.244.0.2");
      assertThat(pod.getStatus().getHostIP()).startsWith("10.");
      assertThat(pod.getStatus().getStartTime()).isEqualTo("2026-01-01T00:00:00Z");
      assertThat(pod.getStatus().getContainerStatuses())
          .singleElement()
          .satisfies(s -> assertThat(s.getReady()).isTrue());
    }

    @Test
    void spreadsLikeLeastAllocatedAndBreaksTiesByNodeName() {
      InMemoryCluster cluster = cluster(Nodes.named("node-%d").count(3).build());
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("a").requests("cpu", "8").build(),
              TestPods.named("b").requests("cpu", "8").build(),
              TestPods.named("c").requests("cpu", "8").build()));

      assertThat(placement(cluster, "a").node()).contains("node-0");
      assertThat(placement(cluster, "b").node()).contains("node-1");
      assertThat(placement(cluster, "c").node()).contains("node-2");
    }

    @Test
    void prefersTheLeastAllocatedNode() {
      InMemoryCluster cluster =
          cluster(
              List.of(
                  Nodes.named("big").cpu("64").memory("256Gi").build().get(0),
                  Nodes.named("aaa-small").cpu("4").memory("8Gi").build().get(0)));
      cluster.apply(ManifestBundle.of(TestPods.named("p").requests("cpu", "1").build()));

      assertThat(placement(cluster, "p").node()).contains("big");
    }

    @Test
    void schedulesWhateverTheSchedulerName() {
      InMemoryCluster cluster = cluster(Nodes.named("n").build());
      cluster.apply(ManifestBundle.of(TestPods.named("v").schedulerName("volcano").build()));

      assertThat(placement(cluster, "v").phase()).isEqualTo(Phase.BOUND);
      assertThat(cluster.pods().get(0).getSpec().getSchedulerName()).isEqualTo("volcano");
    }

    @Test
    void defaultsTheSchedulerName() {
      InMemoryCluster cluster = cluster(Nodes.named("n").build());
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      assertThat(cluster.pods().get(0).getSpec().getSchedulerName()).isEqualTo("default-scheduler");
    }

    @Test
    void schedulesHigherPriorityFirstThenInCreationOrder() {
      InMemoryCluster cluster =
          cluster(Nodes.named("n").allocatable("nvidia.com/gpu", "2").build());
      cluster.apply(
          Yaml.bundle(
              """
              apiVersion: scheduling.k8s.io/v1
              kind: PriorityClass
              metadata: {name: high}
              value: 1000
              """));
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("first").gpus(1).build(),
              TestPods.named("second").gpus(1).build(),
              TestPods.named("urgent").gpus(1).priorityClass("high").build()));

      assertThat(placement(cluster, "urgent").phase()).isEqualTo(Phase.BOUND);
      assertThat(placement(cluster, "first").phase()).isEqualTo(Phase.BOUND);
      assertThat(placement(cluster, "second").phase()).isEqualTo(Phase.PENDING);
    }

    @Test
    void placesAPendingPodOnceANodeArrives() {
      InMemoryCluster cluster = cluster(List.of());
      cluster.apply(ManifestBundle.of(TestPods.named("p").gpus(1).build()));
      assertThat(placement(cluster, "p").phase()).isEqualTo(Phase.PENDING);

      cluster.apply(
          ManifestBundle.of(Nodes.named("gpu").allocatable("nvidia.com/gpu", "1").build()));

      assertThat(placement(cluster, "p").node()).contains("gpu");
    }

    @Test
    void placesAPendingPodOnceAnotherPodIsDeleted() {
      InMemoryCluster cluster =
          cluster(Nodes.named("gpu").allocatable("nvidia.com/gpu", "1").build());
      cluster.apply(ManifestBundle.of(TestPods.named("a").gpus(1).build()));
      cluster.apply(ManifestBundle.of(TestPods.named("b").gpus(1).build()));
      assertThat(placement(cluster, "b").phase()).isEqualTo(Phase.PENDING);

      assertThat(cluster.delete(dev.aiconform.core.ObjectRef.of("v1", "Pod", "default", "a")))
          .isTrue();

      assertThat(placement(cluster, "b").node()).contains("gpu");
    }
  }

  @Nested
  class NodeNameAndUnschedulable {
    @Test
    void placesAPodThatNamesItsNodeOnlyThere() {
      InMemoryCluster cluster = cluster(Nodes.named("node-%d").count(3).build());
      cluster.apply(ManifestBundle.of(TestPods.named("p").nodeName("node-2").build()));

      assertThat(placement(cluster, "p").node()).contains("node-2");
    }

    @Test
    void keepsAPodPendingWhenItsNamedNodeIsFull() {
      InMemoryCluster cluster = cluster(Nodes.named("node-%d").count(3).cpu("1").build());
      cluster.apply(
          ManifestBundle.of(TestPods.named("p").nodeName("node-1").requests("cpu", "2").build()));

      assertThat(reason(cluster, "p"))
          .isEqualTo(
              "0/3 nodes are available: 1 Insufficient cpu,"
                  + " 2 node(s) didn't match the requested node name.");
    }

    @Test
    void keepsPodsOffCordonedNodesUnlessTheyTolerateIt() {
      InMemoryCluster cluster = cluster(Nodes.named("n").unschedulable().build());
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("plain").build(),
              TestPods.named("tolerant")
                  .tolerate(
                      new TolerationBuilder()
                          .withKey("node.kubernetes.io/unschedulable")
                          .withOperator("Exists")
                          .withEffect("NoSchedule")
                          .build())
                  .build()));

      assertThat(reason(cluster, "plain"))
          .isEqualTo("0/1 nodes are available: 1 node(s) were unschedulable.");
      assertThat(placement(cluster, "tolerant").phase()).isEqualTo(Phase.BOUND);
    }
  }

  @Nested
  class TaintsAndTolerations {
    final List<Node> gpuNodes =
        Nodes.named("gpu")
            .allocatable("nvidia.com/gpu", "8")
            .taint("nvidia.com/gpu", "present", "NoSchedule")
            .build();

    InMemoryCluster withPod(TestPods pod) {
      InMemoryCluster cluster = cluster(gpuNodes);
      cluster.apply(ManifestBundle.of(pod.build()));
      return cluster;
    }

    @Test
    void keepsOutPodsThatDoNotTolerateANoScheduleTaint() {
      assertThat(reason(withPod(TestPods.named("p")), "p"))
          .isEqualTo("0/1 nodes are available: 1 node(s) had untolerated taint(s).");
    }

    @Test
    void letsInAPodWithAnEqualToleration() {
      TestPods pod =
          TestPods.named("p")
              .tolerate(
                  new TolerationBuilder()
                      .withKey("nvidia.com/gpu")
                      .withOperator("Equal")
                      .withValue("present")
                      .withEffect("NoSchedule")
                      .build());
      assertThat(placement(withPod(pod), "p").phase()).isEqualTo(Phase.BOUND);
    }

    @Test
    void equalNeedsTheSameValue() {
      TestPods pod =
          TestPods.named("p")
              .tolerate(
                  new TolerationBuilder().withKey("nvidia.com/gpu").withValue("absent").build());
      assertThat(placement(withPod(pod), "p").phase()).isEqualTo(Phase.PENDING);
    }

    @Test
    void existsIgnoresTheValue() {
      TestPods pod =
          TestPods.named("p")
              .tolerate(
                  new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists").build());
      assertThat(placement(withPod(pod), "p").phase()).isEqualTo(Phase.BOUND);
    }

    @Test
    void anEmptyKeyWithExistsToleratesEverything() {
      TestPods pod =
          TestPods.named("p").tolerate(new TolerationBuilder().withOperator("Exists").build());
      assertThat(placement(withPod(pod), "p").phase()).isEqualTo(Phase.BOUND);
    }

    @Test
    void aTolerationForAnotherEffectDoesNotCount() {
      TestPods pod =
          TestPods.named("p")
              .tolerate(
                  new TolerationBuilder()
                      .withKey("nvidia.com/gpu")
                      .withOperator("Exists")
                      .withEffect("NoExecute")
                      .build());
      assertThat(placement(withPod(pod), "p").phase()).isEqualTo(Phase.PENDING);
    }

    @Test
    void noExecuteTaintsAlsoKeepPodsOut() {
      InMemoryCluster cluster = cluster(Nodes.named("n").taint("maintenance", "NoExecute").build());
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));
      assertThat(placement(cluster, "p").phase()).isEqualTo(Phase.PENDING);
    }

    @Test
    void preferNoScheduleTaintsDoNotFilter() {
      InMemoryCluster cluster =
          cluster(Nodes.named("n").taint("spot", "true", "PreferNoSchedule").build());
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));
      assertThat(placement(cluster, "p").phase()).isEqualTo(Phase.BOUND);
    }
  }

  @Nested
  class NodeAffinity {
    InMemoryCluster cluster() {
      List<Node> nodes = new ArrayList<>();
      nodes.addAll(Nodes.named("h100").label("gpu", "h100").label("gpus", "8").build());
      nodes.addAll(Nodes.named("a100").label("gpu", "a100").label("gpus", "4").build());
      nodes.addAll(Nodes.named("cpu").build());
      return CoreSchedulingTest.cluster(nodes);
    }

    String nodeOf(String affinityYaml) {
      InMemoryCluster cluster = cluster();
      cluster.apply(
          Yaml.bundle(
              """
              apiVersion: v1
              kind: Pod
              metadata: {name: p}
              spec:
                containers: [{name: main, image: busybox}]
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
              """
                  + affinityYaml.indent(8)));
      PodPlacement p = placement(cluster, "p");
      return p.node().orElseGet(() -> p.reason().orElseThrow());
    }

    @Test
    void in() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchExpressions:\n  - {key: gpu, operator: In, values: [a100]}"))
          .isEqualTo("a100");
    }

    @Test
    void notInAlsoMatchesNodesWithoutTheLabel() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchExpressions:\n  - {key: gpu, operator: NotIn, values: [a100, h100]}"))
          .isEqualTo("cpu");
    }

    @Test
    void exists() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchExpressions:\n  - {key: gpu, operator: Exists}\n  - {key: gpu, operator: NotIn, values: [a100]}"))
          .isEqualTo("h100");
    }

    @Test
    void doesNotExist() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchExpressions:\n  - {key: gpu, operator: DoesNotExist}"))
          .isEqualTo("cpu");
    }

    @Test
    void greaterThanComparesIntegers() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchExpressions:\n  - {key: gpus, operator: Gt, values: ['4']}"))
          .isEqualTo("h100");
    }

    @Test
    void lessThanComparesIntegers() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchExpressions:\n  - {key: gpus, operator: Lt, values: ['8']}"))
          .isEqualTo("a100");
    }

    @Test
    void matchFieldsSelectsByNodeName() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchFields:\n  - {key: metadata.name, operator: In, values: [cpu]}"))
          .isEqualTo("cpu");
    }

    @Test
    void termsAreAlternatives() {
      assertThat(
              nodeOf(
                  "nodeSelectorTerms:\n- matchExpressions:\n  - {key: gpu, operator: In, values: [tpu]}\n- matchExpressions:\n  - {key: gpu, operator: In, values: [a100]}"))
          .isEqualTo("a100");
    }

    @Test
    void anEmptyTermMatchesNothing() {
      assertThat(nodeOf("nodeSelectorTerms:\n- {}"))
          .isEqualTo(
              "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.");
    }

    @Test
    void nodeSelectorNeedsEveryLabel() {
      InMemoryCluster cluster = cluster();
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("p").nodeSelector("gpu", "a100").nodeSelector("gpus", "8").build(),
              TestPods.named("q").nodeSelector("gpu", "a100").nodeSelector("gpus", "4").build()));

      assertThat(reason(cluster, "p"))
          .isEqualTo(
              "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.");
      assertThat(placement(cluster, "q").node()).contains("a100");
    }
  }

  static PodCondition condition(Pod pod, String type) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " on " + pod.getStatus()));
  }
}
