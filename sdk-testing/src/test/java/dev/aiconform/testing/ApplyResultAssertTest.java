package dev.aiconform.testing;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyResultAssertTest {
  private static final ObjectRef GROUP =
      ObjectRef.of("scheduling.x-k8s.io/v1alpha1", "PodGroup", "ml", "train");
  private static final ObjectRef JOB = ObjectRef.of("batch/v1", "Job", "ml", "train");

  private static final ApplyResult PARTIAL =
      new ApplyResult(
          List.of(
              ObjectOutcome.of(GROUP, Action.REJECTED, "HTTP 422 Invalid"),
              ObjectOutcome.of(JOB, Action.SKIPPED, "not applied: its gang object failed")));

  @Test
  void outcomesCanBeCheckedOneByOne() {
    assertThat(PARTIAL)
        .outcome("Job", "train")
        .is(Action.SKIPPED)
        .hasMessageContaining("gang object");
    assertThat(new ApplyResult(List.of(ObjectOutcome.of(JOB, Action.CREATED, "")))).isSuccessful();
  }

  @Test
  void failedApplyListsWhatFailed() {
    assertThatThrownBy(() -> assertThat(PARTIAL).isSuccessful())
        .hasMessageStartingWith(
            "\nExpecting every object to apply but 2 did not:\n"
                + "  scheduling.x-k8s.io/v1alpha1/PodGroup ml/train: rejected (HTTP 422 Invalid)\n");
    assertThatThrownBy(() -> assertThat(PARTIAL).outcome("PodGroup", "train").is(Action.CREATED))
        .hasMessage(
            "\nExpecting\n  \"scheduling.x-k8s.io/v1alpha1/PodGroup ml/train\"\nto be CREATED but it was REJECTED:\n  HTTP 422 Invalid");
  }
}
