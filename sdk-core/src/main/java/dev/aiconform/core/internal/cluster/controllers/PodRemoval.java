package dev.aiconform.core.internal.cluster.controllers;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which pods a controller deletes first when it has too many, after controller.ActivePods: pods
 * without a node, then pods that are not ready, then the newest.
 */
final class PodRemoval {
  private PodRemoval() {}

  static final Comparator<Pod> ORDER =
      Comparator.comparing((Pod p) -> Ownership.isAssigned(p))
          .thenComparing(Ownership::isReady)
          .thenComparing(
              (Pod p) -> nullToEmpty(p.getMetadata().getCreationTimestamp()),
              Comparator.reverseOrder())
          .thenComparing((Pod p) -> p.getMetadata().getName(), Comparator.reverseOrder());

  static List<Pod> firstToRemove(List<Pod> pods, int count) {
    List<Pod> sorted = new ArrayList<>(pods);
    sorted.sort(ORDER);
    return sorted.subList(0, Math.min(count, sorted.size()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
