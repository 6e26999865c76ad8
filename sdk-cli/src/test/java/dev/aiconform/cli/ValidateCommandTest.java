package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.fixtures.TrainJob;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The fields of a diagnostic in the JSON reports (validate and simulate), in order. */
  static final List<String> DIAGNOSTIC_FIELDS =
      List.of(
          "file",
          "line",
          "document",
          "apiVersion",
          "kind",
          "namespace",
          "name",
          "rule",
          "category",
          "requirement",
          "severity",
          "path",
          "reason",
          "message",
          "hint");

  static final String CLEAN =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ml\ndata:\n  a: b\n";

  static final String BROKEN_JOB = TrainJob.WITHOUT_GPU_LIMIT;

  static final String WARNING_ONLY =
      "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\n  namespace: ml\n";

  @TempDir Path dir;

  Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Nested
  class ExitCodes {
    @Test
    void exitsZeroWithoutFindings() throws IOException {
      CliRun r = CliRun.run("validate", write("ok.yaml", CLEAN).toString());

      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("1 object checked for Kubernetes 1.37: no findings");
      assertThat(r.err()).isEmpty();
    }

    @Test
    void exitsOneOnAnError() throws IOException {
      CliRun r = CliRun.run("validate", write("job.yaml", BROKEN_JOB).toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEmpty();
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() throws IOException {
      String file = write("dc.yaml", WARNING_ONLY).toString();

      assertThat(CliRun.run("validate", file).exit()).isZero();
      assertThat(CliRun.run("validate", "--fail-on", "warning", file).exit()).isEqualTo(1);
      assertThat(CliRun.run("validate", "--fail-on=error", file).exit()).isZero();
    }

    @Test
    void readsDirectoriesRecursively() throws IOException {
      write("a/ok.yaml", CLEAN);
      write("a/b/job.yml", BROKEN_JOB);
      write("a/notes.txt", "not a manifest");

      CliRun r = CliRun.run("validate", "--format", "json", dir.resolve("a").toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(json(r).at("/summary/objects").asInt()).isEqualTo(2);
    }

    @Test
    void readsStdinForADash() {
      CliRun r = CliRun.withStdin(BROKEN_JOB, "validate", "--format", "json", "-");

      assertThat(r.exit()).isEqualTo(1);
      assertThat(json(r).at("/diagnostics/0/file").asString()).isEqualTo("<stdin>");
    }
  }

  @Nested
  class Text {
    @Test
    void groupsFindingsByObjectWithLinePathReasonAndFix() throws IOException {
      Path file = write("job.yaml", BROKEN_JOB);

      CliRun r = CliRun.run("validate", file.toString());

      assertThat(r.out())
          .contains(file + ":1: Job ml/train (batch/v1)")
          .contains(
              "error    core.pod.resources  line 13  spec.template.spec.containers[0].resources.limits")
          .contains("FieldValueRequired: nvidia.com/gpu is requested without a limit")
          .contains("fix: add limits: {nvidia.com/gpu: 1}")
          .contains("1 object checked for Kubernetes 1.37: 1 error, 0 warnings");
    }

    @Test
    void usesNoColourWhenNotOnATerminal() throws IOException {
      CliRun r = CliRun.run("validate", write("job.yaml", BROKEN_JOB).toString());

      assertThat(r.out()).doesNotContain("\u001b[");
    }

    @Test
    void colourCanBeForced() throws IOException {
      CliRun r =
          CliRun.run("validate", "--color", "always", write("job.yaml", BROKEN_JOB).toString());

      assertThat(r.out()).contains("\u001b[1;31merror");
    }

    @Test
    void validatesForTheRequestedKubernetesVersion() throws IOException {
      CliRun r =
          CliRun.run(
              "validate", "--kubernetes-version", "v1.34.2", write("ok.yaml", CLEAN).toString());

      assertThat(r.out()).contains("for Kubernetes 1.34");
    }
  }

  @Nested
  class Json {
    @Test
    void printsExactlyOneObjectOfTheDocumentedShape() throws IOException {
      Path file = write("job.yaml", BROKEN_JOB);

      CliRun r =
          CliRun.run(
              "validate", "--format", "json", "--kubernetes-version", "1.36", file.toString());

      JsonNode root = json(r);
      assertThat(fieldNames(root)).containsExactly("kubernetesVersion", "summary", "diagnostics");
      assertThat(root.get("kubernetesVersion").asString()).isEqualTo("1.36");
      assertThat(fieldNames(root.get("summary"))).containsExactly("objects", "errors", "warnings");
      assertThat(root.at("/summary/objects").asInt()).isEqualTo(1);
      assertThat(root.at("/summary/errors").asInt()).isEqualTo(1);
      JsonNode d = root.at("/diagnostics/0");
      assertThat(fieldNames(d)).containsExactlyElementsOf(DIAGNOSTIC_FIELDS);
      assertThat(d.get("file").asString()).isEqualTo(file.toString());
      assertThat(d.get("line").asInt()).isEqualTo(13);
      assertThat(d.get("document").asInt()).isZero();
      assertThat(d.get("apiVersion").asString()).isEqualTo("batch/v1");
      assertThat(d.get("kind").asString()).isEqualTo("Job");
      assertThat(d.get("namespace").asString()).isEqualTo("ml");
      assertThat(d.get("name").asString()).isEqualTo("train");
      assertThat(d.get("rule").asString()).isEqualTo("core.pod.resources");
      assertThat(d.get("category").asString()).isEqualTo("api");
      assertThat(d.get("requirement").isNull()).isTrue();
      assertThat(d.get("severity").asString()).isEqualTo("error");
      assertThat(d.get("path").asString())
          .isEqualTo("spec.template.spec.containers[0].resources.limits");
      assertThat(d.get("reason").asString()).isEqualTo("FieldValueRequired");
      assertThat(d.get("message").asString()).contains("without a limit");
      assertThat(d.get("hint").asString()).contains("limits");
    }

    @Test
    void carriesTheRequirementOfConformanceFindings() throws IOException {
      String pod =
          "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n"
              + "    image: i\n    env: [{name: NVIDIA_VISIBLE_DEVICES, value: all}]\n";

      JsonNode d =
          json(CliRun.run("validate", "--format", "json", write("p.yaml", pod).toString()))
              .at("/diagnostics/0");

      assertThat(d.get("category").asString()).isEqualTo("conformance");
      assertThat(d.get("requirement").asString()).isEqualTo("secure_accelerator_access");
      assertThat(d.get("severity").asString()).isEqualTo("warning");
      assertThat(d.get("reason").isNull()).isTrue();
    }

    @Test
    void listsFindingsInFileAndLineOrder() throws IOException {
      write("b.yaml", BROKEN_JOB);
      write(
          "a.yaml",
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n---\n" + BROKEN_JOB);

      JsonNode diagnostics =
          json(CliRun.run("validate", "--format", "json", dir.toString())).get("diagnostics");

      List<String> places = new ArrayList<>();
      for (JsonNode d : diagnostics) {
        if (d.get("rule").asString().startsWith("core.")) {
          places.add(
              Path.of(d.get("file").asString()).getFileName()
                  + ":"
                  + d.get("document").asInt()
                  + ":"
                  + d.get("line").asInt());
        }
      }
      assertThat(places).containsExactly("a.yaml:0:4", "a.yaml:1:18", "b.yaml:0:13");
    }
  }

  @Nested
  class Sarif {
    @Test
    void isSarif210WithOneRuleEntryPerRuleId() throws IOException {
      CliRun r =
          CliRun.run("validate", "--format", "sarif", write("job.yaml", BROKEN_JOB).toString());

      JsonNode root = json(r);
      assertThat(root.get("version").asString()).isEqualTo("2.1.0");
      assertThat(root.get("$schema").asString()).contains("sarif-2.1.0");
      JsonNode run = root.at("/runs/0");
      assertThat(run.at("/tool/driver/name").asString()).isEqualTo("aiconform");
      JsonNode rules = run.at("/tool/driver/rules");
      Set<String> ids = new HashSet<>();
      rules.forEach(
          rule ->
              assertThat(ids.add(rule.get("id").asString()))
                  .as("unique %s", rule.get("id"))
                  .isTrue());
      assertThat(ids).contains("core.pod.resources", "core.metadata.name", "yaml.parse");

      JsonNode result = run.at("/results/0");
      assertThat(result.get("ruleId").asString()).isEqualTo("core.pod.resources");
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString())
          .isEqualTo("core.pod.resources");
      assertThat(result.get("level").asString()).isEqualTo("error");
      assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(13);
      assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
          .endsWith("job.yaml");
      assertThat(result.at("/message/text").asString()).contains("FieldValueRequired");
    }
  }

  @Nested
  class Junit {
    @Test
    void hasOneTestcasePerObjectFailingOnTheThreshold() throws Exception {
      Path file = write("all.yaml", CLEAN + "---\n" + BROKEN_JOB + "---\n" + WARNING_ONLY);

      CliRun r = CliRun.run("validate", "--format", "junit", file.toString());

      Document xml = xml(r.out());
      NodeList cases = xml.getElementsByTagName("testcase");
      assertThat(cases.getLength()).isEqualTo(3);
      Element job = (Element) cases.item(1);
      assertThat(job.getAttribute("name")).isEqualTo("batch/v1 Job ml/train");
      assertThat(job.getAttribute("classname")).isEqualTo(file.toString());
      assertThat(job.getElementsByTagName("failure").getLength()).isEqualTo(1);
      Element deviceClass = (Element) cases.item(2);
      assertThat(deviceClass.getElementsByTagName("failure").getLength()).isZero();
      assertThat(deviceClass.getElementsByTagName("system-out").item(0).getTextContent())
          .contains("core.metadata.namespace-ignored");
      Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
      assertThat(suite.getAttribute("tests")).isEqualTo("3");
      assertThat(suite.getAttribute("failures")).isEqualTo("1");

      Document strict =
          xml(
              CliRun.run("validate", "--format", "junit", "--fail-on", "warning", file.toString())
                  .out());
      assertThat(
              ((Element) strict.getElementsByTagName("testsuite").item(0)).getAttribute("failures"))
          .isEqualTo("2");
    }
  }

  static JsonNode json(CliRun r) {
    assertThat(r.hasStackTrace()).isFalse();
    return JSON.readTree(r.out());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(text)));
  }
}
