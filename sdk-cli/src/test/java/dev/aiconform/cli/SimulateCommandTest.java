package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.cluster.Nodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SimulateCommandTest {
  @TempDir Path dir;

  static String job(String name, int pods, int gpus, String restartPolicy) {
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: "
        + name
        + "\n  namespace: ml\nspec:\n  completions: "
        + pods
        + "\n  parallelism: "
        + pods
        + "\n  template:\n    spec:\n"
        + (restartPolicy == null ? "" : "      restartPolicy: " + restartPolicy + "\n")
        + "      tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]\n"
        + "      containers:\n      - name: trainer\n        image: pytorch\n"
        + "        resources:\n          limits: {nvidia.com/gpu: "
        + gpus
        + "}\n";
  }

  Path cluster() throws IOException {
    Path file = dir.resolve("cluster.yaml");
    ManifestWriter.yaml()
        .write(
            ManifestBundle.of(
                Nodes.named("gpu-%d")
                    .count(2)
                    .allocatable("nvidia.com/gpu", "4")
                    .taint("nvidia.com/gpu", "present", "NoSchedule")
                    .build()),
            file);
    return file;
  }

  Path workloads(String yaml) throws IOException {
    Path file = dir.resolve("workloads.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n---\n" + yaml);
    return file;
  }

  @Test
  void reportsBoundAndPendingPodsAsTheDocumentedJson() throws IOException {
    Path w = workloads(job("small", 2, 2, "Never") + "---\n" + job("huge", 1, 8, "Never"));

    CliRun r =
        CliRun.run("simulate", "--cluster", cluster().toString(), "--format", "json", w.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.hasStackTrace()).isFalse();
    JsonNode root = ValidateCommandTest.JSON.readTree(r.out());
    assertThat(ValidateCommandTest.fieldNames(root))
        .containsExactly("summary", "pods", "groups", "rejected");
    assertThat(ValidateCommandTest.fieldNames(root.get("summary")))
        .containsExactly("bound", "pending");
    assertThat(root.at("/summary/bound").asInt()).isEqualTo(2);
    assertThat(root.at("/summary/pending").asInt()).isEqualTo(1);
    JsonNode pod = root.at("/pods/0");
    assertThat(ValidateCommandTest.fieldNames(pod))
        .containsExactly("namespace", "name", "owner", "phase", "node", "devices", "reason");
    assertThat(ValidateCommandTest.fieldNames(pod.get("owner"))).containsExactly("kind", "name");
    JsonNode pending = null;
    for (JsonNode p : root.get("pods")) {
      if (p.get("phase").asString().equals("Pending")) {
        pending = p;
      } else {
        assertThat(p.get("phase").asString()).isEqualTo("Bound");
        assertThat(p.get("node").asString()).startsWith("gpu-");
        assertThat(p.get("reason").isNull()).isTrue();
      }
    }
    assertThat(pending).isNotNull();
    assertThat(pending.get("node").isNull()).isTrue();
    assertThat(pending.at("/owner/kind").asString()).isEqualTo("Job");
    assertThat(pending.at("/owner/name").asString()).isEqualTo("huge");
    assertThat(pending.get("reason").asString()).contains("Insufficient nvidia.com/gpu");
    assertThat(pending.get("devices").isArray()).isTrue();
    assertThat(root.get("groups").isArray()).isTrue();
    assertThat(root.get("rejected").isEmpty()).isTrue();
  }

  @Test
  void printsPodsNodesAndReasonsForPeople() throws IOException {
    Path w = workloads(job("small", 2, 2, "Never") + "---\n" + job("huge", 1, 8, "Never"));

    CliRun r = CliRun.run("simulate", "--cluster", cluster().toString(), w.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Simulated on Kubernetes 1.37: 2 pods bound, 1 pending")
        .contains("Bound    on gpu-")
        .contains("Pending  0/2 nodes are available: 2 Insufficient nvidia.com/gpu.")
        .contains("(Job huge)")
        .doesNotContain("\u001b[");
  }

  @Test
  void exitsOneWhenAWorkloadIsRejectedAtAdmission() throws IOException {
    Path w = workloads(job("no-restart-policy", 1, 1, null));

    CliRun r =
        CliRun.run("simulate", "--cluster", cluster().toString(), "--format", "json", w.toString());

    assertThat(r.exit()).isEqualTo(1);
    JsonNode rejected = ValidateCommandTest.JSON.readTree(r.out()).get("rejected");
    assertThat(rejected.size()).isGreaterThanOrEqualTo(1);
    JsonNode d = rejected.get(0);
    assertThat(ValidateCommandTest.fieldNames(d))
        .containsExactlyElementsOf(ValidateCommandTest.DIAGNOSTIC_FIELDS);
    assertThat(d.get("rule").asString()).isEqualTo("core.pod.restart-policy");
    assertThat(d.get("path").asString()).isEqualTo("spec.template.spec.restartPolicy");
    // batch validateJobSpec reports a missing (defaulted Always) restart policy as Required
    assertThat(d.get("reason").asString()).isEqualTo("FieldValueRequired");
    assertThat(d.get("name").asString()).isEqualTo("no-restart-policy");
  }

  @Test
  void listsRejectionsInTheTextReport() throws IOException {
    Path w = workloads(job("no-restart-policy", 1, 1, null));

    CliRun r = CliRun.run("simulate", "--cluster", cluster().toString(), w.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("Rejected at admission").contains("core.pod.restart-policy");
  }

  @Test
  void readsWorkloadsFromStdin() throws IOException {
    CliRun r =
        CliRun.withStdin(
            job("small", 1, 1, "Never"),
            "simulate",
            "--cluster",
            cluster().toString(),
            "--format",
            "json",
            "-");

    assertThat(r.exit()).isZero();
    assertThat(ValidateCommandTest.JSON.readTree(r.out()).at("/summary/bound").asInt())
        .isEqualTo(1);
  }

  @Test
  void unreadableInputIsExitTwoWithoutAReport() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: [\n");

    for (List<String> args :
        List.of(
            List.of(
                "simulate",
                "--cluster",
                bad.toString(),
                workloads(job("a", 1, 1, "Never")).toString()),
            List.of("simulate", "--cluster", cluster().toString(), bad.toString()))) {
      CliRun r = CliRun.run(args.toArray(String[]::new));

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("aiconform simulate: ").contains("yaml.parse");
      assertThat(r.hasStackTrace()).isFalse();
    }
  }

  @Test
  void theClusterIsRequired() {
    CliRun r = CliRun.run("simulate", "workloads.yaml");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--cluster").contains("simulate --help");
  }

  @Test
  void simulatesTheRequestedKubernetesVersion() throws IOException {
    CliRun r =
        CliRun.run(
            "simulate",
            "--kubernetes-version",
            "1.34",
            "--cluster",
            cluster().toString(),
            workloads(job("small", 1, 1, "Never")).toString());

    assertThat(r.out()).contains("Simulated on Kubernetes 1.34");
  }
}
