package dev.aiconform.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiResourcesTest {
  @Test
  void knowsWhichKindsLiveInANamespace() {
    assertThat(ApiResources.isNamespaced(GroupKind.of("", "Pod"))).isTrue();
    assertThat(ApiResources.isNamespaced(GroupKind.of("", "Node"))).isFalse();
    assertThat(ApiResources.isNamespaced(GroupKind.of("resource.k8s.io", "DeviceClass"))).isFalse();
    assertThat(ApiResources.isNamespaced(GroupKind.of("resource.k8s.io", "ResourceClaimTemplate")))
        .isTrue();
    assertThat(ApiResources.isNamespaced(GroupKind.of("kueue.x-k8s.io", "ClusterQueue"))).isFalse();
    assertThat(ApiResources.isNamespaced(GroupKind.of("kueue.x-k8s.io", "LocalQueue"))).isTrue();
    assertThat(ApiResources.isNamespaced(GroupKind.of("scheduling.volcano.sh", "Queue"))).isFalse();
    assertThat(ApiResources.isNamespaced(GroupKind.of("scheduling.k8s.io", "PriorityClass")))
        .isFalse();
    assertThat(ApiResources.isNamespaced(GroupKind.of("scheduling.k8s.io", "Workload"))).isTrue();
  }

  @Test
  void treatsUnknownKindsAsNamespaced() {
    assertThat(ApiResources.find(GroupKind.of("example.dev", "Widget"))).isEmpty();
    assertThat(ApiResources.isNamespaced(GroupKind.of("example.dev", "Widget"))).isTrue();
    assertThat(ApiResources.plural(GroupKind.of("example.dev", "Widget"))).isEqualTo("widgets");
  }

  @Test
  void namesResourcesAsTheApiServerDoes() {
    assertThat(ApiResources.qualifiedResource(GroupKind.of("", "Pod"))).isEqualTo("pods");
    assertThat(ApiResources.qualifiedResource(GroupKind.of("batch", "Job")))
        .isEqualTo("jobs.batch");
    assertThat(ApiResources.plural(GroupKind.of("resource.k8s.io", "DeviceClass")))
        .isEqualTo("deviceclasses");
    assertThat(ApiResources.plural(GroupKind.of("networking.k8s.io", "NetworkPolicy")))
        .isEqualTo("networkpolicies");
    assertThat(ApiResources.plural(GroupKind.of("", "Endpoints"))).isEqualTo("endpoints");
    assertThat(ApiResources.plural(GroupKind.of("monitoring.coreos.com", "Prometheus")))
        .isEqualTo("prometheuses");
  }

  @Test
  void coversEveryKindOfTheUpstreamCorpusThatIsNotAnOddity() {
    // Kinds of the corpus (testdata/corpus/upstream/index.json) the table must know.
    String[][] kinds = {
      {"kueue.x-k8s.io", "ResourceFlavor"},
      {"kueue.x-k8s.io", "Topology"},
      {"kueue.x-k8s.io", "AdmissionCheck"},
      {"jobset.x-k8s.io", "JobSet"},
      {"leaderworkerset.x-k8s.io", "LeaderWorkerSet"},
      {"batch.volcano.sh", "Job"},
      {"scheduling.volcano.sh", "PodGroup"},
      {"keda.sh", "ScaledObject"},
      {"monitoring.coreos.com", "ServiceMonitor"},
      {"monitoring.coreos.com", "PrometheusRule"},
      {"inference.networking.k8s.io", "InferencePool"},
      {"resource.k8s.io", "DeviceTaintRule"},
      {"scheduling.x-k8s.io", "ElasticQuota"},
      {"ray.io", "RayJob"},
      {"kubeflow.org", "MPIJob"},
    };
    for (String[] k : kinds) {
      assertThat(ApiResources.find(GroupKind.of(k[0], k[1]))).as(k[1] + "." + k[0]).isPresent();
    }
  }
}
