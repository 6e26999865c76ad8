package dev.aiconform.core.validation;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.SourceLocation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One finding about one object: which rule, how serious, where (file and line, Kubernetes field
 * path), the API server's reason for {@link Category#API} rules, what was expected and found, and
 * how to fix it.
 *
 * <pre>{@code
 * for (Diagnostic d : report.errors()) {
 *   System.err.println(d); // train.yaml:14:9: error dra.request.count [ResourceClaim ml/gpus] ...
 * }
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class Diagnostic {
  /** The rule that found it, such as {@code dra.request.count} or {@code yaml.parse}. */
  public abstract String rule();

  public abstract Category category();

  /** The AI-conformance requirement the rule supports, such as {@code gang_scheduling}. */
  public abstract Optional<String> requirement();

  public abstract Severity severity();

  /** The object it is about; empty for input that never became an object (a YAML syntax error). */
  public abstract Optional<ObjectRef> object();

  /** The file, document and line, when the object was read from one. */
  public abstract Optional<SourceLocation> source();

  /** The Kubernetes field path, such as {@code spec.devices.requests[0]}; empty: the object. */
  @Value.Default
  public String path() {
    return "";
  }

  /** The API server's status cause reason, for {@link Category#API} rules. */
  public abstract Optional<Reason> reason();

  /** What was expected and what was found. */
  public abstract String message();

  /** How to fix it. */
  @Value.Default
  public String hint() {
    return "";
  }

  public static ImmutableDiagnostic.Builder builder() {
    return ImmutableDiagnostic.builder();
  }

  /** {@code train.yaml:14:9: error dra.request.count [ResourceClaim ml/gpus] spec...: message}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    source().ifPresent(s -> sb.append(s).append(": "));
    sb.append(severity().label()).append(' ').append(rule());
    object()
        .ifPresent(
            o ->
                sb.append(" [")
                    .append(o.kind())
                    .append(' ')
                    .append(o.namespace().isEmpty() ? "" : o.namespace() + "/")
                    .append(o.name())
                    .append(']'));
    if (!path().isEmpty()) {
      sb.append(' ').append(path());
    }
    sb.append(": ");
    reason().ifPresent(r -> sb.append(r.wireName()).append(": "));
    sb.append(message());
    if (!hint().isEmpty()) {
      sb.append(" (hint: ").append(hint()).append(')');
    }
    return sb.toString();
  }
}
