package dev.aiconform.core.validation;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.VersionRange;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a {@link Rule} is: its id, category, default severity, the conformance requirement it
 * supports, the Kubernetes versions and kinds it applies to, and the documentation the rule
 * catalogue shows (what it checks, a failing manifest and its fix).
 *
 * <pre>{@code
 * RuleInfo.builder().id("gang.member.scheduler-name").category(Category.CONFORMANCE)
 *     .requirement("gang_scheduling").severity(Severity.ERROR)
 *     .title("Gang members use the backend's scheduler").build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class RuleInfo {
  /** Dotted id, module first: {@code core.metadata.name}, {@code dra.request.count}. */
  public abstract String id();

  public abstract Category category();

  /** The severity of what the rule reports unless it says otherwise for a finding. */
  public abstract Severity severity();

  /** The AI-conformance requirement id it supports, such as {@code dra_support}. */
  public abstract Optional<String> requirement();

  /** The target versions it applies to; all supported versions unless set. */
  @Value.Default
  public VersionRange versions() {
    return VersionRange.all();
  }

  /** The kinds it looks at; empty: every object. */
  public abstract Set<GroupKind> kinds();

  /** One line: what it checks. */
  public abstract String title();

  /** A paragraph: what it checks and why, with the upstream source for API rules. */
  @Value.Default
  public String description() {
    return title();
  }

  /** A manifest this rule reports (YAML), for the rule catalogue. */
  public abstract Optional<String> failingExample();

  /** The same manifest fixed (YAML). */
  public abstract Optional<String> fixedExample();

  public static ImmutableRuleInfo.Builder builder() {
    return ImmutableRuleInfo.builder();
  }

  @Value.Check
  protected void check() {
    if (!id().matches("[a-z0-9]+(\\.[a-z0-9-]+)+")) {
      throw new IllegalArgumentException(
          "rule id '"
              + id()
              + "' must be dotted lower-case words, module first (dra.request.count)");
    }
  }
}
