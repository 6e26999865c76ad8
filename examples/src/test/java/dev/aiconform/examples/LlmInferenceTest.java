package dev.aiconform.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.core.GroupKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmInferenceTest {
  @Test
  void asksForOneH100ElseTwoA100sElseAMigSliceInThatOrder() {
    DeviceRequest gpu =
        LlmInference.acceleratorClaim()
            .toResourceClaimTemplate()
            .getSpec()
            .getSpec()
            .getDevices()
            .getRequests()
            .get(0);

    assertThat(gpu.getFirstAvailable())
        .extracting(
            DeviceSubRequest::getName,
            DeviceSubRequest::getDeviceClassName,
            DeviceSubRequest::getCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("h100", "gpu.nvidia.com", 1L),
            org.assertj.core.groups.Tuple.tuple("a100-pair", "gpu.nvidia.com", 2L),
            org.assertj.core.groups.Tuple.tuple("mig-3g40gb", "mig.nvidia.com", 1L));
  }

  @Test
  void theHpaScalesTheDeploymentOnTheQueueAndOnGpuEngineActivity() {
    HorizontalPodAutoscaler hpa =
        LlmInference.withHpa().objectsOf(HorizontalPodAutoscaler.class).get(0);

    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(LlmInference.NAME);
    assertThat(hpa.getSpec().getMetrics())
        .extracting(m -> m.getPods().getMetric().getName())
        .containsExactly("vllm_num_requests_waiting", "dcgm_fi_prof_gr_engine_active");
  }

  @Test
  void theKedaVariantReplacesTheHpaAndTheAdapterRulesWithAScaledObject() {
    assertThat(LlmInference.withKeda().stream().map(m -> m.ref().kind()))
        .contains("ScaledObject", "ServiceMonitor")
        .doesNotContain("HorizontalPodAutoscaler", "ConfigMap");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theServiceMonitorSelectsTheServiceAndScrapesItsHttpPort() {
    GenericKubernetesResource monitor =
        (GenericKubernetesResource)
            LlmInference.withHpa()
                .manifestsOf(GroupKind.of("monitoring.coreos.com", "ServiceMonitor"))
                .get(0)
                .object();
    Service service = LlmInference.withHpa().objectsOf(Service.class).get(0);
    Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    Map<String, Object> selector = (Map<String, Object>) spec.get("selector");

    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf((Map<String, String>) selector.get("matchLabels"));
    assertThat(spec.get("endpoints").toString()).contains("port=http");
    assertThat(service.getSpec().getPorts().get(0).getName()).isEqualTo("http");
  }

  @Test
  void theRushHourReachesEightReplicasAndComesBackToOne() {
    ReplicaTimeline t = LlmInference.rushHour();

    assertThat(t.firstTimeAtLeast(8))
        .hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofMinutes(5)));
    assertThat(t.maxReplicas()).isEqualTo(8);
    assertThat(t.replicasAt(Duration.ofMinutes(20))).isEqualTo(8); // 10 quiet minutes first
    assertThat(t.finalReplicas()).isEqualTo(1);
  }
}
