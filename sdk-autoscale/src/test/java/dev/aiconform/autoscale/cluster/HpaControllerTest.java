package dev.aiconform.autoscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.BehaviourPreset;
import dev.aiconform.autoscale.ClusterMetrics;
import dev.aiconform.autoscale.HpaSimulation;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.PromQl;
import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.autoscale.ScalingStep;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.Triton;
import dev.aiconform.autoscale.Vllm;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HPA controller inside the in-memory cluster, found on the class path as an extension. */
class HpaControllerTest {
  static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n  replicas: 1\n"
          + "  selector: {matchLabels: {app: vllm}}\n  template:\n    metadata: {labels: {app: vllm}}\n"
          + "    spec:\n      containers:\n      - name: server\n        image: vllm/vllm-openai\n"
          + "        resources: {limits: {nvidia.com/gpu: 1}}\n";

  private InMemoryCluster cluster;

  static AcceleratorAutoscaler vllm() {
    return AcceleratorAutoscaler.forDeployment("vllm")
        .namespace("ml")
        .maxReplicas(8)
        .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
        .behaviour(BehaviourPreset.INFERENCE)
        .build();
  }

  /**
   * A cluster of one node with {@code gpus} GPUs running the vLLM Deployment (one replica), to
   * which the HPA is then added.
   */
  static InMemoryCluster clusterWith(int gpus, Signal waiting) {
    // tag::cluster[]
    InMemoryCluster c =
        InMemoryCluster.builder()
            .objects(
                Nodes.named("gpu-%d").count(1).allocatable("nvidia.com/gpu", "" + gpus).build())
            .objects(ManifestReader.defaults().readString(DEPLOYMENT, "deployment.yaml").bundle())
            .build();
    assertThat(c.initialApply().failures()).isEmpty();
    if (waiting != null) {
      metrics(c).signal("ml", Vllm.NUM_REQUESTS_WAITING, waiting);
    }
    assertThat(c.apply(vllm().renderHpa()).failures()).isEmpty();
    // end::cluster[]
    return c;
  }

  static ClusterMetrics metrics(InMemoryCluster c) {
    return c.service(ClusterMetrics.class).orElseThrow();
  }

  static int replicas(InMemoryCluster c) {
    return ((Deployment) c.get(ObjectRef.of("apps/v1", "Deployment", "ml", "vllm")).orElseThrow())
        .getSpec()
        .getReplicas();
  }

  static HorizontalPodAutoscaler hpa(InMemoryCluster c) {
    return (HorizontalPodAutoscaler)
        c.get(ObjectRef.of("autoscaling/v2", "HorizontalPodAutoscaler", "ml", "vllm"))
            .orElseThrow();
  }

  static String condition(HorizontalPodAutoscaler hpa, String type) {
    return hpa.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .map(HorizontalPodAutoscalerCondition::getReason)
        .findFirst()
        .orElse("");
  }

  static long pods(InMemoryCluster c, String phase) {
    return c.pods().stream().map(Pod::getStatus).filter(s -> phase.equals(s.getPhase())).count();
  }

  @AfterEach
  void nothingWentWrongInsideTheCluster() {
    if (cluster != null) {
      assertThat(cluster.errors()).isEmpty();
    }
  }

  @Test
  void theExtensionProvidesClusterMetricsToTests() {
    cluster = InMemoryCluster.builder().build();
    assertThat(cluster.service(ClusterMetrics.class)).isPresent();
  }

  @Test
  void theControllerScalesTheDeploymentOnItsMetricAndPodsFollow() {
    cluster = clusterWith(8, Signal.sharedAcrossPods(Load.constant(20)));
    // The first sync runs when the HPA is created: 20 waiting on 1 pod against 5 per pod asks
    // for 4 replicas, which +100 % or +4 pods per 15 s allows at once.
    assertThat(replicas(cluster)).isEqualTo(4);
    assertThat(pods(cluster, "Running")).isEqualTo(4);
    assertThat(hpa(cluster).getStatus().getDesiredReplicas()).isEqualTo(4);
    assertThat(condition(hpa(cluster), "ScalingActive")).isEqualTo("ValidMetricFound");
    cluster.advance(Duration.ofMinutes(1));
    // 20 over 4 pods is 5 each: on target.
    assertThat(replicas(cluster)).isEqualTo(4);
    assertThat(cluster.settle().quiescent()).isTrue();
  }

  @Test
  void newReplicasWithoutDevicesStayPendingAndTheHpaKeepsAskingWithinItsMaximum() {
    cluster = clusterWith(3, Signal.sharedAcrossPods(Load.constant(60)));
    cluster.advance(Duration.ofMinutes(2));
    // Pending pods have no metrics; the controller counts them at zero when scaling up,
    // which slows the climb but does not stop it: 60 over 3 serving pods is still 20 each.
    assertThat(replicas(cluster)).isEqualTo(8);
    assertThat(pods(cluster, "Running")).isEqualTo(3);
    assertThat(pods(cluster, "Pending")).isEqualTo(5);
    assertThat(condition(hpa(cluster), "ScalingLimited")).isEqualTo("TooManyReplicas");
  }

  @Test
  void withoutAMetricTheHpaDoesNotScale() {
    cluster = clusterWith(8, null);
    cluster.advance(Duration.ofMinutes(1));
    assertThat(replicas(cluster)).isEqualTo(1);
    assertThat(condition(hpa(cluster), "ScalingActive")).isEqualTo("FailedGetMetrics");
  }

  @Test
  void theControllerSyncsOncePerSyncPeriod() {
    cluster = clusterWith(8, Signal.sharedAcrossPods(Load.constant(100)));
    // The first sync: 100 on 1 pod asks for 20; +100 % or +4 per 15 s allows 5.
    assertThat(replicas(cluster)).isEqualTo(5);
    cluster.advance(Duration.ofSeconds(14));
    assertThat(replicas(cluster)).isEqualTo(5);
    cluster.advance(Duration.ofSeconds(1));
    // 100 / 5 = 20 per pod asks for 20; the policies allow 10; maxReplicas caps at 8.
    assertThat(replicas(cluster)).isEqualTo(8);
  }

  @Test
  void oneLongAdvanceReplaysEverySyncItSpans() {
    Signal rush = Signal.sharedAcrossPods(Load.ramp(0, 80, Duration.ofMinutes(5)));
    InMemoryCluster stepped = clusterWith(8, rush);
    List<Integer> everyFifteenSeconds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      stepped.advance(Duration.ofSeconds(15));
      everyFifteenSeconds.add(replicas(stepped));
    }
    cluster = clusterWith(8, rush);
    cluster.advance(Duration.ofMinutes(10));
    assertThat(replicas(cluster)).isEqualTo(everyFifteenSeconds.get(39));
    assertThat(hpa(cluster).getStatus().getLastScaleTime())
        .isEqualTo(hpa(stepped).getStatus().getLastScaleTime());
    assertThat(everyFifteenSeconds).contains(8);
  }

  @Test
  void inAClusterWithDevicesToSpareTheControllerFollowsTheStandaloneSimulation() {
    Signal rush = Signal.sharedAcrossPods(Load.step(60, Duration.ofMinutes(4), 5));
    ReplicaTimeline expected =
        HpaSimulation.of(vllm())
            .signal(Vllm.NUM_REQUESTS_WAITING, rush)
            .run(Duration.ofMinutes(20));
    cluster = clusterWith(8, rush);
    for (ScalingStep step : expected.steps()) {
      if (!step.at().isZero()) {
        cluster.advance(Duration.ofSeconds(15));
      }
      assertThat(replicas(cluster))
          .as("replicas at %s", step.at())
          .isEqualTo(step.desiredReplicas());
    }
    // The comparison covered a climb to the maximum and the start of the way back down.
    assertThat(expected.maxReplicas()).isEqualTo(8);
    assertThat(expected.finalReplicas()).isLessThan(8);
  }

  @Test
  void aScaleTargetThatDoesNotExistIsLeftAloneUntilItAppears() {
    cluster =
        InMemoryCluster.builder()
            .targetVersion(TargetVersion.V1_34)
            .objects(Nodes.named("gpu-%d").count(1).allocatable("nvidia.com/gpu", "8").build())
            .build();
    metrics(cluster).signal("ml", Vllm.NUM_REQUESTS_WAITING, Signal.perPod(Load.constant(10)));
    cluster.apply(vllm().renderHpa());
    cluster.advance(Duration.ofMinutes(1));
    assertThat(cluster.pods()).isEmpty();
    cluster.apply(ManifestReader.defaults().readString(DEPLOYMENT, "deployment.yaml").bundle());
    cluster.advance(Duration.ofSeconds(15));
    assertThat(replicas(cluster)).isEqualTo(2);
  }

  @Test
  void aLeaderWorkerSetIsScaledOnItsLeaderPodsOnly() {
    // No LeaderWorkerSet controller runs here (sdk-autoscale depends on sdk-core only): the test
    // creates the leader and worker pods of two groups itself.
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: llama, namespace: ml}\n"
                + "spec:\n  replicas: 2\n  leaderWorkerTemplate:\n    size: 2\n    workerTemplate:\n"
                + "      spec:\n        containers:\n        - {name: w, image: vllm/vllm-openai}\n");
    for (int group = 0; group < 2; group++) {
      for (int worker = 0; worker < 2; worker++) {
        yaml.append("---\napiVersion: v1\nkind: Pod\nmetadata:\n")
            .append("  name: llama-")
            .append(group)
            .append(worker == 0 ? "" : "-" + worker)
            .append("\n  namespace: ml\n  labels:\n    leaderworkerset.sigs.k8s.io/name: llama\n")
            .append("    leaderworkerset.sigs.k8s.io/worker-index: \"")
            .append(worker)
            .append("\"\nspec:\n  containers:\n  - {name: w, image: vllm/vllm-openai}\n");
      }
    }
    cluster =
        InMemoryCluster.builder()
            .objects(Nodes.named("gpu-%d").count(1).build())
            .objects(ManifestReader.defaults().readString(yaml.toString(), "lws.yaml").bundle())
            .build();
    assertThat(cluster.initialApply().failures()).isEmpty();
    metrics(cluster).signal("ml", Vllm.NUM_REQUESTS_WAITING, Signal.perPod(Load.constant(10)));
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forLeaderWorkerSet("llama")
            .namespace("ml")
            .maxReplicas(8)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
            .behaviour(BehaviourPreset.INFERENCE)
            .build();
    assertThat(cluster.apply(a.renderHpa()).failures()).isEmpty();
    GenericKubernetesResource lws =
        (GenericKubernetesResource)
            cluster
                .get(ObjectRef.of("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", "ml", "llama"))
                .orElseThrow();
    // Two leaders at 10 against 5: 4 groups. (Counting the workers too would have asked for 8.)
    assertThat((Object) lws.get("spec", "replicas")).isEqualTo(4);
  }

  static final String BATCH =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: batch, namespace: ml}\nspec:\n  replicas: 2\n"
          + "  selector: {matchLabels: {app: batch}}\n  template:\n    metadata: {labels: {app: batch}}\n"
          + "    spec:\n      containers:\n      - {name: worker, image: batch/worker}\n";

  static AcceleratorAutoscaler batchToZero() {
    return AcceleratorAutoscaler.forDeployment("batch")
        .namespace("ml")
        .minReplicas(0)
        .maxReplicas(10)
        .metric(PromQl.query("jobs_queued", "sum(queue_depth{queue=\"jobs\"})").averageValue(10))
        .behaviour(BehaviourPreset.KUBERNETES_DEFAULT)
        .build();
  }

  @Test
  void from137AnHpaScalesItsTargetToZeroAndWakesItOnAnExternalMetric() {
    cluster =
        InMemoryCluster.builder()
            .targetVersion(TargetVersion.V1_37)
            .objects(Nodes.named("cpu-%d").count(1).build())
            .objects(ManifestReader.defaults().readString(BATCH, "batch.yaml").bundle())
            .build();
    // The queue is empty for 10 minutes, then 35 jobs wait.
    metrics(cluster)
        .signal("ml", "jobs_queued", Signal.total(Load.step(0, Duration.ofMinutes(10), 35)));
    assertThat(cluster.apply(batchToZero().renderHpa()).failures()).isEmpty();
    cluster.advance(Duration.ofMinutes(9));
    Deployment batch =
        (Deployment)
            cluster.get(ObjectRef.of("apps/v1", "Deployment", "ml", "batch")).orElseThrow();
    assertThat(batch.getSpec().getReplicas()).isZero();
    assertThat(cluster.pods()).isEmpty();
    HorizontalPodAutoscaler hpa =
        (HorizontalPodAutoscaler)
            cluster
                .get(ObjectRef.of("autoscaling/v2", "HorizontalPodAutoscaler", "ml", "batch"))
                .orElseThrow();
    assertThat(condition(hpa, "ScaledToZero")).isEqualTo("ScaledToZero");
    cluster.advance(Duration.ofMinutes(1));
    // From zero: ceil(35 / 10) = 4 replicas, and their pods run.
    assertThat(pods(cluster, "Running")).isEqualTo(4);
  }

  @Test
  void admissionRejectsAnHpaTheApiServerWouldRejectWithItsStatus() {
    // minReplicas 0 needs the HPAScaleToZero gate, off by default in 1.36.
    cluster = InMemoryCluster.builder().targetVersion(TargetVersion.V1_36).build();
    ObjectOutcome outcome = cluster.apply(batchToZero().renderHpa()).outcomes().get(0);
    assertThat(outcome.action().isFailure()).isTrue();
    assertThat(outcome.status().orElseThrow().getCode()).isEqualTo(422);
    assertThat(outcome.causes())
        .extracting(Diagnostic::path, d -> d.reason().orElseThrow())
        .containsExactly(tuple("spec.minReplicas", Reason.INVALID));
  }

  @Test
  void pendingReplicasRunOnceANodeWithDevicesJoins() {
    // tag::scale-up[]
    cluster = clusterWith(2, Signal.sharedAcrossPods(Load.constant(40)));
    cluster.advance(Duration.ofMinutes(1));
    assertThat(replicas(cluster)).isEqualTo(8);
    assertThat(pods(cluster, "Pending")).isEqualTo(6);
    cluster.apply(
        ManifestBundle.of(
            Nodes.named("gpu-%d")
                .startingAt(1)
                .count(1)
                .allocatable("nvidia.com/gpu", "8")
                .build()));
    assertThat(pods(cluster, "Running")).isEqualTo(8);
    // end::scale-up[]
    // 40 over 8 serving pods is on target: the HPA stays.
    cluster.advance(Duration.ofMinutes(1));
    assertThat(replicas(cluster)).isEqualTo(8);
  }

  @Test
  void aStatefulSetIsScaledLikeADeployment() {
    String sts =
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: triton, namespace: ml}\nspec:\n"
            + "  replicas: 1\n  serviceName: triton\n  selector: {matchLabels: {app: triton}}\n"
            + "  template:\n    metadata: {labels: {app: triton}}\n    spec:\n      containers:\n"
            + "      - {name: server, image: nvcr.io/nvidia/tritonserver}\n";
    cluster =
        InMemoryCluster.builder()
            .objects(Nodes.named("gpu-%d").count(1).build())
            .objects(ManifestReader.defaults().readString(sts, "triton.yaml").bundle())
            .build();
    metrics(cluster).signal("ml", Triton.PENDING_REQUESTS, Signal.perPod(Load.constant(40)));
    AcceleratorAutoscaler a =
        AcceleratorAutoscaler.forStatefulSet("triton")
            .namespace("ml")
            .maxReplicas(4)
            .metric(Triton.PENDING_REQUESTS.averageValue(10))
            .behaviour(BehaviourPreset.INFERENCE)
            .build();
    assertThat(cluster.apply(a.renderHpa()).failures()).isEmpty();
    cluster.advance(Duration.ofMinutes(1));
    StatefulSet stored =
        (StatefulSet)
            cluster.get(ObjectRef.of("apps/v1", "StatefulSet", "ml", "triton")).orElseThrow();
    assertThat(stored.getSpec().getReplicas()).isEqualTo(4);
    assertThat(pods(cluster, "Running")).isEqualTo(4);
  }

  static final String WEB =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ml}\nspec:\n"
          + "  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n"
          + "    metadata: {labels: {app: web}}\n    spec:\n      containers:\n"
          + "      - {name: web, image: nginx, resources: {requests: {cpu: 500m}}}\n---\n"
          + "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: ml}\n"
          + "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
          + "  minReplicas: 1\n  maxReplicas: 5\n  targetCPUUtilizationPercentage: 50\n";

  /** A Deployment whose pods use all of their 500m CPU request, with a v1 HPA aiming at 50 %. */
  static InMemoryCluster webAtFullCpu() {
    InMemoryCluster c =
        InMemoryCluster.builder().objects(Nodes.named("cpu-%d").count(1).build()).build();
    metrics(c).signal("ml", "cpu", Signal.perPod(Load.constant(0.5)));
    assertThat(c.apply(ManifestReader.defaults().readString(WEB, "web.yaml").bundle()).failures())
        .isEmpty();
    return c;
  }

  static int webReplicas(InMemoryCluster c) {
    return ((Deployment) c.get(ObjectRef.of("apps/v1", "Deployment", "ml", "web")).orElseThrow())
        .getSpec()
        .getReplicas();
  }

  @Test
  void anAutoscalingV1HpaIsScaledOnCpuAsTheApiServerStoresItAsV2() {
    cluster = webAtFullCpu();
    List<Integer> everyFifteenSeconds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cluster.advance(Duration.ofSeconds(15));
      everyFifteenSeconds.add(webReplicas(cluster));
    }
    // A new pod is not counted (as unready) until 30 s after it turned ready, the metric window of
    // the CPU initialisation rule; then 100 % against 50 % doubles the replicas.
    assertThat(everyFifteenSeconds).containsExactly(1, 2, 2, 4);
    io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler hpa =
        (io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler)
            cluster
                .get(ObjectRef.of("autoscaling/v1", "HorizontalPodAutoscaler", "ml", "web"))
                .orElseThrow();
    assertThat(hpa.getStatus().getDesiredReplicas()).isEqualTo(4);
    assertThat(hpa.getStatus().getLastScaleTime()).isEqualTo("2026-01-01T00:01:00Z");
  }

  @Test
  void aReplayDatesThePodsItBringsUpAtTheSyncThatAskedForThem() {
    // The same run as above in one jump: the pods of the rescale at 30 s carry the time the clock
    // jumped to (60 s), yet the sync at 60 s must see them as up since 30 s, or it would not scale.
    InMemoryCluster jumped = webAtFullCpu();
    jumped.advance(Duration.ofMinutes(1));
    assertThat(webReplicas(jumped)).isEqualTo(4);
    assertThat(jumped.errors()).isEmpty();
  }
}
