package dev.aiconform.gang;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ClusterCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gang scheduler a {@link GangGroup} can be rendered for, and how to find one in a cluster's
 * discovery ({@link ClusterCapabilities}: served group-versions and established CRDs).
 *
 * <pre>{@code
 * GangBackend backend = GangBackend.detect(client.capabilities()); // or GangBackend.KUEUE
 * ManifestBundle bundle = group.render(backend, TargetVersion.V1_37);
 * }</pre>
 */
public enum GangBackend {
  /**
   * The Kubernetes Workload API: {@code scheduling.k8s.io/v1beta1} Workload and PodGroup on 1.37,
   * {@code v1alpha2} on 1.36, {@code v1alpha1} on 1.35. Beta in 1.37 behind the {@code
   * GenericWorkload} gate, which is off by default.
   */
  NATIVE("workload", "scheduling.k8s.io/v1beta1", null),
  /** Kueue: quota admission of the whole group at once ({@code kueue.x-k8s.io/v1beta2}). */
  KUEUE("kueue", "kueue.x-k8s.io/v1beta2", "localqueues.kueue.x-k8s.io"),
  /** Volcano: {@code scheduling.volcano.sh/v1beta1} PodGroup and scheduler {@code volcano}. */
  VOLCANO("volcano", "scheduling.volcano.sh/v1beta1", "podgroups.scheduling.volcano.sh"),
  /** scheduler-plugins coscheduling: {@code scheduling.x-k8s.io/v1alpha1} PodGroup. */
  COSCHEDULING("coscheduling", "scheduling.x-k8s.io/v1alpha1", "podgroups.scheduling.x-k8s.io");

  /** The order {@link #detect} tries backends in. */
  private static final List<GangBackend> PREFERENCE = List.of(KUEUE, NATIVE, VOLCANO, COSCHEDULING);

  private final String id;
  private final String groupVersion;
  private final String crd;

  GangBackend(String id, String groupVersion, String crd) {
    this.id = id;
    this.groupVersion = groupVersion;
    this.crd = crd;
  }

  /**
   * How simulation reports name it: {@code workload}, {@code kueue}, {@code volcano} or {@code
   * coscheduling}.
   */
  public String id() {
    return id;
  }

  /** The group-version whose presence in discovery shows the backend is installed. */
  public String groupVersion() {
    return groupVersion;
  }

  /** Whether the cluster serves this backend's API. */
  public boolean isServedBy(ClusterCapabilities caps) {
    if (this == NATIVE) {
      return caps.serves(NATIVE.groupVersion)
          || caps.serves("scheduling.k8s.io/v1alpha2")
          || caps.serves("scheduling.k8s.io/v1alpha1");
    }
    return caps.serves(groupVersion) || caps.customResourceDefinitions().contains(crd);
  }

  /** The backends the cluster serves, in detection order. */
  public static List<GangBackend> available(ClusterCapabilities caps) {
    List<GangBackend> out = new ArrayList<>();
    for (GangBackend b : PREFERENCE) {
      if (b.isServedBy(caps)) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * The first backend the cluster serves, in the order Kueue, native Workload API, Volcano,
   * coscheduling.
   *
   * @throws IllegalStateException saying what was looked for and how to proceed, when the cluster
   *     serves none
   */
  public static GangBackend detect(ClusterCapabilities caps) {
    return available(caps).stream()
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no gang scheduler found in the cluster's discovery"
                        + caps.serverVersion().map(v -> " (server " + v + ")").orElse("")
                        + ": it serves none of kueue.x-k8s.io/v1beta2 (Kueue),"
                        + " scheduling.k8s.io/v1beta1 (Workload API; needs the GenericWorkload"
                        + " feature gate and --runtime-config=scheduling.k8s.io/v1beta1=true),"
                        + " scheduling.volcano.sh/v1beta1 (Volcano) or"
                        + " scheduling.x-k8s.io/v1alpha1 (scheduler-plugins coscheduling);"
                        + " install one of them, or render for an explicit GangBackend"));
  }

  /** The backend whose {@link #id()} is {@code id}. */
  public static Optional<GangBackend> ofId(String id) {
    for (GangBackend b : values()) {
      if (b.id.equals(id)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * The native API group-version for a target version: {@code v1alpha1} on 1.35, {@code v1alpha2}
   * on 1.36, {@code v1beta1} from 1.37; empty on 1.34, which has no Workload API.
   */
  public static Optional<String> nativeGroupVersion(TargetVersion version) {
    switch (version) {
      case V1_34:
        return Optional.empty();
      case V1_35:
        return Optional.of("scheduling.k8s.io/v1alpha1");
      case V1_36:
        return Optional.of("scheduling.k8s.io/v1alpha2");
      default:
        return Optional.of("scheduling.k8s.io/v1beta1");
    }
  }
}
