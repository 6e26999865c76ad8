package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "validate", "simulate", "demo", "version"})
  void everyCommandHasHelpWithExamples(String command) {
    CliRun r = command.isEmpty() ? CliRun.run("--help") : CliRun.run(command, "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Usage: aiconform" + (command.isEmpty() ? "" : " " + command))
        .contains("Examples:");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpCommandShowsTheHelpOfACommand() {
    CliRun r = CliRun.run("help", "validate");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--kubernetes-version").contains("--fail-on").contains("--format");
  }

  @Test
  void validateHelpDocumentsTheExitCodes() {
    assertThat(CliRun.run("validate", "--help").out())
        .contains("Exit codes: 0")
        .contains("2 usage error or unreadable input");
  }

  @Test
  void versionNamesToolKubernetesAndConformanceVersions() {
    CliRun r = CliRun.run("version");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("aiconform ")
        .contains("Kubernetes versions: 1.34, 1.35, 1.36, 1.37 (default 1.37)")
        .contains("AI conformance checklists: 1.33, 1.34, 1.35, 1.36, 1.37");
  }

  @Test
  void versionOptionPrintsTheToolVersion() {
    CliRun r = CliRun.run("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).matches("aiconform \\S+\\R");
  }

  @Test
  void enumOptionsNameTheirValuesInLowerCase() {
    CliRun r = CliRun.run("validate", "--format", "xml", "x.yaml");

    assertThat(r.err()).contains("'xml' is not one of text, json, sarif, junit");
  }
}
