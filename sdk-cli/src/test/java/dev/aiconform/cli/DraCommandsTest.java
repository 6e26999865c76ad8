package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.fixtures.Repository;
import dev.aiconform.dra.Inventories;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code aiconform validate} and {@code simulate} on Dynamic Resource Allocation manifests. */
class DraCommandsTest {
  @TempDir Path dir;

  static final String CEL_EXAMPLE =
      "testdata/corpus/upstream/kubernetes-sigs__dra-example-driver/demo/examples/cel-selector/"
          + "cel-selector.yaml";

  /**
   * A ResourceClaimTemplate {@code ml/name} for {@code count} example GPUs with these selectors.
   */
  static String template(String name, int count, String... expressions) {
    StringBuilder selectors =
        new StringBuilder(expressions.length == 0 ? "" : "          selectors:\n");
    for (String e : expressions) {
      selectors.append("          - cel:\n              expression: \"").append(e).append("\"\n");
    }
    return """
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaimTemplate
        metadata:
          namespace: ml
          name: %s
        spec:
          spec:
            devices:
              requests:
              - name: gpus
                exactly:
                  deviceClassName: gpu.example.com
                  count: %d
        %s"""
        .formatted(name, count, selectors);
  }

  /** A pod {@code ml/name} whose one container uses the devices of {@code template}. */
  static String pod(String name, String template) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          namespace: ml
          name: %s
        spec:
          containers:
          - name: main
            image: ghcr.io/example/app:1
            resources:
              claims:
              - name: gpus
          resourceClaims:
          - name: gpus
            resourceClaimTemplateName: %s
        """
        .formatted(name, template);
  }

  Path write(String name, String... documents) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("---\n", documents));
    return file;
  }

  Path cluster(List<HasMetadata> inventory) throws IOException {
    List<HasMetadata> objects = new ArrayList<>(inventory);
    objects.add(new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build());
    Path file = dir.resolve("cluster.yaml");
    ManifestWriter.yaml().write(ManifestBundle.of(objects), file);
    return file;
  }

  @Nested
  class Validate {
    @Test
    void anUpstreamCelSelectorExampleHasNoFinding() {
      CliRun r =
          CliRun.run("validate", "--format", "json", Repository.path(CEL_EXAMPLE).toString());

      assertThat(r.exit()).as(r.out() + r.err()).isZero();
      JsonNode root = ValidateCommandTest.JSON.readTree(r.out());
      assertThat(root.at("/summary/objects").asInt()).isEqualTo(3);
      assertThat(root.at("/summary/errors").asInt()).isZero();
    }

    @Test
    void aSelectorThatDoesNotCompileIsAnErrorAtItsExpressionWithItsLine() throws IOException {
      Path file =
          write(
              "broken.yaml",
              template(
                  "two",
                  2,
                  "device.driver == 'gpu.example.com'",
                  "device.attributes['gpu.example.com'].model == "));

      CliRun r = CliRun.run("validate", "--format", "json", file.toString());

      assertThat(r.exit()).isEqualTo(Aiconform.FINDINGS);
      JsonNode d = ValidateCommandTest.JSON.readTree(r.out()).at("/diagnostics/0");
      assertThat(d.get("kind").asString()).isEqualTo("ResourceClaimTemplate");
      assertThat(d.get("rule").asString()).isEqualTo("dra.selector.cel");
      assertThat(d.get("severity").asString()).isEqualTo("error");
      assertThat(d.get("path").asString())
          .isEqualTo("spec.spec.devices.requests[0].exactly.selectors[1].cel.expression");
      assertThat(d.get("reason").asString()).isEqualTo("FieldValueInvalid");
      assertThat(d.get("message").asString()).contains("compilation failed");
      assertThat(d.get("line").asInt()).isEqualTo(18); // the line of selectors[1]'s expression
    }

    @Test
    void aSelectorWhoseTypeIsNotBooleanIsAnErrorButADynamicValueIsLeftToRunTime()
        throws IOException {
      // device.driver is a string: rejected when compiled. An attribute value is dynamic (the
      // API server lets it compile; evaluating it to a non-boolean fails for that device).
      Path file =
          write(
              "types.yaml",
              template("string", 1, "device.driver"),
              template("dynamic", 1, "device.attributes['gpu.example.com'].index"));

      CliRun r = CliRun.run("validate", "--format", "json", file.toString());

      assertThat(r.exit()).isEqualTo(Aiconform.FINDINGS);
      JsonNode root = ValidateCommandTest.JSON.readTree(r.out());
      assertThat(root.at("/summary/errors").asInt()).isEqualTo(1);
      JsonNode d = root.at("/diagnostics/0");
      assertThat(d.get("name").asString()).isEqualTo("string");
      assertThat(d.get("rule").asString()).isEqualTo("dra.selector.cel");
      assertThat(d.get("path").asString())
          .isEqualTo("spec.spec.devices.requests[0].exactly.selectors[0].cel.expression");
      assertThat(d.get("message").asString()).contains("bool").contains("string");
    }

    @Test
    void textOutputNamesTheFileLineAndFieldOfTheBrokenSelector() throws IOException {
      Path file = write("broken.yaml", template("two", 2, "device.attributes["));

      CliRun r = CliRun.run("validate", "--color", "never", file.toString());

      assertThat(r.exit()).isEqualTo(Aiconform.FINDINGS);
      assertThat(r.out())
          .contains("ResourceClaimTemplate ml/two")
          .contains("spec.spec.devices.requests[0].exactly.selectors[0].cel.expression")
          .contains(file.getFileName().toString());
    }
  }

  @Nested
  class Simulate {
    @Test
    void podsGetDistinctDevicesUntilTheInventoryIsFullAndTheRestSayWhy() throws IOException {
      List<HasMetadata> inventory = Inventories.exampleDriverNodes(2);
      int devices = devices(inventory);
      Path cluster = cluster(inventory);
      int pods = devices / 2 + 1; // one pod more than the devices allow, two GPUs each
      List<String> docs = new ArrayList<>();
      docs.add(
          template("two", 2, "device.attributes['gpu.example.com'].model == 'LATEST-GPU-MODEL'"));
      for (int i = 0; i < pods; i++) docs.add(pod("worker-" + i, "two"));
      Path workloads = write("workloads.yaml", docs.toArray(String[]::new));

      CliRun r =
          CliRun.run(
              "simulate",
              "--cluster",
              cluster.toString(),
              "--format",
              "json",
              workloads.toString());

      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode root = ValidateCommandTest.JSON.readTree(r.out());
      assertThat(root.at("/summary/bound").asInt()).isEqualTo(pods - 1);
      assertThat(root.at("/summary/pending").asInt()).isEqualTo(1);
      Set<String> allocated = new HashSet<>();
      for (JsonNode p : root.get("pods")) {
        if (p.get("phase").asString().equals("Bound")) {
          assertThat(p.get("devices")).hasSize(2);
          for (JsonNode d : p.get("devices")) {
            assertThat(d.get("request").asString()).isEqualTo("gpus");
            assertThat(d.get("driver").asString()).isEqualTo("gpu.example.com");
            assertThat(d.get("pool").asString()).isEqualTo(p.get("node").asString());
            assertThat(allocated.add(d.get("pool").asString() + "/" + d.get("device").asString()))
                .as("each device is allocated once")
                .isTrue();
          }
        } else {
          assertThat(p.get("node").isNull()).isTrue();
          assertThat(p.get("devices")).isEmpty();
          assertThat(p.get("reason").asString())
              .startsWith("0/2 nodes are available")
              .contains("cannot allocate all claims")
              .contains("already allocated");
        }
      }
      assertThat(allocated).hasSize(2 * (pods - 1));
    }

    @Test
    void aSelectorNoDeviceMatchesLeavesThePodPendingWithTheSelectorInTheReason()
        throws IOException {
      Path cluster = cluster(Inventories.exampleDriverNodes(1));
      Path workloads =
          write(
              "workloads.yaml",
              template("b200", 1, "device.attributes['gpu.example.com'].model == 'B200'"),
              pod("worker-0", "b200"));

      CliRun r = simulateAsPlainText(cluster, workloads);

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("0 pods bound, 1 pending")
          .contains("ml/worker-0")
          .contains("Pending")
          .contains("device.attributes['gpu.example.com'].model == 'B200'")
          .containsPattern("matched 0 of \\d+ device\\(s\\) of class gpu.example.com");
    }

    @Test
    void textOutputListsTheDevicesUnderEachBoundPod() throws IOException {
      Path cluster = cluster(Inventories.exampleDriverNodes(1));
      Path workloads = write("workloads.yaml", template("one", 1), pod("worker-0", "one"));

      CliRun r = simulateAsPlainText(cluster, workloads);

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("1 pod bound")
          .contains("Bound")
          .contains("gpus: gpu.example.com/");
    }
  }

  /** {@code aiconform simulate --cluster CLUSTER --color never WORKLOADS}. */
  static CliRun simulateAsPlainText(Path cluster, Path workloads) {
    return CliRun.run(
        "simulate", "--cluster", cluster.toString(), "--color", "never", workloads.toString());
  }

  /** The devices the inventory's ResourceSlices publish. */
  static int devices(List<HasMetadata> inventory) {
    return inventory.stream()
        .filter(ResourceSlice.class::isInstance)
        .mapToInt(o -> ((ResourceSlice) o).getSpec().getDevices().size())
        .sum();
  }
}
