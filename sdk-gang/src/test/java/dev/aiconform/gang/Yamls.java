package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import java.nio.file.Path;

/** Reads test YAML with the SDK's reader; a test input that does not read is a broken test. */
final class Yamls {
  private Yamls() {}

  static ManifestBundle bundle(String yaml) {
    ReadResult r = ManifestReader.defaults().readString(yaml, "test.yaml");
    assertThat(r.diagnostics()).as("reading the test's YAML").isEmpty();
    return r.bundle();
  }

  static ManifestBundle bundle(Path file) {
    return ManifestReader.defaults().read(file).bundle();
  }
}
