package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.internal.Timestamps;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The objects of the in-memory cluster keyed by group, kind, namespace and name, with what the API
 * server maintains for them: a uid derived from the identity (and how often it was created), a
 * resourceVersion that grows with every write, a generation that grows with every change outside
 * metadata and status, and the creation timestamp from the virtual clock.
 */
final class ObjectStore {
  private final Map<GroupKind, TreeMap<ObjectKey, StoredObject>> byKind = new TreeMap<>();
  private final Map<String, StoredObject> byUid = new HashMap<>();
  private final Map<ObjectKey, Integer> incarnations = new HashMap<>();
  private long resourceVersion;
  private long creations;

  Optional<StoredObject> get(ObjectKey key) {
    TreeMap<ObjectKey, StoredObject> m = byKind.get(key.kind());
    return Optional.ofNullable(m == null ? null : m.get(key));
  }

  boolean contains(ObjectKey key) {
    return get(key).isPresent();
  }

  Optional<StoredObject> byUid(String uid) {
    return Optional.ofNullable(byUid.get(uid));
  }

  boolean hasUid(String uid) {
    return byUid.containsKey(uid);
  }

  /** Objects of a kind, sorted by namespace and name. */
  List<StoredObject> list(GroupKind kind) {
    TreeMap<ObjectKey, StoredObject> m = byKind.get(kind);
    return m == null ? List.of() : new ArrayList<>(m.values());
  }

  int count(GroupKind kind) {
    TreeMap<ObjectKey, StoredObject> m = byKind.get(kind);
    return m == null ? 0 : m.size();
  }

  /** Every object, sorted by group, kind, namespace and name. */
  List<StoredObject> all() {
    List<StoredObject> out = new ArrayList<>();
    byKind.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  /** The last resourceVersion issued: grows with every write. */
  long resourceVersion() {
    return resourceVersion;
  }

  /** The uid the object at {@code key} gets when it is created next. */
  String nextUid(ObjectKey key) {
    int incarnation = incarnations.getOrDefault(key, 0);
    String identity =
        key.kind().group()
            + "/"
            + key.kind().kind()
            + "/"
            + key.namespace()
            + "/"
            + key.name()
            + (incarnation == 0 ? "" : "#" + incarnation);
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
  }

  StoredObject insert(
      ObjectKey key,
      HasMetadata object,
      Manifest manifest,
      Map<String, Object> lastApplied,
      Instant now) {
    ObjectMeta meta = object.getMetadata();
    meta.setUid(nextUid(key));
    incarnations.merge(key, 1, Integer::sum);
    meta.setResourceVersion(Long.toString(++resourceVersion));
    meta.setGeneration(1L);
    meta.setCreationTimestamp(Timestamps.format(now));
    StoredObject so = new StoredObject(key, ++creations);
    so.object = object;
    so.manifest = manifest.withObject(object);
    so.lastApplied = lastApplied;
    String[] fp = fingerprint(object);
    so.content = fp[0];
    so.body = fp[1];
    byKind.computeIfAbsent(key.kind(), k -> new TreeMap<>()).put(key, so);
    byUid.put(meta.getUid(), so);
    return so;
  }

  /**
   * Records {@code object} (the stored instance, changed, or a replacement) as the new state of
   * {@code so}. Returns false when nothing changed.
   */
  boolean record(StoredObject so, HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    ObjectMeta old = so.object.getMetadata();
    if (object != so.object) {
      // A replacement keeps what the server owns.
      meta.setUid(old.getUid());
      meta.setCreationTimestamp(old.getCreationTimestamp());
      meta.setGeneration(old.getGeneration());
      meta.setResourceVersion(old.getResourceVersion());
    }
    String[] fp = fingerprint(object);
    if (fp[0].equals(so.content)) {
      so.object = object;
      return false;
    }
    meta.setResourceVersion(Long.toString(++resourceVersion));
    if (!fp[1].equals(so.body)) {
      meta.setGeneration((meta.getGeneration() == null ? 0 : meta.getGeneration()) + 1);
    }
    if (object != so.object) {
      so.manifest = so.manifest.withObject(object);
    }
    so.object = object;
    so.content = fp[0];
    so.body = fp[1];
    return true;
  }

  Optional<StoredObject> remove(ObjectKey key) {
    TreeMap<ObjectKey, StoredObject> m = byKind.get(key.kind());
    StoredObject so = m == null ? null : m.remove(key);
    if (so == null) {
      return Optional.empty();
    }
    if (m.isEmpty()) {
      byKind.remove(key.kind());
    }
    byUid.remove(so.object.getMetadata().getUid());
    resourceVersion++;
    return Optional.of(so);
  }

  /** The object as a JSON tree (its own copy). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(HasMetadata object) {
    Map<String, Object> tree = KubeSerialization.get().convertValue(object, Map.class);
    return tree == null ? new LinkedHashMap<>() : tree;
  }

  /** [content without resourceVersion and generation, content without metadata and status]. */
  @SuppressWarnings("unchecked")
  static String[] fingerprint(HasMetadata object) {
    Map<String, Object> tree = tree(object);
    Object metadata = tree.get("metadata");
    if (metadata instanceof Map) {
      Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) metadata);
      meta.remove("resourceVersion");
      meta.remove("generation");
      meta.remove("managedFields");
      tree.put("metadata", meta);
    }
    String content = KubeSerialization.get().asJson(tree);
    Map<String, Object> body = new LinkedHashMap<>(tree);
    body.remove("metadata");
    body.remove("status");
    return new String[] {content, KubeSerialization.get().asJson(body)};
  }

  static List<HasMetadata> objects(List<StoredObject> list) {
    List<HasMetadata> out = new ArrayList<>(list.size());
    list.forEach(so -> out.add(so.object));
    return Collections.unmodifiableList(out);
  }
}
