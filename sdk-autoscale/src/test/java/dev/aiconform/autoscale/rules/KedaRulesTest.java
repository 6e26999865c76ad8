package dev.aiconform.autoscale.rules;

import static dev.aiconform.autoscale.rules.Checks.assertFinding;
import static dev.aiconform.autoscale.rules.Checks.assertNoErrors;
import static dev.aiconform.autoscale.rules.Checks.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.RenderersTestAccess;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ValidationReport;
import org.junit.jupiter.api.Test;

class KedaRulesTest {
  static final String HEAD =
      "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
          + "  scaleTargetRef: {name: vllm}\n";
  static final String TRIGGER =
      "  triggers:\n  - type: prometheus\n    metadata:\n      serverAddress: http://prom:9090\n"
          + "      query: sum(vllm:num_requests_waiting{namespace=\"ml\"})\n      threshold: \"5\"\n";

  @Test
  void renderedScaledObjectsPassEveryKedaCheck() {
    ValidationReport r =
        Checks.validate(RenderersTestAccess.vllm().renderKeda(), TargetVersion.latest());
    assertThat(r.diagnostics().stream().filter(d -> d.rule().startsWith("autoscale.keda")))
        .as(Checks.describe(r))
        .isEmpty();
  }

  @Test
  void metadataValuesMustBeStrings() {
    ValidationReport r = validate(HEAD + TRIGGER.replace("threshold: \"5\"", "threshold: 5"));
    assertThat(
            assertFinding(
                    r,
                    "autoscale.keda.schema",
                    "spec.triggers[0].metadata.threshold",
                    Reason.TYPE_INVALID)
                .hint())
        .contains("threshold: \"5\"");
  }

  @Test
  void minReplicaCountMayNotExceedMaxReplicaCountOrItsDefault() {
    assertFinding(
        validate(HEAD + "  minReplicaCount: 3\n  maxReplicaCount: 2\n" + TRIGGER),
        "autoscale.keda.schema",
        "spec",
        Reason.INVALID);
    assertThat(
            assertFinding(
                    validate(HEAD + "  minReplicaCount: 101\n" + TRIGGER),
                    "autoscale.keda.schema",
                    "spec",
                    Reason.INVALID)
                .message())
        .contains("(the default)");
  }

  @Test
  void triggersAndTheirTypesAndMetadataAreRequired() {
    assertFinding(validate(HEAD), "autoscale.keda.schema", "spec.triggers", Reason.REQUIRED);
    assertFinding(
        validate(HEAD + "  triggers: []\n"),
        "autoscale.keda.schema",
        "spec.triggers",
        Reason.INVALID);
    ValidationReport r = validate(HEAD + "  triggers:\n  - name: x\n");
    assertFinding(r, "autoscale.keda.schema", "spec.triggers[0].type", Reason.REQUIRED);
    assertFinding(r, "autoscale.keda.schema", "spec.triggers[0].metadata", Reason.REQUIRED);
    assertFinding(
        validate(
            "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: v\nspec:\n  scaleTargetRef: {kind: Deployment}\n"
                + TRIGGER),
        "autoscale.keda.schema",
        "spec.scaleTargetRef.name",
        Reason.REQUIRED);
  }

  @Test
  void countsHaveTheirMinimumsAndEnumsTheirValues() {
    ValidationReport r =
        validate(
            HEAD
                + "  pollingInterval: 0\n  cooldownPeriod: -1\n  maxReplicaCount: 0\n  fallback: {failureThreshold: 3, replicas: 2, behavior: sometimes}\n"
                + TRIGGER
                + "    authenticationRef: {name: prom, kind: Secret}\n");
    assertFinding(r, "autoscale.keda.schema", "spec.pollingInterval", Reason.INVALID);
    assertFinding(r, "autoscale.keda.schema", "spec.cooldownPeriod", Reason.INVALID);
    assertFinding(r, "autoscale.keda.schema", "spec.maxReplicaCount", Reason.INVALID);
    assertFinding(r, "autoscale.keda.schema", "spec.fallback.behavior", Reason.NOT_SUPPORTED);
    assertFinding(
        r,
        "autoscale.keda.schema",
        "spec.triggers[0].authenticationRef.kind",
        Reason.NOT_SUPPORTED);
  }

  @Test
  void theWebhookRefusesRepeatedTriggerNames() {
    String two =
        "  triggers:\n  - type: prometheus\n    name: q\n    metadata: {serverAddress: http://p, query: up, threshold: \"1\"}\n"
            + "  - type: prometheus\n    name: q\n    metadata: {serverAddress: http://p, query: up, threshold: \"1\"}\n";
    assertFinding(
        validate(HEAD + two), "autoscale.keda.webhook", "spec.triggers[1].name", Reason.DUPLICATE);
  }

  @Test
  void theWebhookNeedsMinReplicaCountAboveIdleReplicaCount() {
    assertFinding(
        validate(HEAD + "  idleReplicaCount: 0\n" + TRIGGER),
        "autoscale.keda.webhook",
        "spec.idleReplicaCount",
        Reason.INVALID);
    assertFinding(
        validate(HEAD + "  idleReplicaCount: 2\n  minReplicaCount: 2\n" + TRIGGER),
        "autoscale.keda.webhook",
        "spec.idleReplicaCount",
        Reason.INVALID);
    assertNoErrors(validate(HEAD + "  idleReplicaCount: 0\n  minReplicaCount: 1\n" + TRIGGER));
  }

  @Test
  void cpuOnlyScaledObjectsCannotScaleToZero() {
    String cpu =
        "  triggers:\n  - type: cpu\n    metricType: Utilization\n    metadata: {value: \"60\"}\n";
    assertFinding(
        validate(HEAD + cpu), "autoscale.keda.webhook", "spec.minReplicaCount", Reason.INVALID);
    assertNoErrors(validate(HEAD + "  minReplicaCount: 1\n" + cpu));
  }

  @Test
  void theHpaKedaDerivesMustFitALabelValue() {
    String name = "x".repeat(60);
    ValidationReport r =
        validate(
            HEAD.replace("name: vllm\n  namespace", "name: " + name + "\n  namespace") + TRIGGER);
    assertThat(
            assertFinding(r, "autoscale.keda.webhook", "metadata.name", Reason.TOO_LONG).message())
        .contains("keda-hpa-" + name);
  }

  @Test
  void prometheusTriggersNeedServerQueryAndANumericThreshold() {
    ValidationReport r =
        validate(
            HEAD
                + "  triggers:\n  - type: prometheus\n    metricType: Utilization\n    metadata:\n      threshold: 700m\n");
    assertFinding(
        r,
        "autoscale.keda.prometheus-trigger",
        "spec.triggers[0].metadata.serverAddress",
        Reason.REQUIRED);
    assertFinding(
        r, "autoscale.keda.prometheus-trigger", "spec.triggers[0].metadata.query", Reason.REQUIRED);
    assertThat(
            assertFinding(
                    r,
                    "autoscale.keda.prometheus-trigger",
                    "spec.triggers[0].metadata.threshold",
                    Reason.INVALID)
                .hint())
        .contains("not a Kubernetes quantity");
    assertFinding(
        r, "autoscale.keda.prometheus-trigger", "spec.triggers[0].metricType", Reason.INVALID);
  }

  @Test
  void kedaBehaviourPassthroughIsNotCheckedAsAnHpaButIsRendered() {
    assertNoErrors(Checks.validate(RenderersTestAccess.vllm().renderKeda(), TargetVersion.V1_34));
  }
}
