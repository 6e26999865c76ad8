package dev.aiconform.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.fixtures.Golden;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
  /** Regenerate with {@code ./mvnw -pl sdk-autoscale test -Dgolden.update=true}. */
  private static final Golden GOLDEN = Golden.under("src/test/resources/golden");

  /** The intent the golden files and the guide show. */
  static AcceleratorAutoscaler vllm() {
    // tag::intent[]
    return AcceleratorAutoscaler.forDeployment("vllm")
        .namespace("ml")
        .minReplicas(1)
        .maxReplicas(8)
        .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5).withActivationThreshold(1))
        .metric(Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7))
        .metric(Vllm.timeToFirstToken(0.9).averageValue(0.5))
        .behaviour(BehaviourPreset.INFERENCE)
        .scrape(
            Scrape.podMonitor("http")
                .putMatchLabel("app", "vllm")
                .putMonitorLabel("release", "kube-prometheus-stack")
                .build())
        .build();
    // end::intent[]
  }

  @Test
  void hpaMatchesGoldenFile() {
    GOLDEN.assertMatches("vllm/hpa.yaml", Golden.yaml(vllm().renderHpa()));
  }

  @Test
  void prometheusAdapterRulesMatchGoldenFile() {
    GOLDEN.assertMatches(
        "vllm/prometheus-adapter-rules.yaml", Golden.yaml(vllm().renderPrometheusAdapterRules()));
  }

  @Test
  void kedaScaledObjectMatchesGoldenFile() {
    GOLDEN.assertMatches("vllm/keda-scaledobject.yaml", Golden.yaml(vllm().renderKeda()));
  }

  @Test
  void podMonitorMatchesGoldenFile() {
    GOLDEN.assertMatches("vllm/podmonitor.yaml", Golden.yaml(vllm().renderServiceMonitor()));
  }

  @Test
  void hpaUsesPodsMetricsWithAverageValueTargetsInTheMetricsApiNames() {
    HorizontalPodAutoscaler hpa = hpa(vllm());
    assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(1);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
    List<MetricSpec> metrics = hpa.getSpec().getMetrics();
    assertThat(metrics).extracting(MetricSpec::getType).containsOnly("Pods");
    assertThat(metrics.get(0).getPods().getMetric().getName())
        .isEqualTo("vllm_num_requests_waiting");
    assertThat(metrics.get(1).getPods().getTarget().getAverageValue().toString()).isEqualTo("700m");
    assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .isEqualTo(600);
  }

  @Test
  void dcgmRulesMapExportedLabelsUnlessThePrometheusSetupHonoursThem() {
    String exported = configYaml(vllm());
    assertThat(exported)
        .contains("DCGM_FI_PROF_GR_ENGINE_ACTIVE{exported_namespace!=\"\",exported_pod!=\"\"}")
        .contains("exported_pod:\n        resource: pod");
    AcceleratorAutoscaler honoured =
        AcceleratorAutoscaler.forDeployment("vllm")
            .namespace("ml")
            .maxReplicas(4)
            .metric(Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7))
            .prometheus(
                PrometheusSetup.builder()
                    .deviceLabels(PrometheusSetup.DeviceLabels.HONORED)
                    .build())
            .build();
    assertThat(configYaml(honoured))
        .contains("DCGM_FI_PROF_GR_ENGINE_ACTIVE{namespace!=\"\",pod!=\"\"}")
        .doesNotContain("exported_");
  }

  @Test
  void serverMetricsKeepTheirTargetLabelsWhateverTheDeviceLabelMode() {
    assertThat(configYaml(vllm()))
        .contains("vllm:num_requests_waiting{namespace!=\"\",pod!=\"\"}")
        .contains("as: vllm_num_requests_waiting");
  }

  @Test
  void objectMetricsAddTheirObjectsLabelToTheRule() {
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forDeployment("triton")
            .namespace("ml")
            .maxReplicas(4)
            .metric(
                Triton.PENDING_REQUESTS.valueOn(DescribedObject.of("v1", "Service", "triton"), 20))
            .build();
    MetricSpec m = hpa(a).getSpec().getMetrics().get(0);
    assertThat(m.getType()).isEqualTo("Object");
    assertThat(m.getObject().getDescribedObject().getKind()).isEqualTo("Service");
    assertThat(m.getObject().getTarget().getValue().toString()).isEqualTo("20");
    assertThat(configYaml(a)).contains("service:\n        resource: service");
    assertThat(kedaQuery(a, 0))
        .isEqualTo("sum(nv_inference_pending_request_count{namespace=\"ml\",service=\"triton\"})");
  }

  @Test
  void customQueriesBecomeExternalMetricsAndExternalRules() {
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forDeployment("api")
            .namespace("web")
            .maxReplicas(10)
            .metric(
                PromQl.query("api_rps", "sum(rate(http_requests_total{service=\"api\"}[2m]))")
                    .value(100))
            .build();
    MetricSpec m = hpa(a).getSpec().getMetrics().get(0);
    assertThat(m.getType()).isEqualTo("External");
    assertThat(m.getExternal().getMetric().getName()).isEqualTo("api_rps");
    assertThat(m.getExternal().getTarget().getType()).isEqualTo("Value");
    String yaml = configYaml(a);
    assertThat(yaml)
        .contains("externalRules:")
        .contains("seriesQuery: '{__name__=\"http_requests_total\"}'")
        .contains("namespaced: false")
        .contains("as: api_rps");
    assertThat(kedaQuery(a, 0)).isEqualTo("sum(rate(http_requests_total{service=\"api\"}[2m]))");
  }

  @Test
  void leaderWorkerSetQueriesSelectLeaderPodsOnly() {
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forLeaderWorkerSet("llama")
            .namespace("ml")
            .maxReplicas(3)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(8))
            .build();
    assertThat(hpa(a).getSpec().getScaleTargetRef().getKind()).isEqualTo("LeaderWorkerSet");
    assertThat(kedaQuery(a, 0)).contains("pod=~\"llama-[0-9]+\"");
  }

  @Test
  void googleCloudMetricsRenderToHpaOnlyScopedToTheNamespace() {
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forDeployment("tpu-serve")
            .namespace("ml")
            .maxReplicas(4)
            .metric(GoogleCloud.CONTAINER_DUTY_CYCLE.averageValue(70))
            .build();
    MetricSpec m = hpa(a).getSpec().getMetrics().get(0);
    assertThat(m.getType()).isEqualTo("External");
    assertThat(m.getExternal().getMetric().getName())
        .isEqualTo("kubernetes.io|container|accelerator|duty_cycle");
    assertThat(m.getExternal().getMetric().getSelector().getMatchLabels())
        .containsEntry("resource.labels.namespace_name", "ml");
    assertThat(configYaml(a)).isEqualTo("rules: []\n");
    assertThatThrownBy(a::renderKeda)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Stackdriver");
  }

  @Test
  void kedaPassesBehaviourThroughAndSumsAdditiveMetricsPerReplica() {
    ScaledObject so = ScaledObject.of(keda(vllm()));
    assertThat(so.scaleTargetName()).contains("vllm");
    assertThat(so.minReplicaCount()).contains(1L);
    assertThat(so.triggers()).hasSize(3);
    ScaledObject.Trigger waiting = so.triggers().get(0);
    assertThat(waiting.type()).isEqualTo("prometheus");
    assertThat(waiting.metricType()).contains("AverageValue");
    assertThat(waiting.metadata())
        .containsEntry("threshold", "5")
        .containsEntry("activationThreshold", "1")
        .containsEntry(
            "query",
            "sum(sum by (pod) (vllm:num_requests_waiting{namespace=\"ml\",pod=~\"vllm-.*\"}))");
    assertThat(so.triggers().get(1).metricType()).contains("Value");
    assertThat(so.triggers().get(1).metadata()).containsEntry("threshold", "0.7");
    Object behavior =
        dev.aiconform.autoscale.internal.Tree.at(
            keda(vllm()).getAdditionalProperties().get("spec"),
            "advanced",
            "horizontalPodAutoscalerConfig",
            "behavior");
    assertThat(dev.aiconform.autoscale.internal.Tree.map(behavior))
        .containsOnlyKeys("scaleUp", "scaleDown");
  }

  @Test
  void kedaNeedsTheNamespaceToWriteItsQueries() {
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forDeployment("vllm")
            .maxReplicas(4)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
            .build();
    assertThatThrownBy(a::renderKeda)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("namespace(...)");
  }

  @Test
  void renderAllIsHpaAdapterRulesAndMonitor() {
    ManifestBundle all = vllm().render();
    assertThat(all.objects())
        .extracting(o -> o.getKind())
        .containsExactly("HorizontalPodAutoscaler", "ConfigMap", "PodMonitor");
  }

  @Test
  void adapterRulesForSeveralAutoscalersAreMergedWithoutDuplicates() {
    AcceleratorAutoscaler other =
        AcceleratorAutoscaler.forDeployment("vllm-b")
            .namespace("ml")
            .maxReplicas(2)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(3))
            .build();
    PrometheusAdapterConfig cfg = PrometheusAdapterConfig.forAutoscalers(vllm(), other);
    assertThat(cfg.rules()).hasSize(3);
  }

  @Test
  void behaviourToleranceIsRenderedAsAQuantity() {
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forDeployment("vllm")
            .maxReplicas(4)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
            .behaviour(
                ScalingBehaviour.builder()
                    .scaleUp(
                        ScalingRules.builder()
                            .tolerance(new java.math.BigDecimal("0.05"))
                            .addPolicy(ScalingPolicy.pods(2, Duration.ofSeconds(30)))
                            .build())
                    .build())
            .build();
    assertThat(hpa(a).getSpec().getBehavior().getScaleUp().getTolerance().toString())
        .isEqualTo("50m");
  }

  static HorizontalPodAutoscaler hpa(AcceleratorAutoscaler a) {
    return (HorizontalPodAutoscaler) a.renderHpa().objects().get(0);
  }

  static GenericKubernetesResource keda(AcceleratorAutoscaler a) {
    return (GenericKubernetesResource) a.renderKeda().objects().get(0);
  }

  static String configYaml(AcceleratorAutoscaler a) {
    return ((ConfigMap) a.renderPrometheusAdapterRules().objects().get(0))
        .getData()
        .get(PrometheusAdapterConfig.CONFIG_KEY);
  }

  static String kedaQuery(AcceleratorAutoscaler a, int trigger) {
    return ScaledObject.of(keda(a)).triggers().get(trigger).metadata().get("query");
  }
}
