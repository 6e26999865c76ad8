package dev.aiconform.core;

import java.util.Objects;

/**
 * Where something was read: the file (or {@code <stdin>}, or a name the caller chose), the index of
 * the YAML document in that file (0-based) and the 1-based line and column.
 *
 * <pre>{@code
 * new SourceLocation("train.yaml", 1, 14, 5).toString(); // "train.yaml:14:5"
 * }</pre>
 */
public record SourceLocation(String file, int document, int line, int column) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  /** The same document, another line and column. */
  public SourceLocation at(int line, int column) {
    return new SourceLocation(file, document, line, column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
