package dev.aiconform.autoscale.internal.cluster;

import dev.aiconform.autoscale.ClusterMetrics;
import dev.aiconform.autoscale.ControllerSettings;
import dev.aiconform.core.cluster.ClusterExtension;
import dev.aiconform.core.cluster.ClusterSetup;

/**
 * Adds the HPA controller to every in-memory cluster, with a {@link ClusterMetrics} service for
 * tests to set metric signals on. Feature gates follow the cluster's version and overrides.
 */
public final class AutoscaleClusterExtension implements ClusterExtension {
  @Override
  public void install(ClusterSetup setup) {
    ControllerSettings settings =
        ControllerSettings.builder()
            .targetVersion(setup.targetVersion())
            .scaleToZero(
                setup.isEnabled(dev.aiconform.autoscale.internal.rules.Gates.HPA_SCALE_TO_ZERO))
            .configurableTolerance(
                setup.isEnabled(
                    dev.aiconform.autoscale.internal.rules.Gates.HPA_CONFIGURABLE_TOLERANCE))
            .build();
    setup.provide(ClusterMetrics.class, new ClusterMetrics());
    setup.addController(new HpaController(settings));
  }
}
