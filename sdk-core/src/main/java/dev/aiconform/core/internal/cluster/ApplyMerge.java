package dev.aiconform.core.internal.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Apply of an object that exists, as {@code kubectl apply}'s three-way merge on JSON trees: what
 * the new manifest sets replaces what is stored (lists as a whole), what the previous manifest set
 * and the new one no longer does is removed, and what neither set (server defaults, fields
 * controllers own) is kept.
 */
final class ApplyMerge {
  private ApplyMerge() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(
      Map<String, Object> current, Map<String, Object> lastApplied, Map<String, Object> desired) {
    Map<String, Object> result = new LinkedHashMap<>(current);
    Map<String, Object> last = lastApplied == null ? Map.of() : lastApplied;
    for (String key : last.keySet()) {
      if (!desired.containsKey(key)) {
        result.remove(key);
      }
    }
    for (Map.Entry<String, Object> e : desired.entrySet()) {
      Object want = e.getValue();
      Object have = current.get(e.getKey());
      Object before = last.get(e.getKey());
      if (want instanceof Map && have instanceof Map) {
        result.put(
            e.getKey(),
            merge(
                (Map<String, Object>) have,
                before instanceof Map ? (Map<String, Object>) before : Map.of(),
                (Map<String, Object>) want));
      } else {
        result.put(e.getKey(), want);
      }
    }
    return result;
  }
}
