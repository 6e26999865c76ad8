package dev.aiconform.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README is read on GitHub, where nothing is included, so its code is pasted; this test keeps
 * the paste honest. A Java block follows {@code <!-- from: path#tag -->} and equals that region; a
 * text block after {@code <!-- output: path -->} shows lines of that golden file in order ({@code
 * …} skips); the two commands of the quick start are there, and relative links resolve.
 */
class ReadmeTest {
  static final Pattern BLOCK =
      Pattern.compile(
          "(?:<!-- (from|output): ([^#\\s]+)(?:#([\\w-]+))? -->\\n)?```(\\w*)\\n(.*?)```",
          Pattern.DOTALL);

  static Path root;
  static String readme;

  @BeforeAll
  static void read() throws IOException {
    root = SiteTest.repositoryRoot();
    readme = Files.readString(root.resolve("README.md"));
  }

  @Test
  void startsWithTheTwoCommandsANewcomerTypes() {
    assertThat(readme)
        .contains("./mvnw -q -DskipTests install && java -jar sdk-cli/target/aiconform.jar demo\n")
        .contains("\n./mvnw verify\n");
  }

  @Test
  void everyJavaSnippetIsARegionOfATestedSource() {
    Snippets snippets = new Snippets(root);
    List<String> drifted = new ArrayList<>();
    int java = 0;
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      if (!m.group(4).equals("java")) {
        continue;
      }
      java++;
      if (!"from".equals(m.group(1))) {
        drifted.add("a ```java block without <!-- from: path#tag --> above it");
        continue;
      }
      String region = snippets.region(m.group(2), m.group(3), "README.md");
      if (!region.strip().equals(m.group(5).strip())) {
        drifted.add(m.group(2) + "#" + m.group(3) + " is now:\n" + region);
      }
    }
    assertThat(java).isGreaterThanOrEqualTo(5);
    assertThat(drifted).as("README snippets that differ from their source").isEmpty();
  }

  @Test
  void outputExcerptsAreLinesOfTheirGoldenFilesInOrder() throws IOException {
    Matcher m = BLOCK.matcher(readme);
    int excerpts = 0;
    while (m.find()) {
      if (!"output".equals(m.group(1))) {
        continue;
      }
      excerpts++;
      List<String> golden = Files.readAllLines(root.resolve(m.group(2)));
      int at = 0;
      for (String line : m.group(5).split("\n")) {
        if (line.strip().equals("…")) {
          continue;
        }
        int found = golden.subList(at, golden.size()).indexOf(line);
        assertThat(found).as("%s has, after line %d: %s", m.group(2), at, line).isNotNegative();
        at += found + 1;
      }
    }
    assertThat(excerpts).isPositive();
  }

  @Test
  void relativeLinksResolve() {
    Matcher m = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)").matcher(readme);
    List<String> broken = new ArrayList<>();
    while (m.find()) {
      String target = m.group(1);
      if (!target.startsWith("http") && !Files.exists(root.resolve(target))) {
        broken.add(target);
      }
    }
    assertThat(broken).isEmpty();
  }
}
