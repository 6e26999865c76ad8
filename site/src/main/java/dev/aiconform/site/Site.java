package dev.aiconform.site;

import dev.aiconform.core.validation.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The documentation site: the guides in {@code docs/} (code included from tested sources), the CLI
 * reference from the command's help, and the rule catalogue, requirement matrix and version matrix
 * from the registries.
 */
public final class Site {
  /** The guides, in navigation order: file in docs/, section. */
  static final List<String[]> GUIDES =
      List.of(
          new String[] {"index.md", "Start"},
          new String[] {"examples.md", "Start"},
          new String[] {"core-validation.md", "Guides"},
          new String[] {"core-cluster.md", "Guides"},
          new String[] {"dra.md", "Guides"},
          new String[] {"gang.md", "Guides"},
          new String[] {"autoscale.md", "Guides"},
          new String[] {"apply.md", "Guides"},
          new String[] {"testing.md", "Guides"},
          new String[] {"performance.md", "Reference"});

  private static final Pattern MD_LINK = Pattern.compile("href=\"([\\w./-]+)\\.md(#[^\"]*)?\"");

  private final Path root;
  private final List<Page> pages = new ArrayList<>();

  private Site(Path root) {
    this.root = root;
  }

  /** Builds every page from the repository at {@code root}. */
  public static Site build(Path root) throws IOException {
    Site site = new Site(root);
    site.assemble();
    return site;
  }

  List<Page> pages() {
    return pages;
  }

  private void assemble() throws IOException {
    List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();
    Snippets snippets = new Snippets(root);
    Path docs = root.resolve("docs");
    for (String[] guide : GUIDES) {
      Path md = docs.resolve(guide[0]);
      if (!Files.exists(md)) {
        throw new IOException(
            "docs/" + guide[0] + " is missing: every guide of the site is required");
      }
      pages.add(markdownPage(md, guide[1], parser, renderer, snippets));
    }
    List<RuleInfo> rules = RuleCatalogue.all();
    String cliProse = render(docs.resolve("cli.md"), parser, renderer, snippets);
    pages.add(CliReference.page(cliProse));
    pages.add(RuleCatalogue.page());
    pages.add(ConformanceMatrix.requirements(rules));
    pages.add(ConformanceMatrix.compatibility(rules));
    // any other guide in docs/ is published too, after the listed ones
    Set<String> listed = new java.util.HashSet<>();
    GUIDES.forEach(g -> listed.add(g[0]));
    listed.add("cli.md");
    try (Stream<Path> s = Files.list(docs)) {
      for (Path md : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        if (!listed.contains(md.getFileName().toString())) {
          pages.add(markdownPage(md, "Guides", parser, renderer, snippets));
        }
      }
    }
  }

  private Page markdownPage(
      Path md, String section, Parser parser, HtmlRenderer renderer, Snippets snippets)
      throws IOException {
    String name = md.getFileName().toString();
    String file = name.substring(0, name.length() - 3) + ".html";
    return new Page(file, title(md), section, render(md, parser, renderer, snippets));
  }

  private String render(Path md, Parser parser, HtmlRenderer renderer, Snippets snippets)
      throws IOException {
    String text = snippets.expand(Files.readString(md, StandardCharsets.UTF_8), md.toString());
    String html = renderer.render(parser.parse(text));
    Matcher m = MD_LINK.matcher(html);
    return m.replaceAll(
        r -> "href=\"" + r.group(1) + ".html" + (r.group(2) == null ? "" : r.group(2)) + "\"");
  }

  private static String title(Path md) throws IOException {
    for (String line : Files.readAllLines(md)) {
      if (line.startsWith("# ")) {
        return line.substring(2).replace("`", "").trim(); // a title, not Markdown
      }
    }
    return md.getFileName().toString();
  }

  /** Writes every page into {@code out}. */
  public void writeTo(Path out) throws IOException {
    Files.createDirectories(out);
    for (Page p : pages) {
      Files.writeString(out.resolve(p.file()), Html.layout(p, pages), StandardCharsets.UTF_8);
    }
  }
}
