package dev.aiconform.autoscale.rules;

import static dev.aiconform.autoscale.rules.Checks.assertFinding;
import static dev.aiconform.autoscale.rules.Checks.assertNoFinding;
import static dev.aiconform.autoscale.rules.Checks.documents;
import static dev.aiconform.autoscale.rules.Checks.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.SampleIntents;
import dev.aiconform.autoscale.Scrape;
import dev.aiconform.autoscale.Vllm;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoscalerRulesTest {
  static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
          + "  selector: {matchLabels: {app: vllm}}\n  template:\n    metadata: {labels: {app: vllm}}\n"
          + "    spec:\n      containers:\n      - name: server\n        image: %s\n"
          + "        resources: {limits: {%s: 1}}\n";

  static String deployment(String image, String resource) {
    return String.format(DEPLOYMENT, image, resource);
  }

  static String hpa(String name, String metric, String target) {
    return "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: "
        + name
        + "\n  namespace: ml\nspec:\n  scaleTargetRef: {apiVersion: %s, kind: %s, name: vllm}\n  maxReplicas: 4\n"
        + "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: "
        + metric
        + "}\n"
        + "      target: {type: AverageValue, averageValue: \""
        + target
        + "\"}\n";
  }

  static String hpaOn(String apiVersion, String kind) {
    return String.format(hpa("h", "vllm_num_requests_waiting", "5"), apiVersion, kind);
  }

  static String deploymentHpa(String metric, String target) {
    return String.format(hpa("h", metric, target), "apps/v1", "Deployment");
  }

  static final String SCALED_OBJECT =
      "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
          + "  scaleTargetRef: {name: vllm}\n  triggers:\n  - type: prometheus\n    metadata:\n"
          + "      serverAddress: http://prom:9090\n      query: sum(vllm:num_requests_waiting{namespace=\"ml\"})\n"
          + "      threshold: \"5\"\n";

  @Test
  void theRenderedBundleOfAnIntentWithItsGpuWorkloadRaisesNothing() {
    AcceleratorAutoscaler a =
        SampleIntents.vllmOnQueueAndEngine()
            .scrape(Scrape.podMonitor("http").putMatchLabel("app", "vllm").build())
            .build();
    ManifestBundle bundle =
        ManifestBundle.of(Checks.parse(deployment("vllm/vllm-openai:v0.10.0", "nvidia.com/gpu")))
            .plus(a.render());
    ValidationReport r = Checks.validate(bundle, TargetVersion.latest());
    assertThat(r.diagnostics()).as(Checks.describe(r)).isEmpty();
  }

  @Test
  void aMissingTargetIsAWarningUnlessDeclaredExternal() {
    assertFinding(
        validate(deploymentHpa("vllm_num_requests_waiting", "5")),
        "autoscale.target.exists",
        "spec.scaleTargetRef",
        null);
    String external =
        deploymentHpa("vllm_num_requests_waiting", "5")
            .replace(
                "  namespace: ml\n",
                "  namespace: ml\n  annotations: {aiconform.dev/external-target: \"true\"}\n");
    assertNoFinding(validate(external), "autoscale.target.exists");
    AcceleratorAutoscaler declared =
        AcceleratorAutoscaler.forTarget(
                dev.aiconform.autoscale.ScaleTarget.deployment("vllm").declaredExternal())
            .namespace("ml")
            .maxReplicas(2)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
            .build();
    assertNoFinding(
        Checks.validate(declared.renderHpa(), TargetVersion.latest()), "autoscale.target.exists");
  }

  @Test
  void jobSetsAndJobsCannotBeScaled() {
    Diagnostic d =
        assertFinding(
            validate(hpaOn("jobset.x-k8s.io/v1alpha2", "JobSet")),
            "autoscale.target.scalable",
            "spec.scaleTargetRef.kind",
            null);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertFinding(
        validate(hpaOn("batch/v1", "Job")),
        "autoscale.target.scalable",
        "spec.scaleTargetRef.kind",
        null);
    assertNoFinding(
        validate(hpaOn("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet")),
        "autoscale.target.scalable");
  }

  @Test
  void customResourcesNeedAScaleSubresourceWithASelector() {
    String crd =
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: servers.ai.example.com\n"
            + "spec:\n  group: ai.example.com\n  names: {kind: Server, plural: servers}\n  scope: Namespaced\n"
            + "  versions:\n  - name: v1\n    served: true\n    storage: true\n%s";
    String noScale = documents(String.format(crd, ""), hpaOn("ai.example.com/v1", "Server"));
    assertThat(
            assertFinding(
                    validate(noScale),
                    "autoscale.target.scalable",
                    "spec.scaleTargetRef.kind",
                    null)
                .message())
        .contains("without subresources.scale");
    String noSelector =
        documents(
            String.format(
                crd,
                "    subresources:\n      scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}\n"),
            hpaOn("ai.example.com/v1", "Server"));
    assertThat(
            assertFinding(
                    validate(noSelector),
                    "autoscale.target.scalable",
                    "spec.scaleTargetRef.kind",
                    null)
                .message())
        .contains("labelSelectorPath");
    String complete =
        documents(
            String.format(
                crd,
                "    subresources:\n      scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas, labelSelectorPath: .status.selector}\n"),
            hpaOn("ai.example.com/v1", "Server"));
    assertNoFinding(validate(complete), "autoscale.target.scalable");
  }

  @Test
  void acceleratorMetricsOnPodsWithoutAcceleratorsAreAConformanceWarning() {
    Diagnostic d =
        assertFinding(
            validate(
                documents(
                    deployment("vllm/vllm-openai", "cpu"),
                    deploymentHpa("dcgm_fi_prof_gr_engine_active", "700m"))),
            "autoscale.target.accelerators",
            "spec.metrics[0].pods.metric.name",
            null);
    assertThat(d.requirement()).contains("pod_autoscaling");
    assertNoFinding(
        validate(
            documents(
                deployment("vllm/vllm-openai", "nvidia.com/gpu"),
                deploymentHpa("dcgm_fi_prof_gr_engine_active", "700m"))),
        "autoscale.target.accelerators");
    String dra =
        deployment("vllm/vllm-openai", "cpu")
            .replace(
                "      containers:",
                "      resourceClaims:\n      - {name: gpu, resourceClaimTemplateName: one-gpu}\n      containers:");
    assertNoFinding(
        validate(documents(dra, deploymentHpa("dcgm_fi_prof_gr_engine_active", "700m"))),
        "autoscale.target.accelerators");
  }

  @Test
  void aNameOneEditFromTheCatalogueIsATypoOtherUnknownNamesAreInformation() {
    Diagnostic typo =
        assertFinding(
            validate(deploymentHpa("vllm_num_request_waiting", "5")),
            "autoscale.metric.unknown",
            "spec.metrics[0].pods.metric.name",
            null);
    assertThat(typo.severity()).isEqualTo(Severity.WARNING);
    assertThat(typo.message()).contains("closest is 'vllm_num_requests_waiting'");
    Diagnostic other =
        assertFinding(
            validate(deploymentHpa("http_requests_per_second", "10")),
            "autoscale.metric.unknown",
            "spec.metrics[0].pods.metric.name",
            null);
    assertThat(other.severity()).isEqualTo(Severity.INFO);
    assertNoFinding(
        validate(deploymentHpa("vllm_num_requests_waiting", "5")), "autoscale.metric.unknown");
  }

  @Test
  void gpuUtilisationOnMigSlicesIsReported() {
    String mig = deployment("vllm/vllm-openai", "nvidia.com/mig-1g.10gb");
    assertFinding(
        validate(documents(mig, deploymentHpa("dcgm_fi_dev_gpu_util", "70"))),
        "autoscale.metric.gpu-util-on-mig",
        "spec.metrics[0].pods.metric.name",
        null);
    assertNoFinding(
        validate(documents(mig, deploymentHpa("dcgm_fi_prof_gr_engine_active", "700m"))),
        "autoscale.metric.gpu-util-on-mig");
    assertNoFinding(
        validate(
            documents(
                deployment("vllm/vllm-openai", "nvidia.com/gpu"),
                deploymentHpa("dcgm_fi_dev_gpu_util", "70"))),
        "autoscale.metric.gpu-util-on-mig");
  }

  @Test
  void framebufferMemoryIsAWarningForInferenceServersAndInformationOtherwise() {
    Diagnostic server =
        assertFinding(
            validate(
                documents(
                    deployment("vllm/vllm-openai", "nvidia.com/gpu"),
                    deploymentHpa("dcgm_fi_dev_fb_used", "30000"))),
            "autoscale.metric.memory-scale-down",
            "spec.metrics[0].pods.metric.name",
            null);
    assertThat(server.severity()).isEqualTo(Severity.WARNING);
    Diagnostic training =
        assertFinding(
            validate(
                documents(
                    deployment("pytorch/pytorch", "nvidia.com/gpu"),
                    deploymentHpa("dcgm_fi_dev_fb_used", "30000"))),
            "autoscale.metric.memory-scale-down",
            "spec.metrics[0].pods.metric.name",
            null);
    assertThat(training.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void theDeprecatedVllmCacheMetricIsReportedInHpasAndKedaQueries() {
    assertThat(
            assertFinding(
                    validate(deploymentHpa("vllm_gpu_cache_usage_perc", "800m")),
                    "autoscale.metric.deprecated",
                    "spec.metrics[0].pods.metric.name",
                    null)
                .hint())
        .contains("vllm_kv_cache_usage_perc");
    String so = SCALED_OBJECT.replace("vllm:num_requests_waiting", "vllm:gpu_cache_usage_perc");
    assertFinding(
        validate(so), "autoscale.metric.deprecated", "spec.triggers[0].metadata.query", null);
  }

  @Test
  void twoAutoscalersOnOneTargetAreAnError() {
    String two =
        documents(
            deploymentHpa("vllm_num_requests_waiting", "5"),
            deploymentHpa("vllm_num_requests_waiting", "5").replace("name: h\n", "name: h2\n"));
    ValidationReport r = validate(two);
    assertThat(r.ofRule("autoscale.target.multiple-autoscalers")).hasSize(2);
    ValidationReport withKeda =
        validate(documents(deploymentHpa("vllm_num_requests_waiting", "5"), SCALED_OBJECT));
    assertThat(r.ofRule("autoscale.target.multiple-autoscalers"))
        .allMatch(d -> d.severity() == Severity.ERROR);
    assertThat(withKeda.ofRule("autoscale.target.multiple-autoscalers")).hasSize(2);
  }

  @Test
  void theHpaKedaCreatesForItsScaledObjectIsNotAConflict() {
    // KEDA's webhook (verifyHpas) counts an HPA as the ScaledObject's by its owner reference.
    String kedaHpa =
        deploymentHpa("s0-prometheus", "5")
            .replace(
                "name: h\n",
                "name: keda-hpa-vllm\n  ownerReferences:\n  - {apiVersion: keda.sh/v1alpha1,"
                    + " kind: ScaledObject, name: vllm, uid: 6f1c0ab4-0a4e-4b57-9a57-3c1c1b1d2e01}\n");
    assertNoFinding(
        validate(documents(kedaHpa, SCALED_OBJECT)), "autoscale.target.multiple-autoscalers");
  }

  @Test
  void anHpaNamedLikeKedasButNotOwnedByTheScaledObjectIsAConflict() {
    // verifyHpas: the name alone does not make an HPA the ScaledObject's; the
    // scaledobject.keda.sh/transfer-hpa-ownership annotation with the HPA named in
    // advanced.horizontalPodAutoscalerConfig.name hands an existing HPA over.
    String named =
        deploymentHpa("s0-prometheus", "5").replace("name: h\n", "name: keda-hpa-vllm\n");
    assertThat(
            validate(documents(named, SCALED_OBJECT))
                .ofRule("autoscale.target.multiple-autoscalers"))
        .isNotEmpty();
    String transfer =
        SCALED_OBJECT
            .replace(
                "  namespace: ml\n",
                "  namespace: ml\n  annotations: {scaledobject.keda.sh/transfer-hpa-ownership: \"true\"}\n")
            .replace(
                "  scaleTargetRef: {name: vllm}\n",
                "  scaleTargetRef: {name: vllm}\n  advanced: {horizontalPodAutoscalerConfig: {name: h}}\n");
    assertNoFinding(
        validate(documents(deploymentHpa("s0-prometheus", "5"), transfer)),
        "autoscale.target.multiple-autoscalers");
    assertThat(
            validate(
                    documents(
                        deploymentHpa("s0-prometheus", "5"),
                        transfer.replace("{name: h}", "{name: other}")))
                .ofRule("autoscale.target.multiple-autoscalers"))
        .isNotEmpty();
  }

  @Test
  void aTargetTypeThatNamesAnUnsetFieldIsReported() {
    String external =
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n"
            + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n  maxReplicas: 4\n"
            + "  metrics:\n  - type: External\n    external:\n      metric: {name: queue}\n"
            + "      target: {type: Value, averageValue: \"5\"}\n";
    assertFinding(
        validate(external),
        "autoscale.hpa.target-type-field",
        "spec.metrics[0].external.target.type",
        null);
    assertNoFinding(
        validate(external.replace("type: Value, averageValue", "type: AverageValue, averageValue")),
        "autoscale.hpa.target-type-field");
  }

  @Test
  void toleranceIsReportedAsDroppedOn134Only() {
    String yaml =
        deploymentHpa("vllm_num_requests_waiting", "5")
            + "  behavior:\n    scaleDown:\n      tolerance: \"0.05\"\n";
    assertFinding(
        validate(yaml, TargetVersion.V1_34),
        "autoscale.hpa.tolerance-dropped",
        "spec.behavior.scaleDown.tolerance",
        null);
    assertNoFinding(validate(yaml, TargetVersion.V1_35), "autoscale.hpa.tolerance-dropped");
  }

  @Test
  void leaderWorkerSetTargetsAreReadThroughTheirLeaderTemplate() {
    String lws =
        "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
            + "  leaderWorkerTemplate:\n    size: 2\n    leaderTemplate:\n      metadata: {labels: {role: leader}}\n"
            + "      spec:\n        containers:\n        - name: l\n          image: vllm/vllm-openai\n"
            + "          resources: {limits: {nvidia.com/mig-3g.40gb: 1}}\n"
            + "    workerTemplate:\n      spec:\n        containers:\n        - name: w\n          image: vllm/vllm-openai\n";
    String hpa =
        String.format(
            hpa("h", "dcgm_fi_dev_gpu_util", "70"),
            "leaderworkerset.x-k8s.io/v1",
            "LeaderWorkerSet");
    List<Diagnostic> mig = validate(documents(lws, hpa)).ofRule("autoscale.metric.gpu-util-on-mig");
    assertThat(mig).hasSize(1);
  }
}
