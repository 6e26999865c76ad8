package dev.aiconform.cli.internal;

import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.SourceLocation;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a validation report shows: the target version, the objects read, every finding (the
 * reader's and the validator's) in file, document and line order, and the rules that ran, for
 * formats that describe them (SARIF).
 *
 * <pre>{@code
 * ValidationRun run = new ValidationRun(TargetVersion.V1_37, bundle, findings, rules);
 * run.count(Severity.ERROR);
 * }</pre>
 */
public final class ValidationRun {
  /** File, then document, then line and column; findings without a location last. */
  public static final Comparator<Optional<SourceLocation>> BY_LOCATION =
      (a, b) -> {
        if (a.isEmpty() || b.isEmpty()) {
          return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        SourceLocation x = a.get();
        SourceLocation y = b.get();
        int c = x.file().compareTo(y.file());
        if (c == 0) c = Integer.compare(x.document(), y.document());
        if (c == 0) c = Integer.compare(x.line(), y.line());
        if (c == 0) c = Integer.compare(x.column(), y.column());
        return c;
      };

  private final TargetVersion version;
  private final ManifestBundle bundle;
  private final List<Diagnostic> diagnostics;
  private final Map<String, RuleInfo> rules;
  private final Map<ObjectRef, List<Diagnostic>> byObject = new HashMap<>();

  public ValidationRun(
      TargetVersion version,
      ManifestBundle bundle,
      Collection<Diagnostic> diagnostics,
      Collection<RuleInfo> rules) {
    this.version = version;
    this.bundle = bundle;
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    // Stable: findings at the same place keep the order rules reported them in.
    sorted.sort(Comparator.comparing(Diagnostic::source, BY_LOCATION));
    this.diagnostics = List.copyOf(sorted);
    for (Diagnostic d : this.diagnostics) {
      d.object().ifPresent(o -> byObject.computeIfAbsent(o, k -> new ArrayList<>()).add(d));
    }
    Map<String, RuleInfo> byId = new LinkedHashMap<>();
    for (RuleInfo r : rules) {
      byId.putIfAbsent(r.id(), r);
    }
    this.rules = byId;
  }

  public TargetVersion version() {
    return version;
  }

  public ManifestBundle bundle() {
    return bundle;
  }

  public int objects() {
    return bundle.size();
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  /** Whether a finding is at least as serious as {@code threshold}. */
  public boolean hasFindingsAtOrAbove(Severity threshold) {
    return diagnostics.stream().anyMatch(d -> d.severity().atLeast(threshold));
  }

  /** The ids of the rules that ran (and of other findings that could occur), in order. */
  public List<String> ruleIds() {
    return List.copyOf(rules.keySet());
  }

  /** The description of a rule id, when the rule is known. */
  public Optional<RuleInfo> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** The findings about one manifest (same object and same document). */
  public List<Diagnostic> about(Manifest manifest) {
    List<Diagnostic> found = new ArrayList<>();
    for (Diagnostic d : byObject.getOrDefault(manifest.ref(), List.of())) {
      Optional<SourceLocation> m = manifest.source();
      if (m.isPresent() && d.source().isPresent()) {
        SourceLocation a = m.get();
        SourceLocation b = d.source().get();
        if (!a.file().equals(b.file()) || a.document() != b.document()) {
          continue;
        }
      }
      found.add(d);
    }
    return found;
  }

  /** Findings that are not about any object read (input that could not be read). */
  public List<Diagnostic> withoutObject() {
    List<Diagnostic> found = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (d.object().isEmpty()) {
        found.add(d);
      }
    }
    return found;
  }
}
