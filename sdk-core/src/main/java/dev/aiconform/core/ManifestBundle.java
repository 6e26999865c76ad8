package dev.aiconform.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ordered set of Kubernetes objects: what the SDK compiles an intent to, what the YAML reader
 * produces, and what the validator, the YAML writer and cluster clients consume.
 *
 * <p>The order is the order of addition (or of the documents read); {@link #inApplyOrder()} gives
 * the order a cluster needs (see {@link ApplyOrder}). Bundles are immutable; {@link #plus} and
 * {@link #toBuilder()} make new ones. The fabric8 objects inside are not copied: treat them as
 * read-only once they are in a bundle.
 *
 * <pre>{@code
 * ManifestBundle bundle = ManifestBundle.of(deviceClass, claimTemplate, job);
 * String yaml = ManifestWriter.yaml().write(bundle);
 * }</pre>
 */
public final class ManifestBundle implements Iterable<Manifest> {
  private static final ManifestBundle EMPTY = new ManifestBundle(List.of());

  private final List<Manifest> manifests;

  private ManifestBundle(List<Manifest> manifests) {
    this.manifests = List.copyOf(manifests);
  }

  public static ManifestBundle empty() {
    return EMPTY;
  }

  public static ManifestBundle of(HasMetadata... objects) {
    return builder().add(objects).build();
  }

  public static ManifestBundle of(Collection<? extends HasMetadata> objects) {
    return builder().addAll(objects).build();
  }

  public static ManifestBundle ofManifests(Collection<Manifest> manifests) {
    return new ManifestBundle(new ArrayList<>(manifests));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().addManifests(manifests);
  }

  public List<Manifest> manifests() {
    return manifests;
  }

  /** The objects, in bundle order. */
  public List<HasMetadata> objects() {
    return manifests.stream().map(Manifest::object).collect(Collectors.toUnmodifiableList());
  }

  public int size() {
    return manifests.size();
  }

  public boolean isEmpty() {
    return manifests.isEmpty();
  }

  public Stream<Manifest> stream() {
    return manifests.stream();
  }

  @Override
  public Iterator<Manifest> iterator() {
    return manifests.iterator();
  }

  /** The objects of a typed fabric8 class, in bundle order. */
  public <T extends HasMetadata> List<T> objectsOf(Class<T> type) {
    return manifests.stream()
        .map(Manifest::object)
        .filter(type::isInstance)
        .map(type::cast)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The manifests of a group and kind (typed or generic objects alike), in bundle order. */
  public List<Manifest> manifestsOf(GroupKind kind) {
    return manifests.stream()
        .filter(m -> kind.matches(m.object()))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * The object of {@code kind} named {@code name} in {@code namespace} (empty namespace: cluster
   * scoped, or an object that leaves its namespace unset).
   */
  public Optional<Manifest> find(GroupKind kind, String namespace, String name) {
    String ns = namespace == null ? "" : namespace;
    return manifests.stream()
        .filter(m -> kind.matches(m.object()))
        .filter(m -> m.ref().name().equals(name) && m.ref().namespace().equals(ns))
        .findFirst();
  }

  public ManifestBundle filter(Predicate<Manifest> predicate) {
    return new ManifestBundle(manifests.stream().filter(predicate).collect(Collectors.toList()));
  }

  /** This bundle followed by {@code other}. */
  public ManifestBundle plus(ManifestBundle other) {
    return toBuilder().addManifests(other.manifests).build();
  }

  /**
   * The same manifests in the order a cluster needs them ({@link ApplyOrder}); within a phase the
   * bundle order is kept.
   */
  public ManifestBundle inApplyOrder() {
    List<Manifest> sorted = new ArrayList<>(manifests);
    sorted.sort(Comparator.comparingInt(m -> ApplyOrder.rank(m.groupKind())));
    return new ManifestBundle(sorted);
  }

  /** Bundles are equal when they hold equal objects in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ManifestBundle && ((ManifestBundle) o).manifests.equals(manifests);
  }

  @Override
  public int hashCode() {
    return manifests.hashCode();
  }

  @Override
  public String toString() {
    return "ManifestBundle"
        + manifests.stream().map(m -> m.ref().toString()).collect(Collectors.toList());
  }

  /** Builds a bundle; objects keep the order they are added in. */
  public static final class Builder {
    private final List<Manifest> manifests = new ArrayList<>();

    private Builder() {}

    public Builder add(HasMetadata... objects) {
      for (HasMetadata o : objects) {
        manifests.add(Manifest.of(o));
      }
      return this;
    }

    public Builder addAll(Collection<? extends HasMetadata> objects) {
      for (HasMetadata o : objects) {
        manifests.add(Manifest.of(o));
      }
      return this;
    }

    public Builder add(Manifest manifest) {
      manifests.add(manifest);
      return this;
    }

    public Builder addManifests(Collection<Manifest> more) {
      manifests.addAll(more);
      return this;
    }

    public Builder addAll(ManifestBundle bundle) {
      manifests.addAll(bundle.manifests());
      return this;
    }

    public ManifestBundle build() {
      return new ManifestBundle(manifests);
    }
  }
}
