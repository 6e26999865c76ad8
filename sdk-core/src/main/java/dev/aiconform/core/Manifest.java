package dev.aiconform.core;

import dev.aiconform.core.validation.FieldPath;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes object of a {@link ManifestBundle}, with where it was read from when it came from
 * a file: the document's location and the line of each field, so diagnostics can point at the exact
 * line of {@code spec.devices.requests[0].exactly.count}.
 *
 * <pre>{@code
 * Manifest m = Manifest.of(claim);
 * m.locate(FieldPath.parse("spec.devices")); // empty: built in code, not read from a file
 * }</pre>
 */
public final class Manifest {
  private final HasMetadata object;
  private final SourceLocation source;
  private final Map<String, SourceLocation> fieldLocations;

  private Manifest(
      HasMetadata object, SourceLocation source, Map<String, SourceLocation> fieldLocations) {
    this.object = Objects.requireNonNull(object, "object");
    this.source = source;
    this.fieldLocations = fieldLocations;
  }

  /** An object built in code. */
  public static Manifest of(HasMetadata object) {
    return new Manifest(object, null, Map.of());
  }

  /**
   * An object read from a document.
   *
   * @param fieldLocations location of each field, keyed by {@link FieldPath#canonical()}
   */
  public static Manifest read(
      HasMetadata object, SourceLocation source, Map<String, SourceLocation> fieldLocations) {
    return new Manifest(
        object, Objects.requireNonNull(source, "source"), Map.copyOf(fieldLocations));
  }

  public HasMetadata object() {
    return object;
  }

  public ObjectRef ref() {
    return ObjectRef.of(object);
  }

  public GroupKind groupKind() {
    return GroupKind.of(object);
  }

  /** Where the document starts, when it was read from one. */
  public Optional<SourceLocation> source() {
    return Optional.ofNullable(source);
  }

  /**
   * The location of {@code path}, or of its nearest ancestor that was written in the document, or
   * the document's start; empty for objects built in code.
   */
  public Optional<SourceLocation> locate(FieldPath path) {
    if (source == null) {
      return Optional.empty();
    }
    for (FieldPath p = path; p != null; p = p.parent()) {
      SourceLocation l = fieldLocations.get(p.canonical());
      if (l != null) {
        return Optional.of(l);
      }
    }
    return Optional.of(source);
  }

  /** The same source information for another object (for example its defaulted copy). */
  public Manifest withObject(HasMetadata other) {
    return new Manifest(other, source, fieldLocations);
  }

  /**
   * Manifests are equal when their objects are the same on the wire (the JSON the API server would
   * receive: an absent list and an empty one are the same); where they were read from does not
   * count.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Manifest)) {
      return false;
    }
    HasMetadata other = ((Manifest) o).object;
    return other.equals(object) || ManifestWriter.tree(other).equals(ManifestWriter.tree(object));
  }

  @Override
  public int hashCode() {
    return ManifestWriter.tree(object).hashCode();
  }

  @Override
  public String toString() {
    return ref() + (source == null ? "" : " (" + source + ")");
  }
}
