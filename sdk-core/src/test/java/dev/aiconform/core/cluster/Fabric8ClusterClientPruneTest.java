package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prune: objects with the bundle's label that left the bundle are deleted, and only those. */
class Fabric8ClusterClientPruneTest {
  private static final String SERVICE = "/api/v1/namespaces/ml/services/train";
  private static final String JOB = "/apis/batch/v1/namespaces/ml/jobs/train";

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

  private static ManifestBundle withoutService() {
    return GangBundles.training().filter(m -> !m.ref().kind().equals("Service"));
  }

  @Test
  void labelsEveryAppliedObjectWithTheBundleName() {
    ApplyResult result =
        cluster.apply(GangBundles.training(), ApplyOptions.defaults(), Prune.bundle("train"));

    assertThat(result.isSuccess()).isTrue();
    assertThat(labels(server.stored(JOB))).containsEntry("aiconform.dev/bundle", "train");
    assertThat(GangBundles.training().objects())
        .allSatisfy(
            o -> assertThat(o.getMetadata().getLabels()).doesNotContainKey("aiconform.dev/bundle"));
  }

  @Test
  void deletesLabelledObjectsThatLeftTheBundle() {
    cluster.apply(GangBundles.training(), ApplyOptions.defaults(), Prune.bundle("train"));
    server.store(
        new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
            .withNewMetadata()
            .withName("not-ours")
            .withNamespace("ml")
            .addToLabels("aiconform.dev/bundle", "other")
            .endMetadata()
            .build(),
        "configmaps");

    ApplyResult result =
        cluster.apply(withoutService(), ApplyOptions.defaults(), Prune.bundle("train"));

    assertThat(result.outcomes())
        .filteredOn(o -> o.action() == Action.PRUNED)
        .extracting(o -> o.ref().toString(), ObjectOutcome::message)
        .containsExactly(
            tuple(
                "v1/Service ml/train",
                "carried aiconform.dev/bundle=train but is no longer in the bundle"));
    assertThat(server.stored(SERVICE)).isNull();
    assertThat(server.stored(JOB)).isNotNull();
    assertThat(server.stored("/api/v1/namespaces/ml/configmaps/not-ours")).isNotNull();
  }

  @Test
  void serverDryRunSaysWhatItWouldPruneAndDeletesNothing() {
    cluster.apply(GangBundles.training(), ApplyOptions.defaults(), Prune.bundle("train"));

    ApplyResult result =
        cluster.apply(
            withoutService(),
            ApplyOptions.builder().dryRun(ApplyOptions.DryRun.SERVER).build(),
            Prune.bundle("train"));

    assertThat(result.outcomes())
        .filteredOn(o -> o.ref().kind().equals("Service"))
        .extracting(ObjectOutcome::action, ObjectOutcome::message)
        .containsExactly(
            tuple(
                Action.VALIDATED,
                "server dry run: would be pruned (carries aiconform.dev/bundle=train)"));
    assertThat(server.stored(SERVICE)).isNotNull();
    assertThat(server.requests("DELETE", SERVICE).get(0).query()).containsEntry("dryRun", "All");
  }

  @Test
  void prunesNothingWhenAnObjectOfTheBundleFailed() {
    cluster.apply(GangBundles.training(), ApplyOptions.defaults(), Prune.bundle("train"));
    server.fail(
        "PATCH",
        JOB,
        1,
        422,
        FakeApiServer.status(422, "Invalid", "Job.batch \"train\" is invalid"));

    ApplyResult result =
        cluster.apply(withoutService(), ApplyOptions.defaults(), Prune.bundle("train"));

    assertThat(result.outcomes())
        .filteredOn(o -> o.ref().kind().equals("Service"))
        .extracting(ObjectOutcome::action)
        .containsExactly(Action.SKIPPED);
    assertThat(server.stored(SERVICE)).isNotNull();
    assertThat(server.requests("DELETE", "/")).isEmpty();
  }

  @Test
  void bundleNameMustBeALabelValue() {
    assertThatThrownBy(() -> Prune.bundle("Train Job!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 'Train Job!'");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> labels(Map<String, Object> object) {
    return (Map<String, String>) ((Map<String, Object>) object.get("metadata")).get("labels");
  }
}
