package dev.aiconform.dra.internal.allocator;

/**
 * Why claims cannot be allocated. Fatal failures (a CEL runtime error, a missing class, a claim the
 * allocator cannot handle) abort scheduling of the pod, as the scheduler's Filter returns an error
 * for them; the others only rule out one node.
 */
public final class AllocationFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean fatal;

  AllocationFailure(String message, boolean fatal) {
    super(message, null, false, false);
    this.fatal = fatal;
  }

  static AllocationFailure fatal(String message) {
    return new AllocationFailure(message, true);
  }

  /** Fatal, in the allocator's words for one request: {@code claim C, request R: what}. */
  static AllocationFailure fatal(String claim, String request, String what) {
    return fatal(aboutRequest(claim, request, what));
  }

  /** {@code claim C, request R: what}, as Kubernetes' allocator words a request's trouble. */
  static String aboutRequest(String claim, String request, String what) {
    return "claim " + claim + ", request " + request + ": " + what;
  }

  static AllocationFailure onNode(String message) {
    return new AllocationFailure(message, false);
  }

  /** Not specific to a node: the pod cannot be scheduled until the claim or class changes. */
  public boolean isFatal() {
    return fatal;
  }
}
