package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The object store: identity, versions, scopes, apply semantics, discovery. */
class ObjectStoreTest {
  static InMemoryCluster empty() {
    return InMemoryCluster.builder().extensions(List.of()).build();
  }

  static final String CONFIG =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: ml
        labels: {team: a}
      data:
        model: llama
        size: 70b
      """;

  static ConfigMap configMap(InMemoryCluster cluster) {
    return (ConfigMap) cluster.get(ObjectRef.of("v1", "ConfigMap", "ml", "settings")).orElseThrow();
  }

  @Nested
  class Identity {
    @Test
    void givesEachObjectServerMetadataFromTheVirtualClock() {
      InMemoryCluster cluster = empty();
      cluster.apply(Yaml.bundle(CONFIG));

      ConfigMap cm = configMap(cluster);
      assertThat(cm.getMetadata().getUid())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(cm.getMetadata().getResourceVersion()).isEqualTo("1");
      assertThat(cm.getMetadata().getGeneration()).isEqualTo(1L);
      assertThat(cm.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void derivesTheUidFromTheIdentity() {
      InMemoryCluster a = empty();
      InMemoryCluster b = empty();
      b.apply(Yaml.bundle(CONFIG.replace("settings", "other")));
      a.apply(Yaml.bundle(CONFIG));
      b.apply(Yaml.bundle(CONFIG));

      assertThat(configMap(a).getMetadata().getUid())
          .isEqualTo(configMap(b).getMetadata().getUid());
    }

    @Test
    void givesARecreatedObjectANewUid() {
      InMemoryCluster cluster = empty();
      cluster.apply(Yaml.bundle(CONFIG));
      String first = configMap(cluster).getMetadata().getUid();
      cluster.delete(ObjectRef.of("v1", "ConfigMap", "ml", "settings"));
      cluster.apply(Yaml.bundle(CONFIG));

      assertThat(configMap(cluster).getMetadata().getUid()).isNotEqualTo(first);
    }

    @Test
    void timestampsFollowTheClock() {
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of())
              .startTime(Instant.parse("2030-05-01T12:00:00Z"))
              .build();
      cluster.advance(Duration.ofMinutes(90));
      cluster.apply(Yaml.bundle(CONFIG));

      assertThat(cluster.now()).isEqualTo(Instant.parse("2030-05-01T13:30:00Z"));
      assertThat(configMap(cluster).getMetadata().getCreationTimestamp())
          .isEqualTo("2030-05-01T13:30:00Z");
      assertThatThrownBy(() -> cluster.advance(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("only moves forward");
    }

    @Test
    void generatesNamesFromGenerateName() {
      InMemoryCluster cluster = empty();
      Pod pod = TestPods.named(null).build();
      pod.getMetadata().setGenerateName("worker-");
      ApplyResult result = cluster.apply(ManifestBundle.of(pod, pod));

      assertThat(result.outcomes()).extracting(ObjectOutcome::action).containsOnly(Action.CREATED);
      assertThat(result.outcomes())
          .extracting(o -> o.ref().name())
          .allMatch(n -> n.matches("worker-[bcdfghjklmnpqrstvwxz2456789]{5}"))
          .doesNotHaveDuplicates();
    }

    @Test
    void neverChangesTheCallersObjects() {
      InMemoryCluster cluster = empty();
      Pod pod = TestPods.named("p").build();
      String before = pod.toString();
      cluster.apply(ManifestBundle.of(pod));

      assertThat(pod.toString()).isEqualTo(before);
      Pod copy = (Pod) cluster.get(ObjectRef.of(pod)).orElseThrow();
      copy.getMetadata().setName("changed");
      assertThat(cluster.get(ObjectRef.of(pod))).isPresent();
    }
  }

  @Nested
  class Scopes {
    @Test
    void putsANamespacedObjectWithoutNamespaceInDefault() {
      InMemoryCluster cluster = empty();
      ObjectOutcome outcome =
          cluster.apply(Yaml.bundle(CONFIG.replace("  namespace: ml\n", ""))).outcomes().get(0);

      assertThat(outcome.ref().namespace()).isEqualTo("default");
      assertThat(cluster.get(ObjectRef.of("v1", "ConfigMap", "", "settings"))).isPresent();
      assertThat(cluster.get(ObjectRef.of("v1", "ConfigMap", "default", "settings"))).isPresent();
    }

    @Test
    void dropsTheNamespaceOfAClusterScopedObject() {
      InMemoryCluster cluster = empty();
      Node node = Nodes.named("n").build().get(0);
      node.getMetadata().setNamespace("ml");
      cluster.apply(ManifestBundle.of(node));

      HasMetadata stored = cluster.get(ObjectRef.of("v1", "Node", "", "n")).orElseThrow();
      assertThat(stored.getMetadata().getNamespace()).isNull();
    }

    @Test
    void treatsUnknownKindsAsNamespacedAndKeepsThemGeneric() {
      InMemoryCluster cluster = empty();
      cluster.apply(
          Yaml.bundle(
              """
              apiVersion: example.dev/v1
              kind: Widget
              metadata: {name: w}
              spec: {size: 3}
              """));

      HasMetadata w =
          cluster.get(ObjectRef.of("example.dev/v1", "Widget", "default", "w")).orElseThrow();
      assertThat(w).isInstanceOf(GenericKubernetesResource.class);
      assertThat(w.getMetadata().getNamespace()).isEqualTo("default");
    }

    @Test
    void followsTheScopeAnInstalledCrdDeclares() {
      InMemoryCluster cluster = empty();
      cluster.apply(
          Yaml.bundle(
              """
              apiVersion: apiextensions.k8s.io/v1
              kind: CustomResourceDefinition
              metadata: {name: widgets.example.dev}
              spec:
                group: example.dev
                scope: Cluster
                names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
                versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
              ---
              apiVersion: example.dev/v1
              kind: Widget
              metadata: {name: w, namespace: ml}
              """));

      HasMetadata w = cluster.get(ObjectRef.of("example.dev/v1", "Widget", "", "w")).orElseThrow();
      assertThat(w.getMetadata().getNamespace()).isNull();
    }

    @Test
    void convertsGenericObjectsOfKnownKindsToTheirTypedModel() {
      InMemoryCluster cluster = empty();
      GenericKubernetesResource generic = new GenericKubernetesResource();
      generic.setApiVersion("v1");
      generic.setKind("ConfigMap");
      generic.setMetadata(
          new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("cm").build());
      generic.setAdditionalProperty("data", Map.of("k", "v"));
      cluster.apply(ManifestBundle.of(generic));

      assertThat(cluster.get(ObjectRef.of(generic)).orElseThrow())
          .isInstanceOfSatisfying(
              ConfigMap.class, cm -> assertThat(cm.getData()).containsEntry("k", "v"));
    }
  }

  @Nested
  class Apply {
    @Test
    void reportsAnUnchangedObjectAsUnchanged() {
      InMemoryCluster cluster = empty();
      cluster.apply(Yaml.bundle(CONFIG));
      ApplyResult again = cluster.apply(Yaml.bundle(CONFIG));

      assertThat(again.outcomes())
          .extracting(ObjectOutcome::action)
          .containsExactly(Action.UNCHANGED);
      assertThat(configMap(cluster).getMetadata().getResourceVersion()).isEqualTo("1");
    }

    @Test
    void updatesAChangedObject() {
      InMemoryCluster cluster = empty();
      cluster.apply(Yaml.bundle(CONFIG));
      ApplyResult again = cluster.apply(Yaml.bundle(CONFIG.replace("70b", "8b")));

      assertThat(again.outcomes())
          .extracting(ObjectOutcome::action)
          .containsExactly(Action.CONFIGURED);
      ConfigMap cm = configMap(cluster);
      assertThat(cm.getData()).containsEntry("size", "8b");
      assertThat(Long.parseLong(cm.getMetadata().getResourceVersion())).isGreaterThan(1);
      assertThat(cm.getMetadata().getUid()).isNotNull();
      assertThat(cm.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void removesWhatTheManifestNoLongerSetsAndKeepsWhatOthersSet() {
      InMemoryCluster cluster = empty();
      cluster.apply(Yaml.bundle(CONFIG));
      cluster.apply(
          Yaml.bundle(
              CONFIG
                  .replace("  size: 70b\n", "")
                  .replace("labels: {team: a}", "labels: {team: b}")));

      ConfigMap cm = configMap(cluster);
      assertThat(cm.getData()).containsOnlyKeys("model");
      assertThat(cm.getMetadata().getLabels()).containsExactly(Map.entry("team", "b"));
    }

    @Test
    void bumpsTheGenerationOnlyWhenTheSpecChanges() {
      InMemoryCluster cluster = empty();
      String deployment =
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, labels: {v: "1"}}
          spec:
            replicas: 0
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: [{name: web, image: nginx}]
          """;
      cluster.apply(Yaml.bundle(deployment));
      cluster.apply(Yaml.bundle(deployment.replace("v: \"1\"", "v: \"2\"")));
      Deployment d =
          (Deployment)
              cluster.get(ObjectRef.of("apps/v1", "Deployment", "default", "web")).orElseThrow();
      assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);

      cluster.apply(Yaml.bundle(deployment.replace("replicas: 0", "replicas: 1")));
      d =
          (Deployment)
              cluster.get(ObjectRef.of("apps/v1", "Deployment", "default", "web")).orElseThrow();
      assertThat(d.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void keepsThePodStatusTheClusterOwns() {
      InMemoryCluster cluster =
          InMemoryCluster.builder().extensions(List.of()).objects(Nodes.named("n").build()).build();
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));
      ApplyResult again = cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      assertThat(again.outcomes())
          .extracting(ObjectOutcome::action)
          .containsExactly(Action.UNCHANGED);
      assertThat(cluster.report().bound()).isEqualTo(1);
    }

    @Test
    void dryRunsAdmitWithoutStoring() {
      for (ApplyOptions.DryRun mode :
          List.of(ApplyOptions.DryRun.CLIENT, ApplyOptions.DryRun.SERVER)) {
        InMemoryCluster cluster = empty();
        ApplyResult result =
            cluster.apply(Yaml.bundle(CONFIG), ApplyOptions.builder().dryRun(mode).build());

        assertThat(result.outcomes())
            .extracting(ObjectOutcome::action)
            .containsExactly(Action.VALIDATED);
        assertThat(cluster.list(GroupKind.of("", "ConfigMap"), null)).isEmpty();
      }
    }

    @Test
    void createOfAnExistingObjectByAControllerFailsAsAlreadyExists() {
      AtomicReference<ObjectOutcome> second = new AtomicReference<>();
      Controller creator =
          new Controller() {
            public String name() {
              return "creator";
            }

            public boolean reconcile(ClusterState state) {
              if (second.get() == null) {
                state.create(Yaml.object(CONFIG));
                second.set(state.create(Yaml.object(CONFIG)));
                return true;
              }
              return false;
            }
          };
      InMemoryCluster.builder().extensions(List.of(s -> s.addController(creator))).build();

      ObjectOutcome outcome = second.get();
      assertThat(outcome.action()).isEqualTo(Action.FAILED);
      assertThat(outcome.message()).isEqualTo("configmaps \"settings\" already exists");
      assertThat(outcome.status().orElseThrow().getReason()).isEqualTo("AlreadyExists");
      assertThat(outcome.status().orElseThrow().getCode()).isEqualTo(409);
    }
  }

  @Nested
  class Reading {
    @Test
    void listsByKindAndNamespaceInNameOrder() {
      InMemoryCluster cluster = empty();
      cluster.apply(
          Yaml.bundle(
              CONFIG.replace("settings", "b")
                  + "---\n"
                  + CONFIG.replace("settings", "a")
                  + "---\n"
                  + CONFIG.replace("namespace: ml", "namespace: other")));

      assertThat(cluster.list(GroupKind.of("", "ConfigMap"), "ml"))
          .extracting(o -> o.getMetadata().getName())
          .containsExactly("a", "b");
      assertThat(cluster.list(GroupKind.of("", "ConfigMap"), null)).hasSize(3);
    }

    @Test
    void deletingANamespaceDeletesWhatItHolds() {
      InMemoryCluster cluster = empty();
      cluster.apply(
          Yaml.bundle("apiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n---\n" + CONFIG));

      assertThat(cluster.delete(ObjectRef.of("v1", "Namespace", "", "ml"))).isTrue();
      assertThat(cluster.list(GroupKind.of("", "ConfigMap"), null)).isEmpty();
      assertThat(cluster.delete(ObjectRef.of("v1", "Namespace", "", "ml"))).isFalse();
    }

    @Test
    void offersServicesOfExtensions() {
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of(setup -> setup.provide(CharSequence.class, "metrics")))
              .build();

      assertThat(cluster.service(CharSequence.class)).contains("metrics");
      assertThat(cluster.service(Runnable.class)).isEmpty();
    }

    @Test
    void findsNoExtensionsOnTheCoreClassPath() {
      assertThat(InMemoryCluster.discovered()).isEmpty();
    }
  }

  @Nested
  class Discovery {
    @Test
    void servesTheBuiltInGroupsAndTheNativeWorkloadApiOfTheTargetVersion() {
      ClusterCapabilities v137 = empty().capabilities();
      assertThat(v137.serverVersion()).contains("v1.37.0");
      assertThat(v137.targetVersion()).contains(TargetVersion.V1_37);
      assertThat(v137.groupVersions())
          .contains("v1", "apps/v1", "batch/v1", "resource.k8s.io/v1", "scheduling.k8s.io/v1beta1")
          .doesNotContain("resource.k8s.io/v1beta1");

      assertThat(
              InMemoryCluster.builder()
                  .targetVersion(TargetVersion.V1_36)
                  .extensions(List.of())
                  .build()
                  .capabilities()
                  .groupVersions())
          .contains("scheduling.k8s.io/v1alpha2")
          .doesNotContain("scheduling.k8s.io/v1beta1");
      assertThat(
              InMemoryCluster.builder()
                  .targetVersion(TargetVersion.V1_35)
                  .extensions(List.of())
                  .build()
                  .capabilities()
                  .groupVersions())
          .contains("scheduling.k8s.io/v1alpha1");
      assertThat(
              InMemoryCluster.builder()
                  .targetVersion(TargetVersion.V1_34)
                  .extensions(List.of())
                  .build()
                  .capabilities()
                  .groupVersions())
          .noneMatch(
              gv ->
                  gv.startsWith("scheduling.k8s.io/v1a") || gv.startsWith("scheduling.k8s.io/v1b"));
    }

    @Test
    void turnsTheWorkloadApiOffWithItsFeatureGate() {
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of())
              .featureGate(InMemoryCluster.GENERIC_WORKLOAD, false)
              .build();

      assertThat(cluster.capabilities().servesGroup("scheduling.k8s.io")).isTrue();
      assertThat(cluster.capabilities().serves("scheduling.k8s.io/v1beta1")).isFalse();
      assertThat(cluster.isEnabled(dev.aiconform.core.FeatureGate.of("GenericWorkload"))).isFalse();
    }

    @Test
    void servesWhatExtensionsServe() {
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of(setup -> setup.serve("kueue.x-k8s.io/v1beta2")))
              .build();

      assertThat(cluster.capabilities().serves("kueue.x-k8s.io/v1beta2")).isTrue();
    }

    @Test
    void servesEstablishedCrdsAndApiServices() {
      InMemoryCluster cluster = empty();
      cluster.apply(
          Yaml.bundle(
              """
              apiVersion: apiextensions.k8s.io/v1
              kind: CustomResourceDefinition
              metadata: {name: jobsets.jobset.x-k8s.io}
              spec:
                group: jobset.x-k8s.io
                scope: Namespaced
                names: {kind: JobSet, plural: jobsets, singular: jobset, listKind: JobSetList}
                versions:
                - name: v1alpha2
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
              ---
              apiVersion: apiregistration.k8s.io/v1
              kind: APIService
              metadata: {name: v1beta1.custom.metrics.k8s.io}
              spec:
                group: custom.metrics.k8s.io
                version: v1beta1
                groupPriorityMinimum: 100
                versionPriority: 100
                service: {name: prometheus-adapter, namespace: monitoring}
              """));

      ClusterCapabilities caps = cluster.capabilities();
      assertThat(caps.customResourceDefinitions()).containsExactly("jobsets.jobset.x-k8s.io");
      assertThat(caps.serves("jobset.x-k8s.io/v1alpha2")).isTrue();
      assertThat(caps.apiServices()).containsExactly("v1beta1.custom.metrics.k8s.io");
      assertThat(caps.serves("custom.metrics.k8s.io/v1beta1")).isTrue();
      var crd =
          (io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition)
              cluster
                  .get(
                      ObjectRef.of(
                          "apiextensions.k8s.io/v1",
                          "CustomResourceDefinition",
                          "",
                          "jobsets.jobset.x-k8s.io"))
                  .orElseThrow();
      assertThat(crd.getStatus().getConditions())
          .anySatisfy(
              c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Established=True"));
    }
  }
}
