package dev.aiconform.autoscale;

import java.util.Locale;

/**
 * How far the ratio of current to target metric value may stray from 1 before the HPA acts: below
 * {@code 1 - scaleDown} it scales down, above {@code 1 + scaleUp} up, in between it keeps the
 * replica count. The cluster-wide default is 10 % both ways ({@code
 * --horizontal-pod-autoscaler-tolerance}); {@code behavior.*.tolerance} overrides it per direction.
 *
 * <pre>{@code
 * Tolerances.of(0.1).isWithin(1.08); // true: no scaling
 * }</pre>
 */
public final class Tolerances {
  /** kube-controller-manager's --horizontal-pod-autoscaler-tolerance default. */
  public static final double DEFAULT = 0.1;

  private final double scaleDown;
  private final double scaleUp;

  private Tolerances(double scaleDown, double scaleUp) {
    if (!(scaleDown >= 0) || !(scaleUp >= 0)) {
      throw new IllegalArgumentException(
          "tolerances must be zero or more; found down " + scaleDown + ", up " + scaleUp);
    }
    this.scaleDown = scaleDown;
    this.scaleUp = scaleUp;
  }

  public static Tolerances of(double both) {
    return new Tolerances(both, both);
  }

  public static Tolerances of(double scaleDown, double scaleUp) {
    return new Tolerances(scaleDown, scaleUp);
  }

  public static Tolerances defaults() {
    return of(DEFAULT);
  }

  public double scaleDown() {
    return scaleDown;
  }

  public double scaleUp() {
    return scaleUp;
  }

  /** Whether a usage ratio is close enough to 1 to leave the replica count alone. */
  public boolean isWithin(double usageRatio) {
    return (1.0 - scaleDown) <= usageRatio && usageRatio <= (1.0 + scaleUp);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[down:%.1f%%, up:%.1f%%]", scaleDown * 100, scaleUp * 100);
  }
}
