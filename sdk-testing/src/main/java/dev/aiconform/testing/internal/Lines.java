package dev.aiconform.testing.internal;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Multi-line failure-message building blocks, AssertJ style: values indented on lines of their own.
 */
public final class Lines {
  private Lines() {}

  /** Each item on its own line, indented two spaces; {@code " (none)"} when empty. */
  public static String indented(Collection<?> items) {
    if (items.isEmpty()) {
      return "  (none)";
    }
    return items.stream().map(i -> "  " + i).collect(Collectors.joining("\n"));
  }

  /** A value on its own indented line, quoted. */
  public static String quoted(Object value) {
    return "  \"" + value + "\"";
  }
}
