package dev.aiconform.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.internal.rules.UnknownFieldRule;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every upstream manifest parses and survives a write/read round trip unchanged. */
class CorpusReadTest {
  /**
   * Corpus files that are not Kubernetes manifests, or not valid ones, with the reason: the reader
   * must say so (and say where) instead of guessing.
   */
  static final Map<String, String> NOT_MANIFESTS =
      Map.of(
          "carlory__ai-conformance/hack/helm/prometheus-adapter.yaml",
          "yaml.missing-kind", // a Helm values file, not an object
          "kubernetes-sigs__dra-driver-nvidia-gpu/demo/specs/quickstart/mig-parted-config.yaml",
          "yaml.missing-kind", // a mig-parted configuration file, not an object
          "kubernetes-sigs__dra-example-driver/demo/examples/device-taints-tolerations/"
              + "device-taint-pod-noschedule/4-pod-not-scheduled.yaml",
          "yaml.missing-kind", // upstream forgot apiVersion: kubectl rejects it too
          "kubernetes-sigs__prometheus-adapter/docs/sample-config.yaml",
          "yaml.parse"); // unescaped '"' inside a double-quoted string at line 30 (PyYAML agrees)

  private static final Validator UNKNOWN_FIELDS =
      Validator.builder().rules(List.of(new UnknownFieldRule())).build();

  static Stream<Path> manifests() {
    return Corpus.yamlFiles().stream().filter(f -> !NOT_MANIFESTS.containsKey(Corpus.name(f)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void readsAndRoundTrips(Path file) {
    ReadResult read = ManifestReader.defaults().read(file);
    assertThat(read.diagnostics()).as(Corpus.name(file)).isEmpty();
    assertThat(read.bundle().size()).as(Corpus.name(file)).isPositive();
    String yaml = ManifestWriter.yaml().write(read.bundle());
    ReadResult again = ManifestReader.defaults().readString(yaml, "rendered");
    assertThat(again.diagnostics()).as(yaml).isEmpty();
    assertThat(again.bundle()).isEqualTo(read.bundle());
    List<Diagnostic> unknown = UNKNOWN_FIELDS.validate(read.bundle()).diagnostics();
    String expected = Corpus.UNKNOWN_FIELDS.get(Corpus.name(file));
    if (expected == null) {
      assertThat(unknown).as(Corpus.name(file)).isEmpty();
    } else {
      assertThat(unknown).extracting(Diagnostic::path).contains(expected);
    }
  }

  @Test
  void reportsTheFilesThatAreNotValidManifests() {
    NOT_MANIFESTS.forEach(
        (name, rule) -> {
          ReadResult read = ManifestReader.defaults().read(Corpus.file(name));
          assertThat(read.diagnostics()).extracting(Diagnostic::rule).as(name).contains(rule);
          assertThat(read.diagnostics())
              .allSatisfy(
                  d -> assertThat(d.source()).isPresent().get().matches(s -> s.line() >= 1));
        });
  }

  @Test
  void pointsTheBrokenSampleConfigAtItsLine() {
    ReadResult read =
        ManifestReader.defaults()
            .read(Corpus.file("kubernetes-sigs__prometheus-adapter/docs/sample-config.yaml"));
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.source().get().line()).isEqualTo(30));
  }
}
