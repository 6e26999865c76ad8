package dev.aiconform.testing.example;

import static dev.aiconform.testing.AiconformAssertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import dev.aiconform.testing.ClusterPreset;
import dev.aiconform.testing.WithInMemoryCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The complete example of docs/testing.md: a team's tests for its training manifests. */
class TrainingJobTest {
  private static ManifestBundle read(String file) {
    return ManifestReader.defaults().read(Path.of("src/test/resources/example", file)).bundle();
  }

  @Test
  void manifestsAreValidForKubernetes137() {
    ValidationReport report =
        Validator.forVersion(TargetVersion.V1_37).validate(read("train.yaml"));

    assertThat(report).hasNoErrors();
  }

  @Test
  void countIsRejectedWhenAllocationModeIsAll() {
    ValidationReport report = Validator.defaults().validate(read("bad-claim.yaml"));

    assertThat(report)
        .hasError("dra.request.allocation-mode")
        .at("spec.spec.devices.requests[0].exactly.count")
        .withReason(Reason.INVALID)
        .onLine(14);
  }

  @Test
  void renderedYamlMatchesTheReviewedGoldenFile() {
    assertThat(read("train.yaml"))
        .contains("PodGroup", "train")
        .yaml()
        .isEqualToGolden("src/test/resources/golden/train.yaml");
  }

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 1)
  void allWorkersRunOnOneH100Node(InMemoryCluster cluster) {
    assertThat(cluster.apply(read("train.yaml"))).isSuccessful();

    assertThat(cluster).hasNoPendingPods().hasBoundPods(4).hasNoRejections();
    assertThat(cluster).pod("train-0").isBound().isOnNode("h100-node-0");
  }

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.CPU, nodes = 2)
  void aWorkerTooBigForEveryNodeStaysPendingAndSaysWhy(InMemoryCluster cluster) {
    assertThat(cluster.apply(read("too-big.yaml"))).isSuccessful();

    assertThat(cluster)
        .pod("too-big-0")
        .isPending()
        .hasPendingReasonContaining("0/2 nodes are available: 2 Insufficient cpu.");
  }
}
