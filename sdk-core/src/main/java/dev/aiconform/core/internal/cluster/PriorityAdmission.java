package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The Priority admission plugin (plugin/pkg/admission/priority): a pod's {@code priorityClassName}
 * becomes its integer {@code priority} (and its {@code preemptionPolicy}); a pod that names none
 * gets the global default class, if there is one, or priority 0. A class that does not exist, or a
 * priority that contradicts the class, is forbidden.
 */
final class PriorityAdmission {
  /** pkg/apis/scheduling: the two built-in classes every cluster has. */
  static final Map<String, Integer> SYSTEM_CLASSES =
      Map.of("system-cluster-critical", 2_000_000_000, "system-node-critical", 2_000_001_000);

  private PriorityAdmission() {}

  /** Sets the pod's priority; returns why the pod is forbidden, if it is. */
  static Optional<String> admit(Pod pod, ClusterState state) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      return Optional.empty();
    }
    String className = spec.getPriorityClassName();
    Integer value;
    String preemption = null;
    if (className == null || className.isEmpty()) {
      Optional<PriorityClass> global =
          state.list(PriorityClass.class).stream()
              .filter(pc -> Boolean.TRUE.equals(pc.getGlobalDefault()))
              .min(Comparator.comparingInt(PriorityClass::getValue));
      if (global.isPresent()) {
        spec.setPriorityClassName(global.get().getMetadata().getName());
        value = global.get().getValue();
        preemption = global.get().getPreemptionPolicy();
      } else {
        value = 0;
      }
    } else if (SYSTEM_CLASSES.containsKey(className)) {
      value = SYSTEM_CLASSES.get(className);
    } else {
      Optional<PriorityClass> pc = state.get(PriorityClass.class, null, className);
      if (pc.isEmpty()) {
        return Optional.of("no PriorityClass with name " + className + " was found");
      }
      value = pc.get().getValue();
      preemption = pc.get().getPreemptionPolicy();
    }
    if (spec.getPriority() != null && !spec.getPriority().equals(value)) {
      return Optional.of(
          "the integer value of priority ("
              + spec.getPriority()
              + ") must not be provided in pod spec; priority admission controller computed "
              + value
              + " from the given PriorityClass name");
    }
    spec.setPriority(value);
    if (spec.getPreemptionPolicy() == null) {
      spec.setPreemptionPolicy(preemption == null ? "PreemptLowerPriority" : preemption);
    }
    return Optional.empty();
  }
}
