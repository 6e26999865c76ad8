package dev.aiconform.core.cluster;

/**
 * A reconciler of the {@link InMemoryCluster}, like the Job or HPA controller of
 * kube-controller-manager. The cluster calls every controller, then the scheduler, until nothing
 * changes (quiescence).
 *
 * <pre>{@code
 * public boolean reconcile(ClusterState state) {
 *   boolean changed = false;
 *   for (Job job : state.list(Job.class)) changed |= ensurePods(job, state);
 *   return changed;
 * }
 * }</pre>
 */
public interface Controller {
  String name();

  /**
   * Brings what this controller owns closer to what the objects ask for.
   *
   * @return whether it changed anything (so the cluster runs another round)
   */
  boolean reconcile(ClusterState state);
}
