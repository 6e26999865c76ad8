package dev.aiconform.core.conformance;

import dev.aiconform.core.AiconformStyle;
import org.immutables.value.Value;

/**
 * One requirement of an AI conformance checklist, as the upstream template states it: its id, the
 * checklist section it sits in, MUST or SHOULD, the requirement text, and whether it is conditional
 * (applies only when the platform offers the capability it names).
 *
 * <pre>{@code
 * Requirement gang = RequirementCatalogue.of(ConformanceVersion.V1_37).require("gang_scheduling");
 * gang.level(); // MUST
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class Requirement {
  /** The id, such as {@code secure_accelerator_access}. */
  public abstract String id();

  /**
   * The checklist section, as the template's key under {@code spec}: {@code accelerators}, {@code
   * networking}, {@code schedulingOrchestration}, {@code observability}, {@code security}, {@code
   * operator}.
   */
  public abstract String category();

  public abstract RequirementLevel level();

  /** The requirement text, unchanged from the template. */
  public abstract String description();

  /**
   * Whether the requirement applies only when the platform offers what it names (for example "If
   * the platform provides a cluster autoscaler…"). Such items may be answered "does not apply" with
   * a justification. Derived from the text: see {@link RequirementCatalogue#isConditional(String)}.
   */
  public abstract boolean conditional();

  /** The checklist it comes from. */
  public abstract ConformanceVersion version();

  public boolean isMust() {
    return level() == RequirementLevel.MUST;
  }

  public static ImmutableRequirement.Builder builder() {
    return ImmutableRequirement.builder();
  }

  /** {@code gang_scheduling (MUST, 1.37)}. */
  @Override
  public String toString() {
    return id() + " (" + level() + (conditional() ? ", conditional" : "") + ", " + version() + ")";
  }
}
