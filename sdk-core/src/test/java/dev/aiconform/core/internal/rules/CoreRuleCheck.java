package dev.aiconform.core.internal.rules;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.CoreRules;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the core rules on YAML written in a test. */
final class CoreRuleCheck {
  private CoreRuleCheck() {}

  static HasMetadata parse(String yaml) {
    return KubeSerialization.get().unmarshal(yaml);
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
        .validate(ManifestBundle.of(parse(yaml)))
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
