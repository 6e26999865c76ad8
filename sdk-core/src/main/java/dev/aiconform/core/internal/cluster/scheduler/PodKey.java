package dev.aiconform.core.internal.cluster.scheduler;

import io.fabric8.kubernetes.api.model.Pod;

/** A pod's identity for the scheduler: namespace and name (pods are compared by it, not equals). */
public record PodKey(String namespace, String name) implements Comparable<PodKey> {
  public static PodKey of(Pod pod) {
    String ns = pod.getMetadata() == null ? null : pod.getMetadata().getNamespace();
    String name = pod.getMetadata() == null ? null : pod.getMetadata().getName();
    return new PodKey(ns == null || ns.isEmpty() ? "default" : ns, name == null ? "" : name);
  }

  @Override
  public int compareTo(PodKey o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
