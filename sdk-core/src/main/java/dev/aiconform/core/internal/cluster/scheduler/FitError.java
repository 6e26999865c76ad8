package dev.aiconform.core.internal.cluster.scheduler;

import dev.aiconform.core.cluster.PluginStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The message of kube-scheduler's FitError (pkg/scheduler/framework/types.go): "0/N nodes are
 * available:" followed by either the PreFilter message or a histogram of the Filter reasons of
 * every node, each "count reason", sorted as strings and joined with ", ".
 */
final class FitError {
  /** framework: NoNodeAvailableMsg. */
  static final String NO_NODE_AVAILABLE = "0/%d nodes are available:";

  /** scheduler: ErrNoNodesAvailable, when the cluster has no node at all. */
  static final String NO_NODES = "no nodes available to schedule pods";

  private FitError() {}

  /** {@code "0/4 nodes are available: 1 Too many pods, 3 Insufficient nvidia.com/gpu."} */
  static String message(int allNodes, Collection<PluginStatus> nodeStatuses) {
    Map<String, Integer> counts = new TreeMap<>();
    for (PluginStatus s : nodeStatuses) {
      for (String reason : s.reasons()) {
        counts.merge(reason, 1, Integer::sum);
      }
    }
    List<String> histogram =
        counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .sorted()
            .collect(Collectors.toList());
    String head = String.format(NO_NODE_AVAILABLE, allNodes);
    return histogram.isEmpty() ? head : head + " " + String.join(", ", histogram) + ".";
  }

  /** {@code "0/4 nodes are available: <PreFilter message>."} */
  static String preFilter(int allNodes, String message) {
    return String.format(NO_NODE_AVAILABLE, allNodes) + " " + message + ".";
  }
}
