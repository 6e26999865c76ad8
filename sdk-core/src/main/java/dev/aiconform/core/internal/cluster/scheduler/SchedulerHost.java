package dev.aiconform.core.internal.cluster.scheduler;

import dev.aiconform.core.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/** What the scheduling framework needs from the cluster it runs in. */
public interface SchedulerHost {
  ClusterState state();

  /** The stored pods (the instances themselves). */
  List<Pod> pods();

  /** The stored nodes. */
  List<Node> nodes();

  /** Whether {@code pod} is still stored. */
  boolean isStored(Pod pod);

  /** The order in which objects were created (queue order after priority). */
  long creationOrder(Pod pod);

  /**
   * A counter of the store writes that can make a pending pod schedulable (everything but the
   * scheduler's own pending-status writes).
   */
  long storeEpoch();

  /** Records that the framework bound {@code pod} (a write that counts for {@link #storeEpoch}). */
  void recordBinding(Pod pod);

  /** Records a change of the pod's scheduling condition (a write that does not count). */
  void recordSchedulingStatus(Pod pod);

  /** The next pod IP on {@code node}, or null when the node has no usable pod CIDR. */
  String nextPodIp(Node node);

  /** Whether the PodLevelResources feature is on (pod-level requests replace the containers'). */
  boolean podLevelResources();

  /** Records that a plugin threw (the simulation carries on without what it would have done). */
  void reportError(String what, RuntimeException error);

  /** Whether a ResourceClaim the pod uses is already allocated (the pod is not interchangeable). */
  boolean hasAllocatedClaim(Pod pod);
}
