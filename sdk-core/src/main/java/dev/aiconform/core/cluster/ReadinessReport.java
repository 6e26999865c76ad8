package dev.aiconform.core.cluster;

import dev.aiconform.core.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How far each applied object got while a client waited for it: applied, admitted (by a queue or
 * gang scheduler), bound (pods on nodes, claims allocated) or ready, with what it is waiting on.
 *
 * <pre>{@code
 * ReadinessReport ready = cluster.awaitReady(result, Duration.ofMinutes(5));
 * if (!ready.allReady()) System.err.println(ready.summary());
 * }</pre>
 */
public final class ReadinessReport {
  /** The steps an object goes through, in order. Kinds without a step pass it at once. */
  public enum Stage {
    /** The object exists on the server. */
    APPLIED,
    /** A queue or gang scheduler let it start (Kueue unsuspended it, its PodGroup is Inqueue). */
    ADMITTED,
    /** Its pods are on nodes, its claim is allocated. */
    BOUND,
    /** It serves or runs: pods Ready, Job complete or all pods ready, Deployment available. */
    READY;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One object: the last stage it reached, whether it failed for good (a Job that failed, a pod
   * that cannot run), and a sentence on what it waits for or why it failed.
   */
  public record ObjectReadiness(ObjectRef ref, Stage stage, boolean failed, String detail) {
    public ObjectReadiness {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(stage, "stage");
      detail = detail == null ? "" : detail;
    }

    public boolean isReady() {
      return stage == Stage.READY && !failed;
    }

    @Override
    public String toString() {
      return ref
          + ": "
          + (failed ? "failed" : stage.label())
          + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  private final List<ObjectReadiness> objects;
  private final Duration elapsed;
  private final boolean timedOut;

  public ReadinessReport(List<ObjectReadiness> objects, Duration elapsed, boolean timedOut) {
    this.objects = List.copyOf(objects);
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    this.timedOut = timedOut;
  }

  public List<ObjectReadiness> objects() {
    return objects;
  }

  public Optional<ObjectReadiness> object(ObjectRef ref) {
    return objects.stream().filter(o -> o.ref().equals(ref)).findFirst();
  }

  /** How long the wait took. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Whether the wait ended because the timeout passed (some objects are then not ready). */
  public boolean timedOut() {
    return timedOut;
  }

  public boolean allReady() {
    return objects.stream().allMatch(ObjectReadiness::isReady);
  }

  public List<ObjectReadiness> notReady() {
    return objects.stream().filter(o -> !o.isReady()).collect(Collectors.toUnmodifiableList());
  }

  /**
   * {@code "3/4 ready after 42s; timed out; not ready: batch/v1/Job ml/train: bound (2/4 pods
   * ready)"}.
   */
  public String summary() {
    long ready = objects.size() - notReady().size();
    StringBuilder sb =
        new StringBuilder()
            .append(ready)
            .append('/')
            .append(objects.size())
            .append(" ready after ")
            .append(formatDuration(elapsed));
    if (timedOut) {
      sb.append("; timed out");
    }
    List<ObjectReadiness> waiting = notReady();
    if (!waiting.isEmpty()) {
      sb.append("; not ready: ")
          .append(
              waiting.stream().map(ObjectReadiness::toString).collect(Collectors.joining("; ")));
    }
    return sb.toString();
  }

  /** {@code 42s}, {@code 2m5s}, {@code 350ms}. */
  public static String formatDuration(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    long s = d.getSeconds();
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
  }

  @Override
  public String toString() {
    return "ReadinessReport[" + summary() + "]";
  }
}
