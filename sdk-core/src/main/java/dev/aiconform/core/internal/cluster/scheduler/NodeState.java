package dev.aiconform.core.internal.cluster.scheduler;

import dev.aiconform.core.cluster.NodeInfo;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node as the framework tracks it during a round: the Node object, its allocatable resources, the
 * pods bound, waiting or being tried on it and what they request.
 */
final class NodeState implements NodeInfo {
  private final Node node;
  private final String name;
  private final Map<String, BigDecimal> allocatable;
  private final Map<String, BigDecimal> requested = new TreeMap<>();

  /** allocatable - requested, for every resource either has (kept up to date for Filter). */
  private final Map<String, BigDecimal> free = new HashMap<>();

  private final List<Pod> pods = new ArrayList<>();
  private final Map<PodKey, PodRequests> podRequests = new HashMap<>();
  private final long allowedPods;
  private final long allocatableMilliCpu;
  private final long allocatableMemory;
  private long nonZeroMilliCpu;
  private long nonZeroMemory;

  NodeState(Node node) {
    this.node = node;
    this.name = node.getMetadata().getName();
    Map<String, BigDecimal> alloc = Map.of();
    if (node.getStatus() != null) {
      if (node.getStatus().getAllocatable() != null
          && !node.getStatus().getAllocatable().isEmpty()) {
        alloc = ResourceAmounts.of(node.getStatus().getAllocatable());
      } else if (node.getStatus().getCapacity() != null) {
        alloc = ResourceAmounts.of(node.getStatus().getCapacity());
      }
    }
    this.allocatable = Collections.unmodifiableMap(new TreeMap<>(alloc));
    free.putAll(alloc);
    this.allowedPods = ResourceAmounts.whole(allocatable(ResourceAmounts.PODS));
    this.allocatableMilliCpu = ResourceAmounts.milli(allocatable(ResourceAmounts.CPU));
    this.allocatableMemory = ResourceAmounts.whole(allocatable(ResourceAmounts.MEMORY));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Node node() {
    return node;
  }

  @Override
  public List<Pod> pods() {
    return Collections.unmodifiableList(pods);
  }

  @Override
  public Map<String, BigDecimal> allocatable() {
    return allocatable;
  }

  @Override
  public Map<String, BigDecimal> requested() {
    return Collections.unmodifiableMap(requested);
  }

  List<Taint> taints() {
    return node.getSpec() == null || node.getSpec().getTaints() == null
        ? List.of()
        : node.getSpec().getTaints();
  }

  boolean unschedulable() {
    return node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
  }

  /** What is left of {@code resource}: negative when more is requested than allocatable. */
  BigDecimal free(String resource) {
    BigDecimal f = free.get(resource);
    return f == null ? BigDecimal.ZERO : f;
  }

  int podCount() {
    return pods.size();
  }

  long allowedPods() {
    return allowedPods;
  }

  long allocatableMilliCpu() {
    return allocatableMilliCpu;
  }

  long allocatableMemory() {
    return allocatableMemory;
  }

  long nonZeroMilliCpu() {
    return nonZeroMilliCpu;
  }

  long nonZeroMemory() {
    return nonZeroMemory;
  }

  boolean holds(PodKey key) {
    return podRequests.containsKey(key);
  }

  void add(Pod pod, PodRequests r) {
    PodKey key = PodKey.of(pod);
    if (podRequests.putIfAbsent(key, r) != null) {
      return;
    }
    pods.add(pod);
    r.amounts()
        .forEach(
            (k, v) -> {
              requested.merge(k, v, BigDecimal::add);
              free.put(k, free(k).subtract(v));
            });
    nonZeroMilliCpu += r.nonZeroMilliCpu();
    nonZeroMemory += r.nonZeroMemory();
  }

  void remove(PodKey key) {
    PodRequests r = podRequests.remove(key);
    if (r == null) {
      return;
    }
    for (int i = pods.size() - 1; i >= 0; i--) {
      if (PodKey.of(pods.get(i)).equals(key)) {
        pods.remove(i);
        break;
      }
    }
    r.amounts()
        .forEach(
            (k, v) -> {
              BigDecimal left = requested.get(k).subtract(v);
              if (left.signum() == 0) {
                requested.remove(k);
              } else {
                requested.put(k, left);
              }
              BigDecimal f = free(k).add(v);
              if (f.signum() == 0 && !allocatable.containsKey(k)) {
                free.remove(k);
              } else {
                free.put(k, f);
              }
            });
    nonZeroMilliCpu -= r.nonZeroMilliCpu();
    nonZeroMemory -= r.nonZeroMemory();
  }

  @Override
  public String toString() {
    return "NodeInfo[" + name + ", pods=" + pods.size() + ", requested=" + requested + "]";
  }
}
