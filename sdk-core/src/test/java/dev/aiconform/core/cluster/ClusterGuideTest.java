package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/core-cluster.md, compiled and run. Keep the two in step: each snippet in the
 * guide is the body of one test here, between the {@code // tag::} and {@code // end::} markers.
 */
class ClusterGuideTest {
  static final String TRAINING_JOB =
      """
      # tag::job[]
      apiVersion: batch/v1
      kind: Job
      metadata: {name: train, namespace: ml}
      spec:
        completionMode: Indexed
        completions: 5
        parallelism: 5
        template:
          spec:
            restartPolicy: Never
            containers:
            - name: trainer
              image: ghcr.io/example/trainer:1.0
              resources:
                limits: {nvidia.com/gpu: "8"}
      # end::job[]
      """;

  @Test
  void tour() {
    ManifestBundle training = Yaml.bundle(TRAINING_JOB);
    // tag::tour[]
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .targetVersion(TargetVersion.V1_37)
            .objects(Nodes.named("gpu-node-%d").count(4).allocatable("nvidia.com/gpu", "8").build())
            .build();

    ApplyResult result = cluster.apply(training); // admits, then runs to quiescence
    SimulationReport report = cluster.report();

    assertThat(result.isSuccess()).isTrue();
    assertThat(report.bound()).isEqualTo(4);
    assertThat(report.pods())
        .filteredOn(p -> p.phase() == SimulationReport.Phase.PENDING)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).matches("train-\\d-[bcdfghjklmnpqrstvwxz2456789]{5}");
              assertThat(p.owner()).contains(new SimulationReport.Owner("Job", "train"));
              assertThat(p.reason())
                  .contains("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
            });
    // end::tour[]
  }

  @Test
  void nodes() {
    // tag::nodes[]
    List<Node> gpuNodes =
        Nodes.named("gpu-node-%d")
            .count(4)
            .allocatable("nvidia.com/gpu", "8")
            .label("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
            .taint("nvidia.com/gpu", "present", "NoSchedule")
            .build();
    // end::nodes[]
    assertThat(gpuNodes).hasSize(4);
  }

  @Test
  void rejection() {
    InMemoryCluster cluster = InMemoryCluster.builder().build();
    Pod pod = TestPods.named("train").priorityClass("urgent").build();
    // tag::rejection[]
    ObjectOutcome outcome = cluster.apply(ManifestBundle.of(pod)).outcomes().get(0);

    assertThat(outcome.action()).isEqualTo(Action.REJECTED);
    assertThat(outcome.message())
        .isEqualTo("pods \"train\" is forbidden: no PriorityClass with name urgent was found");
    Status status = outcome.status().orElseThrow(); // what the API server would answer
    assertThat(status.getCode()).isEqualTo(403);
    assertThat(outcome.causes().get(0).rule()).isEqualTo("core.admission.priority-class");
    // end::rejection[]
  }

  @Test
  void scaling() {
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .objects(Nodes.named("gpu-node-%d").count(2).allocatable("nvidia.com/gpu", "1").build())
            .build();
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: llm, namespace: serve}
        spec:
          replicas: 1
          selector: {matchLabels: {app: llm}}
          template:
            metadata: {labels: {app: llm}}
            spec:
              containers:
              - name: server
                image: vllm/vllm-openai:v0.9.0
                resources:
                  limits: {nvidia.com/gpu: "1"}
        """;
    // tag::scaling[]
    cluster.apply(Yaml.bundle(deployment));
    ApplyResult scaled =
        cluster.apply(Yaml.bundle(deployment.replace("replicas: 1", "replicas: 3")));

    assertThat(scaled.outcomes().get(0).action()).isEqualTo(Action.CONFIGURED);
    assertThat(cluster.report().bound()).isEqualTo(2); // one GPU per node, two nodes
    assertThat(cluster.report().pending()).isEqualTo(1);
    // end::scaling[]
  }

  @Test
  void plugin() {
    // tag::plugin[]
    SchedulingPlugin rackLocal =
        new SchedulingPlugin() {
          @Override
          public String name() {
            return "RackLocal";
          }

          @Override
          public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
            String wanted = pod.getMetadata().getLabels().get("example.dev/rack");
            return wanted == null || wanted.equals(node.labels().get("example.dev/rack"))
                ? PluginStatus.success()
                : PluginStatus.unresolvable("node(s) were in another rack");
          }
        };
    ClusterExtension extension = setup -> setup.addSchedulingPlugin(rackLocal);

    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of(extension))
            .objects(Nodes.named("rack-a-%d").count(2).label("example.dev/rack", "a").build())
            .objects(Nodes.named("rack-b-%d").count(2).label("example.dev/rack", "b").build())
            .build();
    cluster.apply(ManifestBundle.of(TestPods.named("p").label("example.dev/rack", "c").build()));

    assertThat(cluster.report().pod("default", "p").orElseThrow().reason())
        .contains("0/4 nodes are available: 4 node(s) were in another rack.");
    // end::plugin[]
  }

  @Test
  void gang() {
    // tag::gang[]
    SchedulingPlugin allOrNothing =
        new SchedulingPlugin() {
          @Override
          public String name() {
            return "AllOrNothing";
          }

          @Override
          public PluginStatus permit(SchedulingCycle cycle, Pod pod, NodeInfo node) {
            List<Pod> group = cycle.state().list(Pod.class); // every pod is in one gang here
            Optional<Map<Pod, String>> placement = cycle.findPlacement(group, this);
            if (placement.isEmpty()) {
              return PluginStatus.unschedulable("gang cannot be placed as a whole");
            }
            if (cycle.waitingPods().size() + 1 < group.size()) {
              return PluginStatus.waiting("gang: waiting for the other members");
            }
            cycle.waitingPods().keySet().forEach(cycle::allow);
            return PluginStatus.success();
          }
        };
    // end::gang[]
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of(setup -> setup.addSchedulingPlugin(allOrNothing)))
            .objects(Nodes.named("gpu-%d").count(3).allocatable("nvidia.com/gpu", "8").build())
            .build();
    cluster.apply(
        Yaml.bundle(
            TRAINING_JOB
                .replace("completions: 5", "completions: 3")
                .replace("parallelism: 5", "parallelism: 3")));
    assertThat(cluster.report().bound()).isEqualTo(3);

    InMemoryCluster small =
        InMemoryCluster.builder()
            .extensions(List.of(setup -> setup.addSchedulingPlugin(allOrNothing)))
            .objects(Nodes.named("gpu-%d").count(2).allocatable("nvidia.com/gpu", "8").build())
            .build();
    small.apply(
        Yaml.bundle(
            TRAINING_JOB
                .replace("completions: 5", "completions: 3")
                .replace("parallelism: 5", "parallelism: 3")));
    assertThat(small.report().bound()).isZero();
  }

  @Test
  void clock() {
    InMemoryCluster cluster = InMemoryCluster.builder().build();
    // tag::clock[]
    Convergence settled = cluster.advance(Duration.ofMinutes(5));

    assertThat(settled.quiescent()).isTrue();
    assertThat(cluster.now()).isEqualTo(InMemoryCluster.DEFAULT_START.plus(Duration.ofMinutes(5)));
    // end::clock[]
    assertThat(cluster.get(ObjectRef.of("v1", "Pod", "default", "none"))).isEmpty();
  }
}
