package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ClusterCapabilities;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/gang.md, as they compile and run; {@code GangGuideSnippetsTest} keeps the
 * page and this class in step.
 */
class GangGuideTest {
  static PodTemplateSpec container(String image, String cpu, int gpus) {
    return new PodTemplateSpecBuilder()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage(image)
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToLimits("nvidia.com/gpu", new Quantity(Integer.toString(gpus)))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  static GangGroup train() {
    PodTemplateSpec launcherTemplate = container("ghcr.io/example/launcher:1.0", "2", 0);
    PodTemplateSpec workerTemplate = container("ghcr.io/example/trainer:1.0", "16", 8);
    // tag::intent[]
    GangGroup train =
        GangGroup.named("train")
            .namespace("ml")
            .role("launcher", 1, launcherTemplate)
            .role("worker", 16, 16, workerTemplate) // 16 replicas, all 16 needed
            .queue("team-a")
            .priorityClassName("training")
            .scheduleTimeout(Duration.ofMinutes(5))
            .topology(TopologyHint.required("topology.kubernetes.io/rack"))
            .shape(WorkloadShape.JOBSET)
            .build();
    // end::intent[]
    return train;
  }

  @Test
  void rendersOneIntentForEveryBackend() {
    GangGroup train = train();
    // tag::render[]
    ManifestBundle native137 = train.render(GangBackend.NATIVE, TargetVersion.V1_37);
    ManifestBundle native135 = train.render(GangBackend.NATIVE, TargetVersion.V1_35);
    ManifestBundle kueue = train.render(GangBackend.KUEUE, TargetVersion.V1_37);
    ManifestBundle volcano = train.render(GangBackend.VOLCANO, TargetVersion.V1_37);
    ManifestBundle coscheduling = train.render(GangBackend.COSCHEDULING, TargetVersion.V1_37);

    PodGroup group = native137.objectsOf(PodGroup.class).get(0);
    assertThat(group.getSpec().getSchedulingPolicy().getGang().getMinCount()).isEqualTo(17);
    assertThat(group.getMetadata().getAnnotations())
        .containsEntry("role-min.gang.aiconform.dev/worker", "16");
    assertThat(native135.manifests().get(0).ref().apiVersion())
        .isEqualTo("scheduling.k8s.io/v1alpha1");
    // end::render[]
    assertThat(kueue.size()).isEqualTo(1);
    assertThat(volcano.size()).isEqualTo(2);
    assertThat(coscheduling.size()).isEqualTo(2);
  }

  @Test
  void detectsTheBackendAClusterServes() {
    GangGroup train = train();
    // tag::detect[]
    ClusterCapabilities caps =
        ClusterCapabilities.builder()
            .serverVersion("v1.36.2")
            .addGroupVersions("v1", "batch/v1", "scheduling.volcano.sh/v1beta1")
            .build();
    assertThat(GangBackend.detect(caps)).isEqualTo(GangBackend.VOLCANO);
    ManifestBundle forThatCluster = train.render(caps); // Volcano objects, for 1.36
    // end::detect[]
    assertThat(forThatCluster.manifests().get(0).ref().apiVersion())
        .isEqualTo("scheduling.volcano.sh/v1beta1");
  }

  @Test
  void validatesHandWrittenGangs() {
    // tag::validate[]
    String yaml =
        """
        apiVersion: scheduling.volcano.sh/v1beta1
        kind: PodGroup
        metadata: {name: train, namespace: ml}
        spec:
          minMember: 4
          minTaskMember: {launcher: 1, worker: 4}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: train-worker, namespace: ml}
        spec:
          completionMode: Indexed
          completions: 3
          parallelism: 3
          template:
            metadata:
              annotations:
                scheduling.k8s.io/group-name: train
                volcano.sh/task-spec: worker
            spec:
              restartPolicy: Never
              containers: [{name: main, image: ghcr.io/example/trainer:1.0}]
        """;
    ManifestBundle bundle = ManifestReader.defaults().readString(yaml, "train.yaml").bundle();
    ValidationReport report = Validator.forVersion(TargetVersion.V1_37).validate(bundle);

    assertThat(report.errors())
        .extracting(Diagnostic::rule, Diagnostic::path)
        .contains(
            org.assertj.core.groups.Tuple.tuple("gang.min.roles", "spec.minTaskMember[worker]"),
            org.assertj.core.groups.Tuple.tuple(
                "gang.member.scheduler-name", "spec.template.spec.schedulerName"));
    // end::validate[]
  }

  @Test
  void simulatesAllOrNothing() {
    GangGroup train = train();
    // tag::simulate[]
    PriorityClass training =
        new PriorityClassBuilder()
            .withNewMetadata()
            .withName("training")
            .endMetadata()
            .withValue(1000)
            .build();
    InMemoryCluster enough =
        InMemoryCluster.builder()
            .objects(List.of(training))
            .objects(
                Nodes.named("gpu-%d")
                    .count(16)
                    .allocatable("nvidia.com/gpu", "8")
                    .label("topology.kubernetes.io/rack", "r1")
                    .build())
            .objects(
                Nodes.named("cpu-%d").count(1).label("topology.kubernetes.io/rack", "r1").build())
            .build();
    enough.apply(train.render(GangBackend.VOLCANO, TargetVersion.V1_37));
    assertThat(enough.report().bound()).isEqualTo(17);

    InMemoryCluster tooSmall =
        InMemoryCluster.builder()
            .objects(List.of(training))
            .objects(
                Nodes.named("gpu-%d")
                    .count(12)
                    .allocatable("nvidia.com/gpu", "8")
                    .label("topology.kubernetes.io/rack", "r1")
                    .build())
            .objects(
                Nodes.named("cpu-%d").count(1).label("topology.kubernetes.io/rack", "r1").build())
            .build();
    tooSmall.apply(train.render(GangBackend.VOLCANO, TargetVersion.V1_37));
    SimulationReport report = tooSmall.report();
    assertThat(report.bound()).isZero();
    assertThat(report.pods().get(0).reason())
        .hasValueSatisfying(r -> assertThat(r).contains("gang train: 12 of 16 workers placeable"));
    assertThat(report.group("ml", "train"))
        .contains(new SimulationReport.Group("ml", "train", "volcano", 17, 0, false));
    // end::simulate[]
  }

  @Test
  void admitsKueueWorkloadsWithinQuota() {
    PodTemplateSpec workerTemplate = container("ghcr.io/example/trainer:1.0", "16", 8);
    // tag::kueue[]
    GangGroup small =
        GangGroup.named("small")
            .namespace("ml")
            .role("worker", 2, workerTemplate)
            .queue("team-a")
            .kueueQueues(
                KueueQueueSetup.builder()
                    .putNominalQuota("cpu", "64")
                    .putNominalQuota("nvidia.com/gpu", "24")
                    .build())
            .build();
    GangGroup big =
        GangGroup.named("big")
            .namespace("ml")
            .role("worker", 2, workerTemplate)
            .queue("team-a")
            .build();
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .objects(Nodes.named("gpu-%d").count(8).allocatable("nvidia.com/gpu", "8").build())
            .build();
    cluster.apply(small.render(GangBackend.KUEUE, TargetVersion.V1_37)); // 16 of 24 GPUs
    cluster.apply(big.render(GangBackend.KUEUE, TargetVersion.V1_37)); // 16 more: over quota

    SimulationReport report = cluster.report();
    assertThat(report.bound()).isEqualTo(2); // the big JobSet stays suspended, without pods
    assertThat(report.groups())
        .extracting(SimulationReport.Group::backend, SimulationReport.Group::admitted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kueue", false),
            org.assertj.core.groups.Tuple.tuple("kueue", true));
    // end::kueue[]
  }
}
