package dev.aiconform.gang;

/**
 * A gang cannot be rendered as asked: the backend does not exist on the target version, or cannot
 * gang the chosen workload shape. The message says what was asked, why it cannot work and what to
 * change.
 *
 * <pre>{@code
 * try { group.render(GangBackend.NATIVE, TargetVersion.V1_34); }
 * catch (GangRenderException e) { log.warn(e.getMessage()); }
 * }</pre>
 */
public final class GangRenderException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public GangRenderException(String message) {
    super(message);
  }
}
