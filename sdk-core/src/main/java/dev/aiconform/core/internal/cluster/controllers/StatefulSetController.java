package dev.aiconform.core.internal.cluster.controllers;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.internal.GeneratedNames;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The StatefulSet controller (pkg/controller/statefulset), simplified: pods {@code <set>-<ordinal>}
 * for the ordinals {@code [start, start + replicas)}, with the pod-name, pod-index and
 * controller-revision-hash labels, hostname {@code <pod>} and subdomain {@code serviceName}. With
 * {@code OrderedReady} (the default) it creates one pod at a time, the next only once every lower
 * ordinal runs and is ready, and removes the highest ordinal first, one at a time; with {@code
 * Parallel} it does all at once. Volume claim templates are not expanded and existing pods are not
 * replaced when the template changes.
 */
public final class StatefulSetController implements Controller {
  static final String POD_NAME = "statefulset.kubernetes.io/pod-name";
  static final String POD_INDEX = "apps.kubernetes.io/pod-index";
  static final String REVISION_HASH = "controller-revision-hash";

  private static final GroupKind POD = GroupKind.of("", "Pod");

  @Override
  public String name() {
    return "statefulset-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    Map<String, List<Pod>> pods = Ownership.byController(state.list(Pod.class));
    boolean changed = false;
    for (StatefulSet set : state.list(StatefulSet.class)) {
      changed |= sync(set, pods.getOrDefault(set.getMetadata().getUid(), List.of()), state);
    }
    return changed;
  }

  private boolean sync(StatefulSet set, List<Pod> owned, ClusterState state) {
    StatefulSetSpec spec = set.getSpec();
    if (spec == null) {
      return false;
    }
    String name = set.getMetadata().getName();
    int replicas = spec.getReplicas() == null ? 1 : Math.max(0, spec.getReplicas());
    int start =
        spec.getOrdinals() == null || spec.getOrdinals().getStart() == null
            ? 0
            : spec.getOrdinals().getStart();
    boolean parallel = "Parallel".equals(spec.getPodManagementPolicy());
    String revision =
        name + "-" + GeneratedNames.templateHash(Ownership.canonical(spec.getTemplate()));
    TreeMap<Integer, Pod> byOrdinal = new TreeMap<>();
    for (Pod p : owned) {
      int ordinal = ordinal(name, p.getMetadata().getName());
      if (ordinal >= 0 && Ownership.isActive(p)) {
        byOrdinal.put(ordinal, p);
      }
    }
    boolean changed = false;
    // Condemned pods: ordinals outside the range, highest first.
    for (Integer ordinal : byOrdinal.descendingKeySet().toArray(new Integer[0])) {
      if (ordinal >= start && ordinal < start + replicas) {
        continue;
      }
      Pod p = byOrdinal.remove(ordinal);
      changed |= state.delete(POD, p.getMetadata().getNamespace(), p.getMetadata().getName());
      if (!parallel) {
        break;
      }
    }
    if (!changed || parallel) {
      for (int ordinal = start; ordinal < start + replicas; ordinal++) {
        Pod existing = byOrdinal.get(ordinal);
        if (existing != null) {
          if (!parallel && !Ownership.isAssigned(existing)) {
            break;
          }
          continue;
        }
        Pod pod = Ownership.podFromTemplate(spec.getTemplate(), set);
        String podName = name + "-" + ordinal;
        pod.getMetadata().setName(podName);
        pod.getMetadata().getLabels().put(POD_NAME, podName);
        pod.getMetadata().getLabels().put(POD_INDEX, Integer.toString(ordinal));
        pod.getMetadata().getLabels().put(REVISION_HASH, revision);
        pod.getSpec().setHostname(podName);
        if (spec.getServiceName() != null && !spec.getServiceName().isEmpty()) {
          pod.getSpec().setSubdomain(spec.getServiceName());
        }
        if (!state.create(pod).action().isFailure()) {
          changed = true;
          int created = ordinal;
          state
              .get(Pod.class, pod.getMetadata().getNamespace(), podName)
              .ifPresent(p -> byOrdinal.put(created, p));
        }
        if (!parallel) {
          break;
        }
      }
    }
    int ready = (int) byOrdinal.values().stream().filter(Ownership::isReady).count();
    StatefulSetStatus status = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
    String before = Ownership.canonical(status);
    status.setObservedGeneration(set.getMetadata().getGeneration());
    status.setReplicas(byOrdinal.size());
    status.setReadyReplicas(ready);
    status.setAvailableReplicas(ready);
    status.setCurrentReplicas(byOrdinal.size());
    status.setUpdatedReplicas(byOrdinal.size());
    status.setCurrentRevision(revision);
    status.setUpdateRevision(revision);
    status.setCollisionCount(0);
    set.setStatus(status);
    if (!before.equals(Ownership.canonical(status))) {
      state.update(set);
      changed = true;
    }
    return changed;
  }

  /** The ordinal of {@code <set>-<n>}, or -1. */
  static int ordinal(String setName, String podName) {
    String prefix = setName + "-";
    if (podName == null || !podName.startsWith(prefix)) {
      return -1;
    }
    String rest = podName.substring(prefix.length());
    if (rest.isEmpty() || !rest.chars().allMatch(Character::isDigit) || rest.length() > 9) {
      return -1;
    }
    return Integer.parseInt(rest);
  }
}
