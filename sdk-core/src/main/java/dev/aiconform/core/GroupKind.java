package dev.aiconform.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * An API group and kind, without version: how rules and apply order name the objects they care
 * about. The core group is the empty string.
 *
 * <pre>{@code
 * GroupKind claim = GroupKind.of("resource.k8s.io", "ResourceClaim");
 * claim.matches(object);
 * }</pre>
 */
public final class GroupKind implements Comparable<GroupKind> {
  private final String group;
  private final String kind;

  private GroupKind(String group, String kind) {
    this.group = Objects.requireNonNull(group, "group");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public static GroupKind of(String group, String kind) {
    return new GroupKind(group, kind);
  }

  /** The group and kind of an object; an object without apiVersion or kind gets empty strings. */
  public static GroupKind of(HasMetadata object) {
    return new GroupKind(groupOf(object.getApiVersion()), Objects.toString(object.getKind(), ""));
  }

  /** {@code "apps/v1"} → {@code "apps"}, {@code "v1"} → {@code ""}. */
  public static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  public boolean matches(HasMetadata object) {
    return kind.equals(object.getKind()) && group.equals(groupOf(object.getApiVersion()));
  }

  @Override
  public int compareTo(GroupKind o) {
    int c = group.compareTo(o.group);
    return c != 0 ? c : kind.compareTo(o.kind);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupKind
        && ((GroupKind) o).group.equals(group)
        && ((GroupKind) o).kind.equals(kind);
  }

  @Override
  public int hashCode() {
    return 31 * group.hashCode() + kind.hashCode();
  }

  /** {@code "ResourceClaim.resource.k8s.io"}, {@code "Pod"}. */
  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
