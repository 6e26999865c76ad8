package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.examples.FineTuning;
import dev.aiconform.examples.LlmInference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code aiconform demo}, the README's main job, run once and read section by section. */
class DemoCommandTest {
  @TempDir static Path dir;
  static Path output;
  static CliRun demo;

  @BeforeAll
  static void runTheDemo() {
    output = dir.resolve("demo");
    demo = CliRun.run("demo", "--output", output.toString(), "--color", "never");
  }

  @Test
  void runsToTheEndWithExitZeroAndNoStackTrace() {
    assertThat(demo.exit()).isZero();
    assertThat(demo.hasStackTrace()).isFalse();
    assertThat(demo.err()).isEmpty();
    assertThat(demo.out().lines().filter(l -> !l.startsWith(" ") && !l.isEmpty()))
        .containsExactly(
            "AIConform demo — Kubernetes 1.37, AI Conformance 1.37",
            "1. Two AI workloads, built in code (module examples)",
            "2. Validated for Kubernetes 1.37 and AI Conformance 1.37 (every rule of every module)",
            "3. Wrote the YAML to " + output,
            "4. The fine-tuning gang (native Workload API) on an in-memory cluster of 4 nodes x 8"
                + " H100 80GB",
            "5. All or nothing: the same gang with 5 workers on the same 4 nodes",
            "6. vLLM autoscaling through a synthetic rush hour (HPA controller, a sync every 15 s)",
            "Next");
  }

  @Test
  void validatesEveryRenderingWithoutErrorsAndExplainsTheWarningsItKeeps() {
    assertThat(demo.out())
        .containsPattern("fine-tuning/workload-api.yaml +5 +0 +3 +0")
        .containsPattern("fine-tuning/kueue.yaml +6 +0 +0 +0")
        .containsPattern("inference/hpa.yaml +7 +0 +0 +0")
        .containsPattern("inference/keda.yaml +6 +0 +0 +0")
        .contains("warning  gang.native.feature-gate  (3 findings in 1 file)")
        .contains(
            "kept on purpose: " + FineTuning.INTENTIONAL_FINDINGS.get("gang.native.feature-gate"))
        .contains("AI Conformance 1.37: requirements that rules check in manifests")
        .containsPattern("gang_scheduling +MUST +\\d+ +0")
        .containsPattern("secure_accelerator_access +MUST +\\d+ +0")
        .containsPattern("pod_autoscaling +MUST \\(if applicable\\) +\\d+ +0")
        .containsPattern("ai_service_metrics +MUST +\\d+ +0");
  }

  @Test
  void writesEachRenderingAndTheClusterAsYamlThatReadsBackToTheSameObjects() {
    assertThat(read("fine-tuning/workload-api.yaml")).isEqualTo(FineTuning.workloadApi());
    assertThat(read("fine-tuning/kueue.yaml")).isEqualTo(FineTuning.kueue());
    assertThat(read("inference/hpa.yaml")).isEqualTo(LlmInference.withHpa());
    assertThat(read("inference/keda.yaml")).isEqualTo(LlmInference.withKeda());
    assertThat(read("cluster.yaml").objects())
        .extracting(o -> o.getKind())
        .containsOnly("DeviceClass", "Node", "ResourceSlice")
        .filteredOn("Node"::equals)
        .hasSize(4);
  }

  private static dev.aiconform.core.ManifestBundle read(String file) {
    ReadResult r = ManifestReader.defaults().read(output.resolve(file));
    assertThat(r.diagnostics()).as(file).isEmpty();
    return r.bundle();
  }

  @Test
  void showsTheGangAdmittedWithTheDevicesEachWorkerReceived() {
    String section = section(4);
    assertThat(section)
        .contains("gang ml/llama-finetune (workload): admitted, 4 of 4 members bound");
    List<String> workers =
        section.lines().filter(l -> l.contains("ml/llama-finetune-worker-")).toList();
    assertThat(workers)
        .hasSize(4)
        .allSatisfy(
            w ->
                assertThat(w)
                    .containsPattern("h100-node-\\d")
                    .containsPattern(
                        "pair-0: gpu-\\d gpu-\\d  pair-1: gpu-\\d gpu-\\d  pair-2: gpu-\\d gpu-\\d"
                            + "  pair-3: gpu-\\d gpu-\\d"));
    assertThat(workers.stream().map(w -> w.replaceAll(".*(h100-node-\\d).*", "$1")))
        .doesNotHaveDuplicates();
  }

  @Test
  void showsFiveWorkersStayingEntirelyPendingWithTheReason() {
    String section = section(5);
    assertThat(section)
        .contains("gang ml/llama-finetune (workload): not admitted, 0 of 5 members bound")
        .contains("0 of 5 pods bound, 5 pending")
        .containsPattern("reason: .*llama-finetune");
  }

  @Test
  void printsTheReplicaTimelineOfTheRushHour() {
    String section = section(6);
    assertThat(section)
        .containsPattern("0:30 +6 +1 -> 2 +1 +6 waiting, \\d+ % busy per pod")
        .containsPattern(" -> 8 ")
        .containsPattern("8 -> 7")
        .containsPattern("8 replicas at \\d+:\\d\\d, all ready at \\d+:\\d\\d; back to 1 at");
  }

  @Test
  void endsWithTheCommandsThatRepeatTheChecksOnTheFilesItWrote() {
    assertThat(section(7))
        .contains("aiconform validate " + output.resolve("inference/hpa.yaml"))
        .contains(
            "aiconform simulate --cluster "
                + output.resolve("cluster.yaml")
                + " "
                + output.resolve("fine-tuning/workload-api.yaml"));
  }

  @Test
  void theFilesItWritesGiveTheSameResultsThroughTheOtherCommands() {
    CliRun validate =
        CliRun.run("validate", "--format", "json", output.resolve("inference/hpa.yaml").toString());
    CliRun simulate =
        CliRun.run(
            "simulate",
            "--cluster",
            output.resolve("cluster.yaml").toString(),
            "--format",
            "json",
            output.resolve("fine-tuning/workload-api.yaml").toString());

    assertThat(validate.exit()).isZero();
    assertThat(ValidateCommandTest.JSON.readTree(validate.out()).at("/summary/errors").asInt())
        .isZero();
    assertThat(simulate.exit()).isZero();
    JsonNode json = ValidateCommandTest.JSON.readTree(simulate.out());
    assertThat(json.at("/summary/bound").asInt()).isEqualTo(4);
    assertThat(json.at("/groups/0/admitted").asBoolean()).isTrue();
    assertThat(json.at("/pods/0/devices").size()).isEqualTo(8);
  }

  @Test
  void colourIsOnlyWrittenWhenAsked() {
    assertThat(demo.out()).doesNotContain("\u001b[");
    CliRun coloured =
        CliRun.run("demo", "--output", dir.resolve("coloured").toString(), "--color", "always");
    assertThat(coloured.out()).contains("\u001b[1mAIConform demo").contains("\u001b[32madmitted");
  }

  @Test
  void onKubernetes134WithoutTheWorkloadApiTheGangRunsUnderKueue() {
    CliRun old =
        CliRun.run(
            "demo", "--output", dir.resolve("v134").toString(), "--kubernetes-version", "1.34");

    assertThat(old.exit()).isZero();
    assertThat(old.out())
        .contains("AIConform demo — Kubernetes 1.34, AI Conformance 1.34")
        .contains("(no Workload API rendering: ")
        .contains("4. The fine-tuning gang (Kueue (JobSet))")
        .contains("gang ml/")
        .contains("(kueue): admitted");
    assertThat(dir.resolve("v134/fine-tuning/workload-api.yaml")).doesNotExist();
  }

  /**
   * docs/cli.md includes this transcript of the whole demo: after an intended change, regenerate it
   * with {@code -Dgolden.update=true} and review the diff.
   */
  @Test
  void printsTheTranscriptTheDocsShow() throws IOException {
    String transcript = demo.out().replace(output.toString(), "aiconform-demo");
    Path golden = Path.of("src/test/resources/golden/demo.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, transcript);
    }
    assertThat(transcript).isEqualTo(Files.readString(golden));
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

  /** The lines of section {@code n} (7: "Next"), up to the next section. */
  private static String section(int n) {
    List<String> lines = demo.out().lines().toList();
    StringBuilder out = new StringBuilder();
    boolean in = false;
    for (String l : lines) {
      boolean heading = !l.isEmpty() && !l.startsWith(" ");
      if (heading) {
        in = n == 7 ? l.equals("Next") : l.startsWith(n + ". ");
      } else if (in) {
        out.append(l).append('\n');
      }
    }
    return out.toString();
  }
}
