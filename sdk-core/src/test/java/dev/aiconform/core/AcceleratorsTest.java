package dev.aiconform.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceleratorsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nvidia.com/gpu",
        "nvidia.com/mig-1g.10gb",
        "amd.com/gpu",
        "gpu.intel.com/i915",
        "habana.ai/gaudi",
        "google.com/tpu",
        "aws.amazon.com/neuroncore"
      })
  void knowsAcceleratorResources(String resource) {
    assertThat(Accelerators.isAcceleratorResource(resource)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cpu", "memory", "example.com/foo", "hugepages-2Mi", "google.com/other"})
  void leavesOtherResourcesAlone(String resource) {
    assertThat(Accelerators.isAcceleratorResource(resource)).isFalse();
  }

  @Test
  void aDraClaimIsAnAcceleratorRequest() {
    Pod pod =
        KubeSerialization.get()
            .unmarshal(
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resourceClaims:\n"
                    + "  - {name: gpu, resourceClaimTemplateName: t}\n  containers:\n"
                    + "  - name: a\n    image: i\n    resources: {claims: [{name: gpu}]}\n"
                    + "  - {name: b, image: i}\n");

    assertThat(Accelerators.requestsAccelerator(pod.getSpec())).isTrue();
    assertThat(Accelerators.requestsAccelerator(pod.getSpec().getContainers().get(0))).isTrue();
    assertThat(Accelerators.requestsAccelerator(pod.getSpec().getContainers().get(1))).isFalse();
  }
}
