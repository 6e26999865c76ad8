package dev.aiconform.core.cluster;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import java.util.ArrayList;
import java.util.List;

/** Test input written as YAML, read with fabric8 (the YAML reader of core may replace it). */
final class Yaml {
  private Yaml() {}

  /** One or more YAML documents separated by {@code ---}. */
  static ManifestBundle bundle(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.isBlank()) {
        continue;
      }
      Object o = KubeSerialization.get().unmarshal(doc);
      if (o instanceof KubernetesList) {
        objects.addAll(((KubernetesList) o).getItems());
      } else {
        objects.add((HasMetadata) o);
      }
    }
    return ManifestBundle.of(objects);
  }

  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> T object(String yaml) {
    return (T) KubeSerialization.get().unmarshal(yaml);
  }
}
