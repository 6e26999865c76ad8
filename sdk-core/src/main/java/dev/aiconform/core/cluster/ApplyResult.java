package dev.aiconform.core.cluster;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of every object of an applied bundle, in the order they were applied.
 *
 * <pre>{@code
 * ApplyResult result = cluster.apply(bundle);
 * if (!result.isSuccess()) result.failures().forEach(System.err::println);
 * }</pre>
 */
public final class ApplyResult {
  private final List<ObjectOutcome> outcomes;

  public ApplyResult(List<ObjectOutcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  public List<ObjectOutcome> outcomes() {
    return outcomes;
  }

  public List<ObjectOutcome> failures() {
    return outcomes.stream()
        .filter(o -> o.action().isFailure())
        .collect(Collectors.toUnmodifiableList());
  }

  public boolean isSuccess() {
    return outcomes.stream().noneMatch(o -> o.action().isFailure());
  }

  @Override
  public String toString() {
    return "ApplyResult" + outcomes;
  }
}
