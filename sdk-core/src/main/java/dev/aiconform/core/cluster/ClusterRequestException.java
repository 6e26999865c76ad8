package dev.aiconform.core.cluster;

/**
 * A read from a real cluster that failed for good (after retries): forbidden, not served,
 * unreachable. The message says what was asked, what the server answered and how to fix it.
 *
 * <pre>{@code
 * try { cluster.list(GroupKind.of("", "Pod"), "ml"); }
 * catch (ClusterRequestException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class ClusterRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  public ClusterRequestException(String message, int statusCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /** The HTTP status of the last answer, or 0 when there was none (connection failed). */
  public int statusCode() {
    return statusCode;
  }
}
