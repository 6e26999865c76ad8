package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/gang}. Regenerate them with {@code ./mvnw -pl
 * sdk-gang test -Dgolden.update=true} and review the diff.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden/gang");

  private Golden() {}

  static String yaml(ManifestBundle bundle) {
    return ManifestWriter.yaml().write(bundle);
  }

  static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name + ".yaml");
    try {
      if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual)
          .as("rendered YAML of %s (regenerate with -Dgolden.update=true)", name)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
