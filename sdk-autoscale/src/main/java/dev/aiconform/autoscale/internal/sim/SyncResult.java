package dev.aiconform.autoscale.internal.sim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one HPA sync decided, with the conditions the controller would set. */
public final class SyncResult {
  public final int currentReplicas;
  public final int desiredReplicas;
  public final boolean rescale;

  /** Per metric name: the proposal (or -1 when it failed). */
  public final Map<String, Integer> proposals;

  /** Per metric name: the usage seen. */
  public final Map<String, BigDecimal> usages;

  public final List<String> errors;
  public final String ableToScale;
  public final String scalingActive;
  public final String scalingLimited;
  public final Optional<String> rescaleReason;

  SyncResult(
      int currentReplicas,
      int desiredReplicas,
      boolean rescale,
      Map<String, Integer> proposals,
      Map<String, BigDecimal> usages,
      List<String> errors,
      String ableToScale,
      String scalingActive,
      String scalingLimited,
      Optional<String> rescaleReason) {
    this.currentReplicas = currentReplicas;
    this.desiredReplicas = desiredReplicas;
    this.rescale = rescale;
    this.proposals = Map.copyOf(proposals);
    this.usages = Map.copyOf(usages);
    this.errors = List.copyOf(errors);
    this.ableToScale = ableToScale;
    this.scalingActive = scalingActive;
    this.scalingLimited = scalingLimited;
    this.rescaleReason = rescaleReason;
  }
}
