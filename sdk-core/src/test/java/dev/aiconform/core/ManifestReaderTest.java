package dev.aiconform.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.FieldPath;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  private final ManifestReader reader = ManifestReader.defaults();

  private static final String POD =
      "apiVersion: v1\n"
          + "kind: Pod\n"
          + "metadata:\n"
          + "  name: train-0\n"
          + "  namespace: ml\n"
          + "spec:\n"
          + "  containers:\n"
          + "  - name: trainer\n"
          + "    image: pytorch:2\n"
          + "    resources:\n"
          + "      limits:\n"
          + "        nvidia.com/gpu: 8\n";

  @Test
  void readsTypedObjectsWithTheLineOfEveryField() {
    ReadResult read = reader.readString(POD, "pod.yaml");
    assertThat(read.diagnostics()).isEmpty();
    Manifest m = read.bundle().manifests().get(0);
    assertThat(m.object()).isInstanceOf(Pod.class);
    assertThat(m.source()).contains(new SourceLocation("pod.yaml", 0, 1, 1));
    assertThat(m.locate(FieldPath.parse("spec.containers[0].image")).get().line()).isEqualTo(9);
    assertThat(m.locate(FieldPath.parse("spec.containers[0].resources.limits[nvidia.com/gpu]")))
        .get()
        .extracting(SourceLocation::line)
        .isEqualTo(12);
    // a path the document does not spell out points at its nearest written ancestor
    assertThat(m.locate(FieldPath.parse("spec.containers[0].resources.requests")).get().line())
        .isEqualTo(10);
  }

  @Test
  void readsSeveralDocumentsAndSkipsEmptyOnes() {
    String two = POD + "---\n# nothing here\n---\n" + POD.replace("train-0", "train-1");
    ReadResult read = reader.readString(two, "two.yaml");
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.bundle().objects())
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("train-0", "train-1");
    assertThat(read.bundle().manifests().get(1).source().get().document()).isEqualTo(2);
    assertThat(read.bundle().manifests().get(1).source().get().line()).isEqualTo(16);
  }

  @Test
  void keepsAnOwnerReferenceWithoutApiVersionOrKindAsWritten() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  ownerReferences:\n"
            + "  - kind: Job\n    name: train\n    uid: u1\n  - apiVersion: batch/v1\n"
            + "    name: eval\n    uid: u2\n";

    ReadResult read = reader.readString(yaml, "owned.yaml");

    assertThat(read.bundle().objects().get(0).getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getApiVersion, OwnerReference::getKind)
        .containsExactly(tuple(null, "Job"), tuple("batch/v1", null));
    assertThat(ManifestWriter.yaml().write(read.bundle()))
        .endsWith(yaml.substring(yaml.indexOf("  ownerReferences:")));
  }

  @Test
  void keepsUnknownKindsAsGenericObjects() {
    ReadResult read =
        reader.readString(
            "apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata:\n  name: team\n"
                + "spec:\n  namespaceSelector: {}\n",
            "cq.yaml");
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.bundle().objects().get(0)).isInstanceOf(GenericKubernetesResource.class);
  }

  @Test
  void expandsListsIntoTheirItems() {
    ReadResult read =
        reader.readString(
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n"
                + "    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n",
            "list.yaml");
    assertThat(read.bundle().objects())
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("a", "b");
    assertThat(
            read.bundle().manifests().get(1).locate(FieldPath.of("metadata", "name")).get().line())
        .isEqualTo(11);
  }

  @Test
  void resolvesScalarsAsKubectlDoes() {
    ReadResult read =
        reader.readString(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 1e1\n"
                + "  template:\n    spec:\n      containers: []\n      volumes:\n      - name: v\n"
                + "        secret:\n          secretName: s\n          defaultMode: 0644\n",
            "d.yaml");
    assertThat(read.diagnostics()).isEmpty();
    Deployment d = (Deployment) read.bundle().objects().get(0);
    assertThat(d.getSpec().getReplicas()).isEqualTo(10);
    assertThat(d.getSpec().getTemplate().getSpec().getVolumes().get(0).getSecret().getDefaultMode())
        .isEqualTo(0644);
  }

  @Test
  void expandsAliasesAndMergeKeys() {
    ReadResult read =
        reader.readString(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: &l\n    a: x\n"
                + "  annotations:\n    <<: *l\n    b: bee\n",
            "c.yaml");
    assertThat(read.diagnostics()).isEmpty();
    var meta = read.bundle().objects().get(0).getMetadata();
    assertThat(meta.getLabels()).containsEntry("a", "x");
    assertThat(meta.getAnnotations()).containsEntry("a", "x").containsEntry("b", "bee");
  }

  @Test
  void reportsMalformedYamlWithItsLine() {
    ReadResult read =
        reader.readString("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n", "bad.yaml");
    assertThat(read.bundle().isEmpty()).isTrue();
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.parse");
              assertThat(d.source().get().file()).isEqualTo("bad.yaml");
              assertThat(d.source().get().line()).isGreaterThanOrEqualTo(4);
              assertThat(d.hint()).isNotEmpty();
            });
  }

  @Test
  void keepsTheDocumentsBeforeASyntaxError() {
    ReadResult read = reader.readString(POD + "---\nkind: [\n", "mixed.yaml");
    assertThat(read.bundle().size()).isEqualTo(1);
    assertThat(read.diagnostics()).extracting(Diagnostic::rule).containsExactly("yaml.parse");
  }

  @Test
  void reportsADocumentThatIsNotAnObject() {
    ReadResult read = reader.readString("- a\n- b\n", "seq.yaml");
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.not-a-mapping");
              assertThat(d.message()).contains("found a list");
            });
    assertThat(reader.readString("just text\n", "s.yaml").diagnostics())
        .extracting(Diagnostic::rule)
        .containsExactly("yaml.not-a-mapping");
  }

  @Test
  void reportsMissingApiVersionOrKind() {
    ReadResult read = reader.readString("kind: Pod\nmetadata:\n  name: x\n", "k.yaml");
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.missing-kind");
              assertThat(d.message()).contains("apiVersion");
            });
  }

  @Test
  void reportsAFieldOfTheWrongTypeAtItsLineAndKeepsTheObject() {
    ReadResult read =
        reader.readString(
            POD.replace(
                "  - name: trainer\n",
                "  - name: trainer\n    ports:\n    - containerPort: http\n"),
            "p.yaml");
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.field-type");
              assertThat(d.path()).isEqualTo("spec.containers[0].ports[0].containerPort");
              assertThat(d.source().get().line()).isEqualTo(10);
              assertThat(d.message()).isEqualTo("expected an integer, found the string \"http\"");
            });
    assertThat(read.bundle().objects())
        .singleElement()
        .isInstanceOf(GenericKubernetesResource.class);
  }

  @Test
  void refusesANumberWhereTheApiWantsAString() {
    ReadResult read =
        reader.readString(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    version: 1.0\n",
            "l.yaml");
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.field-type");
              assertThat(d.path()).isEqualTo("metadata.labels.version");
              assertThat(d.source().get().line()).isEqualTo(6);
            });
  }

  @Test
  void reportsDuplicateKeysWithBothLines() {
    ReadResult read = reader.readString("apiVersion: v1\nkind: Pod\nkind: Pod\n", "dup.yaml");
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.duplicate-key");
              assertThat(d.source().get().line()).isEqualTo(3);
              assertThat(d.message()).contains("first at line 2");
            });
  }

  @Test
  void stopsAnAliasBombWithinItsLimits() {
    StringBuilder y =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n");
    y.append(
        "  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      y.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        y.append(j == 0 ? "" : ",").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    ReadResult read = reader.readString(y.toString(), "bomb.yaml");
    assertThat(read.bundle().isEmpty()).isTrue();
    assertThat(read.diagnostics()).extracting(Diagnostic::rule).containsExactly("yaml.alias-limit");
  }

  @Test
  void stopsVeryDeepNesting() {
    String deep =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\nx: "
            + "[".repeat(50_000)
            + "]".repeat(50_000)
            + "\n";
    ReadResult read = reader.readString(deep, "deep.yaml");
    assertThat(read.diagnostics()).extracting(Diagnostic::rule).containsExactly("yaml.too-deep");
  }

  @Test
  void refusesAFileOverTheSizeLimitWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    byte[] chunk = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < 50 * 1024; i++) {
        out.write(chunk);
      }
    }
    ReadResult read = reader.read(big);
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.too-large");
              assertThat(d.message()).contains("52428800 bytes");
            });
  }

  @Test
  void refusesADocumentLargerThanTheApiServerAccepts() {
    String value = "x".repeat(4 * 1024 * 1024);
    ReadResult read =
        reader.readString(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: " + value + "\n",
            "c.yaml");
    assertThat(read.diagnostics()).extracting(Diagnostic::rule).containsExactly("yaml.too-large");
  }

  @Test
  void readsDirectoriesRecursivelyInPathOrder(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/z.yml"), POD.replace("train-0", "z"));
    Files.writeString(
        dir.resolve("a.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"ml\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    ReadResult read = reader.read(dir);
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.bundle().objects())
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("ml", "z");
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    ReadResult read = reader.read(dir.resolve("nope.yaml"));
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.unreadable");
              assertThat(d.message()).contains("no such file");
            });
  }

  @Test
  void readsStandardInput() {
    ReadResult read =
        reader.read(
            new ByteArrayInputStream(POD.getBytes(StandardCharsets.UTF_8)), ManifestReader.STDIN);
    assertThat(read.bundle().manifests().get(0).source().get().file()).isEqualTo("<stdin>");
  }

  @Test
  void reportsTextThatIsNotUtf8() {
    ReadResult read =
        reader.read(new ByteArrayInputStream(new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}), "bin");
    assertThat(read.diagnostics()).extracting(Diagnostic::rule).containsExactly("yaml.parse");
  }

  @Test
  void readsJsonWithLinesAndStrictKeys() {
    String json =
        "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": {\"name\": \"c\"},\n"
            + "  \"data\": {\"k\": \"\u0080 is fine in JSON\"}\n}\n";
    ReadResult read = reader.readString(json, "c.json");
    assertThat(read.diagnostics()).isEmpty();
    assertThat(read.bundle().manifests().get(0).locate(FieldPath.parse("data.k")).get().line())
        .isEqualTo(5);
    ReadResult dup =
        reader.readString("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"kind\":\"Pod\"}", "d.json");
    assertThat(dup.diagnostics())
        .extracting(Diagnostic::rule)
        .containsExactly("yaml.duplicate-key");
    ReadResult broken = reader.readString("{\"apiVersion\": \"v1\",\n \"kind\": }", "b.json");
    assertThat(broken.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("yaml.parse");
              assertThat(d.source().get().line()).isEqualTo(2);
            });
  }
}
