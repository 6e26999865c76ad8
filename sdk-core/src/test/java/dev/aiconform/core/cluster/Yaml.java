package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Test input written as YAML, read by the SDK's own reader (so objects keep their lines). */
final class Yaml {
  private Yaml() {}

  /** One or more YAML documents separated by {@code ---}. */
  static ManifestBundle bundle(String yaml) {
    ReadResult read = ManifestReader.defaults().readString(yaml, "test.yaml");
    assertThat(read.diagnostics()).as("the test's YAML reads cleanly").isEmpty();
    return read.bundle();
  }

  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> T object(String yaml) {
    return (T) bundle(yaml).objects().get(0);
  }
}
