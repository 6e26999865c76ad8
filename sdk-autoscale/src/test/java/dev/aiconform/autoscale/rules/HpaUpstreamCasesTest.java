package dev.aiconform.autoscale.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API server's answer to an HPA, error for error: every API error's field path and reason, in
 * any order but each as often as the server reports it. The cases restate, as YAML, what
 * pkg/apis/autoscaling/validation/validation_test.go checks, plus cases for the helpers it calls
 * (core's resource-name checks, apimachinery's DNS-1123 label check).
 */
class HpaUpstreamCasesTest {
  static final String HEAD =
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n"
          + "  namespace: ml\nspec:\n"
          + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
          + "  minReplicas: 1\n  maxReplicas: 5\n";

  static String metric(String yaml) {
    return HEAD + "  metrics:\n" + yaml;
  }

  static String containerCpu(String name, String container) {
    return metric(
        "  - type: ContainerResource\n    containerResource:\n      name: "
            + name
            + "\n      container: "
            + container
            + "\n      target: {type: Utilization, averageUtilization: 60}\n");
  }

  static Stream<Arguments> cases() {
    String c = "spec.metrics[0].containerResource.";
    String longLabel = "a".repeat(64);
    return Stream.of(
        // Resource names: core's validateResourceName runs before the container check, so an
        // unknown bare name is reported twice, once by each.
        Arguments.of(
            "a bare name that is no standard resource",
            containerCpu("InvalidResource", "app"),
            List.of(c + "name FieldValueInvalid", c + "name FieldValueInvalid")),
        Arguments.of(
            "a standard resource that containers do not have",
            containerCpu("pods", "app"),
            List.of(c + "name FieldValueInvalid")),
        Arguments.of(
            "a name that is not even a qualified name",
            containerCpu("\"gpu memory\"", "app"),
            List.of(c + "name FieldValueInvalid", c + "name FieldValueInvalid")),
        Arguments.of("an extended resource", containerCpu("example.com/foo", "app"), List.of()),
        Arguments.of(
            "a kubernetes.io resource", containerCpu("kubernetes.io/foo", "app"), List.of()),
        Arguments.of("a huge-page resource", containerCpu("hugepages-2Mi", "app"), List.of()),
        Arguments.of(
            "a prefixed name the quota system could not track",
            containerCpu("requests.example.com/foo", "app"),
            List.of(c + "name FieldValueInvalid")),
        // The container is a DNS-1123 label: too long and malformed are two errors.
        Arguments.of(
            "a container name too long",
            containerCpu("cpu", longLabel),
            List.of(c + "container" + " FieldValueInvalid")),
        Arguments.of(
            "a container name too long and upper-case",
            containerCpu("cpu", "A" + longLabel),
            List.of(c + "container FieldValueInvalid", c + "container FieldValueInvalid")),
        Arguments.of(
            "a container name that is not a label",
            containerCpu("cpu", "\"---***\""),
            List.of(c + "container FieldValueInvalid")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsWhatTheApiServerReports(String what, String yaml, List<String> expected) {
    assertThat(apiErrors(yaml, TargetVersion.latest()))
        .as(what)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Each API error as "path Reason", as the API server's Status lists its causes. */
  static List<String> apiErrors(String yaml, TargetVersion version) {
    ValidationReport r = Checks.validate(yaml, version);
    return r.diagnostics().stream()
        .filter(d -> d.category() == Category.API && d.severity() == Severity.ERROR)
        .map(d -> d.path() + " " + d.reason().map(x -> x.toString()).orElse("?"))
        .collect(Collectors.toList());
  }
}
