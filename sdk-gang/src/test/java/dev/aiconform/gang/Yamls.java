package dev.aiconform.gang;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML documents into bundles for tests (until the shared ManifestReader is on main). */
final class Yamls {
  private Yamls() {}

  static ManifestBundle bundle(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---[ \\t]*$")) {
      boolean content =
          doc.lines().anyMatch(l -> !l.isBlank() && !l.stripLeading().startsWith("#"));
      if (!content) {
        continue;
      }
      Object o = KubeSerialization.get().unmarshal(doc);
      if (o instanceof HasMetadata) {
        objects.add((HasMetadata) o);
      }
    }
    return ManifestBundle.of(objects);
  }

  static ManifestBundle bundle(Path file) {
    try {
      return bundle(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
