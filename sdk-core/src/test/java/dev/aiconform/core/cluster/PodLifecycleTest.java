package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a pod is in its life, read as kube-scheduler and the workload controllers read it. */
class PodLifecycleTest {
  private static Pod pod(
      String node, String phase, String scheduled, String ready, boolean deleting) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName("p").endMetadata();
    b.withNewSpec().withNodeName(node.isEmpty() ? null : node).endSpec();
    b.withNewStatus().withPhase(phase.isEmpty() ? null : phase).endStatus();
    if (!scheduled.isEmpty()) {
      b.editStatus()
          .addNewCondition()
          .withType("PodScheduled")
          .withStatus(scheduled)
          .endCondition()
          .endStatus();
    }
    if (!ready.isEmpty()) {
      b.editStatus()
          .addNewCondition()
          .withType("Ready")
          .withStatus(ready)
          .endCondition()
          .endStatus();
    }
    if (deleting) {
      b.editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata();
    }
    return b.build();
  }

  @ParameterizedTest(name = "node={0} phase={1} scheduled={2} ready={3} deleting={4}")
  @CsvSource({
    // node,  phase,     PodScheduled, Ready, deleting, bound, active, ready
    "n1,     Running,   True,         True,  false,    true,  true,   true",
    "n1,     Pending,   True,         False, false,    true,  true,   false",
    "'',     Pending,   False,        '',    false,    false, true,   false",
    "n1,     Pending,   '',           '',    false,    false, true,   false",
    "n1,     Succeeded, True,         False, false,    true,  false,  false",
    "n1,     Failed,    True,         False, false,    true,  false,  false",
    "n1,     Running,   True,         True,  true,     true,  false,  true",
  })
  void readsTheStageFromSpecAndStatus(
      String node,
      String phase,
      String scheduled,
      String ready,
      boolean deleting,
      boolean bound,
      boolean active,
      boolean isReady) {
    Pod pod = pod(node, phase, scheduled, ready, deleting);

    assertThat(PodLifecycle.isBound(pod)).as("bound").isEqualTo(bound);
    assertThat(PodLifecycle.isActive(pod)).as("active").isEqualTo(active);
    assertThat(PodLifecycle.isReady(pod)).as("ready").isEqualTo(isReady);
  }
}
