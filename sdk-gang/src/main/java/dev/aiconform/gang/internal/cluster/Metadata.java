package dev.aiconform.gang.internal.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;

/** An object's metadata fields, empty rather than null when unset. */
final class Metadata {
  private Metadata() {}

  static Map<String, String> labels(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getLabels() == null
        ? Map.of()
        : o.getMetadata().getLabels();
  }

  static Map<String, String> annotations(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getAnnotations() == null
        ? Map.of()
        : o.getMetadata().getAnnotations();
  }

  static String namespace(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getNamespace() == null
        ? ""
        : o.getMetadata().getNamespace();
  }

  static String name(HasMetadata o) {
    return o.getMetadata() == null ? "" : Objects.toString(o.getMetadata().getName(), "");
  }
}
