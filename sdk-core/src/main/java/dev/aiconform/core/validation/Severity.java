package dev.aiconform.core.validation;

import java.util.Locale;

/** How serious a {@link Diagnostic} is. Ordered: {@code ERROR} is the most serious. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** {@code "error"}, as the CLI prints it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is at least as serious as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  /**
   * Reads {@code "error"}, {@code "warning"} or {@code "info"}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "': expected error, warning or info");
  }
}
