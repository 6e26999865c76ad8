package dev.aiconform.core.internal.rules;

import java.nio.charset.StandardCharsets;

/** How the API server measures strings: Go's {@code len}, the bytes of the UTF-8 encoding. */
final class Text {
  private Text() {}

  static int byteLength(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code value} quoted, shortened to 80 characters for messages. */
  static String quote(String value) {
    return "'" + (value.length() > 80 ? value.substring(0, 77) + "..." : value) + "'";
  }
}
