package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact requests on the wire, with fabric8's mock server in expectation mode (its CRUD mode
 * implements neither server-side apply nor dry run): method, path and query, content type, body.
 */
class Fabric8ClusterClientWireTest {
  private static final String JOB_PATH = "/apis/batch/v1/namespaces/ml/jobs/train";

  private KubernetesMockServer server;
  private KubernetesClient fabric8;
  private Fabric8ClusterClient cluster;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    fabric8 = server.createClient();
    cluster = Fabric8ClusterClient.of(fabric8);
  }

  @AfterEach
  void stop() {
    fabric8.close();
    server.destroy();
  }

  private static Job job() {
    return new JobBuilder()
        .withNewMetadata()
        .withName("train")
        .withNamespace("ml")
        .endMetadata()
        .withNewSpec()
        .withParallelism(4)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("trainer")
        .withImage("ghcr.io/example/trainer:1.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private RecordedRequest lastRequest() throws InterruptedException {
    RecordedRequest last = null;
    for (RecordedRequest r; (r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null; ) {
      last = r;
    }
    return last;
  }

  @Test
  void appliesWithAServerSideApplyPatchOfTheWholeObject() throws Exception {
    server
        .expect()
        .patch()
        .withPath(JOB_PATH + "?fieldManager=aiconform&fieldValidation=Strict&force=false")
        .andReturn(201, job())
        .once();

    ApplyResult result = cluster.apply(ManifestBundle.of(job()));

    assertThat(result.outcomes()).extracting(ObjectOutcome::action).containsExactly(Action.CREATED);
    RecordedRequest patch = lastRequest();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getPath())
        .isEqualTo(JOB_PATH + "?fieldManager=aiconform&fieldValidation=Strict&force=false");
    assertThat(patch.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    Map<?, ?> sent = KubeSerialization.get().unmarshal(patch.getUtf8Body(), Map.class);
    Map<?, ?> expected = KubeSerialization.get().convertValue(job(), Map.class);
    assertThat(sent).isEqualTo(expected);
  }

  @Test
  void forcesConflictsWithTheGivenFieldManagerOnlyWhenAsked() throws Exception {
    server
        .expect()
        .patch()
        .withPath(JOB_PATH + "?fieldManager=ml-platform&fieldValidation=Strict&force=true")
        .andReturn(200, job())
        .once();

    ApplyResult result =
        cluster.apply(
            ManifestBundle.of(job()),
            ApplyOptions.builder().fieldManager("ml-platform").forceConflicts(true).build());

    assertThat(result.outcomes())
        .extracting(ObjectOutcome::action)
        .containsExactly(Action.CONFIGURED);
    assertThat(lastRequest().getPath())
        .endsWith("fieldManager=ml-platform&fieldValidation=Strict&force=true");
  }

  @Test
  void serverDryRunAddsDryRunAll() throws Exception {
    server
        .expect()
        .patch()
        .withPath(
            JOB_PATH + "?fieldManager=aiconform&fieldValidation=Strict&force=false&dryRun=All")
        .andReturn(201, job())
        .once();

    ApplyResult result =
        cluster.apply(
            ManifestBundle.of(job()),
            ApplyOptions.builder().dryRun(ApplyOptions.DryRun.SERVER).build());

    assertThat(result.outcomes())
        .extracting(ObjectOutcome::action)
        .containsExactly(Action.VALIDATED);
    assertThat(lastRequest().getPath()).endsWith("&dryRun=All");
  }

  @Test
  void managedFieldsAreLeftToTheServer() throws Exception {
    Job fromKubectlGet =
        new JobBuilder(job())
            .editMetadata()
            .addNewManagedField()
            .withManager("kubectl")
            .withOperation("Update")
            .endManagedField()
            .endMetadata()
            .build();
    server
        .expect()
        .patch()
        .withPath(JOB_PATH + "?fieldManager=aiconform&fieldValidation=Strict&force=false")
        .andReturn(200, job())
        .once();

    cluster.apply(ManifestBundle.of(fromKubectlGet));

    assertThat(lastRequest().getUtf8Body()).doesNotContain("managedFields");
    assertThat(fromKubectlGet.getMetadata().getManagedFields()).hasSize(1);
  }

  @Test
  void mockCrudModeCannotServerSideApplyAndTheObjectStillGetsAFailedOutcome() {
    KubernetesMockServer crud =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new io.fabric8.mockwebserver.MockWebServer(),
            new java.util.HashMap<>(),
            new io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher(
                new java.util.HashMap<>()),
            false);
    crud.init();
    try (KubernetesClient client = crud.createClient()) {
      ApplyResult result = Fabric8ClusterClient.of(client).apply(ManifestBundle.of(job()));

      ObjectOutcome o = result.outcomes().get(0);
      assertThat(o.action()).isEqualTo(Action.FAILED);
      // CRUD mode answers an apply-patch to a missing object with a bare 404 (no Status, no
      // discovery)
      assertThat(o.message())
          .isEqualTo("HTTP 404 Not Found; the cluster does not serve batch/v1 Job");
    } finally {
      crud.destroy();
    }
  }
}
