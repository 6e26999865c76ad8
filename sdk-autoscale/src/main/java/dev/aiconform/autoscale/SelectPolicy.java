package dev.aiconform.autoscale;

/**
 * Which policy applies when several do: {@code Max} the one allowing the most change (the default),
 * {@code Min} the least, {@code Disabled} none (no scaling in that direction).
 *
 * <pre>{@code
 * ScalingRules.builder().selectPolicy(SelectPolicy.DISABLED).build(); // never scale down
 * }</pre>
 */
public enum SelectPolicy {
  MAX("Max"),
  MIN("Min"),
  DISABLED("Disabled");

  private final String wireName;

  SelectPolicy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
