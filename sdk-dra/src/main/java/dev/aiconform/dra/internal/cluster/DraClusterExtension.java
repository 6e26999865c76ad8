package dev.aiconform.dra.internal.cluster;

import dev.aiconform.core.cluster.ClusterExtension;
import dev.aiconform.core.cluster.ClusterSetup;
import dev.aiconform.dra.internal.allocator.AllocatorFeatures;

/**
 * Adds Dynamic Resource Allocation to every in-memory cluster built with sdk-dra on the class path:
 * the DynamicResources scheduling plugin (the structured allocator) and the resource claim
 * controller, with the DRA feature gates of the cluster's target version.
 *
 * <pre>{@code
 * // META-INF/services/dev.aiconform.core.cluster.ClusterExtension
 * dev.aiconform.dra.internal.cluster.DraClusterExtension
 * }</pre>
 */
public final class DraClusterExtension implements ClusterExtension {
  @Override
  public void install(ClusterSetup setup) {
    ClusterDevices devices = new ClusterDevices(AllocatorFeatures.of(setup::isEnabled));
    setup.addSchedulingPlugin(new DynamicResourcesPlugin(devices));
    setup.addController(new ResourceClaimController());
    setup.serve("resource.k8s.io/v1");
  }
}
