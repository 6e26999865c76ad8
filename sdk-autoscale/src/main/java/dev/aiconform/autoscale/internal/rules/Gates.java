package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.TargetVersion;

/** The feature gates the HPA's API validation and controller depend on. */
public final class Gates {
  /**
   * minReplicas 0 with an Object or External metric: alpha (off) since 1.16, beta (on) in 1.37
   * (KEP-2021, kubernetes/kubernetes#139648).
   */
  public static final FeatureGate HPA_SCALE_TO_ZERO =
      FeatureGate.of("HPAScaleToZero").enabledSince(TargetVersion.V1_37);

  /**
   * Per-direction {@code tolerance}: alpha (off) in 1.33 and 1.34, beta (on) from 1.35 (KEP-4951).
   * While off, the API server silently drops the field on create.
   */
  public static final FeatureGate HPA_CONFIGURABLE_TOLERANCE =
      FeatureGate.of("HPAConfigurableTolerance").enabledSince(TargetVersion.V1_35);

  private Gates() {}
}
