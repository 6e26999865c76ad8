package dev.aiconform.cli.internal;

import dev.aiconform.core.validation.Severity;

/**
 * ANSI styling for text output: on only when writing to a terminal (and NO_COLOR is unset), so
 * pipes, files and CI logs get plain text.
 *
 * <pre>{@code
 * Style style = Style.detect();
 * out.println(style.bold("Job ml/train"));
 * }</pre>
 */
public final class Style {
  private static final Style PLAIN = new Style(false);
  private static final Style COLOUR = new Style(true);

  private final boolean enabled;

  private Style(boolean enabled) {
    this.enabled = enabled;
  }

  public static Style plain() {
    return PLAIN;
  }

  public static Style colour() {
    return COLOUR;
  }

  /**
   * Colour when stdout is a terminal, NO_COLOR is not set and TERM is not "dumb" (the conventions
   * of no-color.org).
   */
  public static Style detect() {
    boolean tty = System.console() != null;
    String noColor = System.getenv("NO_COLOR");
    String term = System.getenv("TERM");
    boolean dumb = term != null && term.equals("dumb");
    return tty && (noColor == null || noColor.isEmpty()) && !dumb ? COLOUR : PLAIN;
  }

  public boolean enabled() {
    return enabled;
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String red(String s) {
    return wrap("31", s);
  }

  /** {@code error} in red, {@code warning} in yellow, {@code info} in blue. */
  public String severity(Severity severity, String s) {
    switch (severity) {
      case ERROR:
        return wrap("1;31", s);
      case WARNING:
        return wrap("1;33", s);
      default:
        return wrap("1;34", s);
    }
  }

  private String wrap(String code, String s) {
    return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
