package dev.aiconform.core.internal.cluster.scheduler;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.NodeInfo;
import dev.aiconform.core.cluster.SchedulingCycle;
import dev.aiconform.core.cluster.SchedulingPlugin;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One pod's pass through the framework (or one step of a placement search). */
final class Cycle implements SchedulingCycle {
  private final Scheduler scheduler;
  private final Pod pod;
  private final Map<String, Object> data = new HashMap<>();
  private PodRequests requests;
  private List<Map.Entry<String, java.math.BigDecimal>> fitOrder;

  Cycle(Scheduler scheduler, Pod pod) {
    this.scheduler = scheduler;
    this.pod = pod;
  }

  Pod pod() {
    return pod;
  }

  PodRequests requests() {
    if (requests == null) {
      requests = scheduler.requests(pod);
    }
    return requests;
  }

  List<Map.Entry<String, java.math.BigDecimal>> requestsInFitOrder() {
    if (fitOrder == null) {
      fitOrder = requests().inFitOrder();
    }
    return fitOrder;
  }

  @Override
  public ClusterState state() {
    return scheduler.host().state();
  }

  @Override
  public List<NodeInfo> nodes() {
    return scheduler.nodeInfos();
  }

  @Override
  public Optional<NodeInfo> node(String name) {
    return Optional.ofNullable(scheduler.node(name));
  }

  @Override
  public <T> Optional<T> read(String key, Class<T> type) {
    Object value = data.get(key);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  @Override
  public void write(String key, Object value) {
    data.put(Objects.requireNonNull(key, "key"), value);
  }

  @Override
  public Map<Pod, String> waitingPods() {
    return scheduler.waitingPods();
  }

  @Override
  public void allow(Pod waitingPod) {
    scheduler.allow(waitingPod);
  }

  @Override
  public void reject(Pod waitingPod, String reason) {
    scheduler.rejectWaiting(waitingPod, reason);
  }

  @Override
  public Optional<Map<Pod, String>> findPlacement(List<Pod> pods, SchedulingPlugin caller) {
    return scheduler.findPlacement(pods, caller);
  }

  @Override
  public String toString() {
    return "SchedulingCycle[" + PodKey.of(pod) + "]";
  }
}
