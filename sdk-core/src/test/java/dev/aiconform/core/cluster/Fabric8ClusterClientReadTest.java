package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** get, list, delete and discovery against fabric8's mock server in CRUD mode. */
class Fabric8ClusterClientReadTest {
  private FakeApiServer server;
  private KubernetesClient fabric8;
  private Fabric8ClusterClient cluster;

  @BeforeEach
  void start() {
    server = FakeApiServer.startServingPodGroups();
    fabric8 = server.client();
    cluster = Fabric8ClusterClient.of(fabric8);
  }

  @AfterEach
  void stop() {
    fabric8.close();
    server.close();
  }

  @Test
  void getsTypedObjectsForKindsWithAModelAndGenericOnesForTheRest() {
    cluster.apply(GangBundles.training());

    HasMetadata job = cluster.get(ObjectRef.of("batch/v1", "Job", "ml", "train")).orElseThrow();
    HasMetadata podGroup =
        cluster
            .get(ObjectRef.of("scheduling.x-k8s.io/v1alpha1", "PodGroup", "ml", "train"))
            .orElseThrow();

    assertThat(job).isInstanceOf(Job.class);
    assertThat(((Job) job).getSpec().getParallelism()).isEqualTo(4);
    assertThat(podGroup).isInstanceOf(GenericKubernetesResource.class);
    assertThat(((GenericKubernetesResource) podGroup).<Integer>get("spec", "minMember"))
        .isEqualTo(4);
  }

  @Test
  void getOfAMissingObjectIsEmpty() {
    assertThat(cluster.get(ObjectRef.of("v1", "ConfigMap", "ml", "nope"))).isEmpty();
  }

  @Test
  void listsByKindInANamespaceOrEverywhereAndByLabel() {
    server.store(configMap("a", "ml", "team", "x"), "configmaps");
    server.store(configMap("b", "ml", "team", "y"), "configmaps");
    server.store(configMap("c", "other", "team", "x"), "configmaps");

    List<HasMetadata> inMl = cluster.list(GroupKind.of("", "ConfigMap"), "ml");
    List<HasMetadata> all = cluster.list(GroupKind.of("", "ConfigMap"), null);
    List<HasMetadata> teamX = cluster.list(GroupKind.of("", "ConfigMap"), null, "team=x");

    assertThat(inMl).extracting(o -> o.getMetadata().getName()).containsExactly("a", "b");
    assertThat(all).extracting(o -> o.getMetadata().getName()).containsExactly("a", "b", "c");
    assertThat(teamX).extracting(o -> o.getMetadata().getName()).containsExactly("a", "c");
    assertThat(inMl).allSatisfy(o -> assertThat(o.getKind()).isEqualTo("ConfigMap"));
  }

  @Test
  void listOfAGroupTheClusterDoesNotServeSaysSo() {
    assertThatThrownBy(() -> cluster.list(GroupKind.of("kueue.x-k8s.io", "LocalQueue"), "ml"))
        .isInstanceOf(ClusterRequestException.class)
        .hasMessage(
            "the cluster does not serve the API group kueue.x-k8s.io (needed for"
                + " LocalQueue.kueue.x-k8s.io); install the component that provides it");
  }

  @Test
  void deletesAndSaysWhetherThereWasSomethingToDelete() {
    server.store(configMap("a", "ml", "team", "x"), "configmaps");
    ObjectRef ref = ObjectRef.of("v1", "ConfigMap", "ml", "a");

    assertThat(cluster.delete(ref)).isTrue();
    assertThat(cluster.get(ref)).isEmpty();
    assertThat(cluster.delete(ref)).isFalse();
    assertThat(server.requests("DELETE", "/api/v1/namespaces/ml/configmaps/a").get(0).body())
        .contains("\"propagationPolicy\":\"Background\"");
  }

  @Test
  void discoveryReportsVersionGroupVersionsEstablishedCrdsAndMetricsApis() {
    server.version("v1.36.2").serve("custom.metrics.k8s.io/v1beta2", "MetricValueList", "*", true);
    server.store(crd("jobsets", "jobset.x-k8s.io", "JobSet", "True"), "customresourcedefinitions");
    server.store(
        crd("localqueues", "kueue.x-k8s.io", "LocalQueue", "False"), "customresourcedefinitions");

    ClusterCapabilities caps = cluster.capabilities();

    assertThat(caps.serverVersion()).hasValue("v1.36.2");
    assertThat(caps.targetVersion()).hasValue(TargetVersion.parse("1.36"));
    assertThat(caps.groupVersions())
        .contains(
            "v1",
            "batch/v1",
            "resource.k8s.io/v1",
            "scheduling.k8s.io/v1beta1",
            "scheduling.x-k8s.io/v1alpha1");
    assertThat(caps.serves("resource.k8s.io/v1")).isTrue();
    assertThat(caps.customResourceDefinitions()).containsExactly("jobsets.jobset.x-k8s.io");
    assertThat(caps.apiServices()).isEmpty();
  }

  @Test
  void discoveryInfersCrdsAndMetricsApisWhenItMayNotListThem() {
    server
        .forbidClusterLists()
        .serve("kueue.x-k8s.io/v1beta2", "LocalQueue", "localqueues", true)
        .serve("kueue.x-k8s.io/v1beta2", "ClusterQueue", "clusterqueues", false)
        .serve("custom.metrics.k8s.io/v1beta2", "MetricValueList", "pods", true);

    ClusterCapabilities caps = cluster.capabilities();

    assertThat(caps.customResourceDefinitions())
        .containsExactly(
            "clusterqueues.kueue.x-k8s.io",
            "localqueues.kueue.x-k8s.io",
            "podgroups.scheduling.x-k8s.io");
    assertThat(caps.apiServices()).containsExactly("v1beta2.custom.metrics.k8s.io");
  }

  private static io.fabric8.kubernetes.api.model.ConfigMap configMap(
      String name, String ns, String k, String v) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .addToLabels(k, v)
        .endMetadata()
        .addToData("x", "y")
        .build();
  }

  private static CustomResourceDefinition crd(
      String plural, String group, String kind, String established) {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(plural + "." + group)
        .endMetadata()
        .withNewSpec()
        .withGroup(group)
        .withScope("Namespaced")
        .withNewNames()
        .withKind(kind)
        .withPlural(plural)
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .endVersion()
        .endSpec()
        .withNewStatus()
        .addNewCondition()
        .withType("Established")
        .withStatus(established)
        .endCondition()
        .endStatus()
        .build();
  }
}
