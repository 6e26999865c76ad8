package dev.aiconform.cli.internal;

import dev.aiconform.core.validation.Severity;
import java.util.Locale;

/**
 * The formats of {@code aiconform validate --format}: text for people, JSON for scripts, SARIF for
 * code-scanning tools, JUnit XML for CI test reports.
 *
 * <pre>{@code
 * String report = ValidationFormat.parse("json").render(run, Severity.ERROR, Style.plain());
 * }</pre>
 */
public enum ValidationFormat {
  TEXT {
    @Override
    public String render(ValidationRun run, Severity failOn, Style style) {
      return TextReport.render(run, style);
    }
  },
  JSON {
    @Override
    public String render(ValidationRun run, Severity failOn, Style style) {
      return JsonReport.render(run);
    }
  },
  SARIF {
    @Override
    public String render(ValidationRun run, Severity failOn, Style style) {
      return SarifReport.render(run);
    }
  },
  JUNIT {
    @Override
    public String render(ValidationRun run, Severity failOn, Style style) {
      return JunitReport.render(run, failOn);
    }
  };

  /** The report, ending with a newline. */
  public abstract String render(ValidationRun run, Severity failOn, Style style);

  /** {@code "text"}, as the option takes it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
