package dev.aiconform.autoscale;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The replica count of a simulated HPA over time: one {@link ScalingStep} per sync, with the
 * questions test authors ask ("when do we reach 8 replicas?", "do we ever exceed 6?").
 *
 * <pre>{@code
 * ReplicaTimeline t = simulation.run(Duration.ofMinutes(30));
 * assertThat(t.firstTimeAtLeast(8)).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofMinutes(2)));
 * }</pre>
 */
public final class ReplicaTimeline {
  private final List<ScalingStep> steps;

  ReplicaTimeline(List<ScalingStep> steps) {
    this.steps = List.copyOf(steps);
  }

  public List<ScalingStep> steps() {
    return steps;
  }

  /** When the HPA first set at least {@code replicas} replicas. */
  public Optional<Duration> firstTimeAtLeast(int replicas) {
    return steps.stream()
        .filter(s -> s.desiredReplicas() >= replicas)
        .map(ScalingStep::at)
        .findFirst();
  }

  /** When the HPA first set at most {@code replicas} replicas. */
  public Optional<Duration> firstTimeAtMost(int replicas) {
    return steps.stream()
        .filter(s -> s.desiredReplicas() <= replicas)
        .map(ScalingStep::at)
        .findFirst();
  }

  /** When at least {@code replicas} replicas were first ready (seen at a sync). */
  public Optional<Duration> firstTimeReady(int replicas) {
    return steps.stream()
        .filter(s -> s.readyReplicas() >= replicas)
        .map(ScalingStep::at)
        .findFirst();
  }

  /** The replicas in effect at {@code t} (set by the last sync at or before it). */
  public int replicasAt(Duration t) {
    int r = steps.isEmpty() ? 0 : steps.get(0).replicas();
    for (ScalingStep s : steps) {
      if (s.at().compareTo(t) > 0) {
        break;
      }
      r = s.desiredReplicas();
    }
    return r;
  }

  public int maxReplicas() {
    return steps.stream().mapToInt(ScalingStep::desiredReplicas).max().orElse(0);
  }

  public int minReplicas() {
    return steps.stream().mapToInt(ScalingStep::desiredReplicas).min().orElse(0);
  }

  public int finalReplicas() {
    return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).desiredReplicas();
  }

  /** The syncs at which the replica count changed. */
  public List<ScalingStep> changes() {
    return steps.stream()
        .filter(s -> s.desiredReplicas() != s.replicas())
        .collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return changes().stream().map(ScalingStep::toString).collect(Collectors.joining("\n"));
  }
}
