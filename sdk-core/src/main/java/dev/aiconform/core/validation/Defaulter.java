package dev.aiconform.core.validation;

import dev.aiconform.core.TargetVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Applies the defaults the API server of the target version applies before it validates (for
 * example {@code allocationMode: ExactCount} and {@code count: 1} on a device request). The
 * validator hands each defaulter a private copy, so the user's object is never changed.
 *
 * <pre>{@code
 * public void apply(HasMetadata copy, TargetVersion version) {
 *   ((ResourceClaim) copy).getSpec()...setCount(1L);
 * }
 * }</pre>
 */
public interface Defaulter {
  boolean appliesTo(HasMetadata object);

  /** Mutates {@code copy} in place. */
  void apply(HasMetadata copy, TargetVersion version);
}
