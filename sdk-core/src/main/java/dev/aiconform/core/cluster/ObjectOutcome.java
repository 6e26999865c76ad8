package dev.aiconform.core.cluster;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.validation.Diagnostic;
import io.fabric8.kubernetes.api.model.Status;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What happened to one object of an applied bundle.
 *
 * <pre>{@code
 * if (outcome.action().isFailure()) System.err.println(outcome.ref() + ": " + outcome.message());
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ObjectOutcome {
  /** What happened. */
  public enum Action {
    CREATED(false),
    CONFIGURED(false),
    UNCHANGED(false),
    /** Accepted by a dry run; nothing persisted. */
    VALIDATED(false),
    /** Refused by admission (validation), with the causes as diagnostics. */
    REJECTED(true),
    /** Server-side apply conflict with another field manager. */
    CONFLICT(true),
    /** Any other failure (network, server error after retries). */
    FAILED(true),
    /** Not attempted, because something it depends on failed (for example its gang object). */
    SKIPPED(true),
    /** Deleted by pruning. */
    PRUNED(false);

    private final boolean failure;

    Action(boolean failure) {
      this.failure = failure;
    }

    public boolean isFailure() {
      return failure;
    }
  }

  public abstract ObjectRef ref();

  public abstract Action action();

  /** A sentence for people; empty when the action says it all. */
  @Value.Default
  public String message() {
    return "";
  }

  /** The causes of a rejection, as diagnostics (field path, reason, message). */
  public abstract List<Diagnostic> causes();

  /**
   * For a failure, the Kubernetes {@code Status} the API server answers with: reason {@code
   * Invalid}, code 422 and one cause per field error for a rejection; {@code Forbidden} (403) or
   * {@code AlreadyExists} (409) for the others. Empty when the action succeeded.
   */
  public abstract Optional<Status> status();

  /** How many requests it took (retries included). */
  @Value.Default
  public int attempts() {
    return 1;
  }

  public static ImmutableObjectOutcome.Builder builder() {
    return ImmutableObjectOutcome.builder();
  }

  public static ObjectOutcome of(ObjectRef ref, Action action, String message) {
    return builder().ref(ref).action(action).message(message).build();
  }

  @Override
  public String toString() {
    return ref()
        + ": "
        + action().name().toLowerCase(java.util.Locale.ROOT)
        + (message().isEmpty() ? "" : " (" + message() + ")");
  }
}
