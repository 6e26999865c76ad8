package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link SchedulingPlugin} can see and do while the framework schedules one pod: the
 * cluster, the nodes with their current reservations, data shared between extension points of the
 * same cycle, the pods waiting at Permit, and a search for a placement of a whole group.
 *
 * <pre>{@code
 * Optional<Map<Pod, String>> placement = cycle.findPlacement(gangMembers, this);
 * }</pre>
 */
public interface SchedulingCycle {
  ClusterState state();

  /** Every schedulable node, sorted by name, with the pods bound or reserved on it. */
  List<NodeInfo> nodes();

  Optional<NodeInfo> node(String name);

  /** Data a plugin keeps for the rest of this pod's cycle (PreFilter → Filter → Reserve …). */
  <T> Optional<T> read(String key, Class<T> type);

  void write(String key, Object value);

  /**
   * Pods holding a reservation while they wait at Permit, with the node they reserved, in the order
   * they started waiting. Keys are looked up by namespace and name, so any instance of a pod finds
   * its entry.
   */
  Map<Pod, String> waitingPods();

  /** Lets a waiting pod bind (gang complete). */
  void allow(Pod waitingPod);

  /** Rejects a waiting pod: its reservations are released and it stays pending with the reason. */
  void reject(Pod waitingPod, String reason);

  /**
   * Searches for nodes on which all {@code pods} fit together, given everything already bound or
   * reserved: a depth-first search over pods in the given order and nodes in name order that runs
   * every plugin's PreFilter, Filter and Reserve except {@code caller}'s, and releases every
   * tentative reservation before returning. Empty when there is none (or the search budget ran
   * out).
   *
   * <p>A pod of the list that is already bound, waiting at Permit or being scheduled in this cycle
   * keeps its node and appears in the answer with it. Consecutive pods that are identical for
   * scheduling (same spec, labels and annotations apart from per-replica ones such as the
   * completion index, no allocated claims) are interchangeable: the search tries them in
   * non-decreasing node order only, which keeps failed searches for large gangs polynomial. Keys of
   * the answer are looked up by namespace and name; iteration follows {@code pods}.
   */
  Optional<Map<Pod, String>> findPlacement(List<Pod> pods, SchedulingPlugin caller);
}
