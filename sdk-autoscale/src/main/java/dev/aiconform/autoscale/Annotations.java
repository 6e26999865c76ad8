package dev.aiconform.autoscale;

/**
 * Annotations AIConform reads on autoscaling objects.
 *
 * <pre>{@code
 * metadata:
 *   annotations:
 *     aiconform.dev/external-target: "true"
 * }</pre>
 */
public final class Annotations {
  /**
   * On an HPA or ScaledObject: its scale target is applied outside this bundle, so validation does
   * not look for it there.
   */
  public static final String EXTERNAL_TARGET = "aiconform.dev/external-target";

  private Annotations() {}
}
