package dev.aiconform.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * Identifies one Kubernetes object: apiVersion, kind, namespace (empty for cluster-scoped objects
 * or when unset) and name.
 *
 * <pre>{@code
 * ObjectRef ref = ObjectRef.of(pod);
 * ref.toString(); // "v1/Pod ml/train-0"
 * }</pre>
 */
public final class ObjectRef implements Comparable<ObjectRef> {
  private final String apiVersion;
  private final String kind;
  private final String namespace;
  private final String name;

  private ObjectRef(String apiVersion, String kind, String namespace, String name) {
    this.apiVersion = Objects.toString(apiVersion, "");
    this.kind = Objects.toString(kind, "");
    this.namespace = Objects.toString(namespace, "");
    this.name = Objects.toString(name, "");
  }

  public static ObjectRef of(String apiVersion, String kind, String namespace, String name) {
    return new ObjectRef(apiVersion, kind, namespace, name);
  }

  public static ObjectRef of(HasMetadata object) {
    String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    String name = object.getMetadata() == null ? null : nameOrGenerateName(object);
    return new ObjectRef(object.getApiVersion(), object.getKind(), ns, name);
  }

  private static String nameOrGenerateName(HasMetadata object) {
    String name = object.getMetadata().getName();
    if (name == null && object.getMetadata().getGenerateName() != null) {
      return object.getMetadata().getGenerateName();
    }
    return name;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String kind() {
    return kind;
  }

  /** Empty for cluster-scoped objects and for namespaced objects that leave it to the client. */
  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public GroupKind groupKind() {
    return GroupKind.of(GroupKind.groupOf(apiVersion), kind);
  }

  /** The same object in {@code namespace} (used when a namespaced object leaves it unset). */
  public ObjectRef inNamespace(String namespace) {
    return new ObjectRef(apiVersion, kind, namespace, name);
  }

  @Override
  public int compareTo(ObjectRef o) {
    int c = groupKind().compareTo(o.groupKind());
    if (c == 0) c = namespace.compareTo(o.namespace);
    if (c == 0) c = name.compareTo(o.name);
    if (c == 0) c = apiVersion.compareTo(o.apiVersion);
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ObjectRef)) {
      return false;
    }
    ObjectRef r = (ObjectRef) o;
    return r.apiVersion.equals(apiVersion)
        && r.kind.equals(kind)
        && r.namespace.equals(namespace)
        && r.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, namespace, name);
  }

  /** {@code "resource.k8s.io/v1/ResourceClaim ml/gpus"}; cluster-scoped objects omit the slash. */
  @Override
  public String toString() {
    return apiVersion + "/" + kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
