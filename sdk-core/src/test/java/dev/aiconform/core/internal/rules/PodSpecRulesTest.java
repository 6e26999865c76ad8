package dev.aiconform.core.internal.rules;

import static dev.aiconform.core.internal.rules.CoreRuleCheck.findings;
import static dev.aiconform.core.internal.rules.CoreRuleCheck.pathsAndReasons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodSpecRulesTest {

  static String pod(String spec) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + spec;
  }

  static String job(String podSpec) {
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  template:\n    spec:\n"
        + indent(podSpec, 6);
  }

  static String deployment(String podSpec) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n"
        + indent(podSpec, 6);
  }

  static String indent(String text, int spaces) {
    return text.replaceAll("(?m)^", " ".repeat(spaces));
  }

  static String container(String resources) {
    return "containers:\n- name: main\n  image: busybox\n  resources:\n" + indent(resources, 4);
  }

  @Nested
  class Containers {
    @Test
    void requiresAtLeastOneContainer() {
      assertThat(pathsAndReasons(findings("core.pod.containers", pod("  containers: []\n"))))
          .containsExactly("spec.containers FieldValueRequired");
    }

    @Test
    void reportsTheTemplatePathOfWorkloads() {
      String yaml = deployment("containers:\n- name: web\n");

      assertThat(pathsAndReasons(findings("core.pod.containers", yaml)))
          .containsExactly("spec.template.spec.containers[0].image FieldValueRequired");
    }

    @Test
    void reportsTheJobTemplateOfCronJobs() {
      String yaml =
          "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n"
              + "    spec:\n      template:\n        spec:\n          restartPolicy: Never\n"
              + "          containers: []\n";

      assertThat(pathsAndReasons(findings("core.pod.containers", yaml)))
          .containsExactly("spec.jobTemplate.spec.template.spec.containers FieldValueRequired");
    }

    @Test
    void requiresContainerNamesThatAreDnsLabels() {
      String yaml =
          pod("  containers:\n  - {name: Trainer, image: busybox}\n  - {image: busybox}\n");

      assertThat(pathsAndReasons(findings("core.pod.containers", yaml)))
          .containsExactly(
              "spec.containers[0].name FieldValueInvalid",
              "spec.containers[1].name FieldValueRequired");
    }

    @Test
    void rejectsDuplicateNamesAcrossContainersAndInitContainers() {
      String yaml =
          pod(
              "  initContainers:\n  - {name: main, image: busybox}\n  - {name: fetch, image: busybox}\n"
                  + "  - {name: fetch, image: busybox}\n"
                  + "  containers:\n  - {name: main, image: busybox}\n  - {name: main, image: busybox}\n");

      assertThat(pathsAndReasons(findings("core.pod.containers", yaml)))
          .containsExactly(
              "spec.containers[1].name FieldValueDuplicate",
              "spec.initContainers[0].name FieldValueDuplicate",
              "spec.initContainers[2].name FieldValueDuplicate");
    }

    @Test
    void rejectsImagesWithSurroundingSpacesOnPodsOnly() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.containers",
                      pod("  containers:\n  - {name: a, image: ' busybox'}\n"))))
          .containsExactly("spec.containers[0].image FieldValueInvalid");
      assertThat(
              findings(
                  "core.pod.containers",
                  deployment("containers:\n- {name: a, image: ' busybox'}\n")))
          .isEmpty();
    }
  }

  @Nested
  class Resources {
    @Test
    void requiresALimitForARequestedGpu() {
      List<Diagnostic> d =
          findings(
              "core.pod.resources", pod(indent(container("requests:\n  nvidia.com/gpu: 1\n"), 2)));

      assertThat(pathsAndReasons(d))
          .containsExactly("spec.containers[0].resources.limits FieldValueRequired");
      assertThat(d.get(0).hint()).contains("nvidia.com/gpu: 1");
    }

    @Test
    void requiresGpuRequestToEqualLimit() {
      String yaml =
          job(
              "restartPolicy: Never\n"
                  + container("requests:\n  nvidia.com/gpu: 1\nlimits:\n  nvidia.com/gpu: 2\n"));

      assertThat(pathsAndReasons(findings("core.pod.resources", yaml)))
          .containsExactly("spec.template.spec.containers[0].resources.requests FieldValueInvalid");
    }

    @Test
    void acceptsAGpuLimitAlone() {
      assertThat(
              findings(
                  "core.pod.resources",
                  pod(indent(container("limits:\n  nvidia.com/gpu: 4\n"), 2))))
          .isEmpty();
    }

    @Test
    void requiresWholeGpus() {
      String yaml = job("restartPolicy: Never\n" + container("limits:\n  nvidia.com/gpu: 0.5\n"));

      assertThat(pathsAndReasons(findings("core.pod.resources", yaml)))
          .containsExactly(
              "spec.template.spec.containers[0].resources.limits[nvidia.com/gpu] FieldValueInvalid");
    }

    @Test
    void reportsFractionalGpuRequestsAtTheRequestKey() {
      String yaml =
          job(
              "restartPolicy: Never\n"
                  + container(
                      "requests:\n  nvidia.com/gpu: 500m\nlimits:\n  nvidia.com/gpu: 500m\n"));

      assertThat(pathsAndReasons(findings("core.pod.resources", yaml)))
          .containsExactly(
              "spec.template.spec.containers[0].resources.limits[nvidia.com/gpu] FieldValueInvalid",
              "spec.template.spec.containers[0].resources.requests[nvidia.com/gpu] FieldValueInvalid");
    }

    @Test
    void acceptsMilliUnitsThatAreWholeDevices() {
      assertThat(
              findings(
                  "core.pod.resources",
                  pod(indent(container("limits:\n  nvidia.com/gpu: 2000m\n"), 2))))
          .isEmpty();
    }

    @Test
    void rejectsNegativeQuantities() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.resources", pod(indent(container("requests:\n  cpu: '-1'\n"), 2)))))
          .containsExactly("spec.containers[0].resources.requests[cpu] FieldValueInvalid");
    }

    @Test
    void rejectsRequestsAboveLimitsForOvercommittableResources() {
      String yaml =
          pod(
              indent(
                  container(
                      "requests:\n  memory: 2Gi\n  cpu: 500m\nlimits:\n  memory: 1Gi\n  cpu: '1'\n"),
                  2));

      List<Diagnostic> d = findings("core.pod.resources", yaml);

      assertThat(pathsAndReasons(d))
          .containsExactly("spec.containers[0].resources.requests FieldValueInvalid");
      assertThat(d.get(0).message())
          .contains("memory request 2Gi must be less than or equal to its limit 1Gi");
    }

    @Test
    void comparesQuantitiesAcrossUnits() {
      assertThat(
              findings(
                  "core.pod.resources",
                  pod(
                      indent(
                          container("requests:\n  memory: 1024Mi\nlimits:\n  memory: 1Gi\n"), 2))))
          .isEmpty();
    }

    @ParameterizedTest(name = "{0} valid: {1}")
    @CsvSource({
      "cpu, true",
      "ephemeral-storage, true",
      "hugepages-2Mi, true",
      "gpu, false",
      "nvidia.com/gpu, true",
      "example.com/Thing_1, true",
      "requests.example.com/x, false",
      "kubernetes.io/thing, true"
    })
    void checksResourceNames(String resource, boolean valid) {
      String resources = "limits:\n  " + resource + ": 2Mi\n  memory: 1Gi\n";

      List<Diagnostic> d = findings("core.pod.resources", pod(indent(container(resources), 2)));

      if (valid) {
        assertThat(d).isEmpty();
      } else {
        assertThat(pathsAndReasons(d))
            .contains("spec.containers[0].resources.limits[" + resource + "] FieldValueInvalid");
      }
    }

    @Test
    void reportsABareNameThatIsNoResourceTypeTwiceAsTheServerDoes() {
      // validateResourceName ("must be a standard resource type or fully qualified"), then
      // validateContainerResourceName ("must be a standard resource for containers")
      assertThat(
              pathsAndReasons(
                  findings("core.pod.resources", pod(indent(container("limits:\n  gpu: 1\n"), 2)))))
          .containsExactly(
              "spec.containers[0].resources.limits[gpu] FieldValueInvalid",
              "spec.containers[0].resources.limits[gpu] FieldValueInvalid");
    }

    @Test
    void reportsAQuotaResourceTypeOnAContainerOnce() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.resources",
                      pod(indent(container("limits:\n  requests.cpu: 1\n"), 2)))))
          .containsExactly("spec.containers[0].resources.limits[requests.cpu] FieldValueInvalid");
    }

    @Test
    void pointsBareGpuAtTheVendorResourceName() {
      List<Diagnostic> d =
          findings("core.pod.resources", pod(indent(container("limits:\n  gpu: 1\n"), 2)));

      assertThat(d).first().satisfies(x -> assertThat(x.hint()).contains("nvidia.com/gpu"));
    }

    @Test
    void requiresCpuOrMemoryWithHugePages() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.resources",
                      pod(indent(container("limits:\n  hugepages-2Mi: 1Gi\n"), 2)))))
          .containsExactly("spec.containers[0].resources FieldValueForbidden");
    }

    @Test
    void requiresHugePagesInWholePages() {
      // validateResourceQuantityHugePageValue: a huge page quantity is a whole number of pages
      String resources =
          "requests:\n  hugepages-2Mi: 3Mi\n  memory: 1Gi\nlimits:\n  hugepages-2Mi: 3Mi\n";

      assertThat(
              pathsAndReasons(findings("core.pod.resources", pod(indent(container(resources), 2)))))
          .containsExactlyInAnyOrder(
              "spec.containers[0].resources.limits[hugepages-2Mi] FieldValueInvalid",
              "spec.containers[0].resources.requests[hugepages-2Mi] FieldValueInvalid");
    }

    @Test
    void acceptsHugePagesInWholePagesOfAnyUnit() {
      String resources = "limits:\n  hugepages-1Gi: 2048Mi\n  hugepages-2Mi: 0\n  memory: 1Gi\n";

      assertThat(findings("core.pod.resources", pod(indent(container(resources), 2)))).isEmpty();
    }

    @Test
    void rejectsHugePagesWithoutAPageSize() {
      String resources = "limits:\n  hugepages-large: 2Mi\n  memory: 1Gi\n";

      assertThat(
              pathsAndReasons(findings("core.pod.resources", pod(indent(container(resources), 2)))))
          .containsExactly(
              "spec.containers[0].resources.limits[hugepages-large] FieldValueInvalid");
    }

    @Test
    void checksInitContainersToo() {
      String yaml =
          pod(
              "  initContainers:\n  - name: warm\n    image: busybox\n    resources:\n      requests:\n"
                  + "        amd.com/gpu: 1\n  containers:\n  - {name: main, image: busybox}\n");

      assertThat(pathsAndReasons(findings("core.pod.resources", yaml)))
          .containsExactly("spec.initContainers[0].resources.limits FieldValueRequired");
    }

    @Test
    void rejectsValuesThatAreNotQuantities() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.resources",
                      pod(indent(container("limits:\n  memory: lots\n"), 2)))))
          .containsExactly("spec.containers[0].resources.limits[memory] FieldValueInvalid");
    }
  }

  @Nested
  class RestartPolicy {
    @Test
    void requiresRunToCompletionPolicyOnJobsWhenNoneIsSet() {
      // validateJobSpec reports Always, set or defaulted, as Required (valid values: OnFailure,
      // Never), not as NotSupported.
      List<Diagnostic> d =
          findings("core.pod.restart-policy", job("containers:\n- {name: t, image: busybox}\n"));

      assertThat(pathsAndReasons(d))
          .containsExactly("spec.template.spec.restartPolicy FieldValueRequired");
      assertThat(d.get(0).message())
          .contains("defaults it to Always")
          .contains("OnFailure or Never");
    }

    @Test
    void requiresRunToCompletionPolicyOnJobsWhenAlwaysIsSet() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.restart-policy",
                      job("restartPolicy: Always\ncontainers:\n- {name: t, image: busybox}\n"))))
          .containsExactly("spec.template.spec.restartPolicy FieldValueRequired");
    }

    @Test
    void reportsAnUnknownPolicyOnAJobTwiceAsTheServerDoes() {
      // once by ValidatePodTemplateSpec (Always, OnFailure, Never), once by validateJobSpec
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.restart-policy",
                      job("restartPolicy: Sometimes\ncontainers:\n- {name: t, image: busybox}\n"))))
          .containsExactly(
              "spec.template.spec.restartPolicy FieldValueNotSupported",
              "spec.template.spec.restartPolicy FieldValueNotSupported");
    }

    @Test
    void requiresNeverWithAPodFailurePolicy() {
      String yaml =
          "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n"
              + "  schedule: '0 1 * * *'\n  jobTemplate:\n    spec:\n      podFailurePolicy:\n"
              + "        rules:\n        - action: FailJob\n          onExitCodes: {operator: In,"
              + " values: [42]}\n      template:\n        spec:\n"
              + "          restartPolicy: OnFailure\n"
              + "          containers:\n          - {name: t, image: busybox}\n";

      assertThat(pathsAndReasons(findings("core.pod.restart-policy", yaml)))
          .containsExactly("spec.jobTemplate.spec.template.spec.restartPolicy FieldValueInvalid");
    }

    @Test
    void acceptsNeverWithAPodFailurePolicy() {
      String yaml =
          "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n"
              + "  podFailurePolicy:\n    rules:\n    - action: FailJob\n"
              + "      onExitCodes: {operator: In, values: [42]}\n  template:\n    spec:\n"
              + "      restartPolicy: Never\n      containers:\n      - {name: t, image: busybox}\n";

      assertThat(findings("core.pod.restart-policy", yaml)).isEmpty();
    }

    @Test
    void reportsAnUnknownPolicyOnAStatefulSetOnceAsItsTemplateIsNotValidatedAsAPod() {
      String yaml =
          "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n"
              + "  serviceName: db\n  template:\n    spec:\n      restartPolicy: Sometimes\n"
              + "      containers:\n      - {name: t, image: busybox}\n";

      assertThat(pathsAndReasons(findings("core.pod.restart-policy", yaml)))
          .containsExactly("spec.template.spec.restartPolicy FieldValueNotSupported");
    }

    @Test
    void rejectsNeverOnDeployments() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.restart-policy",
                      deployment(
                          "restartPolicy: Never\ncontainers:\n- {name: t, image: busybox}\n"))))
          .containsExactly("spec.template.spec.restartPolicy FieldValueNotSupported");
    }

    @Test
    void acceptsEveryPolicyOnPods() {
      assertThat(
              findings(
                  "core.pod.restart-policy",
                  pod(
                      "  restartPolicy: OnFailure\n  containers:\n  - {name: t, image: busybox}\n")))
          .isEmpty();
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.restart-policy",
                      pod(
                          "  restartPolicy: Sometimes\n  containers:\n  - {name: t, image: busybox}\n"))))
          .containsExactly("spec.restartPolicy FieldValueNotSupported");
    }
  }

  @Nested
  class StatefulSetTemplate {
    static final String STATEFUL_SET =
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: llm\nspec:\n  serviceName: llm\n"
            + "  template:\n    spec:\n      containers:\n      - name: server\n"
            + "        image: vllm/vllm-openai:v0.9.0\n        resources:\n"
            + "          requests: {nvidia.com/gpu: 1}\n";

    @Test
    void reportsBrokenTemplatesAsAPracticeErrorNotAnApiError() {
      List<Diagnostic> d = findings(STATEFUL_SET);

      assertThat(d)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("core.statefulset.pod-template");
                assertThat(x.category()).isEqualTo(Category.PRACTICE);
                assertThat(x.path()).isEqualTo("spec.template.spec.containers[0].resources.limits");
                assertThat(x.message())
                    .startsWith("the StatefulSet is accepted, but its Pods would be rejected");
              });
    }
  }

  @Nested
  class ActiveDeadline {
    @Test
    void forbidsActiveDeadlineSecondsOnDeploymentTemplates() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.pod.active-deadline",
                      deployment(
                          "activeDeadlineSeconds: 60\ncontainers:\n- {name: t, image: busybox}\n"))))
          .containsExactly("spec.template.spec.activeDeadlineSeconds FieldValueForbidden");
    }

    @Test
    void allowsActiveDeadlineSecondsOnJobsAndPods() {
      assertThat(
              findings(
                  "core.pod.active-deadline",
                  job(
                      "restartPolicy: Never\nactiveDeadlineSeconds: 60\n"
                          + "containers:\n- {name: t, image: busybox}\n")))
          .isEmpty();
      assertThat(
              findings(
                  "core.pod.active-deadline",
                  pod(
                      "  activeDeadlineSeconds: 60\n  containers:\n  - {name: t, image: busybox}\n")))
          .isEmpty();
    }
  }
}
