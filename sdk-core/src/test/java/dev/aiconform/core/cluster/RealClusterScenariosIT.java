package dev.aiconform.core.cluster;

import dev.aiconform.core.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link ClusterScenarios} against a real API server: run with {@code ./mvnw -B -pl sdk-core -am
 * verify -Pit} while {@code KUBECONFIG} points at a reachable cluster (for example one made with
 * {@code kind create cluster}). Without one, every scenario is skipped with a message saying so.
 * Each run works in a namespace of its own ({@code aiconform-it-*}) and deletes it afterwards.
 */
class RealClusterScenariosIT extends ClusterScenarios {
  private static final String HOW =
      "set KUBECONFIG to the kubeconfig of a reachable cluster (kind create cluster --kubeconfig"
          + " /tmp/kind.yaml; export KUBECONFIG=/tmp/kind.yaml) to run the real-cluster scenarios";

  private static String unreachable; // why the cluster could not be reached, once known

  private Fabric8ClusterClient cluster;

  @BeforeAll
  static void tellWhyWhenSkipping() {
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null || kubeconfig.isBlank()) {
      System.err.println("RealClusterScenariosIT skipped: KUBECONFIG is not set; " + HOW);
    }
  }

  @BeforeEach
  void connect() {
    String kubeconfig = System.getenv("KUBECONFIG");
    Assumptions.assumeTrue(
        kubeconfig != null
            && !kubeconfig.isBlank()
            && Files.isReadable(Path.of(kubeconfig.split(java.io.File.pathSeparator)[0])),
        "skipped: " + HOW);
    cluster =
        Fabric8ClusterClient.builder()
            .kubeconfig(Path.of(kubeconfig.split(java.io.File.pathSeparator)[0]))
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(3).maxElapsed(Duration.ofSeconds(10)).build())
            .pollInterval(Duration.ofMillis(500))
            .build();
    if (unreachable == null) {
      try {
        cluster.capabilities();
        unreachable = "";
      } catch (RuntimeException e) {
        unreachable =
            "the cluster of KUBECONFIG=" + kubeconfig + " is not reachable: " + e.getMessage();
        System.err.println("RealClusterScenariosIT skipped: " + unreachable);
      }
    }
    if (!unreachable.isEmpty()) {
      cluster.close();
      cluster = null;
      Assumptions.abort("skipped: " + unreachable);
    }
  }

  @AfterEach
  void cleanUp() {
    if (cluster != null) {
      cluster.delete(ObjectRef.of("v1", "Namespace", "", ns));
      cluster.close();
    }
  }

  @Override
  protected Fabric8ClusterClient cluster() {
    return cluster;
  }

  @Override
  protected Fabric8ClusterClient otherManager() {
    return cluster; // the field manager differs per apply; the connection may be shared
  }

  @Override
  protected void serverWillConflict(ObjectRef ref, String manager, String field) {
    // a real server tracks field ownership itself
  }

  @Override
  protected void serverWillReject(ObjectRef ref, String field, String message) {
    // a real server validates by itself
  }
}
