package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.GroupKind;

/** Where the store keeps an object: group, kind, namespace ("" when cluster-scoped) and name. */
public record ObjectKey(GroupKind kind, String namespace, String name)
    implements Comparable<ObjectKey> {
  @Override
  public int compareTo(ObjectKey o) {
    int c = kind.compareTo(o.kind);
    if (c == 0) {
      c = namespace.compareTo(o.namespace);
    }
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
