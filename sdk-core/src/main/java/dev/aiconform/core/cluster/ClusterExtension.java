package dev.aiconform.core.cluster;

/**
 * How a module adds behaviour to every {@link InMemoryCluster} it is on the class path of
 * (registered in {@code META-INF/services/dev.aiconform.core.cluster.ClusterExtension}): scheduling
 * plugins (the DRA allocator, the gang Permit), controllers (JobSet, HPA), group reports, and the
 * API group-versions it makes the cluster serve.
 *
 * <pre>{@code
 * public void install(ClusterSetup setup) {
 *   setup.addSchedulingPlugin(new DeviceAllocator());
 *   setup.serve("resource.k8s.io/v1");
 * }
 * }</pre>
 */
public interface ClusterExtension {
  /** Called once per cluster being built; create fresh, per-cluster plugin instances here. */
  void install(ClusterSetup setup);
}
