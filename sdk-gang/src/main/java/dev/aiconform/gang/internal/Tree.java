package dev.aiconform.gang.internal;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the nested maps of a {@link GenericKubernetesResource} (or any object turned into
 * a tree), tolerant of whatever a hand-written manifest holds: a missing or mistyped field reads as
 * empty, never as an exception.
 */
public final class Tree {
  private final Object root;

  private Tree(Object root) {
    this.root = root;
  }

  /** The object's fields as a tree ({@code spec}, {@code metadata}, …). */
  public static Tree of(HasMetadata object) {
    if (object instanceof GenericKubernetesResource) {
      GenericKubernetesResource g = (GenericKubernetesResource) object;
      Map<String, Object> map = new LinkedHashMap<>(g.getAdditionalProperties());
      return new Tree(map);
    }
    return new Tree(KubeSerialization.get().convertValue(object, Map.class));
  }

  public static Tree ofValue(Object value) {
    return new Tree(value);
  }

  public static Tree empty() {
    return new Tree(null);
  }

  public Tree get(String field) {
    if (root instanceof Map) {
      return new Tree(((Map<?, ?>) root).get(field));
    }
    return empty();
  }

  /** {@code tree.at("spec", "template", "spec")}. */
  public Tree at(String... fields) {
    Tree t = this;
    for (String f : fields) {
      t = t.get(f);
    }
    return t;
  }

  public boolean exists() {
    return root != null;
  }

  public Object raw() {
    return root;
  }

  public Optional<String> string() {
    return root instanceof String ? Optional.of((String) root) : Optional.empty();
  }

  public String string(String orElse) {
    return string().orElse(orElse);
  }

  /** An integer, from a number or a decimal string. */
  public Optional<Long> integer() {
    if (root instanceof Number) {
      double d = ((Number) root).doubleValue();
      long l = ((Number) root).longValue();
      return d == l ? Optional.of(l) : Optional.empty();
    }
    if (root instanceof String) {
      try {
        return Optional.of(Long.parseLong(((String) root).trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public long integer(long orElse) {
    return integer().orElse(orElse);
  }

  public List<Tree> list() {
    List<Tree> out = new ArrayList<>();
    if (root instanceof List) {
      for (Object o : (List<?>) root) {
        out.add(new Tree(o));
      }
    }
    return out;
  }

  /** The entries of a map, keys as strings. */
  public Map<String, Tree> map() {
    Map<String, Tree> out = new LinkedHashMap<>();
    if (root instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
        out.put(String.valueOf(e.getKey()), new Tree(e.getValue()));
      }
    }
    return out;
  }

  /** A map of strings (labels, annotations); non-string values are skipped. */
  public Map<String, String> stringMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tree> e : map().entrySet()) {
      e.getValue().string().ifPresent(v -> out.put(e.getKey(), v));
    }
    return out;
  }

  /** This subtree as a typed fabric8 object, empty when absent or not convertible. */
  public <T> Optional<T> as(Class<T> type) {
    if (root == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(KubeSerialization.get().convertValue(root, type));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public Optional<PodTemplateSpec> podTemplate() {
    return as(PodTemplateSpec.class);
  }

  public Optional<ObjectMeta> metadata() {
    return as(ObjectMeta.class);
  }

  @Override
  public String toString() {
    return String.valueOf(root);
  }
}
