package dev.aiconform.testing.example;

import static dev.aiconform.testing.AiconformAssertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
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
}
