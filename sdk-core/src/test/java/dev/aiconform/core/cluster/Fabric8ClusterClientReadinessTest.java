package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ReadinessReport.Stage;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.FakeTime;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting for readiness: stages as the cluster's controllers move objects along, on fake time. */
class Fabric8ClusterClientReadinessTest {
  private static final String JOB = "/apis/batch/v1/namespaces/ml/jobs/train";
  private static final String POD_GROUP =
      "/apis/scheduling.x-k8s.io/v1alpha1/namespaces/ml/podgroups/train";

  private FakeApiServer server;
  private KubernetesClient fabric8;
  private final FakeTime time = new FakeTime();
  private final List<String> heard = new ArrayList<>();
  private Fabric8ClusterClient cluster;

  @BeforeEach
  void start() {
    server = FakeApiServer.startServingPodGroups();
    fabric8 = server.client();
    cluster =
        time.client(fabric8)
            .pollInterval(Duration.ofSeconds(2))
            .progress(
                new ApplyProgress() {
                  @Override
                  public void stage(ObjectRef ref, Stage stage, String detail) {
                    if (ref.kind().equals("Job")) {
                      heard.add(stage.label() + (detail.isEmpty() ? "" : ": " + detail));
                    }
                  }
                })
            .build();
  }

  @AfterEach
  void stop() {
    fabric8.close();
    server.close();
  }

  @Test
  void followsAGangJobFromAppliedToReady() {
    ApplyResult applied = cluster.apply(GangBundles.training());
    int[] poll = {0};
    time.onSleep(
        () -> {
          poll[0]++;
          if (poll[0] == 1) {
            for (int i = 0; i < 4; i++) {
              server.store(pod(i), "pods");
            }
            server.setStatus(POD_GROUP, Map.of("phase", "Scheduling"));
          } else if (poll[0] == 2) {
            for (int i = 0; i < 4; i++) {
              server.setStatus("/api/v1/namespaces/ml/pods/train-" + i, Map.of("phase", "Pending"));
              bind(i);
            }
          } else if (poll[0] == 3) {
            for (int i = 0; i < 4; i++) {
              server.setStatus(
                  "/api/v1/namespaces/ml/pods/train-" + i,
                  Map.of(
                      "phase",
                      "Running",
                      "conditions",
                      List.of(Map.of("type", "Ready", "status", "True"))));
            }
            server.setStatus(POD_GROUP, Map.of("phase", "Running"));
          }
        });

    ReadinessReport report = cluster.awaitReady(applied, Duration.ofMinutes(5));

    assertThat(report.allReady()).as(report.summary()).isTrue();
    assertThat(report.timedOut()).isFalse();
    assertThat(heard)
        .containsExactly(
            "applied",
            "admitted: 0/4 pods bound, 0/4 ready",
            "admitted: 0/4 pods bound, 0/4 ready; pod train-0 waiting to be scheduled",
            "bound: 4/4 pods bound, 0/4 ready",
            "ready: 4/4 pods bound, 4/4 ready");
    assertThat(report.elapsed()).isEqualTo(Duration.ofSeconds(6));
    assertThat(report.summary()).isEqualTo("5/5 ready after 6s");
  }

  @Test
  void timesOutWithWhatEachObjectWaitsOn() {
    ApplyResult applied = cluster.apply(GangBundles.training());
    for (int i = 0; i < 4; i++) {
      server.store(pod(i), "pods");
    }
    server.setStatus(
        "/api/v1/namespaces/ml/pods/train-0",
        Map.of(
            "phase",
            "Pending",
            "conditions",
            List.of(
                Map.of(
                    "type", "PodScheduled",
                    "status", "False",
                    "reason", "Unschedulable",
                    "message", "0/3 nodes are available: 3 Insufficient nvidia.com/gpu."))));

    ReadinessReport report = cluster.awaitReady(applied, Duration.ofSeconds(30));

    assertThat(report.timedOut()).isTrue();
    assertThat(report.elapsed()).isEqualTo(Duration.ofSeconds(30));
    assertThat(report.object(ObjectRef.of("batch/v1", "Job", "ml", "train")).orElseThrow())
        .satisfies(
            o -> {
              assertThat(o.stage()).isEqualTo(Stage.ADMITTED);
              assertThat(o.detail())
                  .isEqualTo(
                      "0/4 pods bound, 0/4 ready; pod train-0 not scheduled: Unschedulable: 0/3 nodes are"
                          + " available: 3 Insufficient nvidia.com/gpu.");
            });
    assertThat(report.summary()).startsWith("3/5 ready after 30s; timed out; not ready: ");
    assertThat(time.sleeps()).hasSize(15);
  }

  @Test
  void aFailedJobEndsItsWaitAtOnce() {
    ApplyResult applied =
        cluster.apply(GangBundles.training().filter(m -> m.ref().kind().equals("Job")));
    server.setStatus(
        JOB,
        Map.of(
            "conditions",
            List.of(
                Map.of(
                    "type",
                    "Failed",
                    "status",
                    "True",
                    "reason",
                    "BackoffLimitExceeded",
                    "message",
                    "Job has reached the specified backoff limit"))));

    ReadinessReport report = cluster.awaitReady(applied, Duration.ofMinutes(5));

    assertThat(report.timedOut()).isFalse();
    assertThat(report.notReady())
        .singleElement()
        .hasToString(
            "batch/v1/Job ml/train: failed (Job failed: BackoffLimitExceeded: Job has reached the specified backoff limit)");
  }

  @Test
  void kueueSuspendedJobWaitsForAdmission() {
    ApplyResult applied =
        cluster.apply(
            GangBundles.parse(
                "apiVersion: batch/v1\nkind: Job\nmetadata: {name: train, namespace: ml, labels: {kueue.x-k8s.io/queue-name: gpus}}\n"
                    + "spec:\n  suspend: true\n  template:\n    spec:\n      restartPolicy: Never\n"
                    + "      containers: [{name: t, image: busybox}]\n"));

    ReadinessReport report = cluster.awaitReady(applied, Duration.ofSeconds(4));

    assertThat(report.objects().get(0).stage()).isEqualTo(Stage.APPLIED);
    assertThat(report.objects().get(0).detail())
        .isEqualTo("suspended until Kueue admits it from LocalQueue gpus");
  }

  @SuppressWarnings("unchecked")
  private void bind(int i) {
    server.edit(
        "/api/v1/namespaces/ml/pods/train-" + i,
        pod -> ((Map<String, Object>) pod.get("spec")).put("nodeName", "gpu-node-" + i));
  }

  private static Pod pod(int i) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("train-" + i)
        .withNamespace("ml")
        .addToLabels("batch.kubernetes.io/job-name", "train")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("trainer")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
