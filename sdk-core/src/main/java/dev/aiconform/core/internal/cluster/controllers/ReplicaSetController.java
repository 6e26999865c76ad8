package dev.aiconform.core.internal.cluster.controllers;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.ObjectOutcome;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ReplicaSet controller (pkg/controller/replicaset), simplified: it keeps {@code spec.replicas}
 * pods named {@code <replicaset>-<suffix>} and, scaling down, deletes pods without a node first,
 * then pods that are not ready, then the newest. At most 500 pods are created or deleted per
 * ReplicaSet per round (BurstReplicas). Orphan pods matching the selector are not adopted.
 */
public final class ReplicaSetController implements Controller {
  /** pkg/controller/replicaset: BurstReplicas. */
  static final int BURST_REPLICAS = 500;

  private static final GroupKind POD = GroupKind.of("", "Pod");

  @Override
  public String name() {
    return "replicaset-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    Map<String, List<Pod>> pods = Ownership.byController(state.list(Pod.class));
    boolean changed = false;
    for (ReplicaSet rs : state.list(ReplicaSet.class)) {
      changed |= sync(rs, pods.getOrDefault(rs.getMetadata().getUid(), List.of()), state);
    }
    return changed;
  }

  private boolean sync(ReplicaSet rs, List<Pod> owned, ClusterState state) {
    if (rs.getSpec() == null) {
      return false;
    }
    boolean changed = false;
    List<Pod> active = new ArrayList<>();
    owned.forEach(
        p -> {
          if (Ownership.isActive(p)) {
            active.add(p);
          }
        });
    int want = rs.getSpec().getReplicas() == null ? 1 : Math.max(0, rs.getSpec().getReplicas());
    if (active.size() > want) {
      int excess = Math.min(active.size() - want, BURST_REPLICAS);
      for (Pod p : PodRemoval.firstToRemove(active, excess)) {
        changed |= state.delete(POD, p.getMetadata().getNamespace(), p.getMetadata().getName());
        active.remove(p);
      }
    } else {
      int missing = Math.min(want - active.size(), BURST_REPLICAS);
      for (int i = 0; i < missing; i++) {
        Pod pod = Ownership.podFromTemplate(rs.getSpec().getTemplate(), rs);
        pod.getMetadata().setGenerateName(rs.getMetadata().getName() + "-");
        ObjectOutcome outcome = state.create(pod);
        if (!outcome.action().isFailure()) {
          changed = true;
          state
              .get(Pod.class, outcome.ref().namespace(), outcome.ref().name())
              .ifPresent(active::add);
        }
      }
    }
    int ready = (int) active.stream().filter(Ownership::isReady).count();
    ReplicaSetStatus status = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    String before = Ownership.canonical(status);
    status.setReplicas(active.size());
    status.setFullyLabeledReplicas(active.size());
    status.setReadyReplicas(ready);
    status.setAvailableReplicas(ready);
    status.setObservedGeneration(rs.getMetadata().getGeneration());
    rs.setStatus(status);
    if (!before.equals(Ownership.canonical(status))) {
      state.update(rs);
      changed = true;
    }
    return changed;
  }
}
