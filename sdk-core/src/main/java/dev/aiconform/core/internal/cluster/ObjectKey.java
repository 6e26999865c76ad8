package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.GroupKind;
import java.util.Comparator;

/** Where the store keeps an object: group, kind, namespace ("" when cluster-scoped) and name. */
public record ObjectKey(GroupKind kind, String namespace, String name)
    implements Comparable<ObjectKey> {
  private static final Comparator<ObjectKey> ORDER =
      Comparator.comparing(ObjectKey::kind)
          .thenComparing(ObjectKey::namespace)
          .thenComparing(ObjectKey::name);

  @Override
  public int compareTo(ObjectKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
