package dev.aiconform.testing;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.validation.ValidationReport;

/**
 * The entry point of AIConform's AssertJ assertions; import it statically next to AssertJ's.
 *
 * <pre>{@code
 * import static dev.aiconform.testing.AiconformAssertions.assertThat;
 *
 * assertThat(Validator.defaults().validate(bundle)).hasNoErrors();
 * assertThat(cluster.report()).gang("train").isAdmitted();
 * }</pre>
 */
public final class AiconformAssertions {
  private AiconformAssertions() {}

  public static ValidationReportAssert assertThat(ValidationReport report) {
    return new ValidationReportAssert(report);
  }

  public static SimulationReportAssert assertThat(SimulationReport report) {
    return new SimulationReportAssert(report);
  }

  /** Assertions on the cluster's state now: its {@link InMemoryCluster#report() report}. */
  public static SimulationReportAssert assertThat(InMemoryCluster cluster) {
    return new SimulationReportAssert(cluster == null ? null : cluster.report());
  }

  public static BundleAssert assertThat(ManifestBundle bundle) {
    return new BundleAssert(bundle);
  }

  public static ApplyResultAssert assertThat(ApplyResult result) {
    return new ApplyResultAssert(result);
  }
}
