package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/gang.md includes every tagged example of GangGuideTest ({@code <!-- include: path#tag -->},
 * expanded by the site generator), so the guide shows them exactly as they compile.
 */
class GangGuideSnippetsTest {
  static final String GUIDE_TEST = "sdk-gang/src/test/java/dev/aiconform/gang/GangGuideTest.java";
  static final Pattern TAG =
      Pattern.compile("// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL);

  static Path above(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above the working directory");
  }

  @Test
  void everyExampleOfTheGuideIsTestedCode() throws IOException {
    String source = Files.readString(above(GUIDE_TEST));
    String guide = Files.readString(above("docs/gang.md"));
    Map<String, String> snippets = new LinkedHashMap<>();
    Matcher m = TAG.matcher(source);
    while (m.find()) {
      snippets.put(m.group(1), m.group(2).stripIndent().strip());
    }
    assertThat(snippets)
        .containsKeys("intent", "render", "detect", "validate", "simulate", "kueue");
    snippets.forEach(
        (tag, code) ->
            assertThat(guide)
                .as("docs/gang.md shows example '%s'", tag)
                .contains("<!-- include: " + GUIDE_TEST + "#" + tag + " -->"));
  }
}
