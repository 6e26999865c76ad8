package dev.aiconform.autoscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.BehaviourPreset;
import dev.aiconform.autoscale.ClusterMetrics;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.Vllm;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The HPA controller through core's cluster SPI (a stand-in cluster until InMemoryCluster lands).
 */
class HpaControllerTest {
  static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n  replicas: 1\n"
          + "  selector: {matchLabels: {app: vllm}}\n  template:\n    metadata: {labels: {app: vllm}}\n"
          + "    spec:\n      containers:\n      - name: server\n        image: vllm/vllm-openai\n"
          + "        resources: {limits: {nvidia.com/gpu: 1}}\n";

  static AcceleratorAutoscaler vllm() {
    return AcceleratorAutoscaler.forDeployment("vllm")
        .namespace("ml")
        .maxReplicas(8)
        .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
        .behaviour(BehaviourPreset.INFERENCE)
        .build();
  }

  static Deployment deployment(FakeCluster c) {
    return c.get(Deployment.class, "ml", "vllm").orElseThrow();
  }

  static HorizontalPodAutoscaler hpa(FakeCluster c) {
    return c.get(HorizontalPodAutoscaler.class, "ml", "vllm").orElseThrow();
  }

  static String condition(HorizontalPodAutoscaler hpa, String type) {
    return hpa.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .map(HorizontalPodAutoscalerCondition::getReason)
        .findFirst()
        .orElse("");
  }

  @Test
  void theExtensionProvidesClusterMetricsAndTheController() {
    FakeCluster c = new FakeCluster(TargetVersion.latest());
    assertThat(c.service(ClusterMetrics.class)).isPresent();
  }

  @Test
  void theControllerScalesTheDeploymentOnItsMetricAndPodsFollow() {
    FakeCluster c = new FakeCluster(TargetVersion.latest());
    c.service(ClusterMetrics.class)
        .orElseThrow()
        .signal("ml", Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.constant(20)));
    c.apply(
        (Deployment) KubeSerialization.get().unmarshal(DEPLOYMENT),
        (HorizontalPodAutoscaler) vllm().renderHpa().objects().get(0));
    // The first sync ran before the Deployment had pods: nothing to read yet.
    assertThat(condition(hpa(c), "ScalingActive")).isEqualTo("FailedGetMetrics");
    c.advance(Duration.ofSeconds(15));
    // 20 waiting on 1 pod against 5 per pod: 4 replicas at once (+100 % or +4 per 15 s allows it).
    assertThat(deployment(c).getSpec().getReplicas()).isEqualTo(4);
    assertThat(c.pods()).hasSize(4);
    assertThat(hpa(c).getStatus().getDesiredReplicas()).isEqualTo(4);
    c.advance(Duration.ofMinutes(1));
    assertThat(deployment(c).getSpec().getReplicas()).isEqualTo(4);
    assertThat(condition(hpa(c), "ScalingActive")).isEqualTo("ValidMetricFound");
  }

  @Test
  void newReplicasWithoutDevicesStayPendingAndTheHpaKeepsAskingWithinItsMaximum() {
    FakeCluster c = new FakeCluster(TargetVersion.latest()).gpus(3);
    c.service(ClusterMetrics.class)
        .orElseThrow()
        .signal("ml", Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.constant(60)));
    c.apply(
        (Deployment) KubeSerialization.get().unmarshal(DEPLOYMENT),
        (HorizontalPodAutoscaler) vllm().renderHpa().objects().get(0));
    c.advance(Duration.ofMinutes(2));
    assertThat(deployment(c).getSpec().getReplicas()).isEqualTo(8);
    assertThat(c.pods().stream().filter(p -> p.getStatus().getPhase().equals("Pending")))
        .hasSize(5);
    assertThat(condition(hpa(c), "ScalingLimited")).isEqualTo("TooManyReplicas");
  }

  @Test
  void withoutAMetricTheHpaDoesNotScale() {
    FakeCluster c = new FakeCluster(TargetVersion.latest());
    c.apply(
        (Deployment) KubeSerialization.get().unmarshal(DEPLOYMENT),
        (HorizontalPodAutoscaler) vllm().renderHpa().objects().get(0));
    c.advance(Duration.ofMinutes(1));
    assertThat(deployment(c).getSpec().getReplicas()).isEqualTo(1);
    assertThat(condition(hpa(c), "ScalingActive")).isEqualTo("FailedGetMetrics");
  }

  @Test
  void theControllerSyncsOncePerSyncPeriod() {
    FakeCluster c = new FakeCluster(TargetVersion.latest());
    c.service(ClusterMetrics.class)
        .orElseThrow()
        .signal("ml", Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.constant(100)));
    c.apply(
        (Deployment) KubeSerialization.get().unmarshal(DEPLOYMENT),
        (HorizontalPodAutoscaler) vllm().renderHpa().objects().get(0));
    c.advance(Duration.ofSeconds(15));
    // One sync: 1 → max(+100 %, +4) = 5; the new pods run at once but the HPA waits 15 s.
    assertThat(deployment(c).getSpec().getReplicas()).isEqualTo(5);
    c.advance(Duration.ofSeconds(15));
    // 100 / 5 = 20 per pod asks for 20; the policies allow 10; maxReplicas caps at 8.
    assertThat(deployment(c).getSpec().getReplicas()).isEqualTo(8);
  }

  @Test
  void aLeaderWorkerSetIsScaledOnItsLeaderPodsOnly() {
    FakeCluster c = new FakeCluster(TargetVersion.latest());
    c.service(ClusterMetrics.class)
        .orElseThrow()
        .signal("ml", Vllm.NUM_REQUESTS_WAITING, Signal.perPod(Load.constant(10)));
    String lws =
        "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n  name: llama\n  namespace: ml\n"
            + "spec:\n  replicas: 2\n  leaderWorkerTemplate:\n    size: 2\n    workerTemplate:\n"
            + "      spec:\n        containers:\n        - {name: w, image: vllm/vllm-openai}\n";
    java.util.List<io.fabric8.kubernetes.api.model.HasMetadata> objects =
        new java.util.ArrayList<>();
    objects.add(
        (io.fabric8.kubernetes.api.model.HasMetadata) KubeSerialization.get().unmarshal(lws));
    for (int group = 0; group < 2; group++) {
      for (int worker = 0; worker < 2; worker++) {
        objects.add(
            new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withName("llama-" + group + (worker == 0 ? "" : "-" + worker))
                .withNamespace("ml")
                .addToLabels("leaderworkerset.sigs.k8s.io/name", "llama")
                .addToLabels("leaderworkerset.sigs.k8s.io/worker-index", String.valueOf(worker))
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .endStatus()
                .build());
      }
    }
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forLeaderWorkerSet("llama")
            .namespace("ml")
            .maxReplicas(8)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
            .behaviour(BehaviourPreset.INFERENCE)
            .build();
    objects.add(a.renderHpa().objects().get(0));
    c.apply(objects.toArray(new io.fabric8.kubernetes.api.model.HasMetadata[0]));
    io.fabric8.kubernetes.api.model.GenericKubernetesResource stored =
        (io.fabric8.kubernetes.api.model.GenericKubernetesResource)
            c.get(
                    dev.aiconform.core.GroupKind.of("leaderworkerset.x-k8s.io", "LeaderWorkerSet"),
                    "ml",
                    "llama")
                .orElseThrow();
    // Two leaders at 10 against 5: 4 groups. (Counting the workers too would have asked for 8.)
    assertThat(
            dev.aiconform.autoscale.internal.Tree.at(
                stored.getAdditionalProperties(), "spec", "replicas"))
        .isEqualTo(4);
  }
}
