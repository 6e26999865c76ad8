package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.fixtures.GangBundles;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Apply scenarios that run against fabric8's mock server ({@link FakeApiServerScenariosTest}, every
 * build) and against a real API server ({@link RealClusterScenariosIT}, {@code -Pit} with
 * KUBECONFIG pointing at a cluster such as kind). What the mock cannot judge by itself (field
 * ownership, validation) it is told through {@link #serverWillConflict} and {@link
 * #serverWillReject}; a real server needs no telling.
 */
abstract class ClusterScenarios {
  /** A namespace of its own per run, so runs against a shared cluster do not meet. */
  protected final String ns = "aiconform-it-" + UUID.randomUUID().toString().substring(0, 8);

  protected abstract Fabric8ClusterClient cluster();

  /** Another client of the same server, as a second field manager would use. */
  protected abstract Fabric8ClusterClient otherManager();

  /** The next apply of {@code ref} conflicts with {@code manager} on {@code field}. */
  protected abstract void serverWillConflict(ObjectRef ref, String manager, String field);

  /** The next apply of {@code ref} is rejected as invalid at {@code field}. */
  protected abstract void serverWillReject(ObjectRef ref, String field, String message);

  /** Whether the server serves {@code groupVersion} (DRA scenarios need resource.k8s.io/v1). */
  protected boolean serves(String groupVersion) {
    return cluster().capabilities().serves(groupVersion);
  }

  private ManifestBundle basics() {
    return GangBundles.parse(
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Namespace",
            "metadata: {name: " + ns + "}",
            "---",
            "apiVersion: v1",
            "kind: ConfigMap",
            "metadata: {name: settings, namespace: " + ns + "}",
            "data: {epochs: '3'}",
            "---",
            "apiVersion: batch/v1",
            "kind: Job",
            "metadata: {name: train, namespace: " + ns + "}",
            "spec:",
            "  suspend: true",
            "  template:",
            "    spec:",
            "      restartPolicy: Never",
            "      containers: [{name: trainer, image: registry.k8s.io/pause:3.10}]",
            ""));
  }

  @Test
  void appliesThenReappliesThenReadsAndDeletes() {
    ApplyResult first = cluster().apply(basics());
    ApplyResult second = cluster().apply(basics());

    assertThat(first.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action)
        .containsExactly(
            tuple("Namespace", Action.CREATED),
            tuple("ConfigMap", Action.CREATED),
            tuple("Job", Action.CREATED));
    assertThat(second.outcomes()).extracting(ObjectOutcome::action).containsOnly(Action.CONFIGURED);
    ObjectRef settings = ObjectRef.of("v1", "ConfigMap", ns, "settings");
    assertThat(cluster().get(settings)).isPresent();
    assertThat(cluster().list(GroupKind.of("", "ConfigMap"), ns))
        .extracting(o -> o.getMetadata().getName())
        .contains("settings");
    assertThat(cluster().delete(settings)).isTrue();
    assertThat(cluster().delete(ObjectRef.of("batch/v1", "Job", ns, "train"))).isTrue();
  }

  @Test
  void serverDryRunValidatesAndPersistsNothing() {
    cluster().apply(basics().filter(m -> m.ref().kind().equals("Namespace")));

    ApplyResult dry =
        cluster()
            .apply(basics(), ApplyOptions.builder().dryRun(ApplyOptions.DryRun.SERVER).build());

    assertThat(dry.outcomes()).extracting(ObjectOutcome::action).containsOnly(Action.VALIDATED);
    assertThat(cluster().get(ObjectRef.of("v1", "ConfigMap", ns, "settings"))).isEmpty();
  }

  @Test
  void conflictWithAnotherManagerIsReportedAndForcingTakesTheFieldOver() {
    cluster().apply(basics());
    ManifestBundle changed =
        GangBundles.parse(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: "
                + ns
                + "}\ndata: {epochs: '5'}\n");
    ObjectRef settings = ObjectRef.of("v1", "ConfigMap", ns, "settings");
    serverWillConflict(settings, "aiconform", "data.epochs");

    ApplyResult conflict =
        otherManager().apply(changed, ApplyOptions.builder().fieldManager("notebook").build());
    ApplyResult forced =
        otherManager()
            .apply(
                changed,
                ApplyOptions.builder().fieldManager("notebook").forceConflicts(true).build());

    ObjectOutcome c = conflict.outcomes().get(0);
    assertThat(c.action()).isEqualTo(Action.CONFLICT);
    assertThat(c.message()).startsWith("conflicts with \"aiconform\" on data.epochs");
    assertThat(c.causes()).extracting(d -> d.path()).containsExactly("data.epochs");
    assertThat(forced.outcomes())
        .extracting(ObjectOutcome::action)
        .containsExactly(Action.CONFIGURED);
  }

  @Test
  void invalidClaimTemplateIsRejectedAndThePodUsingItIsNotCreated() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        serves("resource.k8s.io/v1"), "the cluster does not serve resource.k8s.io/v1");
    cluster().apply(basics().filter(m -> m.ref().kind().equals("Namespace")));
    ObjectRef template = ObjectRef.of("resource.k8s.io/v1", "ResourceClaimTemplate", ns, "gpus");
    serverWillReject(
        template,
        "spec.spec.devices.requests[0].name",
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'");

    ApplyResult result =
        cluster()
            .apply(
                GangBundles.parse(
                    String.join(
                        "\n",
                        "apiVersion: v1",
                        "kind: Pod",
                        "metadata: {name: worker, namespace: " + ns + "}",
                        "spec:",
                        "  resourceClaims: [{name: gpus, resourceClaimTemplateName: gpus}]",
                        "  containers: [{name: w, image: registry.k8s.io/pause:3.10, resources: {claims: [{name: gpus}]}}]",
                        "---",
                        "apiVersion: resource.k8s.io/v1",
                        "kind: ResourceClaimTemplate",
                        "metadata: {name: gpus, namespace: " + ns + "}",
                        "spec:",
                        "  spec:",
                        "    devices:",
                        "      requests:",
                        "      - name: GPU_1",
                        "        exactly: {deviceClassName: gpu.example.com}",
                        "")));

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action)
        .containsExactly(
            tuple("ResourceClaimTemplate", Action.REJECTED), tuple("Pod", Action.SKIPPED));
    assertThat(result.outcomes().get(0).causes())
        .extracting(d -> d.path())
        .contains("spec.spec.devices.requests[0].name");
    assertThat(cluster().get(ObjectRef.of("v1", "Pod", ns, "worker"))).isEmpty();
  }

  @Test
  void prunesWhatLeftTheBundle() {
    Prune prune = Prune.bundle("scenario-" + ns.substring(ns.length() - 8));
    cluster().apply(basics(), ApplyOptions.defaults(), prune);

    ApplyResult result =
        cluster()
            .apply(
                basics().filter(m -> !m.ref().kind().equals("ConfigMap")),
                ApplyOptions.defaults(),
                prune);

    assertThat(result.outcomes())
        .filteredOn(o -> o.action() == Action.PRUNED)
        .extracting(o -> o.ref().name())
        .containsExactly("settings");
    assertThat(cluster().get(ObjectRef.of("v1", "ConfigMap", ns, "settings"))).isEmpty();
  }

  @Test
  void waitsUntilConfigurationIsReady() {
    ApplyResult applied = cluster().apply(basics().filter(m -> !m.ref().kind().equals("Job")));

    ReadinessReport report = cluster().awaitReady(applied, Duration.ofSeconds(30));

    assertThat(report.allReady()).as(report.summary()).isTrue();
  }

  @Test
  void discoveryNamesTheServerAndItsGroups() {
    ClusterCapabilities caps = cluster().capabilities();

    assertThat(caps.serverVersion()).hasValueSatisfying(v -> assertThat(v).startsWith("v1."));
    assertThat(caps.groupVersions()).contains("v1", "apps/v1", "batch/v1");
  }
}
