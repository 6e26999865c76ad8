package dev.aiconform.core.validation;

/**
 * The cause type the Kubernetes API server reports in {@code Status.details.causes[].reason} (from
 * apimachinery's {@code field.ErrorType}). Diagnostics of {@link Category#API} rules carry one.
 */
public enum Reason {
  REQUIRED("FieldValueRequired"),
  INVALID("FieldValueInvalid"),
  TOO_MANY("FieldValueTooMany"),
  TOO_LONG("FieldValueTooLong"),
  NOT_SUPPORTED("FieldValueNotSupported"),
  DUPLICATE("FieldValueDuplicate"),
  FORBIDDEN("FieldValueForbidden"),
  NOT_FOUND("FieldValueNotFound"),
  TYPE_INVALID("FieldValueTypeInvalid"),
  INTERNAL("InternalError");

  private final String wireName;

  Reason(String wireName) {
    this.wireName = wireName;
  }

  /** {@code "FieldValueInvalid"}: the string the API server puts in the status cause. */
  public String wireName() {
    return wireName;
  }

  /** The reason for a wire name, such as {@code "FieldValueTooMany"}. */
  public static Reason fromWireName(String wireName) {
    for (Reason r : values()) {
      if (r.wireName.equals(wireName)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown status cause reason '" + wireName + "'");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
