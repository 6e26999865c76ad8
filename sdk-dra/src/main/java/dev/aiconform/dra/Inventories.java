package dev.aiconform.dra;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic inventories for demos, tests and simulation: Nodes plus the ResourceSlices their DRA
 * drivers would publish (and the DeviceClasses the drivers install).
 *
 * <pre>{@code
 * List<HasMetadata> cluster = Inventories.h100Nodes(4); // 4 nodes × 8 H100 80GB, 2 GPUs per PCIe root
 * }</pre>
 */
public final class Inventories {
  private Inventories() {}

  /** {@code nodes} nodes with 8× NVIDIA H100 80GB HBM3 each, two GPUs per PCIe root. */
  public static List<HasMetadata> h100Nodes(int nodes) {
    return nvidiaNodes("h100", nodes, "NVIDIA H100 80GB HBM3", "Hopper", "9.0.0", "81559Mi");
  }

  /** {@code nodes} nodes with 8× NVIDIA A100-SXM4-40GB each. */
  public static List<HasMetadata> a100Nodes(int nodes) {
    return nvidiaNodes("a100", nodes, "NVIDIA A100-SXM4-40GB", "Ampere", "8.0.0", "40960Mi");
  }

  private static List<HasMetadata> nvidiaNodes(
      String prefix, int nodes, String product, String arch, String cc, String memory) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(DeviceClasses.nvidiaGpu());
    for (int n = 0; n < nodes; n++) {
      String node = prefix + "-node-" + n;
      out.add(node(node, "nvidia.com/gpu.present", "true"));
      int nodeIndex = n;
      ResourceSlices.Builder slice = ResourceSlices.onNode(node, NvidiaGpu.DRIVER);
      for (int g = 0; g < 8; g++) {
        int gpu = g;
        slice.device(
            "gpu-" + g,
            d ->
                d.attribute(NvidiaGpu.TYPE, "gpu")
                    .attribute(
                        NvidiaGpu.UUID,
                        String.format(
                            "GPU-%08x-%04x-4%03x-8%03x-%012x",
                            nodeIndex * 8 + gpu, nodeIndex, gpu, gpu, nodeIndex * 1000L + gpu))
                    .attribute(NvidiaGpu.PRODUCT_NAME, product)
                    .attribute(NvidiaGpu.BRAND, "Nvidia")
                    .attribute(NvidiaGpu.ARCHITECTURE, arch)
                    .attribute(NvidiaGpu.CUDA_COMPUTE_CAPABILITY, cc)
                    .attribute(NvidiaGpu.DRIVER_VERSION, "550.54.15")
                    .attribute(NvidiaGpu.CUDA_DRIVER_VERSION, "12.4.0")
                    .attribute(
                        StandardAttributes.PCIE_ROOT, String.format("pci0000:%02x", gpu / 2 * 0x20))
                    .attribute(
                        StandardAttributes.PCI_BUS_ID,
                        String.format("0000:%02x:00.0", 0x18 + gpu * 0x10))
                    .attribute(StandardAttributes.NUMA_NODE, gpu / 4)
                    .capacity(NvidiaGpu.MEMORY, memory));
      }
      out.add(slice.build());
    }
    return out;
  }

  /**
   * {@code nodes} nodes with 8 simulated GPUs of the DRA example driver (model LATEST-GPU-MODEL,
   * 80Gi).
   */
  public static List<HasMetadata> exampleDriverNodes(int nodes) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(DeviceClasses.exampleGpu());
    for (int n = 0; n < nodes; n++) {
      String node = "node-" + n;
      out.add(node(node, "kubernetes.io/hostname", node));
      ResourceSlices.Builder slice = ResourceSlices.onNode(node, ExampleGpu.DRIVER);
      for (int g = 0; g < 8; g++) {
        int gpu = g;
        slice.device(
            "gpu-" + g,
            d ->
                d.attribute(ExampleGpu.INDEX, gpu)
                    .attribute(ExampleGpu.MODEL, "LATEST-GPU-MODEL")
                    .attribute(ExampleGpu.DRIVER_VERSION, "1.0.0")
                    .attribute(ExampleGpu.UUID, "gpu-" + gpu)
                    .capacity(ExampleGpu.MEMORY, "80Gi"));
      }
      out.add(slice.build());
    }
    return out;
  }

  /** A worker node with 64 cores, 512Gi and a label. */
  public static Node node(String name, String labelKey, String labelValue) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels(labelKey, labelValue)
        .endMetadata()
        .withNewStatus()
        .addToAllocatable("cpu", new Quantity("64"))
        .addToAllocatable("memory", new Quantity("512Gi"))
        .addToAllocatable("pods", new Quantity("110"))
        .endStatus()
        .build();
  }
}
