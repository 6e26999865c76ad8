package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gang manifests of the upstream corpus (Kueue, JobSet, LWS, Volcano, scheduler-plugins, the
 * Workload API examples) get no error from sdk-gang's rules; the ones upstream marks as invalid get
 * exactly the error upstream's webhook gives.
 */
class GangCorpusTest {
  /** Upstream files that are invalid on purpose, and the rule that says why. */
  private static final Map<String, String> INVALID =
      Map.of(
          "volcano-sh__volcano/example/invalid_jobs/duplicatedTaskName-webhook-deny.yaml",
              "gang.volcano.job",
          "volcano-sh__volcano/example/invalid_jobs/minAvailable-webhook-deny.yaml",
              "gang.volcano.job");

  static Stream<Path> gangFiles() {
    return Stream.of(
            "kubernetes-sigs__kueue",
            "kubernetes-sigs__jobset",
            "kubernetes-sigs__lws",
            "kubernetes-sigs__scheduler-plugins",
            "volcano-sh__volcano",
            "kubernetes-sigs__dra-example-driver/demo/examples/podgroup-resourceclaimtemplate")
        .flatMap(d -> Corpus.filesUnder(d).stream())
        .filter(p -> !INVALID.containsKey(Corpus.name(p)));
  }

  /** The version a file was written for: the Workload API examples are 1.36 (v1alpha2). */
  private static TargetVersion versionOf(String text) {
    return text.contains("scheduling.k8s.io/v1alpha2") ? TargetVersion.V1_36 : TargetVersion.V1_37;
  }

  private static List<Diagnostic> gangErrors(Path file) throws Exception {
    String text = java.nio.file.Files.readString(file);
    ValidationReport r =
        Validator.builder()
            .targetVersion(versionOf(text))
            .featureGate("GenericWorkload", true)
            .build()
            .validate(Yamls.bundle(file));
    return r.errors().stream().filter(d -> d.rule().startsWith("gang.")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gangFiles")
  void validUpstreamManifestsGetNoGangError(Path file) throws Exception {
    assertThat(gangErrors(file)).as(Corpus.name(file)).isEmpty();
  }

  @Test
  void invalidVolcanoJobsGetTheWebhooksError() throws Exception {
    for (Map.Entry<String, String> e : INVALID.entrySet()) {
      List<Diagnostic> errors = gangErrors(Corpus.file(e.getKey()));
      assertThat(errors.stream().map(Diagnostic::rule).collect(Collectors.toSet()))
          .as(e.getKey())
          .containsExactly(e.getValue());
    }
    assertThat(
            gangErrors(
                Corpus.file(
                    "volcano-sh__volcano/example/invalid_jobs/minAvailable-webhook-deny.yaml")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.minAvailable");
              assertThat(d.message()).contains("should not be greater than total replicas");
            });
    assertThat(
            gangErrors(
                Corpus.file(
                    "volcano-sh__volcano/example/invalid_jobs/duplicatedTaskName-webhook-deny.yaml")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.tasks[1].name");
              assertThat(d.message()).contains("duplicated task name 'task-1'");
            });
  }

  @Test
  void theCorpusHoldsTheGangManifestsThisTestIsAbout() {
    assertThat(gangFiles().count()).isGreaterThan(50);
  }
}
