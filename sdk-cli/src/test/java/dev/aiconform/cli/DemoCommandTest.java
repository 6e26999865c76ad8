package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void buildsValidatesWritesAndSimulatesTheSample() {
    Path out = dir.resolve("demo");

    CliRun r = CliRun.run("demo", "--output", out.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(r.out())
        .contains("1. A sample AI workload, built in code (6 objects)")
        .contains("2. Validated like the API server")
        .contains("checked for Kubernetes 1.37: no findings")
        .contains("3. Wrote the YAML")
        .contains("4. Ran it on an in-memory cluster")
        .contains("4 pods bound, 2 pending")
        .contains("Insufficient nvidia.com/gpu")
        .contains("aiconform simulate --cluster " + out.resolve("cluster.yaml"));
    assertThat(out.resolve("workloads.yaml")).isRegularFile();
    assertThat(out.resolve("cluster.yaml")).isRegularFile();
  }

  @Test
  void theFilesItWritesGiveTheSameResultsThroughTheOtherCommands() {
    Path out = dir.resolve("demo");
    CliRun.run("demo", "--output", out.toString());
    String workloads = out.resolve("workloads.yaml").toString();

    CliRun validate = CliRun.run("validate", "--format", "json", workloads);
    CliRun simulate =
        CliRun.run(
            "simulate",
            "--cluster",
            out.resolve("cluster.yaml").toString(),
            "--format",
            "json",
            workloads);

    assertThat(validate.exit()).isZero();
    assertThat(ValidateCommandTest.JSON.readTree(validate.out()).at("/summary/objects").asInt())
        .isEqualTo(6);
    assertThat(simulate.exit()).isZero();
    JsonNode summary = ValidateCommandTest.JSON.readTree(simulate.out()).get("summary");
    assertThat(summary.get("bound").asInt()).isEqualTo(4);
    assertThat(summary.get("pending").asInt()).isEqualTo(2);
  }

  @Test
  void anOutputThatCannotBeWrittenIsOneLineAndExitTwo() throws IOException {
    Path file = dir.resolve("not-a-directory");
    Files.writeString(file, "x");

    CliRun r = CliRun.run("demo", "--output", file.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("aiconform demo: cannot read or write a file");
    assertThat(r.hasStackTrace()).isFalse();
  }
}
