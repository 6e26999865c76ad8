package dev.aiconform.cli.internal;

import dev.aiconform.core.Manifest;
import dev.aiconform.core.SourceLocation;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * JUnit XML for CI test reports: one testcase per object (classname: its file; name: its kind,
 * namespace and name). A testcase fails with the findings at or above {@code --fail-on}; findings
 * below it go to system-out. Input that could not be read becomes a testcase with an error.
 */
final class JunitReport {
  private JunitReport() {}

  static String render(ValidationRun run, Severity failOn) {
    List<String> cases = new ArrayList<>();
    int failures = 0;
    int errors = 0;
    List<Manifest> manifests = new ArrayList<>(run.bundle().manifests());
    manifests.sort(Comparator.comparing(Manifest::source, ValidationRun.BY_LOCATION));
    for (Manifest m : manifests) {
      List<Diagnostic> findings = run.about(m);
      List<Diagnostic> failing = new ArrayList<>();
      List<Diagnostic> other = new ArrayList<>();
      for (Diagnostic d : findings) {
        (d.severity().atLeast(failOn) ? failing : other).add(d);
      }
      StringBuilder c = new StringBuilder();
      c.append("    <testcase classname=\"")
          .append(attr(m.source().map(SourceLocation::file).orElse("(built in code)")))
          .append("\" name=\"")
          .append(attr(testName(m)))
          .append("\"");
      if (failing.isEmpty() && other.isEmpty()) {
        c.append("/>\n");
      } else {
        c.append(">\n");
        if (!failing.isEmpty()) {
          failures++;
          Diagnostic first = failing.get(0);
          c.append("      <failure type=\"")
              .append(attr(first.rule()))
              .append("\" message=\"")
              .append(
                  attr(
                      Lines.plural(failing.size(), "finding")
                          + ": "
                          + Lines.oneLine(first.message())))
              .append("\">")
              .append(text(lines(failing)))
              .append("</failure>\n");
        }
        if (!other.isEmpty()) {
          c.append("      <system-out>").append(text(lines(other))).append("</system-out>\n");
        }
        c.append("    </testcase>\n");
      }
      cases.add(c.toString());
    }
    for (Diagnostic d : run.withoutObject()) {
      errors++;
      SourceLocation s = d.source().orElse(null);
      StringBuilder c = new StringBuilder();
      c.append("    <testcase classname=\"")
          .append(attr(s == null ? "(input)" : s.file()))
          .append("\" name=\"")
          .append(attr(s == null ? "input" : "document " + s.document() + " at line " + s.line()))
          .append("\">\n");
      c.append("      <error type=\"")
          .append(attr(d.rule()))
          .append("\" message=\"")
          .append(attr(Lines.oneLine(d.message())))
          .append("\">")
          .append(text(lines(List.of(d))))
          .append("</error>\n");
      c.append("    </testcase>\n");
      cases.add(c.toString());
    }
    String suite = "aiconform validate (Kubernetes " + run.version() + ")";
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"aiconform\" tests=\"")
        .append(cases.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"")
        .append(errors)
        .append("\">\n");
    out.append("  <testsuite name=\"")
        .append(attr(suite))
        .append("\" tests=\"")
        .append(cases.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"0\">\n");
    cases.forEach(out::append);
    out.append("  </testsuite>\n");
    out.append("</testsuites>\n");
    return out.toString();
  }

  private static String testName(Manifest m) {
    String apiVersion = m.ref().apiVersion();
    return (apiVersion.isEmpty() ? "" : apiVersion + " ") + Lines.object(m.ref());
  }

  private static String lines(List<Diagnostic> findings) {
    StringBuilder s = new StringBuilder();
    for (Diagnostic d : findings) {
      s.append(d.severity().label()).append(' ').append(d.rule());
      d.source().ifPresent(l -> s.append(" line ").append(l.line()));
      if (!d.path().isEmpty()) {
        s.append(' ').append(d.path());
      }
      s.append(": ");
      d.reason().ifPresent(r -> s.append(r.wireName()).append(": "));
      s.append(Lines.oneLine(d.message()));
      if (!d.hint().isEmpty()) {
        s.append(" (fix: ").append(Lines.oneLine(d.hint())).append(')');
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** Escapes for an attribute value; characters XML 1.0 cannot hold are dropped. */
  static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  static String text(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '&') {
                out.append("&amp;");
              } else if (cp == '<') {
                out.append("&lt;");
              } else if (cp == '>') {
                out.append("&gt;");
              } else if (cp == 0x9
                  || cp == 0xA
                  || cp == 0xD
                  || (cp >= 0x20 && cp <= 0xD7FF)
                  || (cp >= 0xE000 && cp <= 0xFFFD)
                  || cp >= 0x10000) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
