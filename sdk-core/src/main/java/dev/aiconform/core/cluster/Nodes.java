package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Node objects for the in-memory cluster in a few lines: a name pattern, how many, what each can
 * allocate, labels and taints. Each node is Ready, can allocate what it has (capacity equals
 * allocatable) and carries the well-known {@code kubernetes.io/hostname}, {@code kubernetes.io/os}
 * and {@code kubernetes.io/arch} labels.
 *
 * <p>Unless told otherwise a node has {@value #DEFAULT_CPU} cpus, {@value #DEFAULT_MEMORY} of
 * memory, {@value #DEFAULT_EPHEMERAL_STORAGE} of ephemeral storage and room for {@value
 * #DEFAULT_PODS} pods (the kubelet's default maxPods).
 *
 * <pre>{@code
 * List<Node> gpuNodes = Nodes.named("gpu-node-%d").count(4).allocatable("nvidia.com/gpu", "8")
 *     .label("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
 *     .taint("nvidia.com/gpu", "present", "NoSchedule").build();
 * }</pre>
 */
public final class Nodes {
  public static final String DEFAULT_CPU = "32";
  public static final String DEFAULT_MEMORY = "128Gi";
  public static final String DEFAULT_EPHEMERAL_STORAGE = "200Gi";
  public static final String DEFAULT_PODS = "110";

  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private final String pattern;
  private int count = 1;
  private int firstIndex;
  private final Map<String, String> allocatable = new TreeMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<Taint> taints = new ArrayList<>();
  private boolean unschedulable;

  private Nodes(String pattern) {
    this.pattern = pattern;
    allocatable.put("cpu", DEFAULT_CPU);
    allocatable.put("memory", DEFAULT_MEMORY);
    allocatable.put("ephemeral-storage", DEFAULT_EPHEMERAL_STORAGE);
    allocatable.put("pods", DEFAULT_PODS);
  }

  /**
   * Nodes named after {@code pattern}: with {@code %d} (any {@link String#format} integer
   * conversion) each node gets its index, such as {@code gpu-node-%d} → {@code gpu-node-0}; without
   * it, the pattern is the name of a single node.
   */
  public static Nodes named(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("a node name pattern such as 'gpu-node-%d' is required");
    }
    return new Nodes(pattern);
  }

  /** How many nodes to make; default 1. More than one needs a {@code %d} in the pattern. */
  public Nodes count(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("node count must be at least 1, was " + n);
    }
    this.count = n;
    return this;
  }

  /** The index of the first node; default 0. */
  public Nodes startingAt(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("the first node index must not be negative, was " + index);
    }
    this.firstIndex = index;
    return this;
  }

  /** Allocatable cpu, such as {@code "64"} or {@code "7500m"}. */
  public Nodes cpu(String quantity) {
    return allocatable("cpu", quantity);
  }

  /** Allocatable memory, such as {@code "512Gi"}. */
  public Nodes memory(String quantity) {
    return allocatable("memory", quantity);
  }

  /** How many pods the node takes (the kubelet's maxPods). */
  public Nodes pods(int max) {
    return allocatable("pods", Integer.toString(max));
  }

  /**
   * Any allocatable resource, such as {@code allocatable("nvidia.com/gpu", "8")}; an empty quantity
   * removes the resource.
   */
  public Nodes allocatable(String resource, String quantity) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(quantity, "quantity");
    if (quantity.isEmpty()) {
      allocatable.remove(resource);
      return this;
    }
    try {
      Quantity.parse(quantity).getNumericalAmount();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "allocatable "
              + resource
              + " must be a Kubernetes quantity such as '8' or '512Gi', was '"
              + quantity
              + "'",
          e);
    }
    allocatable.put(resource, quantity);
    return this;
  }

  public Nodes label(String key, String value) {
    labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  public Nodes labels(Map<String, String> more) {
    more.forEach(this::label);
    return this;
  }

  /** A taint {@code key=value:effect}; effect is NoSchedule, PreferNoSchedule or NoExecute. */
  public Nodes taint(String key, String value, String effect) {
    Objects.requireNonNull(key, "key");
    if (!EFFECTS.contains(effect)) {
      throw new IllegalArgumentException(
          "taint effect must be NoSchedule, PreferNoSchedule or NoExecute, was '" + effect + "'");
    }
    taints.add(new TaintBuilder().withKey(key).withValue(value).withEffect(effect).build());
    return this;
  }

  /** A taint without value, {@code key:effect}. */
  public Nodes taint(String key, String effect) {
    return taint(key, null, effect);
  }

  /** Cordoned: {@code spec.unschedulable: true}. */
  public Nodes unschedulable() {
    this.unschedulable = true;
    return this;
  }

  public List<Node> build() {
    boolean indexed = pattern.contains("%");
    if (count > 1 && !indexed) {
      throw new IllegalArgumentException(
          "the pattern '" + pattern + "' names one node; add %d to name " + count + " of them");
    }
    List<Node> out = new ArrayList<>(count);
    for (int i = firstIndex; i < firstIndex + count; i++) {
      out.add(node(indexed ? String.format(pattern, i) : pattern));
    }
    return out;
  }

  private Node node(String name) {
    Map<String, String> nodeLabels = new LinkedHashMap<>();
    nodeLabels.put("kubernetes.io/hostname", name);
    nodeLabels.put("kubernetes.io/os", "linux");
    nodeLabels.put("kubernetes.io/arch", "amd64");
    nodeLabels.putAll(labels);
    Map<String, Quantity> resources = new LinkedHashMap<>();
    allocatable.forEach((k, v) -> resources.put(k, new Quantity(v)));
    NodeCondition ready =
        new NodeConditionBuilder()
            .withType("Ready")
            .withStatus("True")
            .withReason("KubeletReady")
            .withMessage("kubelet is posting ready status")
            .build();
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(nodeLabels)
        .endMetadata()
        .withNewSpec()
        .withTaints(taints.isEmpty() ? null : new ArrayList<>(taints))
        .withUnschedulable(unschedulable ? Boolean.TRUE : null)
        .endSpec()
        .withNewStatus()
        .withCapacity(new LinkedHashMap<>(resources))
        .withAllocatable(resources)
        .withConditions(ready)
        .withAddresses(
            new NodeAddress(internalIp(name), "InternalIP"), new NodeAddress(name, "Hostname"))
        .endStatus()
        .build();
  }

  /** An illustrative address in 10.0.0.0/8 derived from the name. */
  private static String internalIp(String name) {
    int h = 0x811c9dc5;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x01000193;
    }
    int x = (h >>> 16) & 255;
    int y = (h >>> 8) & 255;
    int z = 1 + Math.floorMod(h, 254);
    return "10." + x + "." + y + "." + z;
  }
}
