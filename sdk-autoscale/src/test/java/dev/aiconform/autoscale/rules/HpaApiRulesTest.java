package dev.aiconform.autoscale.rules;

import static dev.aiconform.autoscale.rules.Checks.assertFinding;
import static dev.aiconform.autoscale.rules.Checks.assertNoErrors;
import static dev.aiconform.autoscale.rules.Checks.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.SampleIntents;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API server's HPA validation, case by case (pkg/apis/autoscaling/validation tests). */
class HpaApiRulesTest {
  static final String HEAD =
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n  namespace: ml\nspec:\n";
  static final String TARGET =
      "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n";
  static final String PODS =
      "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: vllm_num_requests_waiting}\n"
          + "      target: {type: AverageValue, averageValue: \"5\"}\n";
  static final String EXTERNAL =
      "  metrics:\n  - type: External\n    external:\n      metric: {name: queue_depth}\n"
          + "      target: {type: AverageValue, averageValue: \"5\"}\n";

  static String hpa(String body) {
    return HEAD + body;
  }

  /** An HPA on the vllm Deployment with maxReplicas 3, then {@code rest} (metrics, behavior). */
  static String vllmHpa(String rest) {
    return hpa(TARGET + "  maxReplicas: 3\n" + rest);
  }

  @ParameterizedTest
  @EnumSource(TargetVersion.class)
  void aRenderedIntentIsValidOnEveryVersion(TargetVersion version) {
    AcceleratorAutoscaler a = SampleIntents.vllmOnQueueAndEngine().build();
    // tag::validate[]
    ValidationReport r = Validator.forVersion(version).validate(a.renderHpa());
    // end::validate[]
    assertThat(r.diagnostics().stream().filter(d -> d.rule().startsWith("autoscale.hpa.")))
        .as(Checks.describe(r))
        .isEmpty();
  }

  @Test
  void anHpaWithoutMetricsGetsTheCpuDefaultAndPasses() {
    assertNoErrors(validate(hpa(TARGET + "  maxReplicas: 3\n")));
  }

  @Test
  void rejectsMinReplicasZeroWhereScaleToZeroIsOff() {
    ValidationReport r =
        validate(
            hpa(TARGET + "  minReplicas: 0\n  maxReplicas: 3\n" + EXTERNAL), TargetVersion.V1_36);
    Diagnostic d = assertFinding(r, "autoscale.hpa.replicas", "spec.minReplicas", Reason.INVALID);
    assertThat(d.message()).startsWith("must be greater than or equal to 1");
  }

  @Test
  void acceptsMinReplicasZeroWithAnExternalMetricFrom137() {
    assertNoErrors(
        validate(
            hpa(TARGET + "  minReplicas: 0\n  maxReplicas: 3\n" + EXTERNAL), TargetVersion.V1_37));
  }

  @Test
  void acceptsMinReplicasZeroBefore137WhenTheGateIsTurnedOn() {
    ValidationReport r =
        Validator.builder()
            .targetVersion(TargetVersion.V1_35)
            .featureGate("HPAScaleToZero", true)
            .build()
            .validate(
                ManifestBundle.of(
                    Checks.parse(hpa(TARGET + "  minReplicas: 0\n  maxReplicas: 3\n" + EXTERNAL))));
    assertNoErrors(r);
  }

  @Test
  void rejectsScalingToZeroOnPodsMetricsOnly() {
    ValidationReport r =
        validate(hpa(TARGET + "  minReplicas: 0\n  maxReplicas: 3\n" + PODS), TargetVersion.V1_37);
    assertFinding(r, "autoscale.hpa.scale-to-zero", "spec.metrics", Reason.FORBIDDEN);
  }

  @Test
  void reportsAMissingMaxReplicasAsInvalidUntil135AndRequiredFrom136() {
    String yaml = hpa(TARGET + PODS);
    assertThat(
            assertFinding(
                    validate(yaml, TargetVersion.V1_35),
                    "autoscale.hpa.replicas",
                    "spec.maxReplicas",
                    Reason.INVALID)
                .message())
        .startsWith("must be greater than 0");
    assertFinding(
        validate(yaml, TargetVersion.V1_36),
        "autoscale.hpa.replicas",
        "spec.maxReplicas",
        Reason.REQUIRED);
  }

  @Test
  void rejectsMaxReplicasBelowMinReplicas() {
    Diagnostic d =
        assertFinding(
            validate(hpa(TARGET + "  minReplicas: 5\n  maxReplicas: 3\n" + PODS)),
            "autoscale.hpa.replicas",
            "spec.maxReplicas",
            Reason.INVALID);
    assertThat(d.message()).contains("minReplicas").contains("found 3");
  }

  @Test
  void requiresTheScaleTargetsKindAndName() {
    ValidationReport r =
        validate(hpa("  scaleTargetRef: {apiVersion: apps/v1}\n  maxReplicas: 3\n" + PODS));
    assertFinding(r, "autoscale.hpa.scale-target-ref", "spec.scaleTargetRef.kind", Reason.REQUIRED);
    assertFinding(r, "autoscale.hpa.scale-target-ref", "spec.scaleTargetRef.name", Reason.REQUIRED);
  }

  @Test
  void rejectsScaleTargetNamesThatAreNotPathSegments() {
    ValidationReport r =
        validate(
            hpa(
                "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: a/b}\n  maxReplicas: 3\n"
                    + PODS));
    assertThat(
            assertFinding(
                    r, "autoscale.hpa.scale-target-ref", "spec.scaleTargetRef.name", Reason.INVALID)
                .message())
        .contains("may not contain '/'");
    ValidationReport dots =
        validate(
            hpa(
                "  scaleTargetRef: {apiVersion: apps/v1, kind: '..', name: x}\n  maxReplicas: 3\n"
                    + PODS));
    assertFinding(
        dots, "autoscale.hpa.scale-target-ref", "spec.scaleTargetRef.kind", Reason.INVALID);
  }

  @Test
  void requiresAnApiGroupInTheScaleTargetsApiVersion() {
    ValidationReport r =
        validate(
            hpa(
                "  scaleTargetRef: {apiVersion: v1, kind: Deployment, name: vllm}\n  maxReplicas: 3\n"
                    + PODS));
    assertThat(
            assertFinding(
                    r,
                    "autoscale.hpa.scale-target-ref",
                    "spec.scaleTargetRef.apiVersion",
                    Reason.INVALID)
                .message())
        .contains("must specify API group");
    ValidationReport missing =
        validate(
            hpa("  scaleTargetRef: {kind: Deployment, name: vllm}\n  maxReplicas: 3\n" + PODS));
    assertFinding(
        missing,
        "autoscale.hpa.scale-target-ref",
        "spec.scaleTargetRef.apiVersion",
        Reason.INVALID);
    ValidationReport extraSlash =
        validate(
            hpa(
                "  scaleTargetRef: {apiVersion: apps/v1/x, kind: Deployment, name: vllm}\n  maxReplicas: 3\n"
                    + PODS));
    assertFinding(
        extraSlash,
        "autoscale.hpa.scale-target-ref",
        "spec.scaleTargetRef.apiVersion",
        Reason.INVALID);
  }

  @Test
  void letsReplicationControllersLeaveTheApiGroupEmpty() {
    assertNoErrors(
        validate(
            hpa(
                "  scaleTargetRef: {kind: ReplicationController, name: rc}\n  maxReplicas: 3\n"
                    + PODS)));
  }

  @Test
  void letsDescribedObjectsLiveInTheCoreGroup() {
    String objectMetric =
        "  metrics:\n  - type: Object\n    object:\n      metric: {name: vllm_num_requests_waiting}\n"
            + "      describedObject: {apiVersion: v1, kind: Namespace, name: default}\n"
            + "      target: {type: Value, value: 1}\n";
    assertNoErrors(validate(vllmHpa(objectMetric)));
  }

  @Test
  void requiresTheDescribedObjectsKindAndName() {
    String objectMetric =
        "  metrics:\n  - type: Object\n    object:\n      metric: {name: m}\n"
            + "      describedObject: {apiVersion: v1}\n      target: {type: Value, value: 1}\n";
    ValidationReport r = validate(vllmHpa(objectMetric));
    assertFinding(
        r,
        "autoscale.hpa.described-object",
        "spec.metrics[0].object.describedObject.kind",
        Reason.REQUIRED);
    assertFinding(
        r,
        "autoscale.hpa.described-object",
        "spec.metrics[0].object.describedObject.name",
        Reason.REQUIRED);
  }

  @Test
  void requiresAndRestrictsTheMetricType() {
    String noType =
        "  metrics:\n  - pods:\n      metric: {name: m}\n      target: {type: AverageValue, averageValue: 1}\n";
    ValidationReport r = validate(vllmHpa(noType));
    assertFinding(r, "autoscale.hpa.metric-source", "spec.metrics[0].type", Reason.REQUIRED);
    assertFinding(r, "autoscale.hpa.metric-source", "spec.metrics[0].type", Reason.NOT_SUPPORTED);
    String bogus = noType.replace("  - pods:", "  - type: Custom\n    pods:");
    assertFinding(
        validate(vllmHpa(bogus)),
        "autoscale.hpa.metric-source",
        "spec.metrics[0].type",
        Reason.NOT_SUPPORTED);
  }

  @Test
  void requiresTheSourceOfTheGivenType() {
    String mismatch =
        "  metrics:\n  - type: Pods\n    external:\n      metric: {name: queue}\n"
            + "      target: {type: Value, value: 10}\n";
    ValidationReport r = validate(vllmHpa(mismatch));
    Diagnostic d =
        assertFinding(r, "autoscale.hpa.metric-source", "spec.metrics[0].pods", Reason.REQUIRED);
    assertThat(d.message()).contains("must populate information for the given metric source");
    assertThat(
            Checks.find(
                r, "autoscale.hpa.metric-source", "spec.metrics[0].external", Reason.FORBIDDEN))
        .as("one source only: the server reports the missing one, not the extra one")
        .isEmpty();
  }

  @Test
  void forbidsASecondSource() {
    String two =
        "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: m}\n"
            + "      target: {type: AverageValue, averageValue: 1}\n"
            + "    external:\n      metric: {name: queue}\n      target: {type: Value, value: 10}\n";
    assertFinding(
        validate(vllmHpa(two)),
        "autoscale.hpa.metric-source",
        "spec.metrics[0].external",
        Reason.FORBIDDEN);
  }

  @Test
  void requiresMetricNamesThatArePathSegments() {
    String noName =
        "  metrics:\n  - type: External\n    external:\n      metric: {selector: {matchLabels: {a: b}}}\n"
            + "      target: {type: Value, value: 10}\n";
    assertFinding(
        validate(vllmHpa(noName)),
        "autoscale.hpa.metric-name",
        "spec.metrics[0].external.metric.name",
        Reason.REQUIRED);
    String slash =
        noName.replace(
            "metric: {selector: {matchLabels: {a: b}}}",
            "metric: {name: kubernetes.io/container/accelerator/duty_cycle}");
    Diagnostic d =
        assertFinding(
            validate(vllmHpa(slash)),
            "autoscale.hpa.metric-name",
            "spec.metrics[0].external.metric.name",
            Reason.INVALID);
    assertThat(d.hint()).contains("kubernetes.io|container|accelerator|duty_cycle");
  }

  @Test
  void podsMetricsNeedAnAverageValue() {
    String value =
        "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: m}\n      target: {type: Value, value: 5}\n";
    assertFinding(
        validate(vllmHpa(value)),
        "autoscale.hpa.metric-target",
        "spec.metrics[0].pods.target.averageValue",
        Reason.REQUIRED);
  }

  @Test
  void externalMetricsTakeAValueOrAnAverageValueNotBoth() {
    String both =
        "  metrics:\n  - type: External\n    external:\n      metric: {name: q}\n"
            + "      target: {type: Value, value: 5, averageValue: 2}\n";
    assertFinding(
        validate(vllmHpa(both)),
        "autoscale.hpa.metric-target",
        "spec.metrics[0].external.target.value",
        Reason.FORBIDDEN);
    String neither =
        "  metrics:\n  - type: External\n    external:\n      metric: {name: q}\n      target: {type: Value}\n";
    assertFinding(
        validate(vllmHpa(neither)),
        "autoscale.hpa.metric-target",
        "spec.metrics[0].external.target.averageValue",
        Reason.REQUIRED);
  }

  @Test
  void targetValuesMustBePositive() {
    String negative = PODS.replace("averageValue: \"5\"", "averageValue: \"-1\"");
    Diagnostic d =
        assertFinding(
            validate(vllmHpa(negative)),
            "autoscale.hpa.metric-target",
            "spec.metrics[0].pods.target.averageValue",
            Reason.INVALID);
    assertThat(d.message()).contains("must be positive").contains("-1");
    String zeroUtil =
        "  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target: {type: Utilization, averageUtilization: 0}\n";
    assertFinding(
        validate(vllmHpa(zeroUtil)),
        "autoscale.hpa.metric-target",
        "spec.metrics[0].resource.target.averageUtilization",
        Reason.INVALID);
  }

  @Test
  void targetTypesAreUtilizationValueOrAverageValue() {
    String bogus = PODS.replace("type: AverageValue", "type: Average");
    assertFinding(
        validate(vllmHpa(bogus)),
        "autoscale.hpa.metric-target",
        "spec.metrics[0].pods.target.type",
        Reason.INVALID);
  }

  @Test
  void resourceMetricsTakeUtilizationOrAverageValueNotBoth() {
    String both =
        "  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n"
            + "      target: {type: Utilization, averageUtilization: 50, averageValue: 500m}\n";
    assertFinding(
        validate(vllmHpa(both)),
        "autoscale.hpa.metric-target",
        "spec.metrics[0].resource.target.averageValue",
        Reason.FORBIDDEN);
  }

  @Test
  void containerResourceMetricsNeedAStandardResourceAndAContainerLabel() {
    String bad =
        "  metrics:\n  - type: ContainerResource\n    containerResource:\n      name: gpus\n"
            + "      container: Server_1\n      target: {type: Utilization, averageUtilization: 60}\n";
    ValidationReport r = validate(vllmHpa(bad));
    assertFinding(
        r,
        "autoscale.hpa.resource-metric",
        "spec.metrics[0].containerResource.name",
        Reason.INVALID);
    assertFinding(
        r,
        "autoscale.hpa.resource-metric",
        "spec.metrics[0].containerResource.container",
        Reason.INVALID);
  }

  @Test
  void stabilizationWindowsAreZeroToAnHour() {
    String behavior =
        "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 3601\n    scaleUp:\n      stabilizationWindowSeconds: -1\n";
    ValidationReport r = validate(vllmHpa(PODS + behavior));
    assertFinding(
        r,
        "autoscale.hpa.behavior",
        "spec.behavior.scaleDown.stabilizationWindowSeconds",
        Reason.INVALID);
    assertFinding(
        r,
        "autoscale.hpa.behavior",
        "spec.behavior.scaleUp.stabilizationWindowSeconds",
        Reason.INVALID);
    assertNoErrors(
        validate(
            vllmHpa(
                PODS + "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 3600\n")));
  }

  @Test
  void selectPolicyIsMaxMinOrDisabled() {
    String behavior = "  behavior:\n    scaleDown:\n      selectPolicy: Maximum\n";
    assertFinding(
        validate(vllmHpa(PODS + behavior)),
        "autoscale.hpa.behavior",
        "spec.behavior.scaleDown.selectPolicy",
        Reason.NOT_SUPPORTED);
    assertNoErrors(
        validate(vllmHpa(PODS + "  behavior:\n    scaleDown:\n      selectPolicy: Disabled\n")));
  }

  @Test
  void policiesHaveATypeAPositiveValueAndAPeriodUpToHalfAnHour() {
    String behavior =
        "  behavior:\n    scaleUp:\n      policies:\n      - {type: Replicas, value: 0, periodSeconds: 0}\n"
            + "      - {type: Pods, value: 1, periodSeconds: 1801}\n";
    ValidationReport r = validate(vllmHpa(PODS + behavior));
    assertFinding(
        r,
        "autoscale.hpa.behavior",
        "spec.behavior.scaleUp.policies[0].type",
        Reason.NOT_SUPPORTED);
    assertFinding(
        r, "autoscale.hpa.behavior", "spec.behavior.scaleUp.policies[0].value", Reason.INVALID);
    assertFinding(
        r,
        "autoscale.hpa.behavior",
        "spec.behavior.scaleUp.policies[0].periodSeconds",
        Reason.INVALID);
    assertFinding(
        r,
        "autoscale.hpa.behavior",
        "spec.behavior.scaleUp.policies[1].periodSeconds",
        Reason.INVALID);
    assertNoErrors(
        validate(
            vllmHpa(
                PODS
                    + "  behavior:\n    scaleUp:\n      policies:\n      - {type: Pods, value: 1, periodSeconds: 1800}\n")));
  }

  @Test
  void omittedPoliciesAreDefaultedButAnEmptyListWrittenInAFileIsRejected() {
    String yaml = vllmHpa(PODS + "  behavior:\n    scaleUp:\n      policies: []\n");
    // Built in code, an empty list is not even sent (fabric8 omits it): defaults apply.
    assertNoErrors(Validator.defaults().validate(ManifestBundle.of(Checks.parse(yaml))));
    // Read from a file, the explicit empty list reaches the server and is rejected, at its line.
    ValidationReport r = validate(yaml);
    Diagnostic d =
        assertFinding(
            r, "autoscale.hpa.behavior", "spec.behavior.scaleUp.policies", Reason.REQUIRED);
    assertThat(d.source()).hasValueSatisfying(s -> assertThat(s.line()).isEqualTo(16));
    // Leaving policies out of the file gets the defaults.
    assertNoErrors(
        validate(vllmHpa(PODS + "  behavior:\n    scaleUp:\n      selectPolicy: Min\n")));
  }

  @Test
  void negativeTolerancesAreRejectedWhereTheGateIsOn() {
    String behavior = "  behavior:\n    scaleUp:\n      tolerance: \"-0.001\"\n";
    assertFinding(
        validate(vllmHpa(PODS + behavior), TargetVersion.V1_35),
        "autoscale.hpa.tolerance",
        "spec.behavior.scaleUp.tolerance",
        Reason.INVALID);
    assertNoErrors(validate(vllmHpa(PODS + "  behavior:\n    scaleDown:\n      tolerance: 0\n")));
  }

  @Test
  void toleranceIsNotValidatedWhereTheServerDropsIt() {
    String behavior = "  behavior:\n    scaleUp:\n      tolerance: \"-0.001\"\n";
    ValidationReport r = validate(vllmHpa(PODS + behavior), TargetVersion.V1_34);
    assertThat(r.ofRule("autoscale.hpa.tolerance")).isEmpty();
  }
}
