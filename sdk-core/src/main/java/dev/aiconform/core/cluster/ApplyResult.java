package dev.aiconform.core.cluster;

import java.util.List;
import java.util.Optional;
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
  private final String unreachable;

  public ApplyResult(List<ObjectOutcome> outcomes) {
    this(outcomes, null);
  }

  /**
   * @param unreachable why the API server could not be reached during the apply, or null when it
   *     could
   */
  public ApplyResult(List<ObjectOutcome> outcomes, String unreachable) {
    this.outcomes = List.copyOf(outcomes);
    this.unreachable = unreachable;
  }

  public List<ObjectOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Why the API server could not be reached, when it could not ({@code the API server at
   * https://10.0.0.1:6443 is unreachable (Connection refused)}): the objects not applied by then
   * failed without a request. Empty when every request reached the server.
   */
  public Optional<String> unreachable() {
    return Optional.ofNullable(unreachable);
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
    return "ApplyResult" + outcomes + (unreachable == null ? "" : " (" + unreachable + ")");
  }
}
