package dev.aiconform.core.cluster;

import dev.aiconform.core.ObjectRef;
import java.time.Duration;

/**
 * Hears what a real-cluster client does while it applies, retries and waits, one event at a time
 * and on the calling thread: for progress lines in a terminal or a build log.
 *
 * <pre>{@code
 * ApplyProgress toStderr = new ApplyProgress() {
 *   public void applied(ObjectOutcome o) { System.err.println(o); }
 * };
 * }</pre>
 */
public interface ApplyProgress {
  /** Nothing to hear. */
  ApplyProgress NONE = new ApplyProgress() {};

  /** An object of the bundle got its final outcome (also skipped and pruned ones). */
  default void applied(ObjectOutcome outcome) {}

  /**
   * A request failed in a way worth retrying; the next attempt starts after {@code delay}.
   *
   * @param attempt the attempt that failed (1 for the first)
   */
  default void retrying(ObjectRef ref, int attempt, Duration delay, String reason) {}

  /** While waiting for readiness: an object reached a new stage, or its wait detail changed. */
  default void stage(ObjectRef ref, ReadinessReport.Stage stage, String detail) {}
}
