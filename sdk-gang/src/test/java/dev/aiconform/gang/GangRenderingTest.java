package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ClusterCapabilities;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GangRenderingTest {
  private final GangGroup train = GangFixtures.train().build();

  @Test
  void minMemberDefaultsToTheSumOfRoleMinimums() {
    GangGroup g =
        GangGroup.named("g")
            .role("a", 4, 2, GangFixtures.template("i", "1", 0))
            .role("b", 3, GangFixtures.template("i", "1", 0))
            .build();
    assertThat(g.minMember()).isEqualTo(5);
    assertThat(g.totalPods()).isEqualTo(7);
  }

  @Test
  void rejectsAGangWithoutRolesOrWithTwoRolesOfOneName() {
    assertThatThrownBy(() -> GangGroup.named("empty").build()).hasMessageContaining("has no roles");
    assertThatThrownBy(
            () ->
                GangGroup.named("twice")
                    .role("w", 1, GangFixtures.template("i", "1", 0))
                    .role("w", 2, GangFixtures.template("i", "1", 0))
                    .build())
        .hasMessageContaining("two roles named 'w'");
  }

  @Test
  void nativePodGroupCarriesTheOverallMinimumAndEachRoleMinimum() {
    ManifestBundle bundle = train.render(GangBackend.NATIVE, TargetVersion.V1_37);
    PodGroup pg = bundle.objectsOf(PodGroup.class).get(0);
    assertThat(pg.getSpec().getSchedulingPolicy().getGang().getMinCount()).isEqualTo(5);
    assertThat(pg.getMetadata().getAnnotations())
        .containsEntry("role-min.gang.aiconform.dev/launcher", "1")
        .containsEntry("role-min.gang.aiconform.dev/worker", "4");
  }

  @Test
  void nativeShapeFollowsTheTargetVersion() {
    assertThat(kinds(train.render(GangBackend.NATIVE, TargetVersion.V1_37)))
        .contains("scheduling.k8s.io/v1beta1/Workload", "scheduling.k8s.io/v1beta1/PodGroup");
    assertThat(kinds(train.render(GangBackend.NATIVE, TargetVersion.V1_36)))
        .contains("scheduling.k8s.io/v1alpha2/Workload", "scheduling.k8s.io/v1alpha2/PodGroup");
    assertThat(kinds(train.render(GangBackend.NATIVE, TargetVersion.V1_35)))
        .contains("scheduling.k8s.io/v1alpha1/Workload")
        .doesNotContain("scheduling.k8s.io/v1alpha1/PodGroup");
  }

  @Test
  void theWorkloadApiDoesNotExistOn134() {
    assertThatThrownBy(() -> train.render(GangBackend.NATIVE, TargetVersion.V1_34))
        .isInstanceOf(GangRenderException.class)
        .hasMessageContaining("from 1.35 on")
        .hasMessageContaining("target version is 1.34");
  }

  @Test
  void kueueNeedsAQueueAndOneWorkloadForSeveralRoles() {
    GangGroup noQueue =
        GangGroup.named("g").role("w", 2, GangFixtures.template("i", "1", 0)).build();
    assertThatThrownBy(() -> noQueue.render(GangBackend.KUEUE, TargetVersion.V1_37))
        .hasMessageContaining("names no queue");
    GangGroup jobs = GangFixtures.train().shape(WorkloadShape.INDEXED_JOB).build();
    assertThatThrownBy(() -> jobs.render(GangBackend.KUEUE, TargetVersion.V1_37))
        .hasMessageContaining("admits each Job on its own")
        .hasMessageContaining("JOBSET");
  }

  @Test
  void volcanoJobShapeRunsOnlyOnVolcano() {
    GangGroup vc = GangFixtures.train().shape(WorkloadShape.VOLCANO_JOB).build();
    assertThatThrownBy(() -> vc.render(GangBackend.COSCHEDULING, TargetVersion.V1_37))
        .hasMessageContaining("runs only on Volcano");
  }

  @Test
  void leaderWorkerSetNeedsASingleLeader() {
    GangGroup twoLeaders =
        GangGroup.named("s")
            .role("leader", 2, GangFixtures.template("i", "1", 0))
            .role("worker", 3, GangFixtures.template("i", "1", 0))
            .shape(WorkloadShape.LEADER_WORKER_SET)
            .build();
    assertThatThrownBy(() -> twoLeaders.render(GangBackend.NATIVE, TargetVersion.V1_37))
        .hasMessageContaining("leader role with 1 replica")
        .hasMessageContaining("leader×2, worker×3");
  }

  @Test
  void kueuePlainPodsCarryGroupNameAndTotalCountOnEveryPod() {
    ManifestBundle bundle =
        GangFixtures.train()
            .shape(WorkloadShape.PODS)
            .build()
            .render(GangBackend.KUEUE, TargetVersion.V1_37);
    List<Pod> pods = bundle.objectsOf(Pod.class);
    assertThat(pods).hasSize(5);
    assertThat(pods)
        .allSatisfy(
            p -> {
              assertThat(p.getMetadata().getLabels())
                  .containsEntry("kueue.x-k8s.io/pod-group-name", "train")
                  .containsEntry("kueue.x-k8s.io/queue-name", "team-a");
              assertThat(p.getMetadata().getAnnotations())
                  .containsEntry("kueue.x-k8s.io/pod-group-total-count", "5");
            });
    assertThat(pods.get(1).getMetadata().getName()).isEqualTo("train-worker-0");
  }

  @Test
  void claimTemplatesAreRenderedAndReferencedByEveryPodOfTheirRole() {
    GangGroup g =
        GangGroup.named("dra")
            .namespace("ml")
            .role(
                GangRole.of("worker", 2, GangFixtures.template("i", "1", 0))
                    .withClaimTemplate(GangFixtures.gpuClaims("gpus", 2)))
            .shape(WorkloadShape.PODS)
            .build();
    ManifestBundle bundle = g.render(GangBackend.COSCHEDULING, TargetVersion.V1_37);
    assertThat(bundle.manifests().get(0).ref().toString())
        .isEqualTo("resource.k8s.io/v1/ResourceClaimTemplate ml/gpus");
    Pod pod = bundle.objectsOf(Pod.class).get(0);
    assertThat(pod.getSpec().getResourceClaims().get(0).getResourceClaimTemplateName())
        .isEqualTo("gpus");
    assertThat(pod.getSpec().getContainers().get(0).getResources().getClaims().get(0).getName())
        .isEqualTo("gpus");
  }

  @Test
  void renderingNeverChangesTheCallersTemplates() {
    PodTemplateSpec t = GangFixtures.template("i", "1", 0);
    String before = KubeSerialization.get().asJson(t);
    GangGroup g =
        GangGroup.named("g")
            .role(GangRole.of("w", 2, t).withClaimTemplate(GangFixtures.gpuClaims("c", 1)))
            .queue("q")
            .topology(TopologyHint.required("rack"))
            .build();
    for (GangBackend b : GangBackend.values()) {
      g.render(b, TargetVersion.V1_37);
    }
    assertThat(KubeSerialization.get().asJson(t)).isEqualTo(before);
  }

  @Test
  void coschedulingPodGroupCarriesMinResourcesAndTimeout() {
    Map<String, Object> spec =
        GangFixtures.specOf(
            train.render(GangBackend.COSCHEDULING, TargetVersion.V1_37),
            GroupKind.of("scheduling.x-k8s.io", "PodGroup"));
    assertThat(spec).containsEntry("minMember", 5).containsEntry("scheduleTimeoutSeconds", 300);
    assertThat(spec.get("minResources"))
        .isEqualTo(Map.of("cpu", "66", "memory", "20Gi", "nvidia.com/gpu", "32"));
  }

  @Test
  void detectsTheBackendFromDiscoveryInPreferenceOrder() {
    ClusterCapabilities both =
        ClusterCapabilities.builder()
            .addGroupVersions("v1", "scheduling.volcano.sh/v1beta1", "kueue.x-k8s.io/v1beta2")
            .build();
    assertThat(GangBackend.detect(both)).isEqualTo(GangBackend.KUEUE);
    assertThat(GangBackend.available(both)).containsExactly(GangBackend.KUEUE, GangBackend.VOLCANO);
    ClusterCapabilities crdOnly =
        ClusterCapabilities.builder()
            .addCustomResourceDefinitions("podgroups.scheduling.x-k8s.io")
            .build();
    assertThat(GangBackend.detect(crdOnly)).isEqualTo(GangBackend.COSCHEDULING);
  }

  @Test
  void explainsWhatToInstallWhenNoGangSchedulerIsServed() {
    ClusterCapabilities none =
        ClusterCapabilities.builder().serverVersion("v1.37.0").addGroupVersions("v1").build();
    assertThatThrownBy(() -> GangBackend.detect(none))
        .hasMessageContaining("no gang scheduler found")
        .hasMessageContaining("server v1.37.0")
        .hasMessageContaining("GenericWorkload")
        .hasMessageContaining("explicit GangBackend");
  }

  @Test
  void rendersForAClusterFromItsCapabilities() {
    ClusterCapabilities caps =
        ClusterCapabilities.builder()
            .serverVersion("v1.36.2")
            .addGroupVersions("scheduling.k8s.io/v1alpha2")
            .build();
    assertThat(kinds(train.render(caps))).contains("scheduling.k8s.io/v1alpha2/PodGroup");
  }

  private static List<String> kinds(ManifestBundle b) {
    return b.stream().map(m -> m.ref().apiVersion() + "/" + m.ref().kind()).toList();
  }
}
