package dev.aiconform.core.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One check of the validator. A rule looks at one object at a time (and may look at the rest of the
 * bundle through its context) and reports what it finds through {@link RuleContext#report}. Rules
 * are contributed by modules through {@link RuleSet} and run against SDK-built and hand-written
 * manifests alike.
 *
 * <pre>{@code
 * public void check(HasMetadata object, RuleContext ctx) {
 *   if (((Pod) object).getSpec().getContainers().isEmpty())
 *     ctx.report(FieldPath.of("spec", "containers"), Reason.REQUIRED, "...", "...");
 * }
 * }</pre>
 */
public interface Rule {
  RuleInfo info();

  /** Whether the rule looks at {@code object}; by default, when its kind is in {@code kinds()}. */
  default boolean appliesTo(HasMetadata object) {
    return info().kinds().isEmpty() || info().kinds().stream().anyMatch(k -> k.matches(object));
  }

  /**
   * Checks one object. For {@link Category#API} rules the object has been defaulted first, as the
   * API server does; {@link RuleContext#original()} is the object as written.
   */
  void check(HasMetadata object, RuleContext context);
}
