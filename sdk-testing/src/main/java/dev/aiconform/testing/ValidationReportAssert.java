package dev.aiconform.testing;

import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.testing.internal.Lines;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ValidationReport}, with failure messages that list the findings found.
 *
 * <pre>{@code
 * assertThat(report).hasNoErrors();
 * assertThat(report).hasError("dra.request.count").at("spec.devices.requests[0].exactly.count");
 * }</pre>
 */
public final class ValidationReportAssert
    extends AbstractAssert<ValidationReportAssert, ValidationReport> {
  ValidationReportAssert(ValidationReport actual) {
    super(actual, ValidationReportAssert.class);
  }

  /** No finding of severity error. */
  public ValidationReportAssert hasNoErrors() {
    isNotNull();
    List<Diagnostic> errors = actual.errors();
    if (!errors.isEmpty()) {
      failWithMessage(
          "%nExpecting validation report (%s objects, Kubernetes %s) to have no errors but found %s:%n%s",
          actual.objects(), actual.targetVersion().label(), errors.size(), Lines.indented(errors));
    }
    return this;
  }

  /** No finding of severity warning. */
  public ValidationReportAssert hasNoWarnings() {
    isNotNull();
    if (!actual.warnings().isEmpty()) {
      failWithMessage(
          "%nExpecting validation report to have no warnings but found %s:%n%s",
          actual.warnings().size(), Lines.indented(actual.warnings()));
    }
    return this;
  }

  /** No finding at all. */
  public ValidationReportAssert hasNoFindings() {
    isNotNull();
    if (!actual.diagnostics().isEmpty()) {
      failWithMessage(
          "%nExpecting validation report to have no findings but found %s:%n%s",
          actual.diagnostics().size(), Lines.indented(actual.diagnostics()));
    }
    return this;
  }

  /** At least one error of rule {@code ruleId}; narrow it down with {@link FindingsAssert#at}. */
  public FindingsAssert hasError(String ruleId) {
    return has(Severity.ERROR, ruleId);
  }

  /** At least one warning of rule {@code ruleId}. */
  public FindingsAssert hasWarning(String ruleId) {
    return has(Severity.WARNING, ruleId);
  }

  /** At least one info of rule {@code ruleId}. */
  public FindingsAssert hasInfo(String ruleId) {
    return has(Severity.INFO, ruleId);
  }

  /** No finding, of any severity, of rule {@code ruleId}. */
  public ValidationReportAssert hasNoFindingOf(String ruleId) {
    isNotNull();
    List<Diagnostic> found = actual.ofRule(ruleId);
    if (!found.isEmpty()) {
      failWithMessage(
          "%nExpecting validation report to have no finding of rule%n%s%nbut found %s:%n%s",
          Lines.quoted(ruleId), found.size(), Lines.indented(found));
    }
    return this;
  }

  /** Exactly {@code count} errors. */
  public ValidationReportAssert hasErrorCount(int count) {
    isNotNull();
    if (actual.errors().size() != count) {
      failWithMessage(
          "%nExpecting validation report to have %s error%s but found %s:%n%s",
          count, count == 1 ? "" : "s", actual.errors().size(), Lines.indented(actual.errors()));
    }
    return this;
  }

  private FindingsAssert has(Severity severity, String ruleId) {
    isNotNull();
    List<Diagnostic> matching =
        actual.diagnostics().stream()
            .filter(d -> d.severity() == severity && d.rule().equals(ruleId))
            .collect(Collectors.toList());
    if (matching.isEmpty()) {
      List<Diagnostic> sameRule = actual.ofRule(ruleId);
      failWithMessage(
          "%nExpecting validation report to have %s %s of rule%n%s%nbut %s%n%s",
          severity == Severity.ERROR ? "an" : "a",
          severity.label(),
          Lines.quoted(ruleId),
          sameRule.isEmpty() ? "its findings were:" : "that rule reported with another severity:",
          Lines.indented(sameRule.isEmpty() ? actual.diagnostics() : sameRule));
    }
    return new FindingsAssert(matching, severity.label() + " " + ruleId);
  }
}
