package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.Manifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** One object of the store, with what the store remembers about it. */
final class StoredObject {
  final ObjectKey key;
  final long creationOrder;
  HasMetadata object;
  Manifest manifest;

  /** The recorded content (without resourceVersion), to tell real changes from no-op updates. */
  String content;

  /** The content without metadata and status: a change bumps metadata.generation. */
  String body;

  /** What was last applied to it (kubectl's last-applied configuration), for three-way merges. */
  Map<String, Object> lastApplied;

  StoredObject(ObjectKey key, long creationOrder) {
    this.key = key;
    this.creationOrder = creationOrder;
  }
}
