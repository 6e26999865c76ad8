package dev.aiconform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ClusterClient;
import dev.aiconform.core.cluster.InMemoryCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Test classes that {@link WithInMemoryClusterTest} runs through the JUnit engine (their names do
 * not match the build's test patterns, so the build does not run them by themselves).
 */
final class ExtensionSamples {
  private ExtensionSamples() {}

  // tag::fresh-cluster[]
  @WithInMemoryCluster(preset = ClusterPreset.CPU, nodes = 2)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class FreshClusterPerTest {
    InMemoryCluster cluster;

    @Test
    @Order(1)
    void fieldAndParametersGetTheSameCluster(InMemoryCluster parameter, ClusterClient client) {
      assertThat(parameter).isSameAs(cluster).isSameAs(client);
      // end::fresh-cluster[]
      assertThat(cluster.list(GroupKind.of("", "Node"), null)).hasSize(2);
      cluster.apply(
          ManifestBundle.of(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("left-behind")
                  .withNamespace("default")
                  .endMetadata()
                  .build()));
    }

    @Test
    @Order(2)
    void theNextTestStartsFromThePresetAgain() {
      assertThat(cluster.get(ObjectRef.of("v1", "ConfigMap", "default", "left-behind"))).isEmpty();
    }
  }

  @WithInMemoryCluster(preset = ClusterPreset.CPU, nodes = 1)
  static class MethodOverridesClass {
    // tag::method-wins[]
    @Test
    @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 3, kubernetesVersion = "1.35")
    void methodAnnotationWins(InMemoryCluster cluster) {
      // end::method-wins[]
      assertThat(cluster.list(GroupKind.of("", "Node"), null)).hasSize(3);
      assertThat(cluster.list(GroupKind.of("resource.k8s.io", "ResourceSlice"), null)).hasSize(3);
      assertThat(cluster.targetVersion()).isEqualTo(TargetVersion.V1_35);
    }

    @Test
    void classAnnotationOtherwise(InMemoryCluster cluster) {
      assertThat(cluster.list(GroupKind.of("", "Node"), null)).hasSize(1);
    }
  }

  // tag::resources[]
  @WithInMemoryCluster(preset = ClusterPreset.EMPTY, resources = "queue-config.yaml")
  static class ResourcesAreApplied {
    // end::resources[]
    @Test
    void resourceObjectsExist(InMemoryCluster cluster) {
      assertThat(cluster.get(ObjectRef.of("v1", "ConfigMap", "default", "queue-config")))
          .isPresent();
    }
  }

  @WithInMemoryCluster(kubernetesVersion = "1.12")
  static class UnsupportedVersion {
    @Test
    void neverRuns(InMemoryCluster cluster) {}
  }

  @WithInMemoryCluster(featureGates = "DynamicResourceAllocation")
  static class BadFeatureGate {
    @Test
    void neverRuns(InMemoryCluster cluster) {}
  }

  @WithInMemoryCluster(resources = "/nowhere.yaml")
  static class MissingResource {
    @Test
    void neverRuns(InMemoryCluster cluster) {}
  }
}
