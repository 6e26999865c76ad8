package dev.aiconform.autoscale.rules;

import static dev.aiconform.autoscale.rules.Checks.assertFinding;
import static dev.aiconform.autoscale.rules.Checks.assertNoErrors;
import static dev.aiconform.autoscale.rules.Checks.assertNoFinding;
import static dev.aiconform.autoscale.rules.Checks.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.RenderersTestAccess;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ValidationReport;
import java.util.List;
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

  static String deployment(String kind, String containers) {
    return "apiVersion: apps/v1\nkind: "
        + kind
        + "\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
        + "  selector: {matchLabels: {app: vllm}}\n  template:\n    metadata: {labels: {app: vllm}}\n"
        + "    spec:\n      containers:\n"
        + containers;
  }

  static final String CPU_TRIGGER =
      "  minReplicaCount: 1\n  triggers:\n  - type: cpu\n    metricType: Utilization\n"
          + "    metadata: {value: \"60\"}\n";

  @Test
  void cpuOnlyScaleToZeroIsRefusedOnlyForDeploymentAndStatefulSetTargets() {
    // scaledobject_webhook.go verifyCPUMemoryScalers returns early for other target kinds.
    String cpu =
        "  triggers:\n  - type: cpu\n    metricType: Utilization\n    metadata: {value: \"60\"}\n";
    String rollout =
        HEAD.replace(
                "scaleTargetRef: {name: vllm}",
                "scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: vllm}")
            + cpu;
    assertThat(
            Checks.find(validate(rollout), "autoscale.keda.webhook", "spec.minReplicaCount", null))
        .isEmpty();
    String statefulSet =
        HEAD.replace(
                "scaleTargetRef: {name: vllm}", "scaleTargetRef: {kind: StatefulSet, name: vllm}")
            + cpu;
    assertFinding(
        validate(statefulSet), "autoscale.keda.webhook", "spec.minReplicaCount", Reason.INVALID);
  }

  @Test
  void cpuAndMemoryTriggersNeedARequestOrLimitOnTheTargetsContainers() {
    String noRequests = deployment("Deployment", "      - {name: vllm, image: vllm/vllm-openai}\n");
    String withRequests =
        deployment(
            "Deployment",
            "      - name: vllm\n        image: vllm/vllm-openai\n        resources: {requests: {cpu: 500m}}\n");
    assertThat(
            assertFinding(
                    validate(noRequests + "---\n" + HEAD + CPU_TRIGGER),
                    "autoscale.keda.webhook",
                    "spec.triggers[0]",
                    Reason.INVALID)
                .message())
        .contains("container vllm")
        .contains("cpu");
    assertNoFinding(
        validate(withRequests + "---\n" + HEAD + CPU_TRIGGER), "autoscale.keda.webhook");
    // a memory trigger needs a memory request, a cpu request does not count
    assertFinding(
        validate(withRequests + "---\n" + HEAD + CPU_TRIGGER.replace("type: cpu", "type: memory")),
        "autoscale.keda.webhook",
        "spec.triggers[0]",
        Reason.INVALID);
  }

  @Test
  void containerNameLimitsTheRequestCheckAndLimitRangeDefaultsCount() {
    String sidecar =
        deployment(
            "StatefulSet",
            "      - name: vllm\n        image: vllm/vllm-openai\n        resources: {limits: {cpu: \"2\"}}\n"
                + "      - {name: proxy, image: envoyproxy/envoy}\n");
    String so = HEAD.replace("{name: vllm}", "{kind: StatefulSet, name: vllm}") + CPU_TRIGGER;
    assertFinding(
        validate(sidecar + "---\n" + so),
        "autoscale.keda.webhook",
        "spec.triggers[0]",
        Reason.INVALID);
    assertNoFinding(
        validate(
            sidecar
                + "---\n"
                + so.replace("{value: \"60\"}", "{value: \"60\", containerName: vllm}")),
        "autoscale.keda.webhook");
    String limitRange =
        "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ml\nspec:\n"
            + "  limits:\n  - type: Container\n    defaultRequest: {cpu: 100m}\n";
    assertNoFinding(
        validate(sidecar + "---\n" + so + "---\n" + limitRange), "autoscale.keda.webhook");
  }

  @Test
  void twoScaledObjectsMayNotShareAnHpaName() {
    String first =
        HEAD + "  advanced:\n    horizontalPodAutoscalerConfig: {name: shared}\n" + TRIGGER;
    String second =
        first
            .replace("name: vllm\n  namespace", "name: tgi\n  namespace")
            .replace("scaleTargetRef: {name: vllm}", "scaleTargetRef: {name: tgi}");
    ValidationReport r = validate(first + "---\n" + second);
    assertThat(
            Checks.find(
                r,
                "autoscale.keda.webhook",
                "spec.advanced.horizontalPodAutoscalerConfig.name",
                Reason.DUPLICATE))
        .hasSize(1)
        .allSatisfy(d -> assertThat(d.message()).contains("shared").contains("ScaledObject vllm"));
    // the default HPA name is keda-hpa-<name>: distinct ScaledObject names never clash
    assertNoFinding(
        validate(
            HEAD
                + TRIGGER
                + "---\n"
                + (HEAD + TRIGGER)
                    .replace("name: vllm\n  namespace", "name: tgi\n  namespace")
                    .replace("{name: vllm}", "{name: tgi}")),
        "autoscale.keda.webhook");
  }

  @Test
  void theFormulaMayOnlyNameTheNamedEventTriggers() {
    String named =
        TRIGGER.replace("  - type: prometheus\n", "  - type: prometheus\n    name: queue\n");
    String modifiers =
        "  advanced:\n    scalingModifiers:\n      target: \"5\"\n      formula: \"%s\"\n";
    assertNoFinding(
        validate(HEAD + String.format(modifiers, "queue > 2 ? queue : float(0)") + named),
        "autoscale.keda.webhook");
    assertThat(
            assertFinding(
                    validate(HEAD + String.format(modifiers, "queue + waiting") + named),
                    "autoscale.keda.webhook",
                    "spec.advanced.scalingModifiers.formula",
                    Reason.INVALID)
                .message())
        .contains("waiting");
  }

  static String prometheusMetadata(String lines) {
    return HEAD + "  triggers:\n  - type: prometheus\n    metadata:\n" + lines;
  }

  @Test
  void prometheusParametersMayComeFromTheTargetsEnvironment() {
    // pkg/scalers/scalersconfig/typed_config.go reads <name>FromEnv from the container's env.
    ValidationReport r =
        validate(
            prometheusMetadata(
                "      serverAddressFromEnv: PROMETHEUS_URL\n      query: sum(up)\n"
                    + "      thresholdFromEnv: SCALE_THRESHOLD\n"));
    assertNoFinding(r, "autoscale.keda.prometheus-trigger");
  }

  @Test
  void thresholdsParseAsJsonNumbersAsKedaReadsThem() {
    String base = "      serverAddress: http://prom:9090\n      query: sum(up)\n";
    for (String bad : List.of("+5", ".5", "5.", "5f", "NaN", "Infinity", "05", "0x10")) {
      assertFinding(
          validate(prometheusMetadata(base + "      threshold: \"" + bad + "\"\n")),
          "autoscale.keda.prometheus-trigger",
          "spec.triggers[0].metadata.threshold",
          Reason.INVALID);
    }
    for (String good : List.of("5", "0.7", "1e3", "-1", "10.25", " 7 ")) {
      assertNoFinding(
          validate(prometheusMetadata(base + "      threshold: \"" + good + "\"\n")),
          "autoscale.keda.prometheus-trigger");
    }
  }

  @Test
  void prometheusBooleansDurationsAndMapsParse() {
    String base =
        "      serverAddress: http://prom:9090\n      query: sum(up)\n      threshold: \"5\"\n";
    ValidationReport r =
        validate(
            prometheusMetadata(
                base
                    + "      ignoreNullValues: \"yes\"\n      unsafeSsl: \"on\"\n      timeout: 5x\n"
                    + "      queryParameters: \"a=b,c\"\n      customHeaders: \"X=1=2\"\n"));
    for (String key :
        List.of("ignoreNullValues", "unsafeSsl", "timeout", "queryParameters", "customHeaders")) {
      assertFinding(
          r,
          "autoscale.keda.prometheus-trigger",
          "spec.triggers[0].metadata." + key,
          Reason.INVALID);
    }
    assertNoFinding(
        validate(
            prometheusMetadata(
                base
                    + "      ignoreNullValues: \"False\"\n      unsafeSsl: \"1\"\n      timeout: \"1500\"\n"
                    + "      queryParameters: \"a=b, c=d\"\n      customHeaders: \"X-Scope-OrgID=tenant\"\n")),
        "autoscale.keda.prometheus-trigger");
    assertNoFinding(
        validate(prometheusMetadata(base + "      timeout: 1m30s\n")),
        "autoscale.keda.prometheus-trigger");
  }

  @Test
  void hpaBehaviourPoliciesNeedTheFieldsTheCrdRequires() {
    // keda.sh_scaledobjects.yaml: behavior.scaleUp/scaleDown.policies[] require periodSeconds,
    // type and value (as integers for the numbers).
    String behaviour =
        "  advanced:\n    horizontalPodAutoscalerConfig:\n      behavior:\n        scaleDown:\n"
            + "          policies:\n          - {type: Pods, value: \"1\"}\n";
    ValidationReport r = validate(HEAD + behaviour + TRIGGER);
    String policy = "spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.policies[0]";
    assertFinding(r, "autoscale.keda.schema", policy + ".periodSeconds", Reason.REQUIRED);
    assertFinding(r, "autoscale.keda.schema", policy + ".value", Reason.TYPE_INVALID);
    assertNoFinding(
        validate(
            HEAD
                + behaviour.replace(
                    "{type: Pods, value: \"1\"}", "{type: Pods, value: 1, periodSeconds: 60}")
                + TRIGGER),
        "autoscale.keda.schema");
  }

  @Test
  void theModifiersTargetParsesAsGosParseFloat() {
    // validateScalingModifiersTarget: strconv.ParseFloat, then refused when <= 0 (NaN is not).
    String trigger =
        TRIGGER.replace("  - type: prometheus\n", "  - type: prometheus\n    name: q\n");
    String modifiers =
        "  advanced:\n    scalingModifiers:\n      formula: q\n      target: \"%s\"\n";
    for (String bad : List.of("5f", "5d", " 5", "0", "-1", "1_000", "five")) {
      assertFinding(
          validate(HEAD + String.format(modifiers, bad) + trigger),
          "autoscale.keda.webhook",
          "spec.advanced.scalingModifiers.target",
          Reason.INVALID);
    }
    for (String good : List.of("5", "+5", ".5", "5.", "1e3", "Inf", "0x1p4")) {
      assertNoFinding(
          validate(HEAD + String.format(modifiers, good) + trigger), "autoscale.keda.webhook");
    }
  }

  @Test
  void pollingAndCooldownSettingsThatHaveNoEffectGetTheWebhooksWarningsAsInformation() {
    // verifyScaledObjects returns admission warnings for these (kubectl prints them).
    String settings = "  minReplicaCount: 1\n  pollingInterval: 15\n  cooldownPeriod: 120\n";
    ValidationReport r = validate(HEAD + settings + TRIGGER);
    for (String field : List.of("pollingInterval", "cooldownPeriod")) {
      assertThat(assertFinding(r, "autoscale.keda.webhook", "spec." + field, null).severity())
          .isEqualTo(dev.aiconform.core.validation.Severity.INFO);
    }
    assertNoFinding(
        validate(HEAD + settings + "  idleReplicaCount: 0\n" + TRIGGER), "autoscale.keda.webhook");
    assertNoFinding(
        validate(HEAD + settings.replace("minReplicaCount: 1", "minReplicaCount: 0") + TRIGGER),
        "autoscale.keda.webhook");
    // useCachedMetrics keeps pollingInterval relevant
    assertThat(
            Checks.find(
                validate(
                    HEAD
                        + settings
                        + TRIGGER.replace(
                            "  - type: prometheus\n",
                            "  - type: prometheus\n    useCachedMetrics: true\n")),
                "autoscale.keda.webhook",
                "spec.pollingInterval",
                null))
        .isEmpty();
  }
}
