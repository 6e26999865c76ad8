package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.GroupKind;
import org.immutables.value.Value;

/**
 * What an autoscaler scales: any object with a {@code scale} subresource. For a LeaderWorkerSet the
 * scale selector matches leader pods only, so each replica is a whole leader-worker group and
 * per-pod metrics are read from leaders. A target declared {@link #external()} lives outside the
 * bundle (applied separately), so validation does not look for it.
 *
 * <pre>{@code
 * ScaleTarget.deployment("vllm");
 * ScaleTarget.of("ray.io/v1", "RayCluster", "llm").declaredExternal();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ScaleTarget {
  public static final String LWS_API_VERSION = "leaderworkerset.x-k8s.io/v1";

  public abstract String apiVersion();

  public abstract String kind();

  public abstract String name();

  /** Whether the target is applied outside this bundle. */
  @Value.Default
  public boolean external() {
    return false;
  }

  public static ScaleTarget of(String apiVersion, String kind, String name) {
    return ImmutableScaleTarget.builder().apiVersion(apiVersion).kind(kind).name(name).build();
  }

  public static ScaleTarget deployment(String name) {
    return of("apps/v1", "Deployment", name);
  }

  public static ScaleTarget statefulSet(String name) {
    return of("apps/v1", "StatefulSet", name);
  }

  /** A LeaderWorkerSet: replicas are groups, and metrics come from leader pods. */
  public static ScaleTarget leaderWorkerSet(String name) {
    return of(LWS_API_VERSION, "LeaderWorkerSet", name);
  }

  /** The same target, declared to live outside the bundle. */
  public ScaleTarget declaredExternal() {
    return ImmutableScaleTarget.copyOf(this).withExternal(true);
  }

  public GroupKind groupKind() {
    return GroupKind.of(GroupKind.groupOf(apiVersion()), kind());
  }

  public boolean isLeaderWorkerSet() {
    return groupKind().equals(GroupKind.of("leaderworkerset.x-k8s.io", "LeaderWorkerSet"));
  }

  /**
   * A PromQL regular expression for the names of the target's pods ({@code vllm-.*}): Deployment,
   * StatefulSet and LeaderWorkerSet pods are all named after their owner.
   */
  public String podNamePattern() {
    return name().replace(".", "\\\\.") + "-.*";
  }

  @Override
  public String toString() {
    return apiVersion() + " " + kind() + " " + name();
  }
}
