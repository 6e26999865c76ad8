package dev.aiconform.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path to a field of a Kubernetes object, printed the way the API server prints it: {@code
 * spec.devices.requests[0].exactly.count}, {@code metadata.labels[app]}.
 *
 * <pre>{@code
 * FieldPath count = FieldPath.of("spec", "devices", "requests").index(0).child("exactly", "count");
 * }</pre>
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(null, null, Kind.ROOT);

  private enum Kind {
    ROOT,
    FIELD,
    INDEX,
    KEY
  }

  private final FieldPath parent;
  private final String segment;
  private final Kind kind;

  private FieldPath(FieldPath parent, String segment, Kind kind) {
    this.parent = parent;
    this.segment = segment;
    this.kind = kind;
  }

  /** The object itself (printed as the empty string). */
  public static FieldPath root() {
    return ROOT;
  }

  /** {@code FieldPath.of("spec", "devices")} → {@code spec.devices}. */
  public static FieldPath of(String field, String... more) {
    return ROOT.child(field, more);
  }

  /**
   * Reads a printed path such as {@code spec.containers[0].resources.claims[1]} or {@code
   * metadata.labels[app.kubernetes.io/name]}; a bracketed number is an index, anything else
   * bracketed is a map key.
   */
  public static FieldPath parse(String text) {
    FieldPath p = ROOT;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[') {
        int end = text.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed '[' in field path '" + text + "'");
        }
        String inner = text.substring(i + 1, end);
        p = inner.matches("\\d+") ? p.index(Integer.parseInt(inner)) : p.key(inner);
        i = end + 1;
      } else {
        int end = i;
        while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        p = p.child(text.substring(i, end));
        i = end;
      }
    }
    return p;
  }

  public FieldPath child(String field, String... more) {
    FieldPath p = new FieldPath(this, Objects.requireNonNull(field, "field"), Kind.FIELD);
    for (String m : more) {
      p = new FieldPath(p, m, Kind.FIELD);
    }
    return p;
  }

  public FieldPath index(int index) {
    return new FieldPath(this, Integer.toString(index), Kind.INDEX);
  }

  public FieldPath key(String key) {
    return new FieldPath(this, Objects.requireNonNull(key, "key"), Kind.KEY);
  }

  /** The enclosing path, or {@code null} for the root. */
  public FieldPath parent() {
    return parent;
  }

  public boolean isRoot() {
    return kind == Kind.ROOT;
  }

  /** The last segment: a field name, an index or a key; empty for the root. */
  public String lastSegment() {
    return segment == null ? "" : segment;
  }

  /**
   * A form in which a map key and a field of the same name are equal ({@code metadata.labels.app}
   * for {@code metadata.labels[app]}), used to match paths against what a YAML reader saw, which
   * cannot tell maps from structs.
   */
  public String canonical() {
    StringBuilder sb = new StringBuilder();
    for (FieldPath p : segments()) {
      if (p.kind == Kind.INDEX) {
        sb.append('[').append(p.segment).append(']');
      } else {
        if (sb.length() > 0) sb.append('.');
        sb.append(p.segment);
      }
    }
    return sb.toString();
  }

  private List<FieldPath> segments() {
    List<FieldPath> list = new ArrayList<>();
    for (FieldPath p = this; p.kind != Kind.ROOT; p = p.parent) {
      list.add(0, p);
    }
    return list;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (FieldPath p : segments()) {
      switch (p.kind) {
        case FIELD:
          if (sb.length() > 0) sb.append('.');
          sb.append(p.segment);
          break;
        default:
          sb.append('[').append(p.segment).append(']');
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
