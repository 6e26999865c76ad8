package dev.aiconform.gang;

/**
 * Which Kubernetes objects carry the pods of a gang. Every shape works with every backend, except
 * where the backend cannot gang it (a multi-role group of separate Jobs under Kueue, which admits
 * each Job on its own) and {@link #VOLCANO_JOB}, which only Volcano runs.
 *
 * <pre>{@code
 * GangGroup.named("train").shape(WorkloadShape.INDEXED_JOB)...
 * }</pre>
 */
public enum WorkloadShape {
  /** Plain Pods, {@code <group>-<role>-<index>}. */
  PODS,
  /** One Indexed {@code batch/v1} Job per role, {@code <group>-<role>}. */
  INDEXED_JOB,
  /** One {@code jobset.x-k8s.io/v1alpha2} JobSet with a replicated Job per role. */
  JOBSET,
  /**
   * One {@code leaderworkerset.x-k8s.io/v1} LeaderWorkerSet group: a single-replica leader role
   * (optional) and a worker role.
   */
  LEADER_WORKER_SET,
  /** One {@code batch.volcano.sh/v1alpha1} Job with a task per role (Volcano only). */
  VOLCANO_JOB
}
