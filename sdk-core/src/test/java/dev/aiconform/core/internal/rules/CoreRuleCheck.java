package dev.aiconform.core.internal.rules;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.CoreRules;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the core rules on YAML written in a test. */
final class CoreRuleCheck {
  private CoreRuleCheck() {}

  /** One object read as the CLI reads it (fabric8's own defaults undone, line of each field). */
  static HasMetadata parse(String yaml) {
    return read(yaml).objects().get(0);
  }

  private static ManifestBundle read(String yaml) {
    ReadResult read = ManifestReader.defaults().readString(yaml, "test.yaml");
    if (read.hasErrors()) {
      throw new IllegalArgumentException("test YAML does not read: " + read.diagnostics());
    }
    return read.bundle();
  }

  /** Every core finding for one object, at the newest target version. */
  static List<Diagnostic> findings(String yaml) {
    return findings(TargetVersion.latest(), yaml);
  }

  static List<Diagnostic> findings(TargetVersion version, String yaml) {
    return Validator.builder()
        .targetVersion(version)
        .rules(new CoreRules().rules())
        .defaulters(List.of())
        .build()
        .validate(read(yaml))
        .diagnostics();
  }

  /** The findings of one rule. */
  static List<Diagnostic> findings(String ruleId, String yaml) {
    return findings(yaml).stream()
        .filter(d -> d.rule().equals(ruleId))
        .collect(Collectors.toList());
  }

  /** {@code "spec.containers[0].image FieldValueRequired"}, to compare path and reason at once. */
  static List<String> pathsAndReasons(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.path() + " " + d.reason().map(r -> r.wireName()).orElse("-"))
        .collect(Collectors.toList());
  }
}
