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
    String m = "spec.metrics[0].";
    String c = m + "containerResource.";
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
            List.of(c + "container FieldValueInvalid")),
        // The metric type is checked against the list and again by the switch over the types.
        Arguments.of(
            "an unknown metric type",
            metric("  - type: InvalidType\n"),
            List.of(m + "type FieldValueNotSupported", m + "type FieldValueNotSupported")),
        Arguments.of(
            "no metric type",
            metric(
                "  - pods: {metric: {name: q}, target: {type: AverageValue, averageValue: 1}}\n"),
            List.of(
                m + "type FieldValueRequired",
                m + "type FieldValueNotSupported",
                m + "type FieldValueNotSupported")),
        Arguments.of(
            "an unknown type with two sources: both are forbidden",
            metric(
                "  - type: Bogus\n    pods: {metric: {name: q}, target: {type: AverageValue,"
                    + " averageValue: 1}}\n    resource: {name: cpu, target: {type: Utilization,"
                    + " averageUtilization: 50}}\n"),
            List.of(
                m + "type FieldValueNotSupported",
                m + "type FieldValueNotSupported",
                m + "pods FieldValueForbidden",
                m + "resource FieldValueForbidden")),
        Arguments.of(
            "a Pods type on a Resource source",
            metric(
                "  - type: Pods\n    resource: {name: cpu, target: {type: AverageValue,"
                    + " averageValue: 100m}}\n"),
            List.of(m + "pods FieldValueRequired")),
        Arguments.of(
            "a Resource metric with a Pods source as well",
            metric(
                "  - type: Resource\n    resource: {name: cpu, target: {type: AverageValue,"
                    + " averageValue: 100m}}\n    pods: {metric: {name: q}, target: {type:"
                    + " AverageValue, averageValue: 100m}}\n"),
            List.of(m + "pods FieldValueForbidden")),
        // validateCrossVersionObjectReference: kind and name are path segments.
        Arguments.of(
            "a scale target kind of '..'",
            HEAD.replace("kind: Deployment", "kind: \"..\""),
            List.of("spec.scaleTargetRef.kind FieldValueInvalid")),
        Arguments.of(
            "a scale target without a name",
            HEAD.replace(", name: web", ""),
            List.of("spec.scaleTargetRef.name FieldValueRequired")),
        Arguments.of(
            "minReplicas above maxReplicas",
            HEAD.replace("minReplicas: 1", "minReplicas: 7"),
            List.of("spec.maxReplicas FieldValueInvalid")),
        Arguments.of(
            "both a utilization and an average value on a Resource metric",
            metric(
                "  - type: Resource\n    resource: {name: cpu, target: {type: Utilization,"
                    + " averageUtilization: 70, averageValue: 300m}}\n"),
            List.of(m + "resource.target.averageValue FieldValueForbidden")),
        Arguments.of(
            "a Resource metric without a name",
            metric(
                "  - type: Resource\n    resource: {target: {type: Utilization,"
                    + " averageUtilization: 70}}\n"),
            List.of(m + "resource.name FieldValueRequired")),
        Arguments.of(
            "a negative utilization",
            metric(
                "  - type: Resource\n    resource: {name: cpu, target: {type: Utilization,"
                    + " averageUtilization: -10}}\n"),
            List.of(m + "resource.target.averageUtilization FieldValueInvalid")),
        Arguments.of(
            "a Value target on a Resource metric",
            metric("  - type: Resource\n    resource: {name: cpu, target: {type: Value}}\n"),
            List.of(m + "resource.target.averageUtilization FieldValueRequired")),
        Arguments.of(
            "a Pods metric without a name and with a Value target",
            metric(
                "  - type: Pods\n    pods: {metric: {}, target: {type: Value, averageValue:"
                    + " 100m}}\n"),
            List.of(m + "pods.metric.name FieldValueRequired")),
        Arguments.of(
            "a Pods metric without an average value",
            metric("  - type: Pods\n    pods: {metric: {name: q}, target: {type: Value}}\n"),
            List.of(m + "pods.target.averageValue FieldValueRequired")),
        Arguments.of(
            "an Object metric without a value",
            metric(
                "  - type: Object\n    object: {describedObject: {kind: Service, name: s},"
                    + " metric: {name: q}, target: {type: Value}}\n"),
            List.of(m + "object.target.averageValue FieldValueRequired")),
        Arguments.of(
            "an Object metric on an object without a kind",
            metric(
                "  - type: Object\n    object: {describedObject: {name: s}, metric: {name: q},"
                    + " target: {type: Value, value: 100m}}\n"),
            List.of(m + "object.describedObject.kind FieldValueRequired")),
        Arguments.of(
            "an External metric named with '/' and '..'",
            metric(
                "  - type: External\n    external: {metric: {name: foo/../}, target: {type:"
                    + " Value, value: 300m}}\n"),
            List.of(m + "external.metric.name FieldValueInvalid")),
        Arguments.of(
            "an External metric with a negative value",
            metric(
                "  - type: External\n    external: {metric: {name: q}, target: {type: Value,"
                    + " value: -300m}}\n"),
            List.of(m + "external.target.value FieldValueInvalid")),
        Arguments.of(
            "an External metric with a value and an average value",
            metric(
                "  - type: External\n    external: {metric: {name: q}, target: {type: Value,"
                    + " value: 300m, averageValue: 300m}}\n"),
            List.of(m + "external.target.value FieldValueForbidden")),
        Arguments.of(
            "an External target of an unknown type",
            metric(
                "  - type: External\n    external: {metric: {name: q}, target: {type: boogity,"
                    + " value: 300m}}\n"),
            List.of(m + "external.target.type FieldValueInvalid")),
        Arguments.of(
            "an External target without a type",
            metric(
                "  - type: External\n    external: {metric: {name: q}, target: {value: 300m}}\n"),
            List.of(
                m + "external.target.type FieldValueRequired",
                m + "external.target.type FieldValueInvalid")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsWhatTheApiServerReports(String what, String yaml, List<String> expected) {
    assertThat(apiErrors(yaml, TargetVersion.latest()))
        .as(what)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  static final String V1 =
      "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n"
          + "  namespace: ml\nspec:\n";
  static final String V1_TARGET =
      "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n";

  /**
   * autoscaling/v1 objects are converted to the internal type before validation
   * (pkg/apis/autoscaling/v1/conversion.go), so they get the same checks, reported at the internal
   * field paths: the CPU target is {@code spec.metrics[0].resource.target.averageUtilization}, and
   * a v1 HPA without one has the 80 % CPU metric the conversion supplies.
   */
  static Stream<Arguments> v1Cases() {
    String cpu = "spec.metrics[0].resource.target.averageUtilization";
    return Stream.of(
        Arguments.of(
            "a valid v1 HPA",
            TargetVersion.V1_36,
            V1 + V1_TARGET + "  maxReplicas: 5\n  targetCPUUtilizationPercentage: 50\n",
            List.of()),
        Arguments.of(
            "a CPU target of 0",
            TargetVersion.V1_36,
            V1 + V1_TARGET + "  maxReplicas: 5\n  targetCPUUtilizationPercentage: 0\n",
            List.of(cpu + " FieldValueInvalid")),
        Arguments.of(
            "maxReplicas below minReplicas",
            TargetVersion.V1_35,
            V1 + V1_TARGET + "  minReplicas: 4\n  maxReplicas: 2\n",
            List.of("spec.maxReplicas FieldValueInvalid")),
        Arguments.of(
            "maxReplicas 0 below the defaulted minReplicas 1",
            TargetVersion.V1_35,
            V1 + V1_TARGET + "  maxReplicas: 0\n",
            List.of("spec.maxReplicas FieldValueInvalid", "spec.maxReplicas FieldValueInvalid")),
        Arguments.of(
            "a scale target with only a name",
            TargetVersion.V1_36,
            V1 + "  scaleTargetRef: {name: web}\n  maxReplicas: 5\n",
            List.of(
                "spec.scaleTargetRef.kind FieldValueRequired",
                "spec.scaleTargetRef.apiVersion FieldValueInvalid")),
        Arguments.of(
            "minReplicas 0 where HPAScaleToZero is off",
            TargetVersion.V1_36,
            V1 + V1_TARGET + "  minReplicas: 0\n  maxReplicas: 5\n",
            List.of("spec.minReplicas FieldValueInvalid", "spec.metrics FieldValueForbidden")),
        Arguments.of(
            "minReplicas 0 where HPAScaleToZero is on: v1 has only the CPU metric",
            TargetVersion.V1_37,
            V1 + V1_TARGET + "  minReplicas: 0\n  maxReplicas: 5\n",
            List.of("spec.metrics FieldValueForbidden")));
  }

  /**
   * validation_test.go's TestValidateBehavior, for scaleUp and for scaleDown: each bad rule gives
   * exactly one error. Rules without policies are not among them: defaulting fills those.
   */
  static Stream<Arguments> behaviorCases() {
    String policies =
        "[{type: Percent, value: 10, periodSeconds: 1},"
            + " {type: Pods, value: 1, periodSeconds: 1800}]";
    return Stream.of("scaleUp", "scaleDown")
        .flatMap(
            direction -> {
              String p = "spec.behavior." + direction + ".";
              java.util.function.Function<String, String> rules =
                  body -> HEAD + "  behavior:\n    " + direction + ": " + body + "\n";
              return Stream.of(
                  Arguments.of(
                      direction + ": a window of 3601 s",
                      rules.apply(
                          "{stabilizationWindowSeconds: 3601, selectPolicy: Min, policies: "
                              + policies
                              + "}"),
                      List.of(p + "stabilizationWindowSeconds FieldValueInvalid")),
                  Arguments.of(
                      direction + ": a negative window",
                      rules.apply("{stabilizationWindowSeconds: -1, policies: " + policies + "}"),
                      List.of(p + "stabilizationWindowSeconds FieldValueInvalid")),
                  Arguments.of(
                      direction + ": a period of 1801 s",
                      rules.apply("{policies: [{type: Pods, value: 7, periodSeconds: 1801}]}"),
                      List.of(p + "policies[0].periodSeconds FieldValueInvalid")),
                  Arguments.of(
                      direction + ": an unknown selectPolicy",
                      rules.apply(
                          "{selectPolicy: incorrect, policies: [{type: Pods, value: 7,"
                              + " periodSeconds: 8}]}"),
                      List.of(p + "selectPolicy FieldValueNotSupported")),
                  Arguments.of(
                      direction + ": an unknown policy type",
                      rules.apply("{policies: [{type: hm, value: 7, periodSeconds: 8}]}"),
                      List.of(p + "policies[0].type FieldValueNotSupported")),
                  Arguments.of(
                      direction + ": no period",
                      rules.apply("{policies: [{type: Pods, value: 8}]}"),
                      List.of(p + "policies[0].periodSeconds FieldValueInvalid")),
                  Arguments.of(
                      direction + ": no value",
                      rules.apply("{policies: [{type: Pods, periodSeconds: 8}]}"),
                      List.of(p + "policies[0].value FieldValueInvalid")),
                  Arguments.of(
                      direction + ": a negative period",
                      rules.apply("{policies: [{type: Pods, value: 1, periodSeconds: -1}]}"),
                      List.of(p + "policies[0].periodSeconds FieldValueInvalid")),
                  Arguments.of(
                      direction + ": a negative value",
                      rules.apply("{policies: [{type: Pods, value: -1, periodSeconds: 1}]}"),
                      List.of(p + "policies[0].value FieldValueInvalid")),
                  Arguments.of(
                      direction + ": only a selectPolicy (the policies are defaulted)",
                      rules.apply("{selectPolicy: Min}"),
                      List.of()),
                  Arguments.of(
                      direction + ": the longest window, Disabled and both policy kinds",
                      rules.apply(
                          "{stabilizationWindowSeconds: 3600, selectPolicy: Disabled, policies: "
                              + policies
                              + "}"),
                      List.of()));
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("behaviorCases")
  void checksScalingRulesAsTheApiServerDoes(String what, String yaml, List<String> expected) {
    assertThat(apiErrors(yaml, TargetVersion.latest()))
        .as(what)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Cases whose answer depends on the version: declarative validation, feature gates. */
  static Stream<Arguments> versionedCases() {
    String noMax = HEAD.replace("  maxReplicas: 5\n", "");
    String tolerance =
        HEAD
            + "  behavior:\n    scaleUp:\n      tolerance: \"-0.001\"\n"
            + "      policies: [{type: Pods, value: 1, periodSeconds: 1800}]\n";
    return Stream.of(
        // 1.36 moved maxReplicas to declarative validation: a missing value is Required there.
        Arguments.of(
            "no maxReplicas up to 1.35",
            TargetVersion.V1_35,
            noMax,
            List.of("spec.maxReplicas FieldValueInvalid", "spec.maxReplicas FieldValueInvalid")),
        Arguments.of(
            "no maxReplicas from 1.36",
            TargetVersion.V1_36,
            noMax,
            List.of("spec.maxReplicas FieldValueRequired", "spec.maxReplicas FieldValueInvalid")),
        Arguments.of(
            "a negative maxReplicas from 1.36",
            TargetVersion.V1_36,
            HEAD.replace("maxReplicas: 5", "maxReplicas: -2"),
            List.of("spec.maxReplicas FieldValueInvalid", "spec.maxReplicas FieldValueInvalid")),
        // HPAConfigurableTolerance: beta from 1.35; on 1.34 the server drops the field.
        Arguments.of(
            "a negative tolerance where the gate is on",
            TargetVersion.V1_35,
            tolerance,
            List.of("spec.behavior.scaleUp.tolerance FieldValueInvalid")),
        Arguments.of("a negative tolerance on 1.34", TargetVersion.V1_34, tolerance, List.of()),
        Arguments.of(
            "scaling rules without policies, even with a window",
            TargetVersion.V1_35,
            HEAD
                + "  behavior:\n    scaleUp:\n      stabilizationWindowSeconds: 60\n"
                + "      policies: []\n",
            List.of("spec.behavior.scaleUp.policies FieldValueRequired")),
        Arguments.of(
            "a null policy list, which decodes as absent and is defaulted",
            TargetVersion.V1_35,
            HEAD + "  behavior:\n    scaleDown:\n      policies: null\n",
            List.of()),
        Arguments.of(
            "an HPA name that is no DNS subdomain",
            TargetVersion.V1_36,
            HEAD.replace("name: h\n", "name: Web_HPA\n"),
            List.of("metadata.name FieldValueInvalid")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versionedCases")
  void reportsWhatEachVersionReports(
      String what, TargetVersion version, String yaml, List<String> expected) {
    assertThat(apiErrors(yaml, version)).as(what).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1Cases")
  void validatesAutoscalingV1AsItsInternalForm(
      String what, TargetVersion version, String yaml, List<String> expected) {
    assertThat(apiErrors(yaml, version)).as(what).containsExactlyInAnyOrderElementsOf(expected);
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
