package dev.aiconform.core.conformance;

/**
 * How binding a conformance requirement is: {@code MUST} items need evidence for certification,
 * {@code SHOULD} items are recommended (every requirement enters as SHOULD and may graduate).
 *
 * <pre>{@code
 * if (requirement.level() == RequirementLevel.MUST) { ... }
 * }</pre>
 */
public enum RequirementLevel {
  MUST,
  SHOULD
}
