package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.gang.internal.GangFeatureGates;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import dev.aiconform.gang.internal.members.BundleGangs;
import dev.aiconform.gang.internal.members.PodMarkers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gangs of a running cluster: which gang a pod belongs to (by its own markers, or for Kueue by
 * the Job, JobSet or LeaderWorkerSet that owns it), what the gang's group object asks for, and
 * which pods are its members.
 */
final class ClusterGangs {
  private ClusterGangs() {}

  /** A gang: namespace, name and the system that defines it. */
  record Key(String namespace, String name, PodMarkers.System system) {
    @Override
    public String toString() {
      return namespace + "/" + name;
    }
  }

  /** The gang a pod joins, if any. */
  static Optional<Key> keyOf(Pod pod, ClusterState state) {
    PodMarkers k = PodMarkers.of(pod.getMetadata(), pod.getSpec());
    String ns = Owners.namespace(pod);
    if (k.nativePodGroup().isPresent()) {
      return Optional.of(new Key(ns, k.nativePodGroup().get(), PodMarkers.System.WORKLOAD));
    }
    if (k.workloadRefName().isPresent()) {
      return Optional.of(
          new Key(
              ns,
              BundleGangs.nativeV1alpha1GroupName(
                  k.workloadRefName().get(), k.workloadRefPodGroup().orElse("")),
              PodMarkers.System.WORKLOAD));
    }
    if (k.volcanoGroup().isPresent()) {
      return Optional.of(new Key(ns, k.volcanoGroup().get(), PodMarkers.System.VOLCANO));
    }
    if (k.coschedulingGroup().isPresent()) {
      return Optional.of(new Key(ns, k.coschedulingGroup().get(), PodMarkers.System.COSCHEDULING));
    }
    if (k.kueuePodGroup().isPresent()) {
      return Optional.of(new Key(ns, k.kueuePodGroup().get(), PodMarkers.System.KUEUE));
    }
    if (!hasKueueOwnerLabels(pod, k)) {
      return Optional.empty();
    }
    return KueueWorkloads.workloadOf(pod, state)
        .filter(r -> !r.name().startsWith("pod-")) // a single Kueue pod is no gang
        .map(r -> new Key(ns, r.name(), PodMarkers.System.KUEUE));
  }

  /** Cheap pre-check: pods of Jobs, JobSets or LeaderWorkerSets may be Kueue-managed. */
  private static boolean hasKueueOwnerLabels(Pod pod, PodMarkers k) {
    return Owners.controllerOf(pod)
        .map(r -> r.getKind().equals("Job") || r.getKind().equals("LeaderWorkerSet"))
        .orElse(false);
  }

  /** The gang of {@code pod} with its members and minimums, if the pod belongs to one. */
  static Optional<Gang> gangOf(Pod pod, ClusterState state) {
    return gangOf(pod, state, new KeyCache());
  }

  /** {@link #gangOf(Pod, ClusterState)}, remembering each pod's key while the pod is unchanged. */
  static Optional<Gang> gangOf(Pod pod, ClusterState state, KeyCache cache) {
    Optional<Key> key = cache.keyOf(pod, state);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<Pod> members = new ArrayList<>();
    for (Pod p : state.list(Pod.class)) {
      if (!Owners.namespace(p).equals(key.get().namespace()) || !Owners.isActive(p)) {
        continue;
      }
      if (p == pod
          || samePodKey(p, pod)
          || cache.keyOf(p, state).filter(key.get()::equals).isPresent()) {
        members.add(p);
      }
    }
    return resolve(key.get(), members, state);
  }

  /**
   * The members of every gang, computed once and reused while the cluster holds the same pod
   * instances (binding a pod changes it in place; creating, deleting or replacing one does not).
   */
  static final class MemberIndex {
    private final KeyCache keys = new KeyCache();
    private List<Pod> snapshot = List.of();
    private java.util.Map<Key, List<Pod>> byKey = java.util.Map.of();

    Optional<Gang> gangOf(Pod pod, ClusterState state) {
      Optional<Key> key = keys.keyOf(pod, state);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      List<Pod> pods = state.list(Pod.class);
      if (!sameInstances(pods)) {
        java.util.Map<Key, List<Pod>> index = new java.util.HashMap<>();
        for (Pod p : pods) {
          if (Owners.isActive(p)) {
            keys.keyOf(p, state)
                .ifPresent(k -> index.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
          }
        }
        snapshot = pods;
        byKey = index;
      }
      List<Pod> members = new ArrayList<>(byKey.getOrDefault(key.get(), List.of()));
      if (members.stream().noneMatch(p -> samePodKey(p, pod))) {
        members.add(pod);
      }
      members.removeIf(p -> !Owners.isActive(p));
      return resolve(key.get(), members, state);
    }

    private boolean sameInstances(List<Pod> pods) {
      if (pods.size() != snapshot.size()) {
        return false;
      }
      for (int i = 0; i < pods.size(); i++) {
        if (pods.get(i) != snapshot.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Pods' gang keys by uid and resourceVersion: a pod's key comes from its own labels, annotations
   * and spec (for Kueue, its owner's queue label), which do not change without a new
   * resourceVersion of the pod, except an owner relabelled later, which the cache does not see.
   */
  static final class KeyCache {
    private record Entry(String resourceVersion, Optional<Key> key) {}

    private final java.util.Map<String, Entry> entries = new java.util.HashMap<>();

    Optional<Key> keyOf(Pod pod, ClusterState state) {
      String uid = pod.getMetadata().getUid();
      String rv = pod.getMetadata().getResourceVersion();
      if (uid == null || rv == null) {
        return ClusterGangs.keyOf(pod, state);
      }
      Entry e = entries.get(uid);
      if (e != null && e.resourceVersion().equals(rv)) {
        return e.key();
      }
      Optional<Key> key = ClusterGangs.keyOf(pod, state);
      if (entries.size() > 100_000) {
        entries.clear();
      }
      entries.put(uid, new Entry(rv, key));
      return key;
    }
  }

  private static boolean samePodKey(Pod a, Pod b) {
    return Owners.name(a).equals(Owners.name(b)) && Owners.namespace(a).equals(Owners.namespace(b));
  }

  /** Every gang of the cluster with at least one member or a group object, by key. */
  static List<Gang> all(ClusterState state) {
    Map<Key, List<Pod>> byKey = new LinkedHashMap<>();
    for (Pod p : state.list(Pod.class)) {
      if (!Owners.isActive(p)) {
        continue;
      }
      keyOf(p, state).ifPresent(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
    }
    for (HasMetadata pg : state.list(GangKeys.NATIVE_POD_GROUP)) {
      byKey.putIfAbsent(
          new Key(Owners.namespace(pg), Owners.name(pg), PodMarkers.System.WORKLOAD),
          new ArrayList<>());
    }
    for (HasMetadata pg : state.list(GangKeys.VOLCANO_POD_GROUP)) {
      byKey.putIfAbsent(
          new Key(Owners.namespace(pg), Owners.name(pg), PodMarkers.System.VOLCANO),
          new ArrayList<>());
    }
    for (HasMetadata pg : state.list(GangKeys.COSCHEDULING_POD_GROUP)) {
      byKey.putIfAbsent(
          new Key(Owners.namespace(pg), Owners.name(pg), PodMarkers.System.COSCHEDULING),
          new ArrayList<>());
    }
    for (KueueWorkloads.Candidate c : KueueWorkloads.candidates(state)) {
      if (c.pods() > 1 || !c.ref().name().startsWith("pod-")) {
        byKey.putIfAbsent(
            new Key(c.ref().namespace(), c.ref().name(), PodMarkers.System.KUEUE),
            new ArrayList<>());
      }
    }
    List<Gang> out = new ArrayList<>();
    byKey.forEach((k, pods) -> resolve(k, pods, state).ifPresent(out::add));
    out.sort(
        Comparator.comparing((Gang g) -> g.key().namespace()).thenComparing(g -> g.key().name()));
    return out;
  }

  /** The gang of {@code key} with {@code members}; empty when its group object says "no gang". */
  static Optional<Gang> resolve(Key key, List<Pod> members, ClusterState state) {
    members.sort(Comparator.comparing(Owners::name));
    Gang.Builder b = new Gang.Builder(key, members);
    String ns = key.namespace();
    switch (key.system()) {
      case WORKLOAD:
        {
          Optional<HasMetadata> pg = state.get(GangKeys.NATIVE_POD_GROUP, ns, key.name());
          if (pg.isPresent() && pg.get() instanceof PodGroup) {
            // the 1.37 object, typed: read without a tree
            PodGroup typed = (PodGroup) pg.get();
            if (typed.getSpec() == null
                || typed.getSpec().getSchedulingPolicy() == null
                || typed.getSpec().getSchedulingPolicy().getGang() == null) {
              return Optional.empty();
            }
            Integer min = typed.getSpec().getSchedulingPolicy().getGang().getMinCount();
            b.groupObject(typed);
            b.minCount(min == null ? 1 : min);
            b.timeoutSeconds(NATIVE_TIMEOUT_SECONDS);
            if (state.isEnabled(GangFeatureGates.TOPOLOGY_AWARE_WORKLOAD_SCHEDULING)
                && typed.getSpec().getSchedulingConstraints() != null
                && typed.getSpec().getSchedulingConstraints().getTopology() != null
                && !typed.getSpec().getSchedulingConstraints().getTopology().isEmpty()) {
              b.topologyKey(
                  typed.getSpec().getSchedulingConstraints().getTopology().get(0).getKey());
            }
            b.roleMinimums(roleMinAnnotations(typed));
          } else if (pg.isPresent()) {
            Tree spec = Tree.of(pg.get()).get("spec");
            if (!spec.at("schedulingPolicy", "gang").exists()) {
              return Optional.empty(); // basic policy: pods are scheduled one by one
            }
            b.groupObject(pg.get());
            b.minCount((int) spec.at("schedulingPolicy", "gang", "minCount").integer(1));
            b.timeoutSeconds(NATIVE_TIMEOUT_SECONDS);
            if (state.isEnabled(GangFeatureGates.TOPOLOGY_AWARE_WORKLOAD_SCHEDULING)) {
              spec.at("schedulingConstraints", "topology").list().stream()
                  .findFirst()
                  .flatMap(t -> t.get("key").string())
                  .ifPresent(b::topologyKey);
            }
            b.roleMinimums(roleMinAnnotations(pg.get()));
          } else if (!resolveV1alpha1(key, members, state, b)) {
            b.problem(
                "PodGroup " + ns + "/" + key.name() + " does not exist: the pods wait for it",
                true);
          }
          break;
        }
      case VOLCANO:
        {
          Optional<HasMetadata> pg = state.get(GangKeys.VOLCANO_POD_GROUP, ns, key.name());
          if (pg.isEmpty()) {
            b.problem(
                "Volcano PodGroup "
                    + ns
                    + "/"
                    + key.name()
                    + " does not exist: the pods wait for it",
                true);
            break;
          }
          Tree spec = Tree.of(pg.get()).get("spec");
          long min = spec.get("minMember").integer(0);
          if (min <= 0) {
            return Optional.empty();
          }
          b.groupObject(pg.get());
          b.minCount((int) min);
          Map<String, Integer> roles = new LinkedHashMap<>();
          spec.get("minTaskMember")
              .map()
              .forEach((task, v) -> v.integer().ifPresent(n -> roles.put(task, n.intValue())));
          roleMinAnnotations(pg.get()).forEach(roles::putIfAbsent);
          b.roleMinimums(roles);
          break;
        }
      case COSCHEDULING:
        {
          Optional<HasMetadata> pg = state.get(GangKeys.COSCHEDULING_POD_GROUP, ns, key.name());
          if (pg.isEmpty()) {
            b.problem(
                "PodGroup " + ns + "/" + key.name() + " (scheduling.x-k8s.io) does not exist",
                true);
            break;
          }
          Tree spec = Tree.of(pg.get()).get("spec");
          b.groupObject(pg.get());
          b.minCount((int) Math.max(1, spec.get("minMember").integer(1)));
          b.timeoutSeconds(
              (int)
                  spec.get("scheduleTimeoutSeconds")
                      .integer(GangKeys.COSCHEDULING_DEFAULT_PERMIT_WAIT_SECONDS));
          b.roleMinimums(roleMinAnnotations(pg.get()));
          break;
        }
      case KUEUE:
        resolveKueue(key, members, state, b);
        break;
      default:
        break;
    }
    if (b.topologyKey() == null) {
      for (Pod p : members) {
        Optional<String> t = PodMarkers.of(p.getMetadata(), p.getSpec()).requiredTopology();
        if (t.isPresent()) {
          b.topologyKey(t.get());
          break;
        }
      }
    }
    return Optional.of(b.build());
  }

  // KEP-4671 / kubernetes.io "Gang Scheduling": a fixed 5-minute wait for the whole group
  static final int NATIVE_TIMEOUT_SECONDS = 300;

  /** A 1.35 gang: the pod group lives inside its Workload. */
  private static boolean resolveV1alpha1(
      Key key, List<Pod> members, ClusterState state, Gang.Builder b) {
    for (Pod p : members) {
      PodMarkers k = PodMarkers.of(p.getMetadata(), p.getSpec());
      if (k.workloadRefName().isEmpty()) {
        continue;
      }
      Optional<HasMetadata> wl =
          state.get(GangKeys.NATIVE_WORKLOAD, key.namespace(), k.workloadRefName().get());
      if (wl.isEmpty()) {
        return false;
      }
      String group = k.workloadRefPodGroup().orElse("");
      for (Tree pg : Tree.of(wl.get()).at("spec", "podGroups").list()) {
        if (group.equals(pg.get("name").string(""))) {
          b.groupObject(wl.get());
          b.minCount((int) pg.at("policy", "gang", "minCount").integer(1));
          b.timeoutSeconds(NATIVE_TIMEOUT_SECONDS);
          b.roleMinimums(roleMinAnnotations(wl.get()));
          return true;
        }
      }
      return false;
    }
    return false;
  }

  private static void resolveKueue(Key key, List<Pod> members, ClusterState state, Gang.Builder b) {
    Optional<KueueWorkloads.Candidate> c =
        KueueWorkloads.candidates(state).stream()
            .filter(x -> x.ref().namespace().equals(key.namespace()))
            .filter(x -> x.ref().name().equals(key.name()))
            .findFirst();
    int expected = c.map(KueueWorkloads.Candidate::pods).orElse(members.size());
    boolean leaderReady =
        c.flatMap(KueueWorkloads.Candidate::owner)
            .filter(GangKeys.LEADER_WORKER_SET::matches)
            .map(o -> "LeaderReady".equals(Tree.of(o).at("spec", "startupPolicy").string("")))
            .orElse(false);
    if (leaderReady) {
      // workers come only once the leader runs: Kueue reserves the group's quota, the leader
      // starts alone and the workers follow
      expected = 1;
    }
    // Kueue admits a workload's pods all at once: its minimum is every pod
    b.minCount(Math.max(1, expected));
    b.expectedMembers(expected);
    b.timeoutSeconds((int) KueueAdmissionController.PODS_READY_TIMEOUT.toSeconds());
    c.flatMap(KueueWorkloads.Candidate::owner).ifPresent(b::groupObject);
    Optional<HasMetadata> wl = state.get(KueueWorkloads.WORKLOAD, key.namespace(), key.name());
    if (wl.isEmpty()) {
      b.problem("Kueue has not admitted workload " + key.name() + " yet", false);
    } else {
      b.kueueWorkload(wl.get());
      if (!KueueAdmissionController.isAdmitted(wl.get())) {
        String why =
            Tree.of(wl.get()).at("status", "conditions").list().stream()
                .filter(x -> "QuotaReserved".equals(x.get("type").string("")))
                .map(x -> x.get("message").string(""))
                .findFirst()
                .orElse("pending");
        b.problem("Kueue has not admitted workload " + key.name() + ": " + why, false);
      }
    }
  }

  /** {@code role-min.gang.aiconform.dev/<role>} annotations of a group object. */
  static Map<String, Integer> roleMinAnnotations(HasMetadata group) {
    Map<String, Integer> out = new LinkedHashMap<>();
    Owners.annotations(group)
        .forEach(
            (k, v) -> {
              if (k.startsWith(GangKeys.ROLE_MIN_PREFIX)) {
                Tree.ofValue(v)
                    .integer()
                    .ifPresent(
                        n -> out.put(k.substring(GangKeys.ROLE_MIN_PREFIX.length()), n.intValue()));
              }
            });
    return out;
  }
}
