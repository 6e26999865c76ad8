package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Controller references as kube-controller-manager's controllers set and read them. */
class OwnerReferencesTest {
  private static final Job JOB =
      new JobBuilder()
          .withNewMetadata()
          .withName("train")
          .withNamespace("ml")
          .withUid("job-uid")
          .endMetadata()
          .build();

  private static Pod pod(String name, OwnerReference... refs) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ml")
        .withOwnerReferences(refs)
        .endMetadata()
        .build();
  }

  @Test
  void aControllerRefNamesTheOwnerAndBlocksItsDeletion() {
    OwnerReference ref = OwnerReferences.controllerRef(JOB);

    assertThat(ref.getApiVersion()).isEqualTo("batch/v1");
    assertThat(ref.getKind()).isEqualTo("Job");
    assertThat(ref.getName()).isEqualTo("train");
    assertThat(ref.getUid()).isEqualTo("job-uid");
    assertThat(ref.getController()).isTrue();
    assertThat(ref.getBlockOwnerDeletion()).isTrue();
  }

  @Test
  void theControllerIsTheReferenceMarkedSoNotTheFirstOne() {
    OwnerReference plainOwner =
        new OwnerReferenceBuilder()
            .withApiVersion("v1")
            .withKind("ConfigMap")
            .withName("settings")
            .withUid("cm-uid")
            .build();
    Pod pod = pod("train-0", plainOwner, OwnerReferences.controllerRef(JOB));

    assertThat(OwnerReferences.controllerOf(pod)).map(OwnerReference::getUid).hasValue("job-uid");
    assertThat(OwnerReferences.isControlledBy(pod, JOB)).isTrue();
    assertThat(OwnerReferences.controllerOf(pod("orphan", plainOwner))).isEmpty();
    assertThat(OwnerReferences.controllerOf(new Pod())).isEmpty();
  }

  @Test
  void anObjectIsControlledByTheOwnerWithItsUidNotByAnotherOfTheSameName() {
    Job recreated = new JobBuilder(JOB).editMetadata().withUid("new-uid").endMetadata().build();

    assertThat(
            OwnerReferences.isControlledBy(pod("p", OwnerReferences.controllerRef(JOB)), recreated))
        .isFalse();
  }

  @Test
  void groupsObjectsByTheirControllerAndLeavesOrphansOut() {
    Pod a = pod("a", OwnerReferences.controllerRef(JOB));
    Pod b = pod("b", OwnerReferences.controllerRef(JOB));
    Pod orphan = pod("orphan");

    Map<String, List<Pod>> grouped = OwnerReferences.byController(List.of(a, orphan, b));

    assertThat(grouped).containsOnlyKeys("job-uid");
    assertThat(grouped.get("job-uid")).containsExactly(a, b);
  }
}
