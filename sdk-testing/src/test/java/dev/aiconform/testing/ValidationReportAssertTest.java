package dev.aiconform.testing;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.SourceLocation;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportAssertTest {
  private static final ObjectRef CLAIM =
      ObjectRef.of("resource.k8s.io/v1", "ResourceClaim", "ml", "gpus");

  private static Diagnostic error(
      String rule, String path, Reason reason, String message, int line) {
    return Diagnostic.builder()
        .rule(rule)
        .category(Category.API)
        .severity(Severity.ERROR)
        .object(CLAIM)
        .source(new SourceLocation("claim.yaml", 0, line, 9))
        .path(path)
        .reason(reason)
        .message(message)
        .build();
  }

  private static final Diagnostic COUNT =
      error(
          "dra.request.count",
          "spec.devices.requests[0].exactly.count",
          Reason.INVALID,
          "must be greater than zero, was 0",
          14);
  private static final Diagnostic NAME =
      error(
          "dra.request.name",
          "spec.devices.requests[1].name",
          Reason.REQUIRED,
          "Required value",
          17);
  private static final Diagnostic WARNING =
      Diagnostic.builder()
          .rule("dra.practice.admin-access")
          .category(Category.PRACTICE)
          .severity(Severity.WARNING)
          .object(CLAIM)
          .message("adminAccess grants access to devices in use")
          .build();

  private static ValidationReport report(Diagnostic... ds) {
    return new ValidationReport(TargetVersion.V1_37, 1, List.of(ds));
  }

  @Test
  void passesWhenTheReportHasWhatIsAsked() {
    assertThat(report()).hasNoErrors().hasNoFindings();
    assertThat(report(WARNING)).hasNoErrors().hasWarning("dra.practice.admin-access");
    assertThat(report(COUNT, NAME))
        .hasError("dra.request.count")
        .at("spec.devices.requests[0].exactly.count")
        .withReason(Reason.INVALID)
        .withMessageContaining("greater than zero")
        .about("ResourceClaim", "gpus")
        .onLine(14)
        .hasCount(1);
  }

  @Test
  void hasNoErrorsListsEveryErrorOnALineOfItsOwn() {
    assertThatThrownBy(() -> assertThat(report(COUNT, NAME, WARNING)).hasNoErrors())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            String.join(
                "\n",
                "",
                "Expecting validation report (1 objects, Kubernetes 1.37) to have no errors but found 2:",
                "  claim.yaml:14:9: error dra.request.count [ResourceClaim ml/gpus] spec.devices.requests[0].exactly.count: FieldValueInvalid: must be greater than zero, was 0",
                "  claim.yaml:17:9: error dra.request.name [ResourceClaim ml/gpus] spec.devices.requests[1].name: FieldValueRequired: Required value"));
  }

  @Test
  void missingRuleListsTheFindingsThereWere() {
    assertThatThrownBy(() -> assertThat(report(NAME)).hasError("dra.request.count"))
        .hasMessage(
            String.join(
                "\n",
                "",
                "Expecting validation report to have an error of rule",
                "  \"dra.request.count\"",
                "but its findings were:",
                "  claim.yaml:17:9: error dra.request.name [ResourceClaim ml/gpus] spec.devices.requests[1].name: FieldValueRequired: Required value"));
  }

  @Test
  void ruleReportedWithAnotherSeveritySaysSo() {
    assertThatThrownBy(() -> assertThat(report(WARNING)).hasError("dra.practice.admin-access"))
        .hasMessageContaining("but that rule reported with another severity:")
        .hasMessageContaining("warning dra.practice.admin-access");
  }

  @Test
  void wrongPathShowsThePathsOfTheRulesFindings() {
    assertThatThrownBy(
            () ->
                assertThat(report(COUNT))
                    .hasError("dra.request.count")
                    .at("spec.devices.requests[0]"))
        .hasMessage(
            String.join(
                "\n",
                "",
                "Expecting a finding (error dra.request.count) at",
                "  \"spec.devices.requests[0]\"",
                "but the 1 finding were:",
                "  claim.yaml:14:9: error dra.request.count [ResourceClaim ml/gpus] spec.devices.requests[0].exactly.count: FieldValueInvalid: must be greater than zero, was 0"));
  }

  @Test
  void descriptionsGoFirstAsInAssertJ() {
    assertThatThrownBy(() -> assertThat(report(COUNT)).as("the GPU claim").hasNoErrors())
        .hasMessageStartingWith("[the GPU claim] \nExpecting validation report");
  }

  @Test
  void hasNoFindingOfAndErrorCount() {
    assertThat(report(COUNT)).hasNoFindingOf("dra.request.name").hasErrorCount(1);
    assertThatThrownBy(() -> assertThat(report(COUNT, NAME)).hasErrorCount(1))
        .hasMessageContaining("to have 1 error but found 2:");
  }
}
