package dev.aiconform.core.validation;

import java.util.List;

/**
 * The service each module registers (in {@code
 * META-INF/services/dev.aiconform.core.validation.RuleSet}) to contribute its rules and defaulters
 * to every {@link Validator}.
 *
 * <pre>{@code
 * public final class DraRules implements RuleSet {
 *   public List<Rule> rules() { return List.of(new RequestCountRule(), ...); }
 * }
 * }</pre>
 */
public interface RuleSet {
  List<Rule> rules();

  /** Defaulting the API server applies before validation, for the kinds this module knows. */
  default List<Defaulter> defaulters() {
    return List.of();
  }

  /**
   * Findings this module reports outside rules (the YAML reader, admission into a cluster), so the
   * rule catalogue documents every id a diagnostic can carry.
   */
  default List<RuleInfo> otherFindings() {
    return List.of();
  }
}
