package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The garbage collector and the pod garbage collector of kube-controller-manager, simplified:
 * objects whose owners are all gone are deleted (background cascading deletion, at once), and so
 * are pods bound to a node that no longer exists.
 */
final class GarbageCollector implements Controller {
  private final SimulatedCluster cluster;

  GarbageCollector(SimulatedCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "garbage-collector";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    boolean changed = false;
    for (StoredObject so : cluster.stored()) {
      List<OwnerReference> owners = so.object.getMetadata().getOwnerReferences();
      boolean orphaned =
          owners != null
              && !owners.isEmpty()
              && owners.stream().noneMatch(o -> o.getUid() != null && cluster.hasUid(o.getUid()));
      boolean lostNode = false;
      if (so.object instanceof Pod) {
        Pod pod = (Pod) so.object;
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        lostNode =
            node != null
                && !node.isEmpty()
                && pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase())
                && !cluster.hasNode(node);
      }
      if (orphaned || lostNode) {
        changed |= cluster.delete(so.key.kind(), so.key.namespace(), so.key.name());
      }
    }
    return changed;
  }
}
