package dev.aiconform.core.internal.cluster.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a pod asks of a node, as Kubernetes' resource helper computes it. */
class PodRequestsTest {
  static PodRequests of(String specYaml, boolean podLevelResources) {
    Pod pod =
        KubeSerialization.get()
            .unmarshal(
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + specYaml.indent(2));
    return PodRequests.of(pod, podLevelResources);
  }

  static PodRequests of(String specYaml) {
    return of(specYaml, true);
  }

  @Test
  void sumsTheContainers() {
    PodRequests r =
        of(
            """
            containers:
            - {name: a, image: x, resources: {requests: {cpu: 500m, memory: 1Gi}}}
            - {name: b, image: x, resources: {requests: {cpu: 250m, memory: 512Mi}}}
            """);

    assertThat(r.amount("cpu")).isEqualByComparingTo("0.75");
    assertThat(r.amount("memory")).isEqualByComparingTo(BigDecimal.valueOf(1536L * 1024 * 1024));
  }

  @Test
  void takesTheLargestInitContainerWhenItNeedsMore() {
    PodRequests r =
        of(
            """
            initContainers:
            - {name: download, image: x, resources: {requests: {cpu: "4", memory: 512Mi}}}
            containers:
            - {name: a, image: x, resources: {requests: {cpu: "1", memory: 2Gi}}}
            """);

    assertThat(r.amount("cpu")).isEqualByComparingTo("4");
    assertThat(r.amount("memory")).isEqualByComparingTo(BigDecimal.valueOf(2L << 30));
  }

  @Test
  void addsSidecarsToTheContainersAndToEveryLaterInitStep() {
    PodRequests r =
        of(
            """
            initContainers:
            - {name: proxy, image: x, restartPolicy: Always, resources: {requests: {cpu: "1"}}}
            - {name: warmup, image: x, resources: {requests: {cpu: "3"}}}
            containers:
            - {name: a, image: x, resources: {requests: {cpu: "2"}}}
            """);

    // Containers 2 + sidecar 1 = 3; the warm-up step runs next to the sidecar: 3 + 1 = 4.
    assertThat(r.amount("cpu")).isEqualByComparingTo("4");
  }

  @Test
  void addsThePodOverhead() {
    PodRequests r =
        of(
            """
            overhead: {cpu: 250m, memory: 120Mi}
            containers:
            - {name: a, image: x, resources: {requests: {cpu: "1", memory: 1Gi}}}
            """);

    assertThat(r.amount("cpu")).isEqualByComparingTo("1.25");
  }

  @Test
  void usesTheLimitWhenARequestIsMissing() {
    PodRequests r =
        of(
            """
            containers:
            - {name: a, image: x, resources: {limits: {nvidia.com/gpu: "2", cpu: "2"}, requests: {cpu: "1"}}}
            """);

    assertThat(r.amount("nvidia.com/gpu")).isEqualByComparingTo("2");
    assertThat(r.amount("cpu")).isEqualByComparingTo("1");
  }

  @Test
  void prefersPodLevelRequestsForCpuAndMemoryWhenTheFeatureIsOn() {
    String spec =
        """
        resources: {requests: {cpu: "8", memory: 16Gi}}
        containers:
        - {name: a, image: x, resources: {requests: {cpu: "1", nvidia.com/gpu: "1"}}}
        """;

    assertThat(of(spec, true).amount("cpu")).isEqualByComparingTo("8");
    assertThat(of(spec, true).amount("nvidia.com/gpu")).isEqualByComparingTo("1");
    assertThat(of(spec, false).amount("cpu")).isEqualByComparingTo("1");
  }

  @Test
  void roundsCpuUpToTheMillicoreAndCountsUpToAWholeUnit() {
    PodRequests r =
        of(
            """
            containers:
            - {name: a, image: x, resources: {requests: {cpu: 100500u, memory: "1.5"}}}
            """);

    assertThat(r.amount("cpu")).isEqualByComparingTo("0.101");
    assertThat(r.amount("memory")).isEqualByComparingTo("2");
  }

  @Test
  void countsMissingCpuAndMemoryRequestsAsTheSchedulersDefaultsWhenScoring() {
    PodRequests r =
        of(
            """
            containers:
            - {name: a, image: x}
            - {name: b, image: x, resources: {requests: {cpu: "1"}}}
            """);

    assertThat(r.amounts()).containsOnlyKeys("cpu");
    assertThat(r.nonZeroMilliCpu()).isEqualTo(1100);
    assertThat(r.nonZeroMemory()).isEqualTo(2 * 200L * 1024 * 1024);
  }
}
