package dev.aiconform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceNamesTest {
  @ParameterizedTest(name = "{0}: standard={1} container={2} native={3} extended={4}")
  @CsvSource({
    "cpu,                        true,  true,  true,  false",
    "memory,                     true,  true,  true,  false",
    "ephemeral-storage,          true,  true,  true,  false",
    "hugepages-2Mi,              true,  true,  true,  false",
    "requests.hugepages-1Gi,     true,  false, true,  false",
    "requests.cpu,               true,  false, true,  false",
    "pods,                       true,  false, true,  false",
    "gpu,                        false, false, true,  false",
    "nvidia.com/gpu,             false, false, false, true",
    "amd.com/gpu,                false, false, false, true",
    "kubernetes.io/batteries,    false, false, true,  false",
    "example.kubernetes.io/fast, false, false, true,  false",
    "requests.example.com/foo,   false, false, false, false",
    "-bad.com/gpu,               false, false, false, false",
  })
  void classifiesResourceNamesAsKubernetesDoes(
      String name, boolean standard, boolean container, boolean nativeName, boolean extended) {
    assertThat(ResourceNames.isStandard(name)).as("standard").isEqualTo(standard);
    assertThat(ResourceNames.isStandardContainerResource(name))
        .as("container")
        .isEqualTo(container);
    assertThat(ResourceNames.isNative(name)).as("native").isEqualTo(nativeName);
    assertThat(ResourceNames.isExtended(name)).as("extended").isEqualTo(extended);
  }
}
