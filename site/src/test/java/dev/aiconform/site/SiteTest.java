package dev.aiconform.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiconform.core.validation.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteTest {
  @TempDir static Path out;
  static Path root;
  static Site site;

  @BeforeAll
  static void build() throws IOException {
    root = repositoryRoot();
    site = Site.build(root);
    site.writeTo(out);
  }

  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs")) && Files.exists(p.resolve("mvnw"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found");
  }

  @Test
  void everyPageIsWellFormedHtmlWithATitle() throws IOException {
    for (Page p : site.pages()) {
      String html = Files.readString(out.resolve(p.file()), StandardCharsets.UTF_8);
      Parser parser = Parser.htmlParser().setTrackErrors(50);
      Document doc = Jsoup.parse(html, "", parser);
      assertThat(parser.getErrors()).as(p.file()).isEmpty();
      assertThat(doc.select("main h1")).as(p.file()).isNotEmpty();
      assertThat(doc.title()).as(p.file()).endsWith("AIConform");
    }
  }

  @Test
  void everyInternalLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Page p : site.pages()) {
      Document doc = Jsoup.parse(out.resolve(p.file()).toFile(), "UTF-8");
      for (Element a : doc.select("a[href]")) {
        String href = a.attr("href");
        if (href.startsWith("http://")
            || href.startsWith("https://")
            || href.startsWith("mailto:")) {
          continue;
        }
        String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
        Path target = file.isEmpty() ? out.resolve(p.file()) : out.resolve(file);
        if (!Files.exists(target)) {
          broken.add(p.file() + " → " + href + " (no such page)");
        } else if (!anchor.isEmpty()
            && Jsoup.parse(target.toFile(), "UTF-8").getElementById(anchor) == null) {
          broken.add(p.file() + " → " + href + " (no such anchor)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void everyRegisteredRuleHasAnEntry() throws IOException {
    Document rules = Jsoup.parse(out.resolve("rules.html").toFile(), "UTF-8");
    List<RuleInfo> all = RuleCatalogue.all();
    assertThat(all).isNotEmpty();
    for (RuleInfo r : all) {
      Element entry = rules.getElementById(RuleCatalogue.anchor(r.id()));
      assertThat(entry).as(r.id()).isNotNull();
      assertThat(entry.text()).contains(r.id(), r.category().label(), r.severity().label());
    }
  }

  @Test
  void theSiteHoldsEverySection() {
    assertThat(site.pages())
        .extracting(Page::file)
        .contains(
            "index.html",
            "cli.html",
            "rules.html",
            "conformance.html",
            "compatibility.html",
            "performance.html");
  }

  @Test
  void codeInTheDocsComesFromTestedSources() throws IOException {
    List<String> inline = new ArrayList<>();
    try (var docs = Files.list(root.resolve("docs"))) {
      for (Path md : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        inline.addAll(codeWrittenInProse(md.getFileName().toString(), Files.readString(md)));
      }
    }
    assertThat(inline).as("use <!-- include: path#tag --> for code and output").isEmpty();
  }

  @Test
  void theCodeCheckSeesFencesOfEitherKindAndOnlyTheirOpeningLines() {
    String md =
        "```sh\n./mvnw verify\n```\n\n~~~~text\n```java\nint x;\n```\n~~~~\n\n```yaml\nkind: Job\n```\n";

    assertThat(codeWrittenInProse("x.md", md))
        .containsExactly("x.md: a ```yaml block written in prose");
  }

  /** Fenced blocks in a language other than shell commands and plain text. */
  static List<String> codeWrittenInProse(String name, String markdown) {
    Pattern fence = Pattern.compile("^(`{3,}|~{3,})[ \\t]*(\\w*)");
    List<String> inline = new ArrayList<>();
    String open = null;
    for (String line : markdown.split("\n")) {
      Matcher m = fence.matcher(line);
      if (!m.find()) {
        continue;
      }
      if (open == null) {
        open = m.group(1);
        String lang = m.group(2);
        if (!lang.isEmpty() && !List.of("sh", "shell", "console", "text").contains(lang)) {
          inline.add(name + ": a ```" + lang + " block written in prose");
        }
      } else if (m.group(1).charAt(0) == open.charAt(0)
          && m.group(1).length() >= open.length()
          && m.group(2).isEmpty()) {
        open = null;
      }
    }
    return inline;
  }

  @Test
  void rendersInAHeadlessBrowserWhenOneIsInstalled() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(
        Files.isExecutable(chromium),
        "Debian's chromium is not installed: browser smoke test skipped");
    Process p =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium"),
                "--dump-dom",
                out.resolve("index.html").toUri().toString())
            .redirectErrorStream(false)
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Document doc = Jsoup.parse(dom);
    assertThat(doc.select("nav a[href=rules.html]")).isNotEmpty();
    assertThat(doc.select("main h1").text()).isNotBlank();
  }
}
