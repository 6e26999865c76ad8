package dev.aiconform.autoscale.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the untyped trees of GenericKubernetesResource objects (maps, lists and scalars as the YAML
 * reader produced them) without casting errors: a value of the wrong type reads as absent, and
 * {@link #typeOf} names what was found for diagnostics.
 */
public final class Tree {
  private Tree() {}

  /** The object's top-level fields besides apiVersion, kind and metadata. */
  public static Map<String, Object> root(GenericKubernetesResource r) {
    return r.getAdditionalProperties() == null ? Map.of() : r.getAdditionalProperties();
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : Collections.emptyList();
  }

  /** The value at {@code path} under {@code from}, or null. */
  public static Object at(Object from, String... path) {
    Object cur = from;
    for (String p : path) {
      if (!(cur instanceof Map)) {
        return null;
      }
      cur = ((Map<?, ?>) cur).get(p);
    }
    return cur;
  }

  public static Optional<String> string(Object o) {
    return o instanceof String ? Optional.of((String) o) : Optional.empty();
  }

  /** An integer value (YAML ints arrive as Integer or Long). */
  public static Optional<Long> integer(Object o) {
    if (o instanceof Integer || o instanceof Long || o instanceof Short) {
      return Optional.of(((Number) o).longValue());
    }
    return Optional.empty();
  }

  public static boolean isPresent(Map<String, Object> m, String key) {
    return m.containsKey(key) && m.get(key) != null;
  }

  /**
   * {@code "string"}, {@code "integer"}, {@code "number"}, {@code "boolean"}, {@code "object"}...
   */
  public static String typeOf(Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof String) {
      return "string";
    }
    if (o instanceof Integer || o instanceof Long || o instanceof Short) {
      return "integer";
    }
    if (o instanceof Number) {
      return "number";
    }
    if (o instanceof Boolean) {
      return "boolean";
    }
    if (o instanceof Map) {
      return "object";
    }
    if (o instanceof List) {
      return "array";
    }
    return o.getClass().getSimpleName();
  }
}
