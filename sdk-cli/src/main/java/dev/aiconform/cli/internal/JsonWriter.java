package dev.aiconform.cli.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON in the order fields are given, so the CLI's output shapes are exactly what
 * docs/cli.md specifies. Compact by default; {@link #pretty()} indents with two spaces.
 *
 * <pre>{@code
 * new JsonWriter().beginObject().name("errors").value(2).endObject().toString(); // {"errors":2}
 * }</pre>
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> first = new ArrayDeque<>();
  private boolean pretty;
  private boolean afterName;

  /** Indents nested values, one per line. */
  public JsonWriter pretty() {
    this.pretty = true;
    return this;
  }

  public JsonWriter beginObject() {
    return open('{');
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray() {
    return open('[');
  }

  public JsonWriter endArray() {
    return close(']');
  }

  public JsonWriter name(String name) {
    separate();
    string(name);
    out.append(pretty ? ": " : ":");
    afterName = true;
    return this;
  }

  public JsonWriter value(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  public JsonWriter value(long value) {
    separate();
    out.append(value);
    return this;
  }

  public JsonWriter value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  /** A number or null. */
  public JsonWriter value(Integer value) {
    separate();
    out.append(value == null ? "null" : value.toString());
    return this;
  }

  public JsonWriter nullValue() {
    separate();
    out.append("null");
    return this;
  }

  /** {@code name: value} with a string (or null) value. */
  public JsonWriter field(String name, String value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, boolean value) {
    return name(name).value(value);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private JsonWriter open(char c) {
    separate();
    out.append(c);
    first.push(true);
    return this;
  }

  private JsonWriter close(char c) {
    boolean empty = first.pop();
    if (pretty && !empty) {
      newline();
    }
    out.append(c);
    return this;
  }

  /** A comma before every element but the first; nothing after a name. */
  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (first.isEmpty()) {
      return;
    }
    if (!first.peek()) {
      out.append(',');
    } else {
      first.pop();
      first.push(false);
    }
    if (pretty) {
      newline();
    }
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(first.size()));
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
