package dev.aiconform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
}
