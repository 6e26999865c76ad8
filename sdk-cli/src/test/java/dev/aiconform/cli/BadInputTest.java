package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input of issue 2 §3 and every usage error ends with a diagnostic on stderr and
 * exit code 2, never a stack trace.
 */
class BadInputTest {
  @TempDir Path dir;

  static Stream<Arguments> unreadableDocuments() {
    StringBuilder bomb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n");
    bomb.append(
        "  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append("  ").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      bomb.append("]\n");
    }
    String deep =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: "
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "\n";
    return Stream.of(
        Arguments.of(
            "malformed YAML",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n",
            "yaml.parse"),
        Arguments.of(
            "not a mapping", "- apiVersion: v1\n  kind: ConfigMap\n", "yaml.not-a-mapping"),
        Arguments.of(
            "missing apiVersion", "kind: ConfigMap\nmetadata: {name: a}\n", "yaml.missing-kind"),
        Arguments.of("missing kind", "apiVersion: v1\nmetadata: {name: a}\n", "yaml.missing-kind"),
        Arguments.of(
            "wrong field type",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: not-a-list\n",
            "yaml.field-type"),
        Arguments.of(
            "duplicate key",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n",
            "yaml.duplicate-key"),
        Arguments.of("alias bomb", bomb.toString(), "yaml.alias-limit"),
        Arguments.of("very deep nesting", deep, "yaml.too-deep"),
        Arguments.of(
            "tab indentation",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n",
            "yaml.parse"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableDocuments")
  void unreadableInputIsADiagnosticAndExitTwo(String what, String content, String rule)
      throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, content);

    CliRun r = CliRun.run("validate", "--format", "json", file.toString());

    assertThat(r.exit()).as(what).isEqualTo(2);
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(r.err()).contains("aiconform validate: " + file).contains(rule);
    assertThat(r.err().lines()).allMatch(l -> l.startsWith("aiconform validate: "));
    JsonNode json = ValidateCommandTest.JSON.readTree(r.out());
    assertThat(json.get("diagnostics").findValuesAsString("rule")).contains(rule);
  }

  @Test
  void aFiftyMegabyteDocumentIsRefusedWithoutReadingItIntoMemory() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: \"");
      String chunk = "x".repeat(1 << 20);
      for (int i = 0; i < 50; i++) {
        w.write(chunk);
      }
      w.write("\"\n");
    }

    CliRun r = CliRun.run("validate", file.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(r.err()).contains("yaml.too-large");
  }

  @Test
  void fiftyMegabytesOnStdinAreRefusedToo() {
    byte[] big = new byte[50 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');

    CliRun r = CliRun.withStdin(new java.io.ByteArrayInputStream(big), "validate", "-");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("yaml.too-large");
  }

  @Test
  void goodDocumentsNextToABadOneAreStillValidated() throws IOException {
    Path file = dir.resolve("mixed.yaml");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n---\n- not: an object\n");

    CliRun r = CliRun.run("validate", file.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("core.metadata.name").contains("yaml.not-a-mapping");
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(new String[] {}, "missing command"),
        Arguments.of(new String[] {"frobnicate"}, "frobnicate"),
        Arguments.of(new String[] {"validate"}, "PATH"),
        Arguments.of(
            new String[] {"validate", "--kubernetes-version", "1.29", "x.yaml"},
            "expected one of 1.34, 1.35, 1.36, 1.37"),
        Arguments.of(new String[] {"validate", "--format", "xml", "x.yaml"}, "--format"),
        Arguments.of(new String[] {"validate", "--fail-on", "info", "x.yaml"}, "--fail-on"),
        Arguments.of(new String[] {"validate", "--no-such-option", "x.yaml"}, "--no-such-option"),
        Arguments.of(new String[] {"validate", "--kubernetes-version"}, "--kubernetes-version"),
        Arguments.of(new String[] {"validate", "-", "-"}, "only once"),
        Arguments.of(new String[] {"simulate", "--cluster", "-", "-"}, "only once"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("usageErrors")
  void usageErrorsAreOneLineAndExitTwo(String[] args, String mentioned) {
    CliRun r = CliRun.run(args);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains(mentioned).contains("--help");
  }

  @Test
  void aMissingFileIsUnreadableInput() {
    CliRun r = CliRun.run("validate", dir.resolve("nope.yaml").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("yaml.unreadable").contains("nope.yaml");
    assertThat(r.hasStackTrace()).isFalse();
  }
}
