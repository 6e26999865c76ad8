package dev.aiconform.core.validation;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of validating a bundle: every {@link Diagnostic}, in file and line order, with counts.
 *
 * <pre>{@code
 * ValidationReport report = Validator.forVersion(TargetVersion.V1_37).validate(bundle);
 * if (report.hasErrors()) report.errors().forEach(System.err::println);
 * }</pre>
 */
public final class ValidationReport {
  private final TargetVersion targetVersion;
  private final int objects;
  private final List<Diagnostic> diagnostics;

  public ValidationReport(
      TargetVersion targetVersion, int objects, Collection<Diagnostic> diagnostics) {
    this.targetVersion = targetVersion;
    this.objects = objects;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public TargetVersion targetVersion() {
    return targetVersion;
  }

  /** How many objects were validated. */
  public int objects() {
    return objects;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public List<Diagnostic> errors() {
    return withSeverity(Severity.ERROR);
  }

  public List<Diagnostic> warnings() {
    return withSeverity(Severity.WARNING);
  }

  public List<Diagnostic> infos() {
    return withSeverity(Severity.INFO);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** Whether any finding is at least as serious as {@code threshold}. */
  public boolean hasFindingsAtOrAbove(Severity threshold) {
    return diagnostics.stream().anyMatch(d -> d.severity().atLeast(threshold));
  }

  public List<Diagnostic> withSeverity(Severity severity) {
    return diagnostics.stream()
        .filter(d -> d.severity() == severity)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The findings about one object. */
  public List<Diagnostic> about(ObjectRef object) {
    return diagnostics.stream()
        .filter(d -> d.object().filter(object::equals).isPresent())
        .collect(Collectors.toUnmodifiableList());
  }

  /** The findings of one rule. */
  public List<Diagnostic> ofRule(String ruleId) {
    return diagnostics.stream()
        .filter(d -> d.rule().equals(ruleId))
        .collect(Collectors.toUnmodifiableList());
  }

  /** This report with {@code more} findings placed first (for example the YAML reader's). */
  public ValidationReport withLeading(Collection<Diagnostic> more) {
    List<Diagnostic> all = new ArrayList<>(more);
    all.addAll(diagnostics);
    return new ValidationReport(targetVersion, objects, all);
  }

  @Override
  public String toString() {
    return "ValidationReport["
        + targetVersion
        + ", objects="
        + objects
        + ", errors="
        + errors().size()
        + ", warnings="
        + warnings().size()
        + ", infos="
        + infos().size()
        + "]";
  }
}
