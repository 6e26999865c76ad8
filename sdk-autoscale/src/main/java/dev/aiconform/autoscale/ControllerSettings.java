package dev.aiconform.autoscale;

import dev.aiconform.autoscale.internal.rules.Gates;
import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.TargetVersion;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The kube-controller-manager settings the HPA controller runs with, and the feature gates of the
 * Kubernetes version it belongs to. Defaults are the controller's flag defaults.
 *
 * <pre>{@code
 * ControllerSettings.forVersion(TargetVersion.V1_36).withDownscaleStabilization(Duration.ofMinutes(1));
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ControllerSettings {
  @Value.Default
  public TargetVersion targetVersion() {
    return TargetVersion.latest();
  }

  /** --horizontal-pod-autoscaler-sync-period. */
  @Value.Default
  public Duration syncPeriod() {
    return Duration.ofSeconds(15);
  }

  /** --horizontal-pod-autoscaler-tolerance. */
  @Value.Default
  public double tolerance() {
    return Tolerances.DEFAULT;
  }

  /** --horizontal-pod-autoscaler-downscale-stabilization. */
  @Value.Default
  public Duration downscaleStabilization() {
    return Duration.ofMinutes(5);
  }

  /** --horizontal-pod-autoscaler-cpu-initialization-period. */
  @Value.Default
  public Duration cpuInitializationPeriod() {
    return ReplicaCalculator.DEFAULT_CPU_INITIALIZATION_PERIOD;
  }

  /** --horizontal-pod-autoscaler-initial-readiness-delay. */
  @Value.Default
  public Duration initialReadinessDelay() {
    return ReplicaCalculator.DEFAULT_INITIAL_READINESS_DELAY;
  }

  /** HPAScaleToZero; the version's default unless set. */
  public abstract Optional<Boolean> scaleToZero();

  /** HPAConfigurableTolerance; the version's default unless set. */
  public abstract Optional<Boolean> configurableTolerance();

  public static ImmutableControllerSettings.Builder builder() {
    return ImmutableControllerSettings.builder();
  }

  public static ControllerSettings defaults() {
    return builder().build();
  }

  public static ControllerSettings forVersion(TargetVersion version) {
    return builder().targetVersion(version).build();
  }

  public boolean scaleToZeroEnabled() {
    return scaleToZero().orElse(Gates.HPA_SCALE_TO_ZERO.enabledByDefault(targetVersion()));
  }

  public boolean configurableToleranceEnabled() {
    return configurableTolerance()
        .orElse(Gates.HPA_CONFIGURABLE_TOLERANCE.enabledByDefault(targetVersion()));
  }

  @Value.Check
  protected void check() {
    if (syncPeriod().isZero() || syncPeriod().isNegative()) {
      throw new IllegalArgumentException("syncPeriod must be positive; found " + syncPeriod());
    }
    if (!(tolerance() >= 0)) {
      throw new IllegalArgumentException("tolerance must be zero or more; found " + tolerance());
    }
  }
}
