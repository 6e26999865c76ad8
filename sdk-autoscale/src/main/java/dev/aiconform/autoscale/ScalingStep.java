package dev.aiconform.autoscale;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HPA sync of a simulation: when, how many replicas the target had and how many were ready,
 * what each metric read and proposed, what the controller decided and why.
 *
 * <pre>{@code
 * for (ScalingStep s : timeline.steps()) System.out.println(s);
 * }</pre>
 */
public final class ScalingStep {
  private final Duration at;
  private final int replicas;
  private final int readyReplicas;
  private final int desiredReplicas;
  private final Map<String, BigDecimal> usage;
  private final Map<String, Integer> proposals;
  private final String reason;
  private final List<String> errors;

  ScalingStep(
      Duration at,
      int replicas,
      int readyReplicas,
      int desiredReplicas,
      Map<String, BigDecimal> usage,
      Map<String, Integer> proposals,
      String reason,
      List<String> errors) {
    this.at = at;
    this.replicas = replicas;
    this.readyReplicas = readyReplicas;
    this.desiredReplicas = desiredReplicas;
    this.usage = Map.copyOf(usage);
    this.proposals = Map.copyOf(proposals);
    this.reason = reason;
    this.errors = List.copyOf(errors);
  }

  /** Time since the simulation started. */
  public Duration at() {
    return at;
  }

  /** The target's replicas before this sync. */
  public int replicas() {
    return replicas;
  }

  public int readyReplicas() {
    return readyReplicas;
  }

  /** The replicas after this sync. */
  public int desiredReplicas() {
    return desiredReplicas;
  }

  /** Per metric: the per-pod average (or total) the controller read. */
  public Map<String, BigDecimal> usage() {
    return usage;
  }

  /** Per metric: the replica count it proposed (-1 when it could not be read). */
  public Map<String, Integer> proposals() {
    return proposals;
  }

  /**
   * Why the result is what it is: the ScalingLimited or AbleToScale reason of the controller
   * ({@code ScaleUpLimit}, {@code ScaleDownStabilized}, {@code TooManyReplicas}, ...).
   */
  public String reason() {
    return reason;
  }

  public List<String> errors() {
    return errors;
  }

  @Override
  public String toString() {
    return String.format(
        "%6ss  %3d -> %3d (ready %3d)  %-20s %s",
        at.toSeconds(), replicas, desiredReplicas, readyReplicas, reason, usage);
  }
}
