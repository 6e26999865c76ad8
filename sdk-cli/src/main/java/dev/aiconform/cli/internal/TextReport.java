package dev.aiconform.cli.internal;

import dev.aiconform.core.Manifest;
import dev.aiconform.core.SourceLocation;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The report for people: findings grouped by object, each with its line, rule, field path, what is
 * wrong and how to fix it; then input that could not be read; then a one-line summary.
 */
final class TextReport {
  private static final String INDENT = "           ";

  private TextReport() {}

  static String render(ValidationRun run, Style style) {
    StringBuilder out = new StringBuilder();
    List<Manifest> manifests = new ArrayList<>(run.bundle().manifests());
    manifests.sort(Comparator.comparing(Manifest::source, ValidationRun.BY_LOCATION));
    int withFindings = 0;
    for (Manifest m : manifests) {
      List<Diagnostic> findings = run.about(m);
      if (findings.isEmpty()) {
        continue;
      }
      withFindings++;
      out.append(style.bold(header(m))).append('\n');
      for (Diagnostic d : findings) {
        finding(d, style, out);
      }
      out.append('\n');
    }
    List<Diagnostic> unreadable = run.withoutObject();
    if (!unreadable.isEmpty()) {
      out.append(style.bold("Input that could not be read")).append('\n');
      for (Diagnostic d : unreadable) {
        finding(d, style, out);
      }
      out.append('\n');
    }
    out.append(summary(run, withFindings, style)).append('\n');
    return out.toString();
  }

  private static String header(Manifest m) {
    String where = m.source().map(s -> s.file() + ":" + s.line() + ": ").orElse("");
    String apiVersion = m.ref().apiVersion().isEmpty() ? "" : " (" + m.ref().apiVersion() + ")";
    return where + Lines.object(m.ref()) + apiVersion;
  }

  static void finding(Diagnostic d, Style style, StringBuilder out) {
    String severity = String.format("%-9s", d.severity().label());
    out.append("  ").append(style.severity(d.severity(), severity)).append(d.rule());
    location(d.source(), d.object().isEmpty()).ifPresent(l -> out.append("  ").append(l));
    if (!d.path().isEmpty()) {
      out.append("  ").append(d.path());
    }
    out.append('\n');
    out.append(INDENT);
    d.reason().ifPresent(r -> out.append(r.wireName()).append(": "));
    out.append(Lines.oneLine(d.message())).append('\n');
    if (!d.hint().isEmpty()) {
      out.append(INDENT).append(style.dim("fix: " + Lines.oneLine(d.hint()))).append('\n');
    }
  }

  /** {@code line 14}; for input that is no object, the file too. */
  private static Optional<String> location(Optional<SourceLocation> source, boolean withFile) {
    return source.map(
        s -> (withFile ? s.file() + ":" + s.line() + ":" + s.column() : "line " + s.line()));
  }

  private static String summary(ValidationRun run, int withFindings, Style style) {
    long errors = run.count(Severity.ERROR);
    long warnings = run.count(Severity.WARNING);
    long infos = run.count(Severity.INFO);
    String counts =
        Lines.plural(errors, "error")
            + ", "
            + Lines.plural(warnings, "warning")
            + (infos > 0 ? ", " + Lines.plural(infos, "info") : "");
    String text =
        Lines.plural(run.objects(), "object")
            + " checked for Kubernetes "
            + run.version()
            + ": "
            + (run.diagnostics().isEmpty() ? "no findings" : counts)
            + (withFindings > 0 ? " in " + Lines.plural(withFindings, "object") : "");
    if (errors > 0) {
      return style.red(text);
    }
    return run.diagnostics().isEmpty() ? style.green(text) : text;
  }
}
