package dev.aiconform.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A table for text output: columns padded to their widest cell (numbers right-aligned), a dim
 * header, colour applied after padding so that ANSI codes never break the alignment, and no
 * trailing spaces.
 *
 * <pre>{@code
 * Table t = Table.of("pod", "node", ">devices");
 * t.row("ml/train-0", "h100-node-0", "8");
 * out.print(t.render("   ", style));
 * }</pre>
 */
public final class Table {
  /** A cell with a colour (applied after padding). */
  public record Cell(String text, UnaryOperator<String> colour) {}

  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> right = new ArrayList<>();
  private final List<List<Cell>> rows = new ArrayList<>();

  private Table() {}

  /**
   * Columns by header; a header starting with {@code >} is right-aligned (the {@code >} dropped).
   */
  public static Table of(String... headers) {
    Table t = new Table();
    for (String h : headers) {
      boolean r = h.startsWith(">");
      t.headers.add(r ? h.substring(1) : h);
      t.right.add(r);
    }
    return t;
  }

  public static Cell styled(String text, UnaryOperator<String> colour) {
    return new Cell(text, colour);
  }

  /** A row: Strings, numbers or {@link Cell}s, one per column. */
  public Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row of this table has " + headers.size() + " cells, found " + cells.length);
    }
    List<Cell> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(
          c instanceof Cell cell ? cell : new Cell(String.valueOf(c), UnaryOperator.identity()));
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Every line prefixed with {@code indent}, ending with a newline. */
  public String render(String indent, Style style) {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<Cell> row : rows) {
        width[i] = Math.max(width[i], row.get(i).text().length());
      }
    }
    StringBuilder out = new StringBuilder();
    List<Cell> head = new ArrayList<>();
    headers.forEach(h -> head.add(new Cell(h, style::dim)));
    line(out, indent, head, width);
    for (List<Cell> row : rows) {
      line(out, indent, row, width);
    }
    return out.toString();
  }

  private void line(StringBuilder out, String indent, List<Cell> cells, int[] width) {
    StringBuilder line = new StringBuilder(indent);
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      String text = c.text();
      boolean last = i == cells.size() - 1;
      int pad = Math.max(0, width[i] - text.length());
      if (right.get(i)) {
        line.append(" ".repeat(pad)).append(c.colour().apply(text));
      } else {
        line.append(c.colour().apply(text));
        if (!last) {
          line.append(" ".repeat(pad));
        }
      }
      if (!last) {
        line.append("  ");
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
