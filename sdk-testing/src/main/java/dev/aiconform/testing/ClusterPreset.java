package dev.aiconform.testing;

import dev.aiconform.dra.Inventories;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Inventories a test cluster starts with: nodes × accelerators, with the ResourceSlices their DRA
 * drivers publish and the DeviceClasses the drivers install (from sdk-dra's {@link Inventories}).
 *
 * <pre>{@code
 * @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 4) // 4 nodes × 8 H100 80GB
 * List<HasMetadata> objects = ClusterPreset.EXAMPLE_GPU.objects(2);
 * }</pre>
 */
public enum ClusterPreset {
  /** No nodes at all: for admission-only tests. */
  EMPTY(n -> List.of()),
  /** CPU-only worker nodes ({@code node-0} …): 64 cores, 512Gi, 110 pods each. */
  CPU(
      n -> {
        List<HasMetadata> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          out.add(Inventories.node("node-" + i, "node.kubernetes.io/instance-type", "cpu-64"));
        }
        return out;
      }),
  /** Nodes with 8 GPUs each of the Kubernetes DRA example driver ({@code gpu.example.com}). */
  EXAMPLE_GPU(Inventories::exampleDriverNodes),
  /** Nodes with 8× NVIDIA H100 80GB HBM3 each ({@code gpu.nvidia.com}), two per PCIe root. */
  H100(Inventories::h100Nodes),
  /** Nodes with 8× NVIDIA A100-SXM4-40GB each ({@code gpu.nvidia.com}). */
  A100(Inventories::a100Nodes);

  private final IntFunction<List<HasMetadata>> objects;

  ClusterPreset(IntFunction<List<HasMetadata>> objects) {
    this.objects = objects;
  }

  /** The objects of {@code nodes} nodes: Nodes, ResourceSlices and DeviceClasses. */
  public List<HasMetadata> objects(int nodes) {
    if (nodes < 0) {
      throw new IllegalArgumentException("nodes must not be negative, was " + nodes);
    }
    return objects.apply(nodes);
  }
}
