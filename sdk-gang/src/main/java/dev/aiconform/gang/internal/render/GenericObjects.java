package dev.aiconform.gang.internal.render;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the objects of kinds fabric8 has no model for (JobSet, LeaderWorkerSet, Kueue, Volcano,
 * coscheduling, the alpha Workload API) as {@link GenericKubernetesResource}s, the form the YAML
 * reader gives them too.
 */
final class GenericObjects {
  private GenericObjects() {}

  static GenericKubernetesResource generic(String apiVersion, String kind, ObjectMeta meta) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(apiVersion);
    r.setKind(kind);
    r.setMetadata(meta);
    return r;
  }

  /** A map keeping the order of its entries: {@code ordered("name", n, "status", s)}. */
  static <V> Map<String, V> ordered(String k1, V v1, Object... more) {
    Map<String, V> m = new LinkedHashMap<>();
    m.put(k1, v1);
    for (int i = 0; i + 1 < more.length; i += 2) {
      @SuppressWarnings("unchecked")
      V v = (V) more[i + 1];
      m.put((String) more[i], v);
    }
    return m;
  }

  /** A fabric8 model object as the nested maps a generic object holds. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object model) {
    return new LinkedHashMap<>(KubeSerialization.get().convertValue(model, Map.class));
  }
}
