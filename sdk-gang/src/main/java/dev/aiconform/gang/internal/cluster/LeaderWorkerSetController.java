package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.OwnerReferences;
import dev.aiconform.core.cluster.PodLifecycle;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LeaderWorkerSet controller, simplified: group {@code g} of {@code spec.replicas} is a leader
 * pod {@code <lws>-<g>} (from the leader template, or the worker template without one) and workers
 * {@code <lws>-<g>-<1 … size-1>}, labelled with {@code leaderworkerset.sigs.k8s.io/name}, {@code
 * group-index} and {@code worker-index} and given the {@code LWS_*} environment. Pods are created
 * directly rather than through per-group StatefulSets. With {@code startupPolicy: LeaderReady} the
 * workers come only once the leader runs, which deadlocks a gang that needs them all, as it does on
 * a real cluster.
 */
final class LeaderWorkerSetController implements Controller {
  private static final GroupKind POD = GroupKind.of("", "Pod");

  @Override
  public String name() {
    return "leaderworkerset-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    Map<String, List<Pod>> owned = OwnerReferences.byController(state.list(Pod.class));
    boolean changed = false;
    for (HasMetadata lws : state.list(GangKeys.LEADER_WORKER_SET)) {
      changed |= sync(lws, owned.getOrDefault(lws.getMetadata().getUid(), List.of()), state);
    }
    return changed;
  }

  private boolean sync(HasMetadata lws, List<Pod> pods, ClusterState state) {
    Tree spec = Tree.of(lws).get("spec");
    int replicas = (int) spec.get("replicas").integer(1);
    Tree lwt = spec.get("leaderWorkerTemplate");
    int size = (int) Math.max(1, lwt.get("size").integer(1));
    boolean leaderReady = "LeaderReady".equals(spec.get("startupPolicy").string("LeaderCreated"));
    Optional<PodTemplateSpec> workerTemplate = lwt.get("workerTemplate").podTemplate();
    Optional<PodTemplateSpec> leaderTemplate =
        lwt.get("leaderTemplate").podTemplate().or(() -> workerTemplate);
    if (workerTemplate.isEmpty()) {
      return false;
    }
    Map<String, Pod> byName = new LinkedHashMap<>();
    pods.forEach(p -> byName.put(Metadata.name(p), p));
    String name = Metadata.name(lws);
    List<String> wanted = new ArrayList<>();
    boolean changed = false;
    for (int g = 0; g < replicas; g++) {
      String leader = name + "-" + g;
      wanted.add(leader);
      Pod leaderPod = byName.get(leader);
      if (leaderPod == null) {
        changed |= create(lws, leaderTemplate.get(), leader, g, 0, size, leader, state);
      }
      boolean leaderRunning = leaderPod != null && PodLifecycle.isBound(leaderPod);
      for (int w = 1; w < size; w++) {
        String worker = leader + "-" + w;
        wanted.add(worker);
        if (!byName.containsKey(worker) && (!leaderReady || leaderRunning)) {
          changed |= create(lws, workerTemplate.get(), worker, g, w, size, leader, state);
        }
      }
    }
    for (Pod p : pods) {
      if (!wanted.contains(Metadata.name(p))) {
        changed |= state.delete(POD, Metadata.namespace(p), Metadata.name(p));
      }
    }
    return changed;
  }

  private static boolean create(
      HasMetadata lws,
      PodTemplateSpec template,
      String podName,
      int group,
      int worker,
      int size,
      String leader,
      ClusterState state) {
    ObjectMeta tm = template.getMetadata();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(podName);
    meta.setNamespace(Metadata.namespace(lws));
    Map<String, String> labels = new LinkedHashMap<>();
    if (tm != null && tm.getLabels() != null) {
      labels.putAll(tm.getLabels());
    }
    labels.put(GangKeys.LWS_NAME, Metadata.name(lws));
    labels.put(GangKeys.LWS_GROUP_INDEX, Integer.toString(group));
    labels.put(GangKeys.LWS_WORKER_INDEX, Integer.toString(worker));
    meta.setLabels(labels);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (tm != null && tm.getAnnotations() != null) {
      annotations.putAll(tm.getAnnotations());
    }
    annotations.put(GangKeys.LWS_SIZE, Integer.toString(size));
    if (worker > 0) {
      annotations.put(GangKeys.LWS_LEADER_NAME, leader);
    }
    meta.setAnnotations(annotations);
    meta.setOwnerReferences(List.of(OwnerReferences.controllerRef(lws)));
    Pod pod = new Pod();
    pod.setMetadata(meta);
    PodSpec spec =
        template.getSpec() == null
            ? new PodSpec()
            : dev.aiconform.core.internal.KubeSerialization.get().clone(template.getSpec());
    String subdomain = Metadata.name(lws);
    spec.setHostname(podName);
    spec.setSubdomain(subdomain);
    addEnv(spec.getContainers(), leader + "." + subdomain, size, worker);
    pod.setSpec(spec);
    return !state.create(pod).action().isFailure();
  }

  /** The variables LWS injects: leader address, group size, worker index. */
  private static void addEnv(
      List<Container> containers, String leaderAddress, int size, int worker) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      List<EnvVar> env = c.getEnv() == null ? new ArrayList<>() : new ArrayList<>(c.getEnv());
      put(env, "LWS_LEADER_ADDRESS", leaderAddress);
      put(env, "LWS_GROUP_SIZE", Integer.toString(size));
      put(env, "LWS_WORKER_INDEX", Integer.toString(worker));
      c.setEnv(env);
    }
  }

  private static void put(List<EnvVar> env, String name, String value) {
    if (env.stream().noneMatch(e -> name.equals(e.getName()))) {
      env.add(new EnvVar(name, value, null));
    }
  }
}
