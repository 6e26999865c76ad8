package dev.aiconform.examples;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Validator;
import dev.aiconform.dra.Inventories;
import dev.aiconform.examples.NotebookBackend.Answer;
import dev.aiconform.examples.NotebookBackend.GpuRequest;
import org.junit.jupiter.api.Test;

class NotebookBackendTest {
  // tag::notebook[]
  NotebookBackend backend = new NotebookBackend(Inventories.a100Nodes(4)); // 4 nodes × 8 A100 40GB

  @Test
  void aRequestThatFitsBecomesValidatedYaml() {
    Answer answer =
        backend.submit(
            new GpuRequest("sweep", "team-a", "ghcr.io/team-a/sweep:1.4", 2, "40Gi", 3, "team-a"));

    assertThat(answer.accepted()).isTrue();
    assertThat(answer.yaml()).hasSize(2); // the claim template and the Job
    assertThat(answer.yaml().get(1))
        .contains("kind: Job", "parallelism: 3", "kueue.x-k8s.io/queue-name: team-a");
  }

  @Test
  void anImpossibleRequestGetsTheDiagnosticsInsteadOfYaml() {
    Answer answer =
        backend.submit(
            new GpuRequest("sweep", "team-a", "ghcr.io/team-a/sweep:1.4", 2, "80Gi", 3, "team-a"));

    assertThat(answer.accepted()).isFalse();
    assertThat(answer.yaml()).isEmpty();
    assertThat(answer.problems())
        .singleElement()
        .asString()
        .contains(
            "dra.practice.unsatisfiable-request", "[ResourceClaimTemplate team-a/sweep-gpus]");
  }

  // end::notebook[]

  @Test
  void theYamlReadsBackAndValidatesCleanOnItsOwn() {
    Answer answer =
        backend.submit(
            new GpuRequest("sweep", "team-a", "ghcr.io/team-a/sweep:1.4", 2, "40Gi", 3, "team-a"));
    ReadResult read =
        ManifestReader.defaults().readString(String.join("---\n", answer.yaml()), "a");

    assertThat(read.diagnostics()).isEmpty();
    assertThat(Validator.forVersion(TargetVersion.V1_37).validate(read.bundle())).hasNoErrors();
    assertThat(read.bundle()).isEqualTo(NotebookBackend.render(request("sweep", 2, "40Gi")));
  }

  @Test
  void invalidInputIsAProblemNotAnException() {
    assertThat(backend.submit(request("sweep", 2, "40 GiB")).problems())
        .singleElement()
        .asString()
        .startsWith("the request cannot be built: ")
        .contains("40 GiB");
    assertThat(backend.submit(request("Sweep_1", 2, "40Gi")).problems())
        .anySatisfy(p -> assertThat(p).contains("core.metadata.name"));
    assertThat(backend.submit(request("sweep", 0, "40Gi")).problems())
        .containsExactly(
            "the request cannot be built: gpus and replicas must be at least 1, were 0 and 3");
  }

  @Test
  void moreGpusThanANodeHoldsCannotRun() {
    assertThat(backend.submit(request("big", 16, "40Gi")).problems())
        .anySatisfy(p -> assertThat(p).contains("dra.practice.unsatisfiable-request"));
  }

  static GpuRequest request(String name, int gpus, String memory) {
    return new GpuRequest(name, "team-a", "ghcr.io/team-a/sweep:1.4", gpus, memory, 3, "team-a");
  }
}
