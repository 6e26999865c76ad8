package dev.aiconform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on rendered YAML, above all against a golden file. With {@code -Dgolden.update=true}
 * (or {@code AICONFORM_GOLDEN_UPDATE=true} in the environment) the golden file is written instead
 * of compared, so a deliberate change is one command and a reviewed diff.
 *
 * <pre>{@code
 * assertThat(bundle).yaml().isEqualToGolden("src/test/resources/golden/train.yaml");
 * // ./mvnw -pl my-module test -Dgolden.update=true   rewrites it
 * }</pre>
 */
public final class YamlAssert extends AbstractAssert<YamlAssert, String> {
  /** The system property that switches golden files to update mode. */
  public static final String UPDATE_PROPERTY = "golden.update";

  /** The environment variable that switches golden files to update mode. */
  public static final String UPDATE_ENV = "AICONFORM_GOLDEN_UPDATE";

  YamlAssert(String yaml) {
    super(yaml, YamlAssert.class);
  }

  /** Whether golden files are being written rather than compared. */
  public static boolean updating() {
    String p = System.getProperty(UPDATE_PROPERTY, System.getenv(UPDATE_ENV));
    return p != null && (p.isEmpty() || p.toLowerCase(Locale.ROOT).equals("true"));
  }

  public YamlAssert isEqualToGolden(String path) {
    return isEqualToGolden(Path.of(path));
  }

  /**
   * Equal, line for line, to the golden file (line endings aside); in update mode, writes it. A
   * failure names the first differing line and how to update the file.
   */
  public YamlAssert isEqualToGolden(Path golden) {
    isNotNull();
    String actualText = normalize(actual);
    if (updating()) {
      try {
        if (golden.getParent() != null) {
          Files.createDirectories(golden.getParent());
        }
        Files.writeString(golden, actualText, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write golden file " + golden, e);
      }
      return this;
    }
    if (!Files.isRegularFile(golden)) {
      failWithMessage(
          "%nExpecting YAML equal to the golden file%n  %s%nbut that file does not exist (working directory %s).%n"
              + "Create it with -D%s=true (or %s=true) and review it.",
          golden, Path.of("").toAbsolutePath(), UPDATE_PROPERTY, UPDATE_ENV);
    }
    String expectedText;
    try {
      expectedText = normalize(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden file " + golden, e);
    }
    if (!expectedText.equals(actualText)) {
      String[] exp = expectedText.split("\n", -1);
      String[] act = actualText.split("\n", -1);
      int line = 0;
      while (line < exp.length && line < act.length && exp[line].equals(act[line])) {
        line++;
      }
      failWithActualExpectedAndMessage(
          actualText,
          expectedText,
          "%nExpecting YAML equal to the golden file%n  %s%nbut line %s differs:%n  expected: %s%n  actual:   %s%n"
              + "(%s lines expected, %s actual). If the change is intended, update the file with -D%s=true"
              + " and review the diff.",
          golden,
          line + 1,
          line < exp.length ? "\"" + exp[line] + "\"" : "(end of file)",
          line < act.length ? "\"" + act[line] + "\"" : "(end of file)",
          expectedText.lines().count(),
          actualText.lines().count(),
          UPDATE_PROPERTY);
    }
    return this;
  }

  /** Contains {@code text} somewhere. */
  public YamlAssert contains(String text) {
    isNotNull();
    if (!actual.contains(text)) {
      failWithMessage("%nExpecting the YAML%n%s%nto contain%n  \"%s\"", indent(actual), text);
    }
    return this;
  }

  private static String indent(String text) {
    return "  " + text.stripTrailing().replace("\n", "\n  ");
  }

  private static String normalize(String s) {
    return s.replace("\r\n", "\n");
  }
}
