package dev.aiconform.examples;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example validates clean for Kubernetes 1.37 with every rule of every module, except the
 * findings it lists as intentional, each with its reason.
 */
class ExamplesValidateTest {
  static Stream<Arguments> examples() {
    return Stream.of(
        example(
            "fine-tuning, Workload API", FineTuning::workloadApi, FineTuning.INTENTIONAL_FINDINGS),
        example("fine-tuning, Kueue", FineTuning::kueue, FineTuning.INTENTIONAL_FINDINGS),
        example("inference, HPA", LlmInference::withHpa, LlmInference.INTENTIONAL_FINDINGS),
        example("inference, KEDA", LlmInference::withKeda, LlmInference.INTENTIONAL_FINDINGS));
  }

  static Arguments example(
      String name, Supplier<ManifestBundle> bundle, Map<String, String> intentional) {
    return Arguments.of(name, bundle, intentional);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void validatesCleanForKubernetes137(
      String name, Supplier<ManifestBundle> bundle, Map<String, String> intentional) {
    ValidationReport report = Validator.forVersion(TargetVersion.V1_37).validate(bundle.get());

    assertThat(report).hasNoErrors();
    assertThat(report.diagnostics())
        .filteredOn(d -> !intentional.containsKey(d.rule()))
        .extracting(Diagnostic::toString)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void intentionalFindingsAreExplainedAndNeverErrors(
      String name, Supplier<ManifestBundle> bundle, Map<String, String> intentional) {
    ValidationReport report = Validator.forVersion(TargetVersion.V1_37).validate(bundle.get());

    intentional.forEach(
        (rule, why) -> {
          assertThat(why).as("reason for %s", rule).isNotBlank();
          assertThat(report.diagnostics())
              .filteredOn(d -> d.rule().equals(rule))
              .allSatisfy(d -> assertThat(d.severity()).isNotEqualTo(Severity.ERROR));
        });
  }

  @Test
  void theWorkloadApiRenderingKeepsTheFeatureGateWarningOnEachOfItsThreeObjects() {
    ValidationReport report =
        Validator.forVersion(TargetVersion.V1_37).validate(FineTuning.workloadApi());

    assertThat(report.ofRule("gang.native.feature-gate"))
        .extracting(d -> d.object().orElseThrow().kind())
        .containsExactlyInAnyOrder("Workload", "PodGroup", "Job");
  }
}
