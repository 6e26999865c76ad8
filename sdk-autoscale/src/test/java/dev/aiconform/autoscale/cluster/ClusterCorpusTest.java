package dev.aiconform.autoscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.ClusterMetrics;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.internal.sim.MetricNames;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream HPA manifests run in the in-memory cluster with the HPA controller: whatever their
 * metrics and targets (present or not), the controller writes their status, keeps replicas within
 * their bounds and fails nowhere.
 */
class ClusterCorpusTest {
  static Stream<Path> filesWithHpas() {
    return Corpus.yamlFiles().stream()
        .filter(
            f ->
                ManifestReader.defaults().read(f).bundle().objects().stream()
                    .anyMatch(o -> o instanceof HorizontalPodAutoscaler));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filesWithHpas")
  void upstreamHpasRunWithoutErrorAndStayWithinTheirBounds(Path file) {
    ManifestBundle bundle = ManifestReader.defaults().read(file).bundle();
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .objects(
                Nodes.named("gpu-%d")
                    .count(4)
                    .cpu("96")
                    .memory("1Ti")
                    .allocatable("nvidia.com/gpu", "8")
                    .build())
            .build();
    // Every metric the HPAs name reads high, so each HPA with a target scales up.
    ClusterMetrics metrics = cluster.service(ClusterMetrics.class).orElseThrow();
    for (HasMetadata o : bundle.objects()) {
      if (o instanceof HorizontalPodAutoscaler) {
        HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) o;
        String ns = Optional.ofNullable(hpa.getMetadata().getNamespace()).orElse("default");
        for (MetricSpec m : hpa.getSpec().getMetrics()) {
          metrics.signal(ns, MetricNames.of(m), Signal.perPod(Load.constant(1_000)));
        }
      }
    }
    cluster.apply(bundle);
    cluster.advance(Duration.ofMinutes(5));

    assertThat(cluster.errors()).as(Corpus.name(file)).isEmpty();
    assertThat(cluster.settle().quiescent()).isTrue();
    for (HasMetadata o :
        cluster.list(GroupKind.of("autoscaling", "HorizontalPodAutoscaler"), null)) {
      HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) o;
      assertThat(hpa.getStatus()).as("status of %s", hpa.getMetadata().getName()).isNotNull();
      ObjectRef target =
          ObjectRef.of(
              hpa.getSpec().getScaleTargetRef().getApiVersion(),
              hpa.getSpec().getScaleTargetRef().getKind(),
              hpa.getMetadata().getNamespace(),
              hpa.getSpec().getScaleTargetRef().getName());
      Optional<HasMetadata> scaled = cluster.get(target);
      if (scaled.isPresent()) {
        int min = Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1);
        assertThat(hpa.getStatus().getDesiredReplicas())
            .as("%s scaling %s", hpa.getMetadata().getName(), target)
            .isBetween(min, hpa.getSpec().getMaxReplicas());
      } else {
        // Most upstream HPAs come without their target (or with it in another namespace).
        assertThat(hpa.getStatus().getConditions())
            .anySatisfy(
                c -> {
                  assertThat(c.getType()).isEqualTo("AbleToScale");
                  assertThat(c.getReason()).isEqualTo("FailedGetScale");
                });
      }
    }
  }

  @Test
  void theGardenerPodAutoscalingEvidenceScalesItsGpuWorkload() {
    // Gardener's AI-conformance evidence for pod_autoscaling. Its Deployment names no namespace
    // and its HPA names pod-autoscaling: applied into the HPA's namespace (kubectl apply -n).
    Path file =
        Corpus.yamlFiles().stream()
            .filter(
                f -> Corpus.name(f).endsWith("v1.33/pod_autoscaling/resources/gpu-workload.yaml"))
            .findFirst()
            .orElseThrow();
    List<HasMetadata> objects = new ArrayList<>();
    for (HasMetadata o : ManifestReader.defaults().read(file).bundle().objects()) {
      HasMetadata copy = KubeSerialization.get().clone(o);
      if (copy.getMetadata().getNamespace() == null) {
        copy.getMetadata().setNamespace("pod-autoscaling");
      }
      objects.add(copy);
    }
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .objects(Nodes.named("gpu-%d").count(1).allocatable("nvidia.com/gpu", "2").build())
            .build();
    // The evidence's load: GPU utilisation of 60 per pod against an average value of 10.
    cluster
        .service(ClusterMetrics.class)
        .orElseThrow()
        .signal("pod-autoscaling", "pod_gpu_utilization", Signal.perPod(Load.constant(60)));
    assertThat(cluster.apply(ManifestBundle.of(objects)).failures()).isEmpty();
    cluster.advance(Duration.ofMinutes(1));
    Deployment workload =
        (Deployment)
            cluster
                .get(ObjectRef.of("apps/v1", "Deployment", "pod-autoscaling", "gpu-workload"))
                .orElseThrow();
    assertThat(workload.getSpec().getReplicas()).isEqualTo(2);
    assertThat(cluster.report().pending()).isZero();
    assertThat(cluster.errors()).isEmpty();
  }
}
