package dev.aiconform.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code in the docs comes from compiled, tested sources: a Markdown line {@code <!-- include:
 * examples/src/test/java/.../FineTuningTest.java#render -->} becomes the region between {@code //
 * tag::render[]} and {@code // end::render[]} of that file (the whole file without a tag), as a
 * code block in the file's language, or in the one named by {@code as}: {@code <!-- include:
 * sdk-core/src/test/java/.../ClusterGuideTest.java#job as yaml -->} for YAML in a Java text block
 * (tagged with {@code # tag::job[]} comments, which YAML ignores).
 */
final class Snippets {
  static final Pattern INCLUDE =
      Pattern.compile("<!--\\s*include:\\s*([^#\\s]+)(?:#([\\w-]+))?(?:\\s+as\\s+(\\w+))?\\s*-->");
  private static final Pattern TAG_LINE =
      Pattern.compile("^\\s*(//|#)\\s*(tag|end)::[\\w-]+\\[]\\s*$");

  private final Path root;

  Snippets(Path root) {
    this.root = root;
  }

  /** Replaces every include line of a Markdown text by a fenced code block. */
  String expand(String markdown, String page) {
    Matcher m = INCLUDE.matcher(markdown);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String code = region(m.group(1), m.group(2), page);
      String fence = code.contains("```") ? "~~~~" : "```";
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              fence
                  + (m.group(3) != null ? m.group(3) : language(m.group(1)))
                  + "\n"
                  + code
                  + fence));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The text of a tagged region of a file, dedented, without tag lines. */
  String region(String file, String tag, String page) {
    Path path = root.resolve(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(path);
    } catch (IOException e) {
      throw new UncheckedIOException(page + " includes " + file + ", which cannot be read", e);
    }
    int from = 0;
    int to = lines.size();
    if (tag != null) {
      from = -1;
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).trim();
        if (l.matches("(//|#)\\s*tag::" + Pattern.quote(tag) + "\\[]")) {
          from = i + 1;
        } else if (from >= 0 && l.matches("(//|#)\\s*end::" + Pattern.quote(tag) + "\\[]")) {
          to = i;
          break;
        }
      }
      if (from < 0) {
        throw new IllegalStateException(page + " includes " + file + "#" + tag + ": no such tag");
      }
    }
    List<String> region =
        lines.subList(from, to).stream().filter(l -> !TAG_LINE.matcher(l).matches()).toList();
    int indent =
        region.stream().filter(l -> !l.isBlank()).mapToInt(Snippets::indentOf).min().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : region) {
      sb.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
    }
    return sb.toString();
  }

  private static int indentOf(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String language(String file) {
    if (file.endsWith(".java")) {
      return "java";
    }
    if (file.endsWith(".yaml") || file.endsWith(".yml")) {
      return "yaml";
    }
    if (file.endsWith(".json")) {
      return "json";
    }
    return "text";
  }
}
