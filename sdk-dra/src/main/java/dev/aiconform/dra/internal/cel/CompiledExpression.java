package dev.aiconform.dra.internal.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * The result of compiling one selector expression: the program, or why it failed (with the kind of
 * API error the server reports), and the estimated worst-case cost.
 */
public final class CompiledExpression {
  /** How compilation failed, mapped by validation to the API server's error types. */
  public enum ErrorKind {
    NONE,
    /** Longer than 10,240 bytes: TooLong, not compiled. */
    TOO_LONG,
    /** Parse, type-check or result-type error: Invalid. */
    INVALID,
    /** Environment problems: InternalError. */
    INTERNAL
  }

  private final String expression;
  private final CelRuntime.Program program;
  private final ErrorKind errorKind;
  private final String detail;
  private final long cost;

  private CompiledExpression(
      String expression, CelRuntime.Program program, ErrorKind kind, String detail, long cost) {
    this.expression = expression;
    this.program = program;
    this.errorKind = kind;
    this.detail = detail;
    this.cost = cost;
  }

  static CompiledExpression ok(String expression, CelRuntime.Program program, long cost) {
    return new CompiledExpression(expression, program, ErrorKind.NONE, "", cost);
  }

  static CompiledExpression failed(String expression, ErrorKind kind, String detail) {
    return new CompiledExpression(expression, null, kind, detail, Long.MAX_VALUE);
  }

  public String expression() {
    return expression;
  }

  public boolean isValid() {
    return errorKind == ErrorKind.NONE;
  }

  public ErrorKind errorKind() {
    return errorKind;
  }

  /** The compiler's message, such as {@code compilation failed: ERROR: <input>:1:8: ...}. */
  public String detail() {
    return detail;
  }

  /** The estimated worst-case cost in CEL cost units; {@code Long.MAX_VALUE} when invalid. */
  public long estimatedCost() {
    return cost;
  }

  public boolean exceedsCostLimit() {
    return isValid() && cost > DraCelEnvironment.CEL_SELECTOR_EXPRESSION_MAX_COST;
  }

  /**
   * Evaluates against one device.
   *
   * @throws CelRuntimeError for a runtime error (missing attribute, bad argument, non-bool result):
   *     the scheduler treats it as an error for the pod, not as "no match"
   */
  public boolean matches(CelDeviceInput device) {
    if (program == null) {
      throw new IllegalStateException("expression did not compile: " + detail);
    }
    Object result;
    try {
      result = program.eval(device.activation());
    } catch (CelEvaluationException e) {
      throw new CelRuntimeError(runtimeMessage(e));
    } catch (RuntimeException e) {
      throw new CelRuntimeError(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    if (result instanceof Boolean) {
      return (Boolean) result;
    }
    throw new CelRuntimeError(
        "CEL result of type "
            + (result == null ? "null" : typeName(result))
            + " could not be converted to bool");
  }

  private static String typeName(Object o) {
    if (o instanceof String) return "string";
    if (o instanceof Long) return "int";
    if (o instanceof Double) return "double";
    if (o instanceof KubeSemver) return "kubernetes.Semver";
    if (o instanceof KubeQuantity) return "kubernetes.Quantity";
    if (o instanceof java.util.List) return "list";
    if (o instanceof java.util.Map) return "map";
    return o.getClass().getSimpleName();
  }

  private static String runtimeMessage(CelEvaluationException e) {
    String m = e.getMessage() == null ? "evaluation error" : e.getMessage();
    // cel-java says "key 'x' is not present in map"; Kubernetes (cel-go) says "no such key: x".
    java.util.regex.Matcher k =
        java.util.regex.Pattern.compile("key '([^']*)' is not present in map").matcher(m);
    if (k.find()) {
      return "no such key: "
          + k.group(1)
          + " (consider using CEL optional chaining (.? followed by orValue()) or guarding the"
          + " check with has())";
    }
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
      return m + ": " + cause.getMessage();
    }
    return m;
  }

  /** A CEL runtime error while evaluating a selector on a device. */
  public static final class CelRuntimeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CelRuntimeError(String message) {
      super(message);
    }
  }
}
