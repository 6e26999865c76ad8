package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runs the shaded, executable {@code target/aiconform.jar} with {@code java -jar}. */
class AiconformJarIT {
  static Path jar;

  @TempDir Path dir;

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("aiconform.jar", "target/aiconform.jar"));
    assertThat(jar).as("the shaded jar (run 'verify', not 'test')").isRegularFile();
  }

  record Result(int exit, String out, String err) {}

  static Result java(Path stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Path out = Files.createTempFile("aiconform-out", ".txt");
    Path err = Files.createTempFile("aiconform-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("aiconform finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void validatesAFileAndPrintsTheJsonReport() throws Exception {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, ValidateCommandTest.BROKEN_JOB);

    Result r = java(null, "validate", "--format", "json", file.toString());

    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = ValidateCommandTest.JSON.readTree(r.out());
    assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
    assertThat(json.at("/diagnostics/0/rule").asString()).isEqualTo("core.pod.resources");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void keepsTheRuleServicesOfEveryModule() throws Exception {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, ValidateCommandTest.CLEAN);

    Result r = java(null, "validate", "--format", "sarif", file.toString());

    assertThat(r.exit()).isZero();
    Set<String> inJar = new HashSet<>();
    ValidateCommandTest.JSON
        .readTree(r.out())
        .at("/runs/0/tool/driver/rules")
        .forEach(x -> inJar.add(x.get("id").asString()));
    // every rule the class path runs for the default target version is in the jar too
    Set<String> onClassPath = new HashSet<>();
    for (Rule rule : Validator.defaults().rules()) {
      onClassPath.add(rule.info().id());
    }
    assertThat(onClassPath).isNotEmpty();
    assertThat(inJar).containsAll(onClassPath);
  }

  @Test
  void readsStdinAndRefusesBadInputWithExitTwoAndNoStackTrace() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");

    Result r = java(bad, "validate", "-");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("aiconform validate: <stdin>")
        .contains("yaml.parse")
        .doesNotContain("\tat ");
  }

  @Test
  void runsTheDemoOnTheInMemoryClusterWithEveryModulesExtensions() throws Exception {
    Path out = dir.resolve("demo");

    Result r = java(null, "demo", "--output", out.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("gang ml/llama-finetune (workload): admitted, 4 of 4 members bound")
        .contains("pair-3: gpu-")
        .contains("gang ml/llama-finetune (workload): not admitted, 0 of 5 members bound")
        .contains(" -> 8 ");
    Path gang = out.resolve("fine-tuning/workload-api.yaml");
    assertThat(gang).isRegularFile();

    Result simulate =
        java(
            null,
            "simulate",
            "--cluster",
            out.resolve("cluster.yaml").toString(),
            "--format",
            "json",
            gang.toString());
    assertThat(simulate.exit()).isZero();
    assertThat(ValidateCommandTest.JSON.readTree(simulate.out()).at("/summary/bound").asInt())
        .isEqualTo(4);
  }

  @Test
  void answersHelpVersionAndUsageErrors() throws Exception {
    Result help = java(null, "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: aiconform").contains("Examples:");

    Result version = java(null, "version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("aiconform ").doesNotContain("unknown");

    Result usage = java(null, "validate", "--kubernetes-version", "2.0", "x.yaml");
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err().lines()).hasSize(1);
  }
}
