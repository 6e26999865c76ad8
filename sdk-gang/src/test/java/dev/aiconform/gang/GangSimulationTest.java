package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.core.cluster.SimulationReport;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Gang semantics in the in-memory cluster, backend by backend and shape by shape. */
class GangSimulationTest {
  private static List<Node> gpuNodes(int n) {
    return Nodes.named("gpu-%d").count(n).allocatable("nvidia.com/gpu", "8").build();
  }

  private static InMemoryCluster cluster(List<Node> nodes) {
    return InMemoryCluster.builder().objects(nodes).build();
  }

  private static long boundWithPrefix(SimulationReport r, String prefix) {
    return r.pods().stream()
        .filter(p -> p.name().startsWith(prefix))
        .filter(p -> p.phase() == SimulationReport.Phase.BOUND)
        .count();
  }

  /** A leader and two workers (8 GPUs each) serving as a LeaderWorkerSet. */
  private static GangGroup.Builder serve() {
    return GangGroup.named("serve")
        .role("leader", 1, GangFixtures.template("l", "1", 8))
        .role("worker", 2, GangFixtures.template("w", "1", 8))
        .shape(WorkloadShape.LEADER_WORKER_SET);
  }

  /** The bundle with its LeaderWorkerSet's startupPolicy set to LeaderReady. */
  private static ManifestBundle leaderReady(ManifestBundle bundle) {
    GangFixtures.specOf(bundle, GroupKind.of("leaderworkerset.x-k8s.io", "LeaderWorkerSet"))
        .put("startupPolicy", "LeaderReady");
    return bundle;
  }

  @ParameterizedTest
  @EnumSource(WorkloadShape.class)
  void everyShapeRunsAsOneGangOnVolcano(WorkloadShape shape) {
    GangGroup g =
        GangGroup.named("s")
            .role("leader", 1, GangFixtures.template("i", "1", 0))
            .role("worker", 3, GangFixtures.template("i", "1", 8))
            .shape(shape)
            .build();
    InMemoryCluster fits = cluster(gpuNodes(3));
    fits.apply(g.render(GangBackend.VOLCANO, TargetVersion.V1_37));
    assertThat(fits.report().bound()).isEqualTo(4);
    InMemoryCluster tooSmall = cluster(gpuNodes(2));
    tooSmall.apply(g.render(GangBackend.VOLCANO, TargetVersion.V1_37));
    assertThat(tooSmall.report().bound()).isZero();
    assertThat(tooSmall.report().pods()).hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(
      value = WorkloadShape.class,
      names = {"PODS", "JOBSET", "LEADER_WORKER_SET"})
  void everyShapeRunsAsOneGangOnKueue(WorkloadShape shape) {
    GangGroup g =
        GangGroup.named("s")
            .role("leader", 1, GangFixtures.template("i", "1", 0))
            .role("worker", 3, GangFixtures.template("i", "1", 8))
            .queue("q")
            .shape(shape)
            .build();
    InMemoryCluster fits = cluster(gpuNodes(3));
    fits.apply(g.render(GangBackend.KUEUE, TargetVersion.V1_37));
    assertThat(fits.report().bound()).isEqualTo(4);
    assertThat(fits.report().groups())
        .singleElement()
        .satisfies(x -> assertThat(x.backend()).isEqualTo("kueue"));
    InMemoryCluster tooSmall = cluster(gpuNodes(2));
    tooSmall.apply(g.render(GangBackend.KUEUE, TargetVersion.V1_37));
    assertThat(tooSmall.report().bound()).isZero();
  }

  @Test
  void cpuOnlyMembersCannotSatisfyAGangWhileGpuWorkersAreMissing() {
    // 17 pods are placeable (the launcher and 16 CPU helpers) but only 3 of 4 GPU workers
    GangGroup g =
        GangGroup.named("rl")
            .role("helper", 16, GangFixtures.template("h", "1", 0))
            .role("worker", 4, GangFixtures.template("w", "1", 8))
            .minMember(17)
            .build();
    InMemoryCluster c = cluster(gpuNodes(3));
    c.apply(g.render(GangBackend.COSCHEDULING, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(r.bound()).isZero();
    assertThat(r.pods().get(0).reason().orElse("")).contains("gang rl: 3 of 4 workers placeable");
  }

  @Test
  void membersBeyondTheMinimumStartOnTheirOwnOnceTheGangRuns() {
    GangGroup g =
        GangGroup.named("elastic").role("worker", 6, 4, GangFixtures.template("w", "1", 8)).build();
    InMemoryCluster c = cluster(gpuNodes(5));
    c.apply(g.render(GangBackend.NATIVE, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(r.bound()).isEqualTo(5);
    assertThat(r.group("default", "elastic"))
        .hasValueSatisfying(
            x -> {
              assertThat(x.minCount()).isEqualTo(4);
              assertThat(x.admitted()).isTrue();
            });
  }

  @Test
  void aRequiredTopologyKeepsTheGangInOneRack() {
    List<Node> nodes = new ArrayList<>();
    nodes.addAll(
        Nodes.named("a-%d").count(2).allocatable("nvidia.com/gpu", "8").label("rack", "a").build());
    nodes.addAll(
        Nodes.named("b-%d").count(3).allocatable("nvidia.com/gpu", "8").label("rack", "b").build());
    for (GangBackend backend :
        List.of(GangBackend.KUEUE, GangBackend.VOLCANO, GangBackend.COSCHEDULING)) {
      GangGroup three =
          GangGroup.named("three")
              .role("worker", 3, GangFixtures.template("w", "1", 8))
              .queue("q")
              .topology(TopologyHint.required("rack"))
              .build();
      InMemoryCluster c = cluster(nodes);
      c.apply(three.render(backend, TargetVersion.V1_37));
      SimulationReport r = c.report();
      assertThat(r.bound()).as(backend.name()).isEqualTo(3);
      assertThat(r.pods()).allSatisfy(p -> assertThat(p.node().orElse("")).startsWith("b-"));
      GangGroup four =
          GangGroup.builder()
              .from(three)
              .name("four")
              .roles(List.of(GangRole.of("worker", 4, GangFixtures.template("w", "1", 8))))
              .build();
      InMemoryCluster c4 = cluster(nodes);
      c4.apply(four.render(backend, TargetVersion.V1_37));
      assertThat(c4.report().bound()).as(backend.name()).isZero();
      assertThat(c4.report().pods().get(0).reason().orElse("")).contains("within one rack domain");
    }
  }

  @Test
  void theNativeTopologyConstraintNeedsItsFeatureGate() {
    List<Node> nodes = new ArrayList<>();
    nodes.addAll(
        Nodes.named("a-%d").count(2).allocatable("nvidia.com/gpu", "8").label("rack", "a").build());
    nodes.addAll(
        Nodes.named("b-%d").count(2).allocatable("nvidia.com/gpu", "8").label("rack", "b").build());
    GangGroup three =
        GangGroup.named("three")
            .role("worker", 3, GangFixtures.template("w", "1", 8))
            .topology(TopologyHint.required("rack"))
            .build();
    ManifestBundle b = three.render(GangBackend.NATIVE, TargetVersion.V1_37);
    InMemoryCluster without = cluster(nodes); // the gate is off: the server drops the constraint
    without.apply(b);
    assertThat(without.report().bound()).isEqualTo(3);
    InMemoryCluster with =
        InMemoryCluster.builder()
            .objects(nodes)
            .featureGate("TopologyAwareWorkloadScheduling", true)
            .build();
    with.apply(b);
    assertThat(with.report().bound()).isZero();
  }

  @Test
  void kueueAdmitsWorkloadsWithinTheClusterQueueQuota() {
    GangGroup a =
        GangGroup.named("a")
            .role("worker", 2, GangFixtures.template("w", "1", 8))
            .queue("team")
            .kueueQueues(
                KueueQueueSetup.builder()
                    .putNominalQuota("cpu", "100")
                    .putNominalQuota("memory", "1Ti")
                    .putNominalQuota("nvidia.com/gpu", "24")
                    .build())
            .build();
    GangGroup b =
        GangGroup.builder().from(a).name("b").kueueQueues(java.util.Optional.empty()).build();
    InMemoryCluster c = cluster(gpuNodes(8));
    c.apply(a.render(GangBackend.KUEUE, TargetVersion.V1_37));
    c.apply(b.render(GangBackend.KUEUE, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(boundWithPrefix(r, "a-")).isEqualTo(2);
    assertThat(boundWithPrefix(r, "b-")).isZero();
    SimulationReport.Group gb =
        r.groups().stream().filter(x -> x.name().startsWith("jobset-b-")).findFirst().orElseThrow();
    assertThat(gb.admitted()).isFalse();
    // as Kueue does: the JobSet stays suspended, so none of its pods exists
    assertThat(r.pods()).noneMatch(p -> p.name().startsWith("b-"));
    GenericKubernetesResource jsB =
        (GenericKubernetesResource)
            c.get(ObjectRef.of("jobset.x-k8s.io/v1alpha2", "JobSet", "default", "b")).orElseThrow();
    assertThat(((Map<?, ?>) jsB.getAdditionalProperties().get("spec")).get("suspend"))
        .isEqualTo(true);
    HasMetadata wlB =
        c.list(GroupKind.of("kueue.x-k8s.io", "Workload"), "default").stream()
            .filter(w -> w.getMetadata().getName().startsWith("jobset-b-"))
            .findFirst()
            .orElseThrow();
    assertThat(condition(wlB, "QuotaReserved", "message"))
        .isEqualTo(
            "insufficient unused quota for nvidia.com/gpu in ClusterQueue cluster-queue:"
                + " requests 16, 8 of 24 free");
    // the first gang finishes: its quota goes to the second
    c.delete(ObjectRef.of("jobset.x-k8s.io/v1alpha2", "JobSet", "default", "a"));
    SimulationReport after = c.report();
    assertThat(boundWithPrefix(after, "b-")).isEqualTo(2);
  }

  @Test
  void kueueEvictsAWorkloadWhosePodsAreNotReadyWithin30Minutes() {
    GangGroup g =
        GangGroup.named("big")
            .role("worker", 3, GangFixtures.template("w", "1", 8))
            .queue("team")
            .kueueQueues(KueueQueueSetup.defaults())
            .build();
    InMemoryCluster c = cluster(gpuNodes(2));
    c.apply(g.render(GangBackend.KUEUE, TargetVersion.V1_37));
    HasMetadata wl = c.list(GroupKind.of("kueue.x-k8s.io", "Workload"), "default").get(0);
    assertThat(conditionStatus(wl, "Admitted")).isEqualTo("True");
    c.advance(Duration.ofMinutes(31));
    HasMetadata evicted = c.list(GroupKind.of("kueue.x-k8s.io", "Workload"), "default").get(0);
    assertThat(conditionStatus(evicted, "Evicted")).isEqualTo("True");
    assertThat(conditionStatus(evicted, "Admitted")).isEqualTo("False");
    c.advance(Duration.ofMinutes(2)); // the backoff of 60 s passed: requeued and admitted again
    HasMetadata readmitted = c.list(GroupKind.of("kueue.x-k8s.io", "Workload"), "default").get(0);
    assertThat(conditionStatus(readmitted, "Admitted")).isEqualTo("True");
  }

  private static String conditionStatus(HasMetadata wl, String type) {
    return condition(wl, type, "status");
  }

  @SuppressWarnings("unchecked")
  private static String condition(HasMetadata wl, String type, String field) {
    Map<String, Object> status =
        (Map<String, Object>)
            ((io.fabric8.kubernetes.api.model.GenericKubernetesResource) wl)
                .getAdditionalProperties()
                .get("status");
    for (Object o : (List<Object>) status.get("conditions")) {
      Map<String, Object> c = (Map<String, Object>) o;
      if (type.equals(c.get("type"))) {
        return (String) c.get(field);
      }
    }
    return "";
  }

  @Test
  void aMissingPodGroupKeepsMembersPendingUntilItIsCreated() {
    GangGroup g =
        GangGroup.named("late").role("worker", 2, GangFixtures.template("w", "1", 8)).build();
    ManifestBundle all = g.render(GangBackend.COSCHEDULING, TargetVersion.V1_37);
    InMemoryCluster c = cluster(gpuNodes(2));
    c.apply(all.filter(m -> !m.ref().kind().equals("PodGroup")));
    assertThat(c.report().bound()).isZero();
    assertThat(c.report().pods().get(0).reason().orElse("")).contains("does not exist");
    c.apply(all.filter(m -> m.ref().kind().equals("PodGroup")));
    assertThat(c.report().bound()).isEqualTo(2);
  }

  @Test
  void gangsWaitForEachOtherWithoutPartialStarts() {
    GangGroup first =
        GangGroup.named("first").role("worker", 3, GangFixtures.template("w", "1", 8)).build();
    GangGroup second =
        GangGroup.named("second").role("worker", 3, GangFixtures.template("w", "1", 8)).build();
    InMemoryCluster c = cluster(gpuNodes(4));
    c.apply(first.render(GangBackend.NATIVE, TargetVersion.V1_37));
    c.apply(second.render(GangBackend.NATIVE, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(boundWithPrefix(r, "first-")).isEqualTo(3);
    assertThat(boundWithPrefix(r, "second-")).isZero();
    assertThat(r.groups())
        .extracting(SimulationReport.Group::name, SimulationReport.Group::bound)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("first", 3),
            org.assertj.core.api.Assertions.tuple("second", 0));
    c.delete(ObjectRef.of("jobset.x-k8s.io/v1alpha2", "JobSet", "default", "first"));
    assertThat(boundWithPrefix(c.report(), "second-")).isEqualTo(3);
  }

  @Test
  void aVolcanoJobGetsItsPodGroupAndRunsAllOrNothing() {
    GangGroup g =
        GangGroup.named("vj")
            .role("ps", 1, GangFixtures.template("ps", "1", 0))
            .role("worker", 2, GangFixtures.template("w", "1", 8))
            .shape(WorkloadShape.VOLCANO_JOB)
            .build();
    InMemoryCluster c = cluster(gpuNodes(2));
    c.apply(g.render(GangBackend.VOLCANO, TargetVersion.V1_37));
    SimulationReport r = c.report();
    assertThat(r.pods())
        .extracting(SimulationReport.PodPlacement::name)
        .containsExactlyInAnyOrder("vj-ps-0", "vj-worker-0", "vj-worker-1");
    assertThat(r.bound()).isEqualTo(3);
    assertThat(r.groups())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.name()).startsWith("vj-");
              assertThat(x.backend()).isEqualTo("volcano");
              assertThat(x.minCount()).isEqualTo(3);
            });
  }

  @Test
  void theNativeApiOfEachVersionGangsItsPods() {
    for (TargetVersion v : List.of(TargetVersion.V1_35, TargetVersion.V1_36, TargetVersion.V1_37)) {
      GangGroup g =
          GangGroup.named("v").role("worker", 3, GangFixtures.template("w", "1", 8)).build();
      InMemoryCluster ok = InMemoryCluster.builder().targetVersion(v).objects(gpuNodes(3)).build();
      ok.apply(g.render(GangBackend.NATIVE, v));
      assertThat(ok.report().bound()).as(v.label()).isEqualTo(3);
      InMemoryCluster small =
          InMemoryCluster.builder().targetVersion(v).objects(gpuNodes(2)).build();
      small.apply(g.render(GangBackend.NATIVE, v));
      assertThat(small.report().bound()).as(v.label()).isZero();
      assertThat(small.report().groups())
          .singleElement()
          .satisfies(x -> assertThat(x.name()).isEqualTo("v"));
    }
  }

  @Test
  void groupObjectsCarryTheSchedulersStatus() {
    GangGroup g =
        GangGroup.named("st").role("worker", 3, GangFixtures.template("w", "1", 8)).build();
    InMemoryCluster ok = cluster(gpuNodes(3));
    ok.apply(g.render(GangBackend.NATIVE, TargetVersion.V1_37));
    io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup pg =
        (io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup)
            ok.get(ObjectRef.of("scheduling.k8s.io/v1beta1", "PodGroup", "default", "st"))
                .orElseThrow();
    assertThat(pg.getStatus().getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("PodGroupInitiallyScheduled");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    InMemoryCluster small = cluster(gpuNodes(2));
    small.apply(g.render(GangBackend.NATIVE, TargetVersion.V1_37));
    io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup pending =
        (io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup)
            small
                .get(ObjectRef.of("scheduling.k8s.io/v1beta1", "PodGroup", "default", "st"))
                .orElseThrow();
    assertThat(pending.getStatus().getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("Unschedulable");
              assertThat(c.getMessage()).contains("gang st: 2 of 3 workers placeable");
            });
    InMemoryCluster volcano = cluster(gpuNodes(3));
    volcano.apply(g.render(GangBackend.VOLCANO, TargetVersion.V1_37));
    GenericKubernetesResource vpg =
        (GenericKubernetesResource)
            volcano
                .get(ObjectRef.of("scheduling.volcano.sh/v1beta1", "PodGroup", "default", "st"))
                .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) vpg.getAdditionalProperties().get("status");
    assertThat(status).containsEntry("phase", "Running").containsEntry("running", 3);
  }

  @Test
  void aLeaderReadyLeaderWorkerSetDeadlocksAGangThatNeedsItsWorkers() {
    ManifestBundle bundle =
        leaderReady(serve().build().render(GangBackend.NATIVE, TargetVersion.V1_37));
    InMemoryCluster c = cluster(gpuNodes(3));
    c.apply(bundle);
    SimulationReport r = c.report();
    assertThat(r.pods()).extracting(SimulationReport.PodPlacement::name).containsExactly("serve-0");
    assertThat(r.pods().get(0).reason().orElse(""))
        .contains("gang serve: waiting for 2 more pods to be created (1 of 3 exist)");
  }

  @Test
  void kueueStartsALeaderReadyGroupLeaderFirst() {
    ManifestBundle bundle =
        leaderReady(serve().queue("q").build().render(GangBackend.KUEUE, TargetVersion.V1_37));
    InMemoryCluster c = cluster(gpuNodes(3));
    c.apply(bundle);
    assertThat(c.report().bound()).isEqualTo(3);
  }
}
