package dev.aiconform.core.cluster;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.TargetVersion;

/**
 * What a {@link ClusterExtension} can add to the {@link InMemoryCluster} being built.
 *
 * <pre>{@code
 * setup.addController(new JobSetController());
 * setup.serve("jobset.x-k8s.io/v1alpha2");
 * }</pre>
 */
public interface ClusterSetup {
  TargetVersion targetVersion();

  boolean isEnabled(FeatureGate gate);

  /** Runs after the core plugins (resources, node selection, taints), in installation order. */
  void addSchedulingPlugin(SchedulingPlugin plugin);

  void addController(Controller controller);

  void addGroupReporter(GroupReporter reporter);

  /**
   * Makes discovery report this group-version as served, such as {@code kueue.x-k8s.io/v1beta2}.
   */
  void serve(String groupVersion);

  /**
   * Adds a mutating admission step, run on every object created or applied (by users and by
   * controllers) after the API server's own preparation and before defaulting and validation, like
   * a mutating admission webhook (Kueue's, which suspends Jobs bound for a queue).
   */
  default void addMutatingAdmission(MutatingAdmission admission) {
    throw new UnsupportedOperationException("this cluster does not take admission plugins");
  }

  /** Shares a service with plugins, controllers and tests ({@link InMemoryCluster#service}). */
  <T> void provide(Class<T> type, T service);
}
