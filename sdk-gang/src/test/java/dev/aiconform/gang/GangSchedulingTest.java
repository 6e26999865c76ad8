package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.core.cluster.SimulationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AI-conformance gang test (KAR-0053) on the in-memory cluster: with capacity for all N pods
 * all N run; with capacity for fewer, none starts.
 */
class GangSchedulingTest {
  static InMemoryCluster gpuCluster(int nodes) {
    return InMemoryCluster.builder()
        .objects(Nodes.named("gpu-%d").count(nodes).allocatable("nvidia.com/gpu", "8").build())
        .build();
  }

  static GangGroup workers(int n, GangBackend backend, WorkloadShape shape) {
    return GangGroup.named("train")
        .namespace("default")
        .role("worker", n, GangFixtures.template("trainer", "4", 8))
        .queue("team-a")
        .shape(shape)
        .build();
  }

  static void applyOk(InMemoryCluster c, ManifestBundle b) {
    ApplyResult r = c.apply(b);
    assertThat(r.failures()).as("apply %s", b).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(GangBackend.class)
  void withCapacityForAllNPodsAllRun(GangBackend backend) {
    InMemoryCluster c = gpuCluster(4);
    applyOk(c, workers(4, backend, WorkloadShape.JOBSET).render(backend, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(r.bound()).isEqualTo(4);
    assertThat(r.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.backend()).isEqualTo(backend.id());
              assertThat(g.minCount()).isEqualTo(4);
              assertThat(g.bound()).isEqualTo(4);
              assertThat(g.admitted()).isTrue();
            });
  }

  @ParameterizedTest
  @EnumSource(GangBackend.class)
  void withCapacityForFewerNoneStarts(GangBackend backend) {
    InMemoryCluster c = gpuCluster(3);
    applyOk(c, workers(4, backend, WorkloadShape.JOBSET).render(backend, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(r.pods()).hasSize(4);
    assertThat(r.bound()).isZero();
    assertThat(r.pods()).allSatisfy(p -> assertThat(p.reason().orElse("")).contains("gang "));
  }

  @Test
  void pendingReasonSaysHowManyOfARolePlaceable() {
    InMemoryCluster c =
        InMemoryCluster.builder()
            .objects(Nodes.named("gpu-%d").count(12).allocatable("nvidia.com/gpu", "8").build())
            .objects(Nodes.named("cpu-%d").count(1).build())
            .build();
    GangGroup g =
        GangGroup.named("train")
            .role("launcher", 1, GangFixtures.template("launcher", "2", 0))
            .role("worker", 16, GangFixtures.template("trainer", "4", 8))
            .build();
    applyOk(c, g.render(GangBackend.NATIVE, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(r.bound()).isZero();
    assertThat(r.pods().get(0).reason().orElse(""))
        .contains("gang train: 12 of 16 workers placeable");
  }

  /**
   * KAR-0053 as its first automated version runs it: a ClusterQueue, a LocalQueue, and indexed Jobs
   * labelled with the queue; the Job that fits runs all its pods, the Job beyond the quota stays
   * suspended with no pod at all.
   */
  @Test
  void kueueRunsTheJobWithinQuotaAndKeepsTheOtherSuspendedWithNoPods() {
    InMemoryCluster c = gpuCluster(8);
    KueueQueueSetup queues =
        KueueQueueSetup.builder()
            .putNominalQuota("cpu", "64")
            .putNominalQuota("memory", "256Gi")
            .putNominalQuota("nvidia.com/gpu", "24")
            .build();
    GangGroup positive =
        GangGroup.named("positive")
            .role("pod", 3, GangFixtures.template("trainer", "1", 8))
            .queue("e2e-lq")
            .kueueQueues(queues)
            .shape(WorkloadShape.INDEXED_JOB)
            .build();
    GangGroup negative =
        GangGroup.builder()
            .from(positive)
            .name("negative")
            .kueueQueues(java.util.Optional.empty())
            .build();
    applyOk(c, positive.render(GangBackend.KUEUE, TargetVersion.V1_37));
    applyOk(c, negative.render(GangBackend.KUEUE, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(r.pods())
        .extracting(SimulationReport.PodPlacement::phase)
        .hasSize(3)
        .containsOnly(SimulationReport.Phase.BOUND);
    io.fabric8.kubernetes.api.model.batch.v1.Job job =
        (io.fabric8.kubernetes.api.model.batch.v1.Job)
            c.get(dev.aiconform.core.ObjectRef.of("batch/v1", "Job", "default", "negative-pod"))
                .orElseThrow();
    assertThat(job.getSpec().getSuspend()).isTrue();
    assertThat(job.getStatus().getActive()).isZero();
    assertThat(r.groups())
        .extracting(SimulationReport.Group::admitted)
        .containsExactlyInAnyOrder(true, false);
  }
}
