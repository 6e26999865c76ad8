package dev.aiconform.core.internal.fabric8;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code metav1.Status} the API server answered with, read for people: its reason and message,
 * the field causes of a rejection as {@link Diagnostic}s, and the managers and fields of a
 * server-side-apply conflict.
 */
public final class ApiStatus {
  /** The rule id of diagnostics made from the server's causes of a rejection. */
  public static final String RULE_REJECTED = "core.apply.rejected";

  /** The rule id of diagnostics made from a server-side-apply conflict. */
  public static final String RULE_CONFLICT = "core.apply.conflict";

  // staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go: CauseTypeFieldManagerConflict
  private static final String FIELD_MANAGER_CONFLICT = "FieldManagerConflict";

  // staging/src/k8s.io/apimachinery/pkg/util/managedfields/internal/conflict.go: "conflict with %q"
  private static final Pattern CONFLICT_MANAGER =
      Pattern.compile("conflict with \"([^\"]*)\"(?: using ([^\\s:]+))?");

  private final Status status;

  private ApiStatus(Status status) {
    this.status = status;
  }

  /** The Status in a response body, if the body is one. */
  public static Optional<ApiStatus> parse(String body) {
    if (body == null || !body.trim().startsWith("{") || !body.contains("\"Status\"")) {
      return Optional.empty();
    }
    try {
      Status s = KubeSerialization.get().unmarshal(body, Status.class);
      return "Status".equals(s.getKind()) ? Optional.of(new ApiStatus(s)) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public String reason() {
    return status.getReason() == null ? "" : status.getReason();
  }

  public String message() {
    return status.getMessage() == null ? "" : status.getMessage();
  }

  /** {@code "Conflict: Apply failed with 1 conflict: ..."}, or the message alone. */
  public String summary() {
    return reason().isEmpty()
        ? message()
        : message().isEmpty() ? reason() : reason() + ": " + message();
  }

  public Optional<Long> retryAfterSeconds() {
    return status.getDetails() == null || status.getDetails().getRetryAfterSeconds() == null
        ? Optional.empty()
        : Optional.of(status.getDetails().getRetryAfterSeconds().longValue());
  }

  /** The kind in the details, such as {@code namespaces} for a missing namespace. */
  public String detailsKind() {
    return status.getDetails() == null || status.getDetails().getKind() == null
        ? ""
        : status.getDetails().getKind();
  }

  public List<StatusCause> causes() {
    return status.getDetails() == null || status.getDetails().getCauses() == null
        ? List.of()
        : status.getDetails().getCauses();
  }

  /** A server-side-apply conflict: a field and the managers that own it. */
  public record Conflict(String field, String manager, String apiVersion, String message) {}

  public List<Conflict> conflicts() {
    List<Conflict> out = new ArrayList<>();
    for (StatusCause c : causes()) {
      if (!FIELD_MANAGER_CONFLICT.equals(c.getReason())) {
        continue;
      }
      String message = c.getMessage() == null ? "" : c.getMessage();
      Matcher m = CONFLICT_MANAGER.matcher(message);
      String manager = m.find() ? m.group(1) : "";
      String apiVersion = manager.isEmpty() || m.group(2) == null ? "" : m.group(2);
      out.add(new Conflict(fieldPath(c.getField()), manager, apiVersion, message));
    }
    return out;
  }

  /** {@code conflicts with "kubectl" on spec.replicas; with "helm" on spec.template...}. */
  public static String describeConflicts(List<Conflict> conflicts) {
    Map<String, Set<String>> byManager = new LinkedHashMap<>();
    for (Conflict c : conflicts) {
      byManager
          .computeIfAbsent(
              c.manager().isEmpty() ? "another manager" : '"' + c.manager() + '"',
              k -> new LinkedHashSet<>())
          .add(c.field().isEmpty() ? "(the object)" : c.field());
    }
    return "conflicts with "
        + byManager.entrySet().stream()
            .map(e -> e.getKey() + " on " + String.join(", ", e.getValue()))
            .collect(Collectors.joining("; with "));
  }

  /** The server's causes as diagnostics about {@code ref}. */
  public List<Diagnostic> diagnostics(ObjectRef ref, String rule, String hint) {
    List<Diagnostic> out = new ArrayList<>();
    for (StatusCause c : causes()) {
      Reason reason = null;
      if (c.getReason() != null) {
        try {
          reason = Reason.fromWireName(c.getReason());
        } catch (IllegalArgumentException notAFieldReason) {
          reason = null;
        }
      }
      String message = c.getMessage() == null ? c.getReason() : c.getMessage();
      out.add(
          Diagnostic.builder()
              .rule(rule)
              .category(Category.API)
              .severity(Severity.ERROR)
              .object(ref)
              .path(fieldPath(c.getField()))
              .reason(Optional.ofNullable(reason))
              .message(message == null ? "" : message)
              .hint(hint)
              .build());
    }
    if (out.isEmpty() && !message().isEmpty()) {
      out.add(
          Diagnostic.builder()
              .rule(rule)
              .category(Category.API)
              .severity(Severity.ERROR)
              .object(ref)
              .message(message())
              .hint(hint)
              .build());
    }
    return out;
  }

  /** {@code .spec.replicas} (apply conflicts) and {@code spec.replicas} (validation) alike. */
  static String fieldPath(String field) {
    if (field == null) {
      return "";
    }
    return field.startsWith(".") ? field.substring(1) : field;
  }
}
