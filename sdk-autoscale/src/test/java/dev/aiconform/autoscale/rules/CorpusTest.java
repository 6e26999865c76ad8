package dev.aiconform.autoscale.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream manifests (HPA, KEDA, prometheus-adapter, ServiceMonitor and the rest of the corpus)
 * get no error from sdk-autoscale's rules on any supported version.
 */
class CorpusTest {
  static Stream<Path> files() {
    return Corpus.yamlFiles().stream();
  }

  static List<HasMetadata> parse(Path file) {
    try {
      String text = Files.readString(file);
      if (text.contains("{{")) {
        return List.of();
      }
      return Checks.parse(text);
    } catch (IOException | RuntimeException e) {
      return List.of(); // not Kubernetes objects (Helm values, tool configuration)
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void upstreamManifestsGetNoErrorFromAutoscaleRules(Path file) {
    List<HasMetadata> objects = parse(file);
    for (TargetVersion v : TargetVersion.values()) {
      ValidationReport r = Validator.forVersion(v).validate(ManifestBundle.of(objects));
      List<Diagnostic> errors =
          r.diagnostics().stream()
              .filter(d -> d.rule().startsWith("autoscale."))
              .filter(d -> d.severity() == Severity.ERROR)
              .collect(Collectors.toList());
      assertThat(errors).as("%s on %s:%n%s", Corpus.name(file), v, Checks.describe(r)).isEmpty();
    }
  }
}
