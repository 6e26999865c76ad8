package dev.aiconform.core.validation;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.function.Supplier;

/**
 * What a {@link Rule} sees besides its object: the target version and feature gates, the whole
 * bundle (for references between objects), and where to report.
 *
 * <pre>{@code
 * if (ctx.isEnabled(DRA_CONSUMABLE_CAPACITY)) { ... }
 * ctx.report(path, Reason.TOO_MANY, "must have at most 32 items, found 40", "split the claim");
 * }</pre>
 */
public interface RuleContext {
  TargetVersion targetVersion();

  /** Whether {@code gate} is on for this validation (target version default, or overridden). */
  boolean isEnabled(FeatureGate gate);

  /**
   * The objects being validated together: the bundle, or for admission into a cluster, what the
   * cluster holds plus the incoming object.
   */
  ManifestBundle bundle();

  /** The object being checked, with its source location. */
  Manifest manifest();

  /** The object as the user wrote it, before defaulting. */
  HasMetadata original();

  /** Reports a finding at the rule's default severity. {@code reason} may be null. */
  void report(FieldPath path, Reason reason, String message, String hint);

  /** Reports a finding at {@code severity}. {@code reason} may be null. */
  void report(Severity severity, FieldPath path, Reason reason, String message, String hint);

  /**
   * What {@code compute} derives from the object being checked, computed once per object and
   * validation run and shared by every rule that asks with the same {@code key} (for example a
   * module's reading of the object's pod templates). The value must not be modified.
   */
  default <T> T shared(Object key, Supplier<T> compute) {
    return compute.get();
  }
}
