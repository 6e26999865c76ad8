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
   * One field error as apimachinery's field.Error holds it: path, type and detail. A diagnostic
   * becomes one with its message as detail, except for a required field, which the API server
   * reports without one ("Required value"); the diagnostic keeps the explanation.
   */
  public record FieldError(String path, Reason reason, String detail) {
    static FieldError of(Diagnostic d) {
      Reason r = d.reason().orElse(Reason.INVALID);
      return new FieldError(d.path(), r, r == Reason.REQUIRED ? "" : d.message());
    }

    /** field.Error.ErrorBody(): the error type's words, then the detail. */
    String body() {
      String type = typeWords(reason);
      return detail.isEmpty() ? type : type + ": " + detail;
    }

    /** field.Error.Error(): "path: body", or the body alone for the object itself. */
    String error() {
      return path.isEmpty() ? body() : path + ": " + body();
    }
  }

  /**
   * NewInvalid: {@code ResourceClaim.resource.k8s.io "gpus" is invalid:
   * spec.devices.requests[0].name: Required value}, reason Invalid, code 422, one cause per field
   * error; several errors are listed in brackets, as utilerrors.Aggregate prints them.
   */
  public static Status invalid(GroupKind kind, String name, List<Diagnostic> errors) {
    List<FieldError> fieldErrors = new ArrayList<>();
    errors.forEach(d -> fieldErrors.add(FieldError.of(d)));
    return invalidFields(kind, name, fieldErrors);
  }

  public static Status invalidFields(GroupKind kind, String name, List<FieldError> errors) {
    List<StatusCause> causes = new ArrayList<>();
    Set<String> messages = new LinkedHashSet<>();
    for (FieldError e : errors) {
      causes.add(
          new StatusCauseBuilder()
              .withReason(e.reason().wireName())
              .withMessage(e.body())
              .withField(e.path())
              .build());
      messages.add(e.error());
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
