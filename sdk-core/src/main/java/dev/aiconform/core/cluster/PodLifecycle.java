package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;

/**
 * Where a pod is in its life, read from its spec and status as kube-scheduler and the workload
 * controllers read it: bound to a node, still active, ready. For {@link Controller}s and {@link
 * SchedulingPlugin}s of any module.
 *
 * <pre>{@code
 * long running = pods.stream().filter(PodLifecycle::isActive).count();
 * boolean placed = PodLifecycle.isBound(pod);
 * }</pre>
 */
public final class PodLifecycle {
  private PodLifecycle() {}

  /** Bound by the scheduler: it has a node and its PodScheduled condition is True. */
  public static boolean isBound(Pod pod) {
    if (pod.getSpec() == null
        || pod.getSpec().getNodeName() == null
        || pod.getSpec().getNodeName().isEmpty()
        || pod.getStatus() == null) {
      return false;
    }
    List<PodCondition> conditions = pod.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Still runs or may run: neither Succeeded nor Failed, and not being deleted. */
  public static boolean isActive(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase)
        && !"Failed".equals(phase)
        && (pod.getMetadata() == null || pod.getMetadata().getDeletionTimestamp() == null);
  }

  /** podutil.IsPodReady: its (first) Ready condition is True. */
  public static boolean isReady(Pod pod) {
    List<PodCondition> conditions =
        pod.getStatus() == null ? null : pod.getStatus().getConditions();
    if (conditions == null) {
      return false;
    }
    for (PodCondition c : conditions) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }
}
