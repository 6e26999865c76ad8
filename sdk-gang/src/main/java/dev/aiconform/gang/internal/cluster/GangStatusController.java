package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes each group object's status as its scheduler does: the native PodGroup's {@code
 * PodGroupInitiallyScheduled} condition (terminal once True), a Volcano PodGroup's {@code phase}
 * (Pending/Running) and {@code running}, a coscheduling PodGroup's {@code phase}
 * (Pending/Scheduling/Running), {@code scheduled} and {@code running}.
 */
final class GangStatusController implements Controller {
  @Override
  public String name() {
    return "gang-status";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    boolean changed = false;
    for (Gang gang : ClusterGangs.all(state)) {
      Optional<HasMetadata> group = gang.groupObject();
      if (group.isEmpty()
          || gang.system() == dev.aiconform.gang.internal.members.PodMarkers.System.KUEUE) {
        continue;
      }
      changed |= write(gang, group.get(), state);
    }
    return changed;
  }

  private boolean write(Gang gang, HasMetadata group, ClusterState state) {
    int bound = gang.boundCount();
    boolean scheduled = gang.isScheduled();
    if (!scheduled
        && bound == 0
        && gang.members().stream().noneMatch(p -> Owners.pendingReason(p).isPresent())) {
      return false; // the scheduler has not tried the gang yet: nothing to report
    }
    Map<String, Object> old = statusOf(group);
    Map<String, Object> status = new LinkedHashMap<>(old);
    String now = state.now().toString();
    switch (gang.system()) {
      case WORKLOAD:
        {
          if (!"PodGroup".equals(group.getKind())) {
            return false; // a 1.35 Workload has no status
          }
          List<Object> conditions = new ArrayList<>();
          Map<String, Object> prior = null;
          for (Tree c : Tree.ofValue(old.get("conditions")).list()) {
            if ("PodGroupInitiallyScheduled".equals(c.get("type").string(""))) {
              prior = asMap(c.raw());
            } else {
              conditions.add(c.raw());
            }
          }
          if (prior != null && "True".equals(prior.get("status"))) {
            return false; // terminal: never reverts
          }
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("type", "PodGroupInitiallyScheduled");
          c.put("status", scheduled ? "True" : "False");
          c.put("reason", scheduled ? "Scheduled" : "Unschedulable");
          c.put("message", scheduled ? bound + " pods scheduled" : pendingMessage(gang));
          c.put(
              "lastTransitionTime",
              prior != null && Objects.equals(prior.get("status"), c.get("status"))
                  ? prior.get("lastTransitionTime")
                  : now);
          c.put("observedGeneration", group.getMetadata().getGeneration());
          conditions.add(c);
          status.put("conditions", conditions);
          break;
        }
      case VOLCANO:
        status.put("phase", scheduled ? "Running" : "Pending");
        status.put("running", bound);
        break;
      case COSCHEDULING:
        status.put("phase", scheduled ? "Running" : bound > 0 ? "Scheduling" : "Pending");
        status.put("scheduled", bound);
        status.put("running", bound);
        break;
      default:
        return false;
    }
    if (sameTree(status, old)) {
      return false;
    }
    HasMetadata live =
        state
            .get(
                dev.aiconform.core.GroupKind.of(group), Owners.namespace(group), Owners.name(group))
            .orElse(null);
    if (live == null) {
      return false;
    }
    if (live instanceof GenericKubernetesResource) {
      ((GenericKubernetesResource) live).setAdditionalProperty("status", status);
    } else if (live instanceof PodGroup) {
      ((PodGroup) live)
          .setStatus(
              KubeSerialization.get()
                  .convertValue(
                      status,
                      io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupStatus.class));
    } else {
      return false;
    }
    state.update(live);
    return true;
  }

  /** Equal as JSON trees: key order and number types do not count. */
  static boolean sameTree(Object a, Object b) {
    return Objects.equals(
        KubeSerialization.get().convertValue(a == null ? Map.of() : a, Map.class),
        KubeSerialization.get().convertValue(b == null ? Map.of() : b, Map.class));
  }

  private static String pendingMessage(Gang gang) {
    for (Pod p : gang.members()) {
      Optional<String> why = Owners.pendingReason(p);
      if (why.isPresent()) {
        return why.get();
      }
    }
    return "waiting for " + gang.minCount() + " pods to be schedulable together";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> statusOf(HasMetadata o) {
    Object s = Tree.of(o).get("status").raw();
    return s instanceof Map ? new LinkedHashMap<>((Map<String, Object>) s) : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }
}
