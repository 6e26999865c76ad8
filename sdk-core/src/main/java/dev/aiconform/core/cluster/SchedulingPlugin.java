package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * A plugin of the {@link InMemoryCluster}'s scheduling framework, with kube-scheduler's extension
 * points. For each pending pod the framework runs PreFilter, then Filter on every node (in name
 * order), picks the feasible node with the highest Score (ties: first by name), then Reserve,
 * Permit and, once permitted, Bind. A failed Reserve or a rejected Permit runs Unreserve on every
 * plugin in reverse order. Everything runs on one thread, deterministically.
 *
 * <p>Reserve and Unreserve must be exact inverses: the framework also uses them to search for a
 * placement of a whole group ({@link SchedulingCycle#findPlacement}).
 *
 * <pre>{@code
 * public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
 *   return hasRoom(pod, node) ? PluginStatus.success() : PluginStatus.unschedulable("Insufficient x");
 * }
 * }</pre>
 */
public interface SchedulingPlugin {
  String name();

  /** Once per pod and attempt, before any Filter. Not SUCCESS: the pod stays pending. */
  default PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
    return PluginStatus.success();
  }

  default PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    return PluginStatus.success();
  }

  /** Higher is better; only feasible nodes are scored. */
  default long score(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    return 0;
  }

  /** Claims what the pod will use on the node (devices, for example). */
  default PluginStatus reserve(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    return PluginStatus.success();
  }

  /** Releases what {@link #reserve} claimed. */
  default void unreserve(SchedulingCycle cycle, Pod pod, NodeInfo node) {}

  /**
   * SUCCESS: bind now; WAIT: keep the reservation until {@link SchedulingCycle#allow} or until the
   * cluster is quiescent (then the pod is rejected with this status's reason); anything else:
   * reject now.
   */
  default PluginStatus permit(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    return PluginStatus.success();
  }

  /** The pod is being bound to the node: write what the reservation means (claim allocations). */
  default void bind(SchedulingCycle cycle, Pod pod, NodeInfo node) {}
}
