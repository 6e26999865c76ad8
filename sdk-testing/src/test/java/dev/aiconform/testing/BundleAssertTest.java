package dev.aiconform.testing;

import static dev.aiconform.testing.AiconformAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleAssertTest {
  @TempDir Path dir;

  private static final ManifestBundle BUNDLE =
      ManifestReader.defaults()
          .readString(
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ml}\ndata: {epochs: '3'}\n",
              "cm.yaml")
          .bundle();

  private final String updateMode = System.getProperty(YamlAssert.UPDATE_PROPERTY);

  @AfterEach
  void restoreUpdateMode() {
    if (updateMode == null) {
      System.clearProperty(YamlAssert.UPDATE_PROPERTY);
    } else {
      System.setProperty(YamlAssert.UPDATE_PROPERTY, updateMode);
    }
  }

  @Test
  void matchesItsGoldenFile() {
    assertThat(BUNDLE)
        .hasSize(1)
        .contains("ConfigMap", "settings")
        .doesNotContainKind(GroupKind.of("batch", "Job"))
        .yaml()
        .contains("epochs")
        .isEqualToGolden("src/test/resources/golden/settings.yaml");
  }

  @Test
  void differenceNamesTheFirstDifferingLineAndHowToUpdate() throws IOException {
    System.clearProperty(YamlAssert.UPDATE_PROPERTY);
    Path golden =
        Files.writeString(
            dir.resolve("g.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n");

    assertThatThrownBy(() -> assertThat(BUNDLE).yaml().isEqualToGolden(golden))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "but line 4 differs:\n  expected: \"  name: other\"\n  actual:   \"  name: settings\"")
        .hasMessageContaining(
            "(4 lines expected, 7 actual). If the change is intended, update the file with"
                + " -Dgolden.update=true and review the diff.");
  }

  @Test
  void missingGoldenFileSaysHowToCreateIt() {
    System.clearProperty(YamlAssert.UPDATE_PROPERTY);
    assertThatThrownBy(() -> assertThat(BUNDLE).yaml().isEqualToGolden(dir.resolve("none.yaml")))
        .hasMessageContaining("but that file does not exist")
        .hasMessageContaining("Create it with -Dgolden.update=true");
  }

  @Test
  void updateModeWritesTheGoldenFile() throws IOException {
    System.setProperty(YamlAssert.UPDATE_PROPERTY, "true");
    Path golden = dir.resolve("new/settings.yaml");

    assertThat(BUNDLE).yaml().isEqualToGolden(golden);

    Assertions.assertThat(golden)
        .hasContent(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ml\ndata:\n  epochs: \"3\"");
  }

  @Test
  void missingObjectListsTheBundle() {
    assertThatThrownBy(() -> assertThat(BUNDLE).contains("Job", "train"))
        .hasMessage(
            "\nExpecting the bundle to contain\n  \"Job train\"\nbut it holds:\n  v1/ConfigMap ml/settings");
  }
}
