package dev.aiconform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedPodSpecTest {

  private static HasMetadata parse(String yaml) {
    return KubeSerialization.get().unmarshal(yaml);
  }

  @ParameterizedTest(name = "{1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "v1|Pod|spec|spec: {containers: []}",
        "v1|PodTemplate|template.spec|template: {spec: {containers: []}}",
        "v1|ReplicationController|spec.template.spec|spec: {template: {spec: {containers: []}}}",
        "apps/v1|Deployment|spec.template.spec|spec: {template: {spec: {containers: []}}}",
        "apps/v1|ReplicaSet|spec.template.spec|spec: {template: {spec: {containers: []}}}",
        "apps/v1|DaemonSet|spec.template.spec|spec: {template: {spec: {containers: []}}}",
        "apps/v1|StatefulSet|spec.template.spec|spec: {template: {spec: {containers: []}}}",
        "batch/v1|Job|spec.template.spec|spec: {template: {spec: {containers: []}}}",
        "batch/v1|CronJob|spec.jobTemplate.spec.template.spec|spec: {jobTemplate: {spec: {template: {spec: {containers: []}}}}}"
      })
  void findsThePodSpecOfEachKind(String apiVersion, String kind, String path, String body) {
    HasMetadata object =
        parse(
            "apiVersion: "
                + apiVersion
                + "\nkind: "
                + kind
                + "\nmetadata:\n  name: x\n"
                + body
                + "\n");

    assertThat(EmbeddedPodSpec.of(object))
        .hasValueSatisfying(p -> assertThat(p.specPath().toString()).isEqualTo(path));
  }

  @ParameterizedTest
  @CsvSource({"apps/v1, Deployment", "batch/v1, Job", "v1, ConfigMap"})
  void findsNothingWithoutATemplate(String apiVersion, String kind) {
    assertThat(
            EmbeddedPodSpec.of(
                parse(
                    "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: x\n")))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "JobSet|jobset.x-k8s.io/v1alpha2|"
            + "spec: {replicatedJobs: [{name: leader, template: {spec: {template: {spec: {containers: []}}}}},"
            + " {name: workers, template: {spec: {template: {spec: {containers: []}}}}}]}|"
            + "spec.replicatedJobs[0].template.spec.template.spec,"
            + " spec.replicatedJobs[1].template.spec.template.spec",
        "LeaderWorkerSet|leaderworkerset.x-k8s.io/v1|"
            + "spec: {leaderWorkerTemplate: {size: 4, leaderTemplate: {spec: {containers: []}},"
            + " workerTemplate: {spec: {containers: []}}}}|"
            + "spec.leaderWorkerTemplate.leaderTemplate.spec,"
            + " spec.leaderWorkerTemplate.workerTemplate.spec",
        "LeaderWorkerSet|leaderworkerset.x-k8s.io/v1|"
            + "spec: {leaderWorkerTemplate: {size: 4, workerTemplate: {spec: {containers: []}}}}|"
            + "spec.leaderWorkerTemplate.workerTemplate.spec",
        "Job|batch.volcano.sh/v1alpha1|"
            + "spec: {tasks: [{name: ps, template: {spec: {containers: []}}},"
            + " {name: worker, template: {spec: {containers: []}}}]}|"
            + "spec.tasks[0].template.spec, spec.tasks[1].template.spec",
        "Job|batch/v1|spec: {template: {spec: {containers: []}}}|spec.template.spec",
        "TrainJob|trainer.kubeflow.org/v1alpha1|spec: {template: {spec: {containers: []}}}|"
      })
  void findsEveryTemplateOfTheAiWorkloadKinds(
      String kind, String apiVersion, String body, String paths) {
    HasMetadata object =
        parse("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: x\n" + body);

    assertThat(EmbeddedPodSpec.all(object))
        .extracting(p -> p.specPath().toString())
        .containsExactlyElementsOf(paths == null ? List.of() : List.of(paths.split(",\\s*")));
  }

  @org.junit.jupiter.api.Test
  void readsATemplatesLabelsAndSpecFromACustomResource() {
    HasMetadata lws =
        parse(
            "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n  name: vllm\n"
                + "spec:\n  leaderWorkerTemplate:\n    workerTemplate:\n"
                + "      metadata: {labels: {role: worker}}\n"
                + "      spec: {containers: [{name: w, image: vllm/vllm-openai}]}\n");

    EmbeddedPodSpec worker = EmbeddedPodSpec.all(lws).get(0);

    assertThat(worker.holder()).isEqualTo(EmbeddedPodSpec.Holder.CUSTOM_RESOURCE);
    assertThat(worker.templateMetadata().orElseThrow().getLabels()).containsEntry("role", "worker");
    assertThat(worker.spec().getContainers())
        .extracting("image")
        .containsExactly("vllm/vllm-openai");
    assertThat(EmbeddedPodSpec.of(lws)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theBuiltinKindsAreTheKindsOfTheHolders() {
    assertThat(EmbeddedPodSpec.BUILTIN_KINDS)
        .hasSize(EmbeddedPodSpec.Holder.values().length - 1)
        .contains(
            dev.aiconform.core.GroupKind.of("batch", "CronJob"),
            dev.aiconform.core.GroupKind.of("", "PodTemplate"));
  }
}
