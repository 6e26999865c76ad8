package dev.aiconform.autoscale.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void upstreamManifestsGetNoErrorFromAutoscaleRules(Path file) {
    // Files that are not Kubernetes objects (Helm values, tool configuration) read as nothing.
    ManifestBundle bundle = ManifestReader.defaults().read(file).bundle();
    for (TargetVersion v : TargetVersion.values()) {
      ValidationReport r = Validator.forVersion(v).validate(bundle);
      List<Diagnostic> errors =
          r.diagnostics().stream()
              .filter(d -> d.rule().startsWith("autoscale."))
              .filter(d -> d.severity() == Severity.ERROR)
              .collect(Collectors.toList());
      assertThat(errors).as("%s on %s:%n%s", Corpus.name(file), v, Checks.describe(r)).isEmpty();
    }
  }
}
