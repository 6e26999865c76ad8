package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.FakeTime;
import dev.aiconform.core.fixtures.GangBundles;
import dev.aiconform.core.validation.Diagnostic;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/apply.md, compiled and run against fabric8's mock API server: the guide includes
 * the tagged regions ({@code <!-- include: path#tag -->}).
 */
class ApplyGuideTest {
  @TempDir Path dir;

  private FakeApiServer server;
  private KubernetesClient fabric8Client;
  private final FakeTime time = new FakeTime();

  @BeforeEach
  void start() throws IOException {
    server = FakeApiServer.startServingPodGroups();
    fabric8Client = server.client();
    Files.writeString(dir.resolve("train.yaml"), GangBundles.TRAINING_YAML);
  }

  @AfterEach
  void stop() {
    fabric8Client.close();
    server.close();
  }

  @Test
  void applyReadWaitAndPrune() {
    Path manifests = dir;
    List<String> log = new ArrayList<>();
    // tag::apply[]
    ManifestBundle bundle = ManifestReader.defaults().read(manifests).bundle();
    try (Fabric8ClusterClient cluster =
        Fabric8ClusterClient.builder()
            // or .kubeconfig(path).context("kind-ai"), or nothing at all: $KUBECONFIG
            .client(fabric8Client)
            .progress(
                new ApplyProgress() {
                  @Override
                  public void applied(ObjectOutcome outcome) {
                    log.add(outcome.toString());
                  }
                })
            .build()) {
      ApplyResult result = cluster.apply(bundle, ApplyOptions.defaults());
      for (ObjectOutcome o : result.outcomes()) {
        System.out.printf("%-10s %s %s%n", o.action(), o.ref(), o.message());
      }
      // end::apply[]
      assertThat(result.isSuccess()).isTrue();
      assertThat(log)
          .containsExactly(
              "v1/Namespace ml: created",
              "resource.k8s.io/v1/ResourceClaimTemplate ml/gpus: created",
              "scheduling.x-k8s.io/v1alpha1/PodGroup ml/train: created",
              "batch/v1/Job ml/train: created",
              "v1/Service ml/train: created");

      // tag::dry-runs[]
      ApplyResult serverSide =
          cluster.apply(bundle, ApplyOptions.builder().dryRun(ApplyOptions.DryRun.SERVER).build());
      ApplyResult local =
          cluster.apply(bundle, ApplyOptions.builder().dryRun(ApplyOptions.DryRun.CLIENT).build());
      // end::dry-runs[]
      assertThat(serverSide.outcomes())
          .extracting(ObjectOutcome::action)
          .containsOnly(Action.VALIDATED);
      assertThat(local.outcomes()).extracting(ObjectOutcome::action).containsOnly(Action.VALIDATED);

      // tag::prune[]
      Prune prune = Prune.bundle("train"); // label aiconform.dev/bundle=train
      cluster.apply(bundle, ApplyOptions.defaults(), prune);
      ManifestBundle smaller = bundle.filter(m -> !m.ref().kind().equals("Service"));
      ApplyResult pruned = cluster.apply(smaller, ApplyOptions.defaults(), prune);
      // the last outcome: v1/Service ml/train: pruned (carried aiconform.dev/bundle=train ...)
      // end::prune[]
      assertThat(pruned.outcomes().get(pruned.outcomes().size() - 1).action())
          .isEqualTo(Action.PRUNED);

      // tag::read-back[]
      ClusterCapabilities caps = cluster.capabilities();
      boolean dra = caps.serves("resource.k8s.io/v1");
      boolean kueue = caps.customResourceDefinitions().contains("workloads.kueue.x-k8s.io");
      cluster.get(ObjectRef.of("batch/v1", "Job", "ml", "train")).ifPresent(job -> {});
      // end::read-back[]
      assertThat(dra).isTrue();
      assertThat(kueue).isFalse();
    }
  }

  @Test
  void conflictsAndRetries() {
    server.fail(
        "PATCH",
        "/apis/batch/v1/namespaces/ml/jobs/train",
        1,
        409,
        Fabric8ClusterClientApplyTest.CONFLICT);
    server.fail(
        "PATCH",
        "/api/v1/namespaces/ml/services/train",
        2,
        503,
        "",
        java.util.Map.of("Retry-After", "2"));
    ManifestBundle bundle = GangBundles.training();
    // tag::retries[]
    Fabric8ClusterClient cluster =
        Fabric8ClusterClient.builder()
            .client(fabric8Client)
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(8)
                    .initialBackoff(Duration.ofMillis(500))
                    .maxElapsed(Duration.ofMinutes(2))
                    .build())
            .clock(time.clock()) // tests: a fake clock and sleeper, so nothing really sleeps
            .sleeper(time.sleeper())
            .build();
    // end::retries[]
    // tag::conflicts[]
    ApplyResult result = cluster.apply(bundle, ApplyOptions.defaults());
    for (ObjectOutcome o : result.failures()) {
      if (o.action() == ObjectOutcome.Action.CONFLICT) {
        for (Diagnostic d : o.causes()) {
          System.err.println(o.ref() + " " + d.path() + ": " + d.message());
          // batch/v1/Job ml/train spec.parallelism: field is managed by "kubectl-edit" ...
        }
      }
    }
    ApplyResult forced = cluster.apply(bundle, ApplyOptions.builder().forceConflicts(true).build());
    // end::conflicts[]
    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind() + " " + o.action() + " " + o.attempts())
        .contains("Job CONFLICT 1", "Service CREATED 3");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(forced.isSuccess()).isTrue();
    assertThat(server.requests("PATCH", "/apis/batch/v1/namespaces/ml/jobs/train").get(1).query())
        .containsEntry("force", "true");
  }

  @Test
  void waiting() {
    Fabric8ClusterClient cluster =
        Fabric8ClusterClient.builder()
            .client(fabric8Client)
            .clock(time.clock())
            .sleeper(time.sleeper())
            .build();
    ApplyResult result =
        cluster.apply(GangBundles.training().filter(m -> !m.ref().kind().equals("Job")));
    // tag::wait[]
    ReadinessReport ready = cluster.awaitReady(result, Duration.ofMinutes(10));
    if (!ready.allReady()) {
      System.err.println(ready.summary());
      // 3/4 ready after 10m; timed out; not ready: .../PodGroup ml/train: applied (...)
    }
    // end::wait[]
    assertThat(ready.summary())
        .isEqualTo(
            "3/4 ready after 10m; timed out; not ready: scheduling.x-k8s.io/v1alpha1/PodGroup ml/train:"
                + " applied (no phase yet)");
  }
}
