package dev.aiconform.core.internal.rules;

import static dev.aiconform.core.internal.rules.CoreRuleCheck.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceleratorRulesTest {

  static String pod(String spec) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + spec;
  }

  static List<String> paths(List<Diagnostic> d) {
    return d.stream().map(Diagnostic::path).collect(Collectors.toList());
  }

  @Test
  void reportsAsConformanceWarningsForSecureAcceleratorAccess() {
    List<Diagnostic> d =
        findings(
            "core.accelerator.privileged",
            pod(
                "  containers:\n  - name: t\n    image: i\n    securityContext: {privileged: true}\n"
                    + "    resources: {limits: {nvidia.com/gpu: 1}}\n"));

    assertThat(d)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.category()).isEqualTo(Category.CONFORMANCE);
              assertThat(x.requirement()).contains("secure_accelerator_access");
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.path()).isEqualTo("spec.containers[0].securityContext.privileged");
            });
  }

  @Nested
  class Privileged {
    @Test
    void flagsEveryPrivilegedContainerOfAPodWithADraClaim() {
      String yaml =
          pod(
              "  resourceClaims:\n  - {name: gpu, resourceClaimTemplateName: one-gpu}\n"
                  + "  initContainers:\n  - name: setup\n    image: i\n    securityContext: {privileged: true}\n"
                  + "  containers:\n  - name: t\n    image: i\n    resources: {claims: [{name: gpu}]}\n");

      assertThat(paths(findings("core.accelerator.privileged", yaml)))
          .containsExactly("spec.initContainers[0].securityContext.privileged");
    }

    @Test
    void ignoresPrivilegedPodsWithoutAccelerators() {
      assertThat(
              findings(
                  "core.accelerator.privileged",
                  pod(
                      "  containers:\n  - name: t\n    image: i\n    securityContext: {privileged: true}\n")))
          .isEmpty();
    }
  }

  @Nested
  class HostDevices {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/dev",
          "/dev/",
          "/dev/nvidia0",
          "/dev/nvidiactl",
          "//dev//dri",
          "/dev/kfd",
          "/var/lib/kubelet/device-plugins",
          "/var/lib/kubelet/device-plugins/kubelet.sock"
        })
    void flagsDeviceHostPaths(String path) {
      String yaml =
          "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n"
              + "      containers:\n      - {name: c, image: i}\n      volumes:\n      - name: v\n        hostPath: {path: '"
              + path
              + "'}\n";

      assertThat(paths(findings("core.accelerator.host-device", yaml)))
          .containsExactly("spec.template.spec.volumes[0].hostPath.path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/log", "/devices", "/var/lib/kubelet/pod-resources", "/sys"})
    void ignoresOtherHostPaths(String path) {
      assertThat(
              findings(
                  "core.accelerator.host-device",
                  pod(
                      "  containers:\n  - {name: c, image: i}\n  volumes:\n  - name: v\n    hostPath: {path: '"
                          + path
                          + "'}\n")))
          .isEmpty();
    }
  }

  @Nested
  class VisibleDevices {
    @Test
    void flagsVisibleDevicesOnAContainerThatRequestsNoAccelerator() {
      String yaml =
          pod(
              "  containers:\n  - name: gpu\n    image: i\n    resources: {limits: {nvidia.com/gpu: 1}}\n"
                  + "    env: [{name: NVIDIA_VISIBLE_DEVICES, value: all}]\n"
                  + "  - name: sidecar\n    image: i\n    env:\n    - {name: HOME, value: /root}\n"
                  + "    - {name: NVIDIA_VISIBLE_DEVICES, value: all}\n");

      List<Diagnostic> d = findings("core.accelerator.visible-devices", yaml);

      assertThat(paths(d)).containsExactly("spec.containers[1].env[1]");
      assertThat(d.get(0).message()).contains("'sidecar'").contains("NVIDIA_VISIBLE_DEVICES=all");
    }

    @ParameterizedTest
    @ValueSource(strings = {"void", "none", "NONE", ""})
    void acceptsValuesThatSelectNoDevice(String value) {
      assertThat(
              findings(
                  "core.accelerator.visible-devices",
                  pod(
                      "  containers:\n  - name: c\n    image: i\n    env: [{name: NVIDIA_VISIBLE_DEVICES, value: '"
                          + value
                          + "'}]\n")))
          .isEmpty();
    }

    @Test
    void coversOtherVendors() {
      assertThat(
              findings(
                  "core.accelerator.visible-devices",
                  pod(
                      "  containers:\n  - name: c\n    image: i\n    env: [{name: ROCR_VISIBLE_DEVICES, value: '0'}]\n")))
          .hasSize(1);
    }
  }

  @Nested
  class Tolerations {
    @Test
    void flagsAcceleratorTolerationsOfPodsThatRequestNone() {
      String yaml =
          pod(
              "  tolerations:\n  - {key: CriticalAddonsOnly, operator: Exists}\n"
                  + "  - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}\n"
                  + "  containers:\n  - {name: c, image: i}\n");

      assertThat(paths(findings("core.accelerator.taint-toleration", yaml)))
          .containsExactly("spec.tolerations[1]");
    }

    @Test
    void acceptsAcceleratorTolerationsOfAcceleratorPods() {
      String yaml =
          pod(
              "  tolerations:\n  - {key: google.com/tpu, operator: Exists}\n"
                  + "  containers:\n  - name: c\n    image: i\n    resources: {limits: {google.com/tpu: 4}}\n");

      assertThat(findings("core.accelerator.taint-toleration", yaml)).isEmpty();
    }

    @Test
    void ignoresTolerateEverything() {
      assertThat(
              findings(
                  "core.accelerator.taint-toleration",
                  pod(
                      "  tolerations:\n  - {operator: Exists}\n  containers:\n  - {name: c, image: i}\n")))
          .isEmpty();
    }
  }
}
