package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Defaulter;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Admission: defaulting, the validator's API rules, and rejections shaped as the API server's. */
class AdmissionTest {
  static final GroupKind CLAIM = GroupKind.of("resource.k8s.io", "ResourceClaim");
  static final GroupKind POD = GroupKind.of("", "Pod");

  static RuleInfo ruleInfo(String id, Category category, Severity severity, GroupKind kind) {
    return RuleInfo.builder()
        .id(id)
        .category(category)
        .severity(severity)
        .addKinds(kind)
        .title(id)
        .build();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> requests(HasMetadata claim) {
    Map<String, Object> tree = KubeSerialization.get().convertValue(claim, Map.class);
    Map<String, Object> spec = (Map<String, Object>) tree.get("spec");
    Map<String, Object> devices = (Map<String, Object>) spec.get("devices");
    return (List<Map<String, Object>>) devices.get("requests");
  }

  /** Each request is named (the API server's rule, simplified for the test). */
  static final Rule REQUEST_NAME =
      new Rule() {
        public RuleInfo info() {
          return ruleInfo("test.request.name", Category.API, Severity.ERROR, CLAIM);
        }

        public void check(HasMetadata object, RuleContext ctx) {
          List<Map<String, Object>> requests = requests(object);
          for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).get("name") == null) {
              ctx.report(
                  FieldPath.of("spec", "devices", "requests").index(i).child("name"),
                  Reason.REQUIRED,
                  "every request needs a name",
                  "name the request");
            }
          }
        }
      };

  /** A positive count; and the device class must exist in the cluster (or the bundle). */
  @SuppressWarnings("unchecked")
  static final Rule REQUEST_COUNT_AND_CLASS =
      new Rule() {
        public RuleInfo info() {
          return ruleInfo("test.request.count", Category.API, Severity.ERROR, CLAIM);
        }

        public void check(HasMetadata object, RuleContext ctx) {
          List<Map<String, Object>> requests = requests(object);
          for (int i = 0; i < requests.size(); i++) {
            Map<String, Object> exactly = (Map<String, Object>) requests.get(i).get("exactly");
            if (exactly == null) {
              continue;
            }
            FieldPath path = FieldPath.of("spec", "devices", "requests").index(i).child("exactly");
            Object count = exactly.get("count");
            if (count instanceof Number && ((Number) count).longValue() <= 0) {
              ctx.report(
                  path.child("count"),
                  Reason.INVALID,
                  "must be greater than zero, found " + count,
                  "");
            }
            String className = (String) exactly.get("deviceClassName");
            if (ctx.bundle()
                .find(GroupKind.of("resource.k8s.io", "DeviceClass"), null, className)
                .isEmpty()) {
              ctx.report(
                  path.child("deviceClassName"),
                  Reason.NOT_FOUND,
                  "no DeviceClass " + className,
                  "");
            }
          }
        }
      };

  static final Rule WARNING_ONLY =
      new Rule() {
        public RuleInfo info() {
          return ruleInfo("test.request.warning", Category.API, Severity.WARNING, CLAIM);
        }

        public void check(HasMetadata object, RuleContext ctx) {
          ctx.report(FieldPath.of("spec"), Reason.INVALID, "a warning", "");
        }
      };

  static final Rule PRACTICE_ERROR =
      new Rule() {
        public RuleInfo info() {
          return ruleInfo("test.request.practice", Category.PRACTICE, Severity.ERROR, CLAIM);
        }

        public void check(HasMetadata object, RuleContext ctx) {
          ctx.report(FieldPath.of("spec"), null, "a pitfall", "");
        }
      };

  /** The API server's defaulting: allocationMode ExactCount. */
  @SuppressWarnings("unchecked")
  static final Defaulter ALLOCATION_MODE =
      new Defaulter() {
        public boolean appliesTo(HasMetadata object) {
          return CLAIM.matches(object);
        }

        public void apply(HasMetadata copy, TargetVersion version) {
          ((io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim) copy)
              .getSpec()
              .getDevices()
              .getRequests()
              .forEach(
                  r -> {
                    if (r.getExactly() != null && r.getExactly().getAllocationMode() == null) {
                      r.getExactly().setAllocationMode("ExactCount");
                    }
                  });
        }
      };

  static InMemoryCluster cluster() {
    Validator validator =
        Validator.builder()
            .rules(List.of(REQUEST_NAME, REQUEST_COUNT_AND_CLASS, WARNING_ONLY, PRACTICE_ERROR))
            .defaulters(List.of(ALLOCATION_MODE))
            .build();
    return InMemoryCluster.builder()
        .extensions(List.of())
        .validator(validator)
        .objects(
            Yaml.bundle(
                """
                apiVersion: resource.k8s.io/v1
                kind: DeviceClass
                metadata: {name: gpu.example.com}
                spec:
                  selectors:
                  - cel: {expression: "device.driver == 'gpu.example.com'"}
                """))
        .build();
  }

  static String claim(String requestsYaml) {
    return """
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata: {name: gpus, namespace: ml}
        spec:
          devices:
            requests:
        """
        + requestsYaml.indent(4);
  }

  @Nested
  class Rejections {
    @Test
    void rejectWithTheApiServersMessage() {
      InMemoryCluster cluster = cluster();
      ApplyResult result =
          cluster.apply(Yaml.bundle(claim("- exactly: {deviceClassName: gpu.example.com}")));

      ObjectOutcome outcome = result.outcomes().get(0);
      assertThat(outcome.action()).isEqualTo(Action.REJECTED);
      assertThat(outcome.message())
          .isEqualTo(
              "ResourceClaim.resource.k8s.io \"gpus\" is invalid:"
                  + " spec.devices.requests[0].name: Required value");
      assertThat(outcome.causes())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.rule()).isEqualTo("test.request.name");
                assertThat(d.path()).isEqualTo("spec.devices.requests[0].name");
                assertThat(d.reason()).contains(Reason.REQUIRED);
                assertThat(d.message()).isEqualTo("every request needs a name");
                assertThat(d.object())
                    .contains(ObjectRef.of("resource.k8s.io/v1", "ResourceClaim", "ml", "gpus"));
              });
      assertThat(result.isSuccess()).isFalse();
      assertThat(cluster.get(ObjectRef.of("resource.k8s.io/v1", "ResourceClaim", "ml", "gpus")))
          .isEmpty();
    }

    @Test
    void offerTheKubernetesStatus() {
      ObjectOutcome outcome =
          cluster()
              .apply(Yaml.bundle(claim("- exactly: {deviceClassName: gpu.example.com}")))
              .outcomes()
              .get(0);

      Status status = outcome.status().orElseThrow();
      assertThat(status.getApiVersion()).isEqualTo("v1");
      assertThat(status.getKind()).isEqualTo("Status");
      assertThat(status.getStatus()).isEqualTo("Failure");
      assertThat(status.getReason()).isEqualTo("Invalid");
      assertThat(status.getCode()).isEqualTo(422);
      assertThat(status.getMessage()).isEqualTo(outcome.message());
      assertThat(status.getDetails().getGroup()).isEqualTo("resource.k8s.io");
      assertThat(status.getDetails().getKind()).isEqualTo("ResourceClaim");
      assertThat(status.getDetails().getName()).isEqualTo("gpus");
      assertThat(status.getDetails().getCauses())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.getReason()).isEqualTo("FieldValueRequired");
                assertThat(c.getMessage()).isEqualTo("Required value");
                assertThat(c.getField()).isEqualTo("spec.devices.requests[0].name");
              });
    }

    @Test
    void listSeveralErrorsInBrackets() {
      ObjectOutcome outcome =
          cluster()
              .apply(
                  Yaml.bundle(
                      claim(
                          "- exactly: {deviceClassName: gpu.example.com}\n"
                              + "- name: b\n  exactly: {deviceClassName: gpu.example.com, count: 0}")))
              .outcomes()
              .get(0);

      assertThat(outcome.message())
          .isEqualTo(
              "ResourceClaim.resource.k8s.io \"gpus\" is invalid: ["
                  + "spec.devices.requests[0].name: Required value, "
                  + "spec.devices.requests[1].exactly.count: Invalid value: must be greater than zero, found 0]");
      assertThat(outcome.status().orElseThrow().getDetails().getCauses()).hasSize(2);
    }

    @Test
    void seeWhatTheClusterHoldsAndWhatTheBundleBringsFirst() {
      InMemoryCluster cluster = cluster();
      ObjectOutcome missing =
          cluster
              .apply(Yaml.bundle(claim("- name: a\n  exactly: {deviceClassName: tpu.example.com}")))
              .outcomes()
              .get(0);
      assertThat(missing.message())
          .isEqualTo(
              "ResourceClaim.resource.k8s.io \"gpus\" is invalid:"
                  + " spec.devices.requests[0].exactly.deviceClassName: Not found: no DeviceClass tpu.example.com");

      // The class comes later in the bundle, but apply order admits DeviceClasses first.
      ApplyResult result =
          cluster.apply(
              Yaml.bundle(
                  claim("- name: a\n  exactly: {deviceClassName: tpu.example.com}")
                      + "---\napiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: tpu.example.com}\n"));
      assertThat(result.isSuccess()).isTrue();
    }

    @Test
    void areListedInTheReport() {
      InMemoryCluster cluster = cluster();
      cluster.apply(Yaml.bundle(claim("- exactly: {deviceClassName: gpu.example.com}")));

      assertThat(cluster.report().rejected())
          .extracting(Diagnostic::rule)
          .containsExactly("test.request.name");
    }

    @Test
    void ignoreWarningsAndFindingsOtherThanApiOnes() {
      InMemoryCluster cluster = cluster();
      ApplyResult result =
          cluster.apply(
              Yaml.bundle(claim("- name: a\n  exactly: {deviceClassName: gpu.example.com}")));

      assertThat(result.outcomes())
          .extracting(ObjectOutcome::action)
          .containsExactly(Action.CREATED);
      assertThat(result.outcomes().get(0).status()).isEmpty();
    }

    @Test
    void aDryRunRejectsLikeARealApply() {
      ApplyResult result =
          cluster()
              .apply(
                  Yaml.bundle(claim("- exactly: {deviceClassName: gpu.example.com}")),
                  ApplyOptions.builder().dryRun(ApplyOptions.DryRun.SERVER).build());

      assertThat(result.outcomes())
          .extracting(ObjectOutcome::action)
          .containsExactly(Action.REJECTED);
    }

    @Test
    void aDryRunSeesWhatItAdmittedBeforeInTheSameBundle() {
      InMemoryCluster cluster = cluster();
      ApplyResult result =
          cluster.apply(
              Yaml.bundle(
                  claim("- name: a\n  exactly: {deviceClassName: tpu.example.com}")
                      + "---\napiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: tpu.example.com}\n"),
              ApplyOptions.builder().dryRun(ApplyOptions.DryRun.CLIENT).build());

      assertThat(result.outcomes())
          .extracting(ObjectOutcome::action)
          .containsExactly(Action.VALIDATED, Action.VALIDATED);
      assertThat(cluster.list(GroupKind.of("resource.k8s.io", "DeviceClass"), null)).hasSize(1);
    }

    @Test
    void requireANameOrGenerateName() {
      Pod pod = TestPods.named(null).build();
      ObjectOutcome outcome = cluster().apply(ManifestBundle.of(pod)).outcomes().get(0);

      assertThat(outcome.action()).isEqualTo(Action.REJECTED);
      assertThat(outcome.message())
          .isEqualTo(
              "Pod \"\" is invalid: metadata.name: Required value: name or generateName is required");
      assertThat(outcome.causes())
          .extracting(Diagnostic::rule)
          .containsExactly("core.admission.name");
    }

    @Test
    void forbidAPodNamingAPriorityClassThatDoesNotExist() {
      ObjectOutcome outcome =
          cluster()
              .apply(ManifestBundle.of(TestPods.named("train").priorityClass("urgent").build()))
              .outcomes()
              .get(0);

      assertThat(outcome.action()).isEqualTo(Action.REJECTED);
      assertThat(outcome.message())
          .isEqualTo("pods \"train\" is forbidden: no PriorityClass with name urgent was found");
      Status status = outcome.status().orElseThrow();
      assertThat(status.getReason()).isEqualTo("Forbidden");
      assertThat(status.getCode()).isEqualTo(403);
      assertThat(status.getDetails().getKind()).isEqualTo("pods");
      assertThat(outcome.causes())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.rule()).isEqualTo("core.admission.priority-class");
                assertThat(d.path()).isEqualTo("spec.priorityClassName");
                assertThat(d.reason()).contains(Reason.FORBIDDEN);
              });
    }

    @Test
    void rejectPodsAControllerCreatesAndReportThem() {
      Rule noLatest =
          new Rule() {
            public RuleInfo info() {
              return ruleInfo("test.pod.image", Category.API, Severity.ERROR, POD);
            }

            public void check(HasMetadata object, RuleContext ctx) {
              if (((Pod) object).getSpec().getContainers().get(0).getImage().endsWith(":latest")) {
                ctx.report(
                    FieldPath.of("spec", "containers").index(0).child("image"),
                    Reason.INVALID,
                    "no latest",
                    "");
              }
            }
          };
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of())
              .validator(Validator.builder().rules(List.of(noLatest)).defaulters(List.of()).build())
              .objects(Nodes.named("n").build())
              .build();
      ApplyResult result =
          cluster.apply(
              Yaml.bundle(
                  """
                  apiVersion: batch/v1
                  kind: Job
                  metadata: {name: train}
                  spec:
                    template:
                      spec:
                        restartPolicy: Never
                        containers: [{name: main, image: "trainer:latest"}]
                  """));

      assertThat(result.isSuccess()).isTrue();
      assertThat(cluster.pods()).isEmpty();
      assertThat(cluster.report().rejected())
          .singleElement()
          .satisfies(d -> assertThat(d.object().orElseThrow().name()).matches("train-[a-z0-9]{5}"));
    }
  }

  @Nested
  class Defaulting {
    @Test
    void storesTheDefaultedObjectWithoutTouchingTheCallers() {
      InMemoryCluster cluster = cluster();
      io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim mine =
          Yaml.object(claim("- name: a\n  exactly: {deviceClassName: gpu.example.com}"));
      cluster.apply(ManifestBundle.of(mine));

      var stored =
          (io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim)
              cluster.get(ObjectRef.of(mine)).orElseThrow();
      assertThat(
              stored.getSpec().getDevices().getRequests().get(0).getExactly().getAllocationMode())
          .isEqualTo("ExactCount");
      assertThat(mine.getSpec().getDevices().getRequests().get(0).getExactly().getAllocationMode())
          .isNull();
      assertThat(mine.getMetadata().getUid()).isNull();
    }

    @Test
    void resolvesPriorityClassesLikeThePriorityAdmissionPlugin() {
      InMemoryCluster cluster = cluster();
      cluster.apply(
          Yaml.bundle(
              """
              apiVersion: scheduling.k8s.io/v1
              kind: PriorityClass
              metadata: {name: batch-default}
              value: 100
              globalDefault: true
              preemptionPolicy: Never
              """));
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("plain").build(),
              TestPods.named("critical").priorityClass("system-node-critical").build()));

      Pod plain = (Pod) cluster.get(ObjectRef.of("v1", "Pod", "default", "plain")).orElseThrow();
      assertThat(plain.getSpec().getPriority()).isEqualTo(100);
      assertThat(plain.getSpec().getPriorityClassName()).isEqualTo("batch-default");
      assertThat(plain.getSpec().getPreemptionPolicy()).isEqualTo("Never");
      Pod critical =
          (Pod) cluster.get(ObjectRef.of("v1", "Pod", "default", "critical")).orElseThrow();
      assertThat(critical.getSpec().getPriority()).isEqualTo(2_000_001_000);
    }

    @Test
    void resetsAPodsStatusAndSetsItsQosClass() {
      InMemoryCluster cluster = cluster();
      Pod pod = TestPods.named("p").requests("cpu", "1").build();
      pod.setStatus(
          new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Succeeded").build());
      cluster.apply(ManifestBundle.of(pod, TestPods.named("besteffort").build()));

      Pod stored = (Pod) cluster.get(ObjectRef.of(pod)).orElseThrow();
      assertThat(stored.getStatus().getPhase()).isEqualTo("Pending");
      assertThat(stored.getStatus().getQosClass()).isEqualTo("Burstable");
      Pod other =
          (Pod) cluster.get(ObjectRef.of("v1", "Pod", "default", "besteffort")).orElseThrow();
      assertThat(other.getStatus().getQosClass()).isEqualTo("BestEffort");
    }

    @Test
    void runsTheMutatingAdmissionsOfExtensions() {
      MutatingAdmission suspendQueued =
          (object, operation, state) -> {
            if (object instanceof Job
                && operation == MutatingAdmission.Operation.CREATE
                && object.getMetadata().getLabels() != null
                && object.getMetadata().getLabels().containsKey("kueue.x-k8s.io/queue-name")) {
              ((Job) object).getSpec().setSuspend(true);
            }
          };
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of(setup -> setup.addMutatingAdmission(suspendQueued)))
              .objects(Nodes.named("n").build())
              .build();
      cluster.apply(
          Yaml.bundle(
              """
              apiVersion: batch/v1
              kind: Job
              metadata:
                name: queued
                labels: {kueue.x-k8s.io/queue-name: team-a}
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers: [{name: main, image: trainer:1}]
              """));

      Job job =
          (Job) cluster.get(ObjectRef.of("batch/v1", "Job", "default", "queued")).orElseThrow();
      assertThat(job.getSpec().getSuspend()).isTrue();
      assertThat(cluster.pods()).isEmpty();
      assertThat(cluster.errors()).isEmpty();
    }

    @Test
    void reportsAFailingAdmissionAsAFailedObject() {
      MutatingAdmission broken =
          (object, operation, state) -> {
            throw new IllegalStateException("webhook down");
          };
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of(setup -> setup.addMutatingAdmission(broken)))
              .build();
      ObjectOutcome outcome =
          cluster.apply(ManifestBundle.of(TestPods.named("p").build())).outcomes().get(0);

      assertThat(outcome.action()).isEqualTo(Action.FAILED);
      assertThat(outcome.message()).contains("IllegalStateException: webhook down");
      assertThat(cluster.errors()).hasSize(1);
    }
  }
}
