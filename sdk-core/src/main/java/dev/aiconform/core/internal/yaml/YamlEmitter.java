package dev.aiconform.core.internal.yaml;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree as block-style YAML the way kubectl prints it: two-space indentation, sequence
 * items at their key's indentation, strings unquoted only where every YAML reader (and kubectl's in
 * particular, see {@link GoYamlScalars}) reads them back as the same string, literal blocks for
 * multi-line text. Deterministic: the same tree gives the same bytes.
 */
public final class YamlEmitter {
  private YamlEmitter() {}

  /** Appends {@code root} as one YAML document (no document marker). */
  public static void write(JsonNode root, StringBuilder out) {
    if (root.isObject() && root.size() > 0) {
      mapping(root, 0, out);
    } else if (root.isArray() && root.size() > 0) {
      sequence(root, 0, out);
    } else {
      scalarOrEmpty(root, 0, out);
      out.append('\n');
    }
  }

  private static void mapping(JsonNode map, int indent, StringBuilder out) {
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      indent(out, indent);
      key(e.getKey(), out);
      value(e.getValue(), indent, false, out);
    }
  }

  private static void sequence(JsonNode seq, int indent, StringBuilder out) {
    for (JsonNode item : seq) {
      indent(out, indent);
      out.append('-');
      if (item.isObject() && item.size() > 0) {
        Iterator<Map.Entry<String, JsonNode>> it = item.properties().iterator();
        boolean first = true;
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (first) {
            out.append(' ');
            first = false;
          } else {
            indent(out, indent + 2);
          }
          key(e.getKey(), out);
          value(e.getValue(), indent + 2, false, out);
        }
      } else if (item.isArray() && item.size() > 0) {
        out.append('\n');
        sequence(item, indent + 2, out);
      } else {
        out.append(' ');
        scalarOrEmpty(item, indent + 2, out);
        out.append('\n');
      }
    }
  }

  /** After {@code key:}, writes the value: inline for scalars, on the next lines for the rest. */
  private static void value(JsonNode v, int indent, boolean unused, StringBuilder out) {
    if (v.isObject() && v.size() > 0) {
      out.append('\n');
      mapping(v, indent + 2, out);
    } else if (v.isArray() && v.size() > 0) {
      out.append('\n');
      sequence(v, indent, out);
    } else {
      out.append(' ');
      scalarOrEmpty(v, indent + 2, out);
      out.append('\n');
    }
  }

  private static void key(String k, StringBuilder out) {
    if (isPlainSafe(k) && k.indexOf('\n') < 0) {
      out.append(k);
    } else {
      doubleQuoted(k, out);
    }
    out.append(':');
  }

  private static void scalarOrEmpty(JsonNode v, int indent, StringBuilder out) {
    if (v.isObject()) {
      out.append("{}");
    } else if (v.isArray()) {
      out.append("[]");
    } else if (v.isNull() || v.isMissingNode()) {
      out.append("null");
    } else if (v.isBoolean()) {
      out.append(v.asBoolean());
    } else if (v.isNumber()) {
      number(v, out);
    } else {
      string(v.asString(), indent, out);
    }
  }

  private static void number(JsonNode v, StringBuilder out) {
    if (v.isFloatingPointNumber()) {
      double d = v.asDouble();
      if (Double.isNaN(d)) {
        out.append(".nan");
      } else if (Double.isInfinite(d)) {
        out.append(d > 0 ? ".inf" : "-.inf");
      } else if (v.isBigDecimal()) {
        out.append(v.decimalValue().toString());
      } else {
        out.append(Double.toString(d));
      }
    } else {
      out.append(v.asString());
    }
  }

  private static void string(String s, int indent, StringBuilder out) {
    if (isPlainSafe(s)) {
      out.append(s);
    } else if (isLiteralSafe(s)) {
      literal(s, indent, out);
    } else {
      doubleQuoted(s, out);
    }
  }

  /** Whether {@code s} can be written without quotes and read back unchanged. */
  static boolean isPlainSafe(String s) {
    if (s.isEmpty() || !GoYamlScalars.readsBackAsString(s)) {
      return false;
    }
    char first = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
      // "-" and "?" and ":" are fine when not followed by a space, but keep it simple and safe
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t' || last == ':') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!printable(c) || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
        return false;
      }
      if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
        return false;
      }
      if (c == '#' && s.charAt(i - 1) == ' ') {
        return false;
      }
      if (c >= 0xD800 && c <= 0xDFFF) {
        return false;
      }
    }
    return true;
  }

  /** Multi-line text that a literal block keeps byte for byte. */
  private static boolean isLiteralSafe(String s) {
    if (s.indexOf('\n') < 0 || s.startsWith(" ") || s.startsWith("\n")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((!printable(c) && c != '\n')
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || c == '\uFEFF'
          || (c >= 0xD800 && c <= 0xDFFF)) {
        return false;
      }
      // trailing spaces on a line would survive, but editors strip them; quote instead
      if (c == ' ' && (i + 1 == s.length() || s.charAt(i + 1) == '\n')) {
        return false;
      }
    }
    return true;
  }

  private static void literal(String s, int indent, StringBuilder out) {
    int trailing = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) {
      trailing++;
    }
    out.append('|');
    if (trailing == 0) {
      out.append('-');
    } else if (trailing > 1) {
      out.append('+');
    }
    String body = s.substring(0, s.length() - trailing);
    for (String line : body.split("\n", -1)) {
      out.append('\n');
      if (!line.isEmpty()) {
        indent(out, indent);
        out.append(line);
      }
    }
    for (int i = 1; i < trailing; i++) {
      out.append('\n');
    }
  }

  private static void doubleQuoted(String s, StringBuilder out) {
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
        case '\t':
          out.append("\\t");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          boolean surrogate = c >= 0xD800 && c <= 0xDFFF;
          if ((!surrogate && !printable(c))
              || c == '\u0085'
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFEFF'
              || (surrogate && !validSurrogate(s, i))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** YAML's printable set (YAML 1.2 §5.1), surrogates aside. */
  private static boolean printable(char c) {
    return c == '\t'
        || (c >= 0x20 && c <= 0x7e)
        || c == 0x85
        || (c >= 0xa0 && c <= 0xd7ff)
        || (c >= 0xe000 && c <= 0xfffd);
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static void indent(StringBuilder out, int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }
}
