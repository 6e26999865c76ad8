package dev.aiconform.core.internal.cluster.scheduler;

import dev.aiconform.core.cluster.NodeInfo;
import dev.aiconform.core.cluster.PluginStatus;
import dev.aiconform.core.cluster.SchedulingCycle;
import dev.aiconform.core.cluster.SchedulingPlugin;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kube-scheduler's default plugins that the in-memory cluster models, in the default profile's
 * order (pkg/scheduler/apis/config/v1/default_plugins.go): NodeUnschedulable, NodeName,
 * TaintToleration, NodeAffinity, NodeResourcesFit. Their Filter reasons are the scheduler's own
 * words, so "0/4 nodes are available: …" reads as it would on a real cluster.
 */
public final class CorePlugins {
  private CorePlugins() {}

  /** The core plugins, fresh for one cluster. */
  public static List<SchedulingPlugin> all() {
    return List.of(
        new NodeUnschedulable(),
        new NodeName(),
        new TaintToleration(),
        new NodeAffinity(),
        new NodeResourcesFit());
  }

  private static NodeState state(NodeInfo node) {
    return (NodeState) node;
  }

  /** Nodes marked {@code spec.unschedulable} (cordoned) take only pods tolerating that. */
  static final class NodeUnschedulable implements SchedulingPlugin {
    /** plugins/nodeunschedulable: ErrReasonUnschedulable. */
    static final String REASON = "node(s) were unschedulable";

    private static final Taint UNSCHEDULABLE_TAINT =
        new TaintBuilder()
            .withKey("node.kubernetes.io/unschedulable")
            .withEffect("NoSchedule")
            .build();

    @Override
    public String name() {
      return "NodeUnschedulable";
    }

    @Override
    public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      if (state(node).unschedulable()
          && !Tolerations.tolerates(pod.getSpec().getTolerations(), UNSCHEDULABLE_TAINT)) {
        return PluginStatus.unresolvable(REASON);
      }
      return PluginStatus.success();
    }
  }

  /** A pod that names its node ({@code spec.nodeName}) fits only there. */
  static final class NodeName implements SchedulingPlugin {
    /** plugins/nodename: ErrReason. */
    static final String REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
      return "NodeName";
    }

    @Override
    public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      String wanted = pod.getSpec().getNodeName();
      if (wanted != null && !wanted.isEmpty() && !wanted.equals(node.name())) {
        return PluginStatus.unresolvable(REASON);
      }
      return PluginStatus.success();
    }
  }

  /** NoSchedule and NoExecute taints keep out pods that do not tolerate them. */
  static final class TaintToleration implements SchedulingPlugin {
    /** plugins/tainttoleration: the Filter reason since the taint details were dropped from it. */
    static final String REASON = "node(s) had untolerated taint(s)";

    @Override
    public String name() {
      return "TaintToleration";
    }

    @Override
    public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      for (Taint taint : state(node).taints()) {
        boolean blocking =
            "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect());
        if (blocking && !Tolerations.tolerates(pod.getSpec().getTolerations(), taint)) {
          return PluginStatus.unresolvable(REASON);
        }
      }
      return PluginStatus.success();
    }
  }

  /**
   * {@code spec.nodeSelector} and required node affinity ({@code
   * requiredDuringSchedulingIgnoredDuringExecution}); preferred terms are not scored.
   */
  static final class NodeAffinity implements SchedulingPlugin {
    /** plugins/nodeaffinity: ErrReasonPod. */
    static final String REASON = "node(s) didn't match Pod's node affinity/selector";

    @Override
    public String name() {
      return "NodeAffinity";
    }

    @Override
    public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      Map<String, String> labels = node.labels();
      Map<String, String> selector = pod.getSpec().getNodeSelector();
      if (selector != null) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
          if (!e.getValue().equals(labels.get(e.getKey()))) {
            return PluginStatus.unresolvable(REASON);
          }
        }
      }
      Affinity affinity = pod.getSpec().getAffinity();
      NodeSelector required =
          affinity == null || affinity.getNodeAffinity() == null
              ? null
              : affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      if (required != null && !NodeSelectors.matches(required, node.name(), labels)) {
        return PluginStatus.unresolvable(REASON);
      }
      return PluginStatus.success();
    }
  }

  /**
   * Fit of cpu, memory, ephemeral storage, pod count and extended resources (such as {@code
   * nvidia.com/gpu}) against what the node has left; scores with the default LeastAllocated
   * strategy over cpu and memory (weight 1 each, 0–100).
   */
  static final class NodeResourcesFit implements SchedulingPlugin {
    /** framework.MaxNodeScore. */
    static final long MAX_NODE_SCORE = 100;

    @Override
    public String name() {
      return "NodeResourcesFit";
    }

    @Override
    public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      NodeState n = state(node);
      List<String> reasons = null;
      if (n.podCount() + 1 > n.allowedPods()) {
        reasons = new ArrayList<>(2);
        reasons.add("Too many pods");
      }
      for (Map.Entry<String, BigDecimal> e : ((Cycle) cycle).requestsInFitOrder()) {
        if (e.getValue().compareTo(n.free(e.getKey())) > 0) {
          if (reasons == null) {
            reasons = new ArrayList<>(2);
          }
          reasons.add("Insufficient " + e.getKey());
        }
      }
      return reasons == null ? PluginStatus.success() : PluginStatus.unschedulable(reasons);
    }

    @Override
    public long score(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      NodeState n = state(node);
      PodRequests r = ((Cycle) cycle).requests();
      long sum = 0;
      long weights = 0;
      if (n.allocatableMilliCpu() > 0) {
        sum += leastRequested(n.nonZeroMilliCpu() + r.nonZeroMilliCpu(), n.allocatableMilliCpu());
        weights++;
      }
      if (n.allocatableMemory() > 0) {
        sum += leastRequested(n.nonZeroMemory() + r.nonZeroMemory(), n.allocatableMemory());
        weights++;
      }
      return weights == 0 ? 0 : sum / weights;
    }

    private static long leastRequested(long requested, long capacity) {
      if (requested > capacity) {
        return 0;
      }
      return (capacity - requested) * MAX_NODE_SCORE / capacity;
    }
  }
}
