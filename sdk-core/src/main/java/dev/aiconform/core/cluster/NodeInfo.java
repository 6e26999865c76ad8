package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A node as the scheduler sees it during a cycle: the Node object, the pods bound or reserved on
 * it, and its allocatable and requested resources (canonical units: cores for cpu, bytes for
 * memory, counts for extended resources such as {@code nvidia.com/gpu}).
 *
 * <pre>{@code
 * BigDecimal freeGpus = node.allocatable("nvidia.com/gpu").subtract(node.requested("nvidia.com/gpu"));
 * }</pre>
 */
public interface NodeInfo {
  String name();

  Node node();

  /** Pods bound to the node plus pods reserved on it in this simulation. */
  List<Pod> pods();

  Map<String, BigDecimal> allocatable();

  Map<String, BigDecimal> requested();

  default BigDecimal allocatable(String resource) {
    return allocatable().getOrDefault(resource, BigDecimal.ZERO);
  }

  default BigDecimal requested(String resource) {
    return requested().getOrDefault(resource, BigDecimal.ZERO);
  }

  default Map<String, String> labels() {
    Map<String, String> labels = node().getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }
}
