package dev.aiconform.autoscale;

/**
 * The {@code autoscaling/v2} metric source an intent becomes.
 *
 * <pre>{@code
 * Vllm.NUM_REQUESTS_WAITING.averageValue(5).sourceType() == MetricSourceType.PODS
 * }</pre>
 */
public enum MetricSourceType {
  PODS("Pods"),
  OBJECT("Object"),
  EXTERNAL("External");

  private final String wireName;

  MetricSourceType(String wireName) {
    this.wireName = wireName;
  }

  /** {@code "Pods"}, as {@code metrics[].type} spells it. */
  public String wireName() {
    return wireName;
  }
}
