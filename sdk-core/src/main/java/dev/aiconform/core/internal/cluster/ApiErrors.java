package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.ApiResources;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API server's errors as apimachinery's {@code errors} package builds them: the Status object
 * and the one-line message a client prints.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /**
   * NewInvalid: {@code ResourceClaim.resource.k8s.io "gpus" is invalid:
   * spec.devices.requests[0].name: Required value}, reason Invalid, code 422, one cause per field
   * error.
   */
  public static Status invalid(GroupKind kind, String name, List<Diagnostic> errors) {
    List<StatusCause> causes = new ArrayList<>();
    Set<String> messages = new LinkedHashSet<>();
    for (Diagnostic d : errors) {
      causes.add(
          new StatusCauseBuilder()
              .withReason(reason(d).wireName())
              .withMessage(body(d))
              .withField(d.path())
              .build());
      messages.add(fieldError(d));
    }
    String aggregate =
        messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
    String message =
        kind + " \"" + name + "\" is invalid" + (messages.isEmpty() ? "" : ": " + aggregate);
    return failure(message, "Invalid", 422, kind.group(), kind.kind(), name, causes);
  }

  /** NewForbidden: {@code pods "train-0" is forbidden: <why>}, code 403. */
  public static Status forbidden(GroupKind kind, String name, String why) {
    String message =
        ApiResources.qualifiedResource(kind) + " \"" + name + "\" is forbidden: " + why;
    return failure(
        message, "Forbidden", 403, kind.group(), ApiResources.plural(kind), name, List.of());
  }

  /** NewAlreadyExists: {@code jobs.batch "train" already exists}, code 409. */
  public static Status alreadyExists(GroupKind kind, String name) {
    String message = ApiResources.qualifiedResource(kind) + " \"" + name + "\" already exists";
    return failure(
        message, "AlreadyExists", 409, kind.group(), ApiResources.plural(kind), name, List.of());
  }

  private static Status failure(
      String message,
      String reason,
      int code,
      String group,
      String kind,
      String name,
      List<StatusCause> causes) {
    return new StatusBuilder()
        .withApiVersion("v1")
        .withKind("Status")
        .withMetadata(new ListMeta())
        .withStatus("Failure")
        .withMessage(message)
        .withReason(reason)
        .withCode(code)
        .withNewDetails()
        .withGroup(group)
        .withKind(kind)
        .withName(name)
        .withCauses(causes.isEmpty() ? null : causes)
        .endDetails()
        .build();
  }

  private static Reason reason(Diagnostic d) {
    return d.reason().orElse(Reason.INVALID);
  }

  /** field.Error.Error(): "path: body", or the body alone for the object itself. */
  static String fieldError(Diagnostic d) {
    return d.path().isEmpty() ? body(d) : d.path() + ": " + body(d);
  }

  /**
   * field.Error.ErrorBody(): the error type's words, then the detail. A required field carries no
   * detail, as the API server writes it ("Required value"); the diagnostic keeps the explanation.
   */
  static String body(Diagnostic d) {
    Reason r = reason(d);
    String type = typeWords(r);
    if (r == Reason.REQUIRED || d.message().isEmpty()) {
      return type;
    }
    return type + ": " + d.message();
  }

  /** field.ErrorType.String(). */
  static String typeWords(Reason r) {
    switch (r) {
      case REQUIRED:
        return "Required value";
      case NOT_FOUND:
        return "Not found";
      case DUPLICATE:
        return "Duplicate value";
      case NOT_SUPPORTED:
        return "Unsupported value";
      case FORBIDDEN:
        return "Forbidden";
      case TOO_LONG:
        return "Too long";
      case TOO_MANY:
        return "Too many";
      case INTERNAL:
        return "Internal error";
      case INVALID:
      case TYPE_INVALID:
      default:
        return "Invalid value";
    }
  }
}
