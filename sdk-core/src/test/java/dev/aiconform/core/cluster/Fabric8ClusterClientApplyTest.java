package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.FakeTime;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-side apply of whole bundles against fabric8's mock API server (CRUD store, real HTTP). */
class Fabric8ClusterClientApplyTest {
  private static final String JOB = "/apis/batch/v1/namespaces/ml/jobs/train";
  private static final String POD_GROUP =
      "/apis/scheduling.x-k8s.io/v1alpha1/namespaces/ml/podgroups/train";
  private static final String CLAIM_TEMPLATE =
      "/apis/resource.k8s.io/v1/namespaces/ml/resourceclaimtemplates/gpus";

  private FakeApiServer server;
  private KubernetesClient fabric8;
  private final FakeTime time = new FakeTime();
  private Fabric8ClusterClient cluster;

  @BeforeEach
  void start() {
    server = FakeApiServer.startServingPodGroups();
    fabric8 = server.client();
    cluster = time.client(fabric8).build();
  }

  @AfterEach
  void stop() {
    cluster.close();
    fabric8.close();
    server.close();
  }

  @Test
  void appliesEveryObjectByServerSideApplyInGangSafeOrder() {
    ApplyResult result = cluster.apply(GangBundles.training());

    assertThat(result.isSuccess()).as(result.toString()).isTrue();
    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action)
        .containsExactly(
            tuple("Namespace", Action.CREATED),
            tuple("ResourceClaimTemplate", Action.CREATED),
            tuple("PodGroup", Action.CREATED),
            tuple("Job", Action.CREATED),
            tuple("Service", Action.CREATED));
    List<FakeApiServer.Request> patches = server.requests("PATCH", "/");
    assertThat(patches).hasSize(5);
    assertThat(patches)
        .allSatisfy(
            r -> {
              assertThat(r.contentType()).isEqualTo("application/apply-patch+yaml");
              assertThat(r.query())
                  .containsEntry("fieldManager", "aiconform")
                  .containsEntry("force", "false")
                  .doesNotContainKey("dryRun");
            });
    assertThat(server.stored(JOB)).isNotNull();
  }

  @Test
  void reapplyingReportsConfigured() {
    cluster.apply(GangBundles.training());

    ApplyResult again = cluster.apply(GangBundles.training());

    assertThat(again.outcomes()).extracting(ObjectOutcome::action).containsOnly(Action.CONFIGURED);
  }

  @Test
  void retriesA429AfterItsRetryAfter() {
    server.fail(
        "PATCH",
        JOB,
        2,
        429,
        FakeApiServer.status(429, "TooManyRequests", "slow down"),
        java.util.Map.of("Retry-After", "3"));

    ApplyResult result = cluster.apply(GangBundles.training());

    ObjectOutcome job = outcome(result, "Job");
    assertThat(job.action()).isEqualTo(Action.CREATED);
    assertThat(job.attempts()).isEqualTo(3);
    assertThat(time.sleeps())
        .containsExactly(java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(3));
  }

  @Test
  void serverDryRunAsksForDryRunAllAndStoresNothing() {
    ApplyResult result =
        cluster.apply(
            GangBundles.training(),
            ApplyOptions.builder().dryRun(ApplyOptions.DryRun.SERVER).build());

    assertThat(result.outcomes()).extracting(ObjectOutcome::action).containsOnly(Action.VALIDATED);
    assertThat(outcome(result, "Job").message()).isEqualTo("server dry run: would be created");
    assertThat(server.requests("PATCH", "/"))
        .allSatisfy(r -> assertThat(r.query()).containsEntry("dryRun", "All"));
    assertThat(server.stored(JOB)).isNull();
  }

  @Test
  void clientDryRunSendsNothing() {
    ApplyResult result =
        cluster.apply(
            GangBundles.training(),
            ApplyOptions.builder().dryRun(ApplyOptions.DryRun.CLIENT).build());

    assertThat(result.outcomes()).extracting(ObjectOutcome::action).containsOnly(Action.VALIDATED);
    assertThat(outcome(result, "Job").message())
        .startsWith("client dry run: passes API validation");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void fieldManagerAndForceConflictsGoOnEveryPatch() {
    cluster.apply(
        GangBundles.training(),
        ApplyOptions.builder().fieldManager("ml-platform").forceConflicts(true).build());

    assertThat(server.requests("PATCH", "/"))
        .extracting(FakeApiServer.Request::query)
        .allSatisfy(
            q ->
                assertThat(q)
                    .containsEntry("fieldManager", "ml-platform")
                    .containsEntry("force", "true"));
  }

  @Test
  void conflictIsReportedWithTheManagersAndFieldsTheServerNames() {
    server.fail("PATCH", JOB, 1, 409, CONFLICT);

    ApplyResult result = cluster.apply(GangBundles.training());

    ObjectOutcome job = outcome(result, "Job");
    assertThat(job.action()).isEqualTo(Action.CONFLICT);
    assertThat(job.message())
        .isEqualTo(
            "conflicts with \"kubectl-edit\" on spec.parallelism; with \"helm\" on"
                + " spec.template.spec.containers[name=\"trainer\"].image (field manager \"aiconform\")");
    assertThat(job.causes())
        .extracting(d -> d.rule(), d -> d.path(), d -> d.message())
        .containsExactly(
            tuple(
                "core.apply.conflict",
                "spec.parallelism",
                "field is managed by \"kubectl-edit\" (batch/v1), not by \"aiconform\""),
            tuple(
                "core.apply.conflict",
                "spec.template.spec.containers[name=\"trainer\"].image",
                "field is managed by \"helm\" (batch/v1), not by \"aiconform\""));
    assertThat(job.causes().get(0).hint()).contains("force-conflicts");
    assertThat(job.attempts()).isEqualTo(1);
    assertThat(outcome(result, "Service").action()).isEqualTo(Action.CREATED);
  }

  @Test
  void rejectedGangObjectKeepsItsMembersFromBeingCreated() {
    server.fail("PATCH", POD_GROUP, 1, 422, INVALID_POD_GROUP);

    ApplyResult result = cluster.apply(GangBundles.training());

    ObjectOutcome podGroup = outcome(result, "PodGroup");
    assertThat(podGroup.action()).isEqualTo(Action.REJECTED);
    assertThat(podGroup.causes())
        .extracting(d -> d.path(), d -> d.reason().map(Object::toString).orElse(""))
        .containsExactly(tuple("spec.minMember", "FieldValueInvalid"));
    ObjectOutcome job = outcome(result, "Job");
    assertThat(job.action()).isEqualTo(Action.SKIPPED);
    assertThat(job.message())
        .isEqualTo(
            "not applied: its gang object scheduling.x-k8s.io/v1alpha1/PodGroup ml/train failed"
                + " (rejected); creating this member alone would start a partial gang");
    assertThat(server.requests("PATCH", JOB)).isEmpty();
    assertThat(server.stored(JOB)).isNull();
    assertThat(outcome(result, "Service").action()).isEqualTo(Action.CREATED);
    assertThat(result.isSuccess()).isFalse();
  }

  @Test
  void failedClaimTemplateKeepsThePodsThatUseItFromBeingCreated() {
    server.fail(
        "PATCH",
        CLAIM_TEMPLATE,
        1,
        403,
        FakeApiServer.status(
            403,
            "Forbidden",
            "resourceclaimtemplates.resource.k8s.io is forbidden: User cannot patch resource"));

    ApplyResult result = cluster.apply(GangBundles.training());

    assertThat(outcome(result, "ResourceClaimTemplate").action()).isEqualTo(Action.FAILED);
    assertThat(outcome(result, "ResourceClaimTemplate").message())
        .contains("HTTP 403 Forbidden", "kubectl auth can-i patch resourceclaimtemplate -n ml");
    assertThat(outcome(result, "PodGroup").action()).isEqualTo(Action.CREATED);
    assertThat(outcome(result, "Job").action()).isEqualTo(Action.SKIPPED);
    assertThat(outcome(result, "Job").message())
        .contains(
            "its device claim resource.k8s.io/v1/ResourceClaimTemplate ml/gpus failed (failed)",
            "its pods could not get their devices");
  }

  @Test
  void failedNamespaceSkipsEverythingInIt() {
    server.fail(
        "PATCH",
        "/api/v1/namespaces/ml?",
        1,
        422,
        FakeApiServer.status(422, "Invalid", "Namespace \"ml\" is invalid"));

    ApplyResult result = cluster.apply(GangBundles.training());

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action)
        .containsExactly(
            tuple("Namespace", Action.REJECTED),
            tuple("ResourceClaimTemplate", Action.SKIPPED),
            tuple("PodGroup", Action.SKIPPED),
            tuple("Job", Action.SKIPPED),
            tuple("Service", Action.SKIPPED));
    assertThat(server.requests("PATCH", "/")).hasSize(1);
  }

  @Test
  void missingNamespaceSaysHowToFixIt() {
    server.fail(
        "PATCH",
        JOB,
        1,
        404,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":404,"
            + "\"reason\":\"NotFound\",\"message\":\"namespaces \\\"ml\\\" not found\","
            + "\"details\":{\"name\":\"ml\",\"kind\":\"namespaces\"}}");

    ApplyResult result = cluster.apply(GangBundles.training());

    assertThat(outcome(result, "Job").message())
        .isEqualTo(
            "HTTP 404 NotFound: namespaces \"ml\" not found; add a Namespace ml to the bundle or create it first");
  }

  @Test
  void kindTheClusterDoesNotServeFailsWithAClearMessage() {
    ApplyResult result =
        cluster.apply(
            GangBundles.parse(
                "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: train, namespace: ml}\n"
                    + "spec: {replicatedJobs: []}\n"));

    ObjectOutcome jobSet = result.outcomes().get(0);
    assertThat(jobSet.action()).isEqualTo(Action.FAILED);
    assertThat(jobSet.message())
        .isEqualTo(
            "the cluster does not serve jobset.x-k8s.io/v1alpha2 (GET /apis/jobset.x-k8s.io/v1alpha2 answered"
                + " 404); install the component that provides jobset.x-k8s.io or use an apiVersion the"
                + " cluster serves");
  }

  @Test
  void customResourcesOfServedCrdsAreAppliedWhereDiscoverySays() {
    server.serve("jobset.x-k8s.io/v1alpha2", "JobSet", "jobsets", true);

    ApplyResult result =
        cluster.apply(
            GangBundles.parse(
                "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: train}\n"
                    + "spec: {replicatedJobs: []}\n"));

    assertThat(result.outcomes()).extracting(ObjectOutcome::action).containsExactly(Action.CREATED);
    assertThat(result.outcomes().get(0).ref())
        .isEqualTo(ObjectRef.of("jobset.x-k8s.io/v1alpha2", "JobSet", "test", "train"));
    assertThat(
            server.requests(
                "PATCH", "/apis/jobset.x-k8s.io/v1alpha2/namespaces/test/jobsets/train?"))
        .hasSize(1);
  }

  @Test
  void objectsWithoutNamespaceGoToTheClientsNamespaceAndClusterScopedOnesStayWithout() {
    ApplyResult result =
        cluster.apply(
            GangBundles.parse(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n---\n"
                    + "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu.example.com}\n"
                    + "spec: {selectors: [{cel: {expression: 'device.driver == \"gpu.example.com\"'}}]}\n"));

    assertThat(result.outcomes())
        .extracting(ObjectOutcome::ref)
        .containsExactly(
            ObjectRef.of("resource.k8s.io/v1", "DeviceClass", "", "gpu.example.com"),
            ObjectRef.of("v1", "ConfigMap", "test", "settings"));
    assertThat(server.requests("PATCH", "/"))
        .extracting(FakeApiServer.Request::resourcePath)
        .containsExactly(
            "/apis/resource.k8s.io/v1/deviceclasses/gpu.example.com",
            "/api/v1/namespaces/test/configmaps/settings");
  }

  @Test
  void objectWithOnlyGenerateNameIsRejectedWithoutARequest() {
    ApplyResult result =
        cluster.apply(
            GangBundles.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: run-}\n"));

    ObjectOutcome o = result.outcomes().get(0);
    assertThat(o.action()).isEqualTo(Action.REJECTED);
    assertThat(o.causes()).extracting(d -> d.path()).containsExactly("metadata.name");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void nativeGangMembersWaitForTheirPodGroupAndItsWorkload() {
    ApplyResult result =
        cluster.apply(
            GangBundles.parse(
                String.join(
                    "\n",
                    "apiVersion: v1",
                    "kind: Pod",
                    "metadata: {name: worker-0, namespace: ml}",
                    "spec:",
                    "  schedulingGroup: {podGroupName: train}",
                    "  containers: [{name: w, image: busybox}]",
                    "---",
                    "apiVersion: scheduling.k8s.io/v1beta1",
                    "kind: PodGroup",
                    "metadata: {name: train, namespace: ml}",
                    "spec:",
                    "  workloadRef: {workloadName: train, templateName: workers}",
                    "  schedulingPolicy: {gang: {minCount: 1}}",
                    "---",
                    "apiVersion: scheduling.k8s.io/v1beta1",
                    "kind: Workload",
                    "metadata: {name: train, namespace: ml}",
                    "spec:",
                    "  podGroupTemplates: [{name: workers, schedulingPolicy: {gang: {minCount: 1}}}]",
                    "")));

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind())
        .containsExactly("Workload", "PodGroup", "Pod");
  }

  @Test
  void workloadOfANativeGroupFailingSkipsThePodGroupAndThenThePods() {
    server.fail(
        "PATCH",
        "/apis/scheduling.k8s.io/v1beta1/namespaces/ml/workloads/train",
        1,
        422,
        FakeApiServer.status(422, "Invalid", "Workload.scheduling.k8s.io \"train\" is invalid"));

    ApplyResult result =
        cluster.apply(
            GangBundles.parse(
                String.join(
                    "\n",
                    "apiVersion: scheduling.k8s.io/v1beta1",
                    "kind: Workload",
                    "metadata: {name: train, namespace: ml}",
                    "spec: {podGroupTemplates: [{name: workers, schedulingPolicy: {gang: {minCount: 1}}}]}",
                    "---",
                    "apiVersion: scheduling.k8s.io/v1beta1",
                    "kind: PodGroup",
                    "metadata: {name: train, namespace: ml}",
                    "spec: {workloadRef: {workloadName: train, templateName: workers}}",
                    "---",
                    "apiVersion: v1",
                    "kind: Pod",
                    "metadata: {name: worker-0, namespace: ml}",
                    "spec:",
                    "  schedulingGroup: {podGroupName: train}",
                    "  containers: [{name: w, image: busybox}]",
                    "")));

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action)
        .containsExactly(
            tuple("Workload", Action.REJECTED),
            tuple("PodGroup", Action.SKIPPED),
            tuple("Pod", Action.SKIPPED));
    assertThat(result.outcomes().get(2).message())
        .contains(
            "its gang object scheduling.k8s.io/v1beta1/PodGroup ml/train was not applied either");
  }

  @Test
  void progressHearsEveryOutcomeInOrder() {
    List<String> heard = new java.util.ArrayList<>();
    Fabric8ClusterClient listening =
        time.client(fabric8)
            .progress(
                new ApplyProgress() {
                  @Override
                  public void applied(ObjectOutcome outcome) {
                    heard.add(outcome.ref().kind() + " " + outcome.action());
                  }
                })
            .build();

    listening.apply(GangBundles.training());

    assertThat(heard)
        .containsExactly(
            "Namespace CREATED",
            "ResourceClaimTemplate CREATED",
            "PodGroup CREATED",
            "Job CREATED",
            "Service CREATED");
  }

  static final String CONFLICT =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":409,\"reason\":\"Conflict\","
          + "\"message\":\"Apply failed with 2 conflicts: conflict with \\\"kubectl-edit\\\" using batch/v1: .spec.parallelism\","
          + "\"details\":{\"name\":\"train\",\"group\":\"batch\",\"kind\":\"jobs\",\"causes\":["
          + "{\"reason\":\"FieldManagerConflict\",\"message\":\"conflict with \\\"kubectl-edit\\\" using batch/v1\","
          + "\"field\":\".spec.parallelism\"},"
          + "{\"reason\":\"FieldManagerConflict\",\"message\":\"conflict with \\\"helm\\\" using batch/v1\","
          + "\"field\":\".spec.template.spec.containers[name=\\\"trainer\\\"].image\"}]}}";

  static final String INVALID_POD_GROUP =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":422,\"reason\":\"Invalid\","
          + "\"message\":\"PodGroup.scheduling.x-k8s.io \\\"train\\\" is invalid: spec.minMember: Invalid value: 0:"
          + " spec.minMember in body should be greater than or equal to 1\","
          + "\"details\":{\"name\":\"train\",\"group\":\"scheduling.x-k8s.io\",\"kind\":\"PodGroup\",\"causes\":["
          + "{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: 0: spec.minMember in body should be greater"
          + " than or equal to 1\",\"field\":\"spec.minMember\"}]}}";

  /** The outcome of the bundle's one object of {@code kind}. */
  static ObjectOutcome outcome(ApplyResult result, String kind) {
    return result.outcomes().stream()
        .filter(o -> o.ref().kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  static ObjectRef ref(String apiVersion, String kind, String name) {
    return ObjectRef.of(apiVersion, kind, "ml", name);
  }
}
