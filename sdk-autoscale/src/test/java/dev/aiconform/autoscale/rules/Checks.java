package dev.aiconform.autoscale.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Collectors;

/** Validates YAML the way the tests need and asserts on diagnostics by rule, path and reason. */
final class Checks {
  private Checks() {}

  /** One YAML text of several documents, as a multi-document file writes them. */
  static String documents(String... yaml) {
    return String.join("---\n", yaml);
  }

  /** The objects of YAML text, read as files are (with source locations). */
  static List<HasMetadata> parse(String yaml) {
    return read(yaml).objects();
  }

  /** YAML text as the project's reader reads a file named test.yaml. */
  static ManifestBundle read(String yaml) {
    ReadResult r = ManifestReader.defaults().readString(yaml, "test.yaml");
    assertThat(r.hasErrors()).as("YAML errors: %s", r.diagnostics()).isFalse();
    return r.bundle();
  }

  static ValidationReport validate(String yaml) {
    return validate(yaml, TargetVersion.latest());
  }

  static ValidationReport validate(String yaml, TargetVersion version) {
    return Validator.forVersion(version).validate(read(yaml));
  }

  static ValidationReport validate(ManifestBundle bundle, TargetVersion version) {
    return Validator.forVersion(version).validate(bundle);
  }

  static List<Diagnostic> find(ValidationReport r, String rule, String path, Reason reason) {
    return r.diagnostics().stream()
        .filter(d -> d.rule().equals(rule))
        .filter(d -> d.path().equals(path))
        .filter(d -> reason == null || d.reason().filter(reason::equals).isPresent())
        .collect(Collectors.toList());
  }

  static Diagnostic assertFinding(ValidationReport r, String rule, String path, Reason reason) {
    List<Diagnostic> found = find(r, rule, path, reason);
    assertThat(found)
        .as("expected %s at %s (%s) among:%n%s", rule, path, reason, describe(r))
        .isNotEmpty();
    return found.get(0);
  }

  static void assertNoErrors(ValidationReport r) {
    assertThat(r.errors()).as("errors:%n%s", describe(r)).isEmpty();
  }

  static void assertNoFinding(ValidationReport r, String rule) {
    assertThat(r.ofRule(rule)).as("findings of %s:%n%s", rule, describe(r)).isEmpty();
  }

  static List<Diagnostic> atLeast(ValidationReport r, Severity s) {
    return r.diagnostics().stream()
        .filter(d -> d.severity().atLeast(s))
        .collect(Collectors.toList());
  }

  static String describe(ValidationReport r) {
    return r.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }
}
