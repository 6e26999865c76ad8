package dev.aiconform.dra;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic inventories for demos, tests and simulation: Nodes plus the ResourceSlices their DRA
 * drivers would publish (and the DeviceClasses the drivers install), modelled on what each driver
 * really publishes.
 *
 * <pre>{@code
 * List<HasMetadata> cluster = Inventories.h100Nodes(4); // 4 nodes × 8 H100 80GB, 2 GPUs per PCIe root
 * }</pre>
 */
public final class Inventories {
  private Inventories() {}

  // ---------------------------------------------------------------- NVIDIA

  /** {@code nodes} nodes with 8× NVIDIA H100 80GB HBM3 each, two GPUs per PCIe root. */
  public static List<HasMetadata> h100Nodes(int nodes) {
    return nvidiaNodes("h100", nodes, H100, false);
  }

  /** {@code nodes} nodes with 8× NVIDIA A100-SXM4-40GB each. */
  public static List<HasMetadata> a100Nodes(int nodes) {
    return nvidiaNodes("a100", nodes, A100, false);
  }

  /**
   * {@code nodes} nodes with 8× H100 80GB in dynamic MIG mode (partitionable devices): per GPU the
   * full device {@code gpu-<i>} and every MIG placement of the H100's profiles ({@code
   * gpu-<i>-mig-1g10gb-19-<start>} …), all drawing on one counter set per GPU ({@code
   * gpu-<i>-counter-set}: memory, multiprocessors, engines and one counter per memory slice), as
   * the NVIDIA DRA driver publishes them. Allocating a 3g.40gb at slice 0 leaves room for a 3g.40gb
   * at slice 4 or smaller profiles there, but no longer for the full GPU or a 4g.40gb.
   */
  public static List<HasMetadata> h100MigNodes(int nodes) {
    return nvidiaNodes("h100-mig", nodes, H100, true);
  }

  /** A GPU model: product, architecture, memory, SMs and its MIG profiles. */
  private record GpuModel(
      String product,
      String arch,
      String computeCapability,
      String memory,
      int multiprocessors,
      List<MigProfile> mig) {}

  /**
   * A MIG profile: name and id as nvidia-smi shows them, memory (MiB as {@code nvidia-smi mig
   * -lgip} reports it), SMs, engines, memory slices taken and where its instances may start (NVIDIA
   * MIG user guide, H100 placements).
   */
  private record MigProfile(
      String name,
      int id,
      String memory,
      int multiprocessors,
      int copyEngines,
      int decoders,
      int jpegEngines,
      int ofaEngines,
      int slices,
      int[] starts) {}

  private static final int MEMORY_SLICES = 8;

  private static final GpuModel H100 =
      new GpuModel(
          "NVIDIA H100 80GB HBM3",
          "Hopper",
          "9.0.0",
          "81559Mi",
          132,
          List.of(
              new MigProfile(
                  "1g.10gb", 19, "9984Mi", 16, 1, 1, 1, 0, 1, new int[] {0, 1, 2, 3, 4, 5, 6}),
              new MigProfile("1g.20gb", 15, "20096Mi", 16, 1, 1, 1, 0, 2, new int[] {0, 2, 4, 6}),
              new MigProfile("2g.20gb", 14, "20096Mi", 32, 2, 2, 2, 0, 2, new int[] {0, 2, 4}),
              new MigProfile("3g.40gb", 9, "40320Mi", 60, 3, 3, 3, 0, 4, new int[] {0, 4}),
              new MigProfile("4g.40gb", 5, "40320Mi", 64, 4, 4, 4, 0, 4, new int[] {0}),
              new MigProfile("7g.80gb", 0, "81152Mi", 132, 7, 7, 7, 1, 8, new int[] {0})));

  private static final GpuModel A100 =
      new GpuModel("NVIDIA A100-SXM4-40GB", "Ampere", "8.0.0", "40960Mi", 108, List.of());

  private static List<HasMetadata> nvidiaNodes(
      String prefix, int nodes, GpuModel model, boolean dynamicMig) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(DeviceClasses.nvidiaGpu());
    if (dynamicMig) out.add(DeviceClasses.nvidiaMig());
    for (int nodeIndex = 0; nodeIndex < nodes; nodeIndex++) {
      int n = nodeIndex;
      String node = prefix + "-node-" + n;
      out.add(node(node, "nvidia.com/gpu.present", "true"));
      if (!dynamicMig) {
        ResourceSlices.Builder slice = ResourceSlices.onNode(node, NvidiaGpu.DRIVER);
        for (int g = 0; g < 8; g++) {
          int gpu = g;
          slice.device(
              "gpu-" + g,
              d -> gpuAttributes(d, model, n, gpu).capacity(NvidiaGpu.MEMORY, model.memory()));
        }
        out.add(slice.build());
        continue;
      }
      // One slice with the counter sets, one per GPU with its devices (a slice may hold at most
      // 64 devices that consume counters).
      int sliceCount = 1 + 8;
      ResourceSlices.Builder counters =
          ResourceSlices.onNode(node, NvidiaGpu.DRIVER)
              .name(node + "-gpu.nvidia.com-counters")
              .resourceSliceCount(sliceCount);
      for (int g = 0; g < 8; g++) {
        counters.sharedCounters("gpu-" + g + "-counter-set", fullGpuCounters(model));
      }
      out.add(counters.build());
      for (int g = 0; g < 8; g++) {
        int gpu = g;
        ResourceSlices.Builder slice =
            ResourceSlices.onNode(node, NvidiaGpu.DRIVER)
                .name(node + "-gpu.nvidia.com-gpu-" + g)
                .resourceSliceCount(sliceCount);
        String set = "gpu-" + g + "-counter-set";
        slice.device(
            "gpu-" + g,
            d ->
                gpuAttributes(d, model, n, gpu)
                    .capacity(NvidiaGpu.MEMORY, model.mig().get(model.mig().size() - 1).memory())
                    .capacity(NvidiaMig.MULTIPROCESSORS, Integer.toString(model.multiprocessors()))
                    .consumes(set, fullGpuCounters(model)));
        for (MigProfile p : model.mig()) {
          for (int start : p.starts()) {
            String name =
                "gpu-" + g + "-mig-" + p.name().replace(".", "") + "-" + p.id() + "-" + start;
            slice.device(
                name,
                d ->
                    gpuAttributes(d, model, n, gpu)
                        .attribute(NvidiaGpu.TYPE, "mig")
                        .attribute(NvidiaMig.PROFILE, p.name())
                        .attribute(NvidiaMig.PARENT_UUID, gpuUuid(n, gpu))
                        .capacity(NvidiaMig.MEMORY, p.memory())
                        .capacity(NvidiaMig.MULTIPROCESSORS, Integer.toString(p.multiprocessors()))
                        .capacity(NvidiaMig.COPY_ENGINES, Integer.toString(p.copyEngines()))
                        .capacity(NvidiaMig.DECODERS, Integer.toString(p.decoders()))
                        .capacity(NvidiaMig.ENCODERS, "0")
                        .capacity(NvidiaMig.JPEG_ENGINES, Integer.toString(p.jpegEngines()))
                        .capacity(NvidiaMig.OFA_ENGINES, Integer.toString(p.ofaEngines()))
                        .consumes(set, migCounters(p, start)));
          }
        }
        out.add(slice.build());
      }
    }
    return out;
  }

  private static String gpuUuid(int node, int gpu) {
    return String.format(
        "GPU-%08x-%04x-4%03x-8%03x-%012x", node * 8 + gpu, node, gpu, gpu, node * 1000L + gpu);
  }

  private static ResourceSlices.DeviceSpec gpuAttributes(
      ResourceSlices.DeviceSpec d, GpuModel model, int node, int gpu) {
    return d.attribute(NvidiaGpu.TYPE, "gpu")
        .attribute(NvidiaGpu.UUID, gpuUuid(node, gpu))
        .attribute(NvidiaGpu.PRODUCT_NAME, model.product())
        .attribute(NvidiaGpu.BRAND, "Nvidia")
        .attribute(NvidiaGpu.ARCHITECTURE, model.arch())
        .attribute(NvidiaGpu.CUDA_COMPUTE_CAPABILITY, model.computeCapability())
        .attribute(NvidiaGpu.DRIVER_VERSION, "550.54.15")
        .attribute(NvidiaGpu.CUDA_DRIVER_VERSION, "12.4.0")
        .attribute(StandardAttributes.PCIE_ROOT, String.format("pci0000:%02x", gpu / 2 * 0x20))
        .attribute(
            StandardAttributes.PCI_BUS_ID, String.format("0000:%02x:00.0", 0x18 + gpu * 0x10))
        .attribute(StandardAttributes.NUMA_NODE, gpu / 4);
  }

  /** The largest profile's capacities, as the driver derives the full GPU's counters. */
  private static Map<String, String> fullGpuCounters(GpuModel model) {
    MigProfile full = model.mig().get(model.mig().size() - 1);
    Map<String, String> c = engineCounters(full);
    c.put("memory", full.memory());
    c.put("multiprocessors", Integer.toString(model.multiprocessors()));
    for (int i = 0; i < MEMORY_SLICES; i++) c.put("memory-slice-" + i, "1");
    return c;
  }

  private static Map<String, String> migCounters(MigProfile p, int start) {
    Map<String, String> c = engineCounters(p);
    c.put("memory", p.memory());
    c.put("multiprocessors", Integer.toString(p.multiprocessors()));
    for (int i = start; i < start + p.slices(); i++) c.put("memory-slice-" + i, "1");
    return c;
  }

  private static Map<String, String> engineCounters(MigProfile p) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("copy-engines", Integer.toString(p.copyEngines()));
    c.put("decoders", Integer.toString(p.decoders()));
    c.put("encoders", "0");
    c.put("jpeg-engines", Integer.toString(p.jpegEngines()));
    c.put("ofa-engines", Integer.toString(p.ofaEngines()));
    return c;
  }

  // ---------------------------------------------------------------- AMD

  /**
   * {@code nodes} nodes with 8× AMD Instinct MI300X (192 GB HBM3, 304 compute units) in SPX/NPS1
   * mode, as AMD's DRA driver publishes them ({@code gpu-<card>-<render>}, four GPUs per NUMA node,
   * one PCIe root each).
   */
  public static List<HasMetadata> mi300xNodes(int nodes) {
    return amdNodes(nodes, false);
  }

  /**
   * {@code nodes} nodes with 8× MI300X pre-partitioned CPX/NPS1: 8 partitions per GPU (38 compute
   * units, 24Gi each), {@code type: amdgpu-partition}; partitions of one GPU share its pciBusID.
   */
  public static List<HasMetadata> mi300xCpxNodes(int nodes) {
    return amdNodes(nodes, true);
  }

  private static List<HasMetadata> amdNodes(int nodes, boolean cpx) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(DeviceClasses.amdGpu());
    for (int n = 0; n < nodes; n++) {
      String node = (cpx ? "mi300x-cpx-node-" : "mi300x-node-") + n;
      out.add(node(node, "amd.com/gpu.present", "true"));
      ResourceSlices.Builder slice = ResourceSlices.onNode(node, AmdGpu.DRIVER);
      int render = 128;
      for (int g = 0; g < 8; g++) {
        int gpu = g;
        String busId =
            String.format(
                "0000:%02x:00.0", new int[] {0x05, 0x15, 0x65, 0x75, 0x85, 0x95, 0xe5, 0xf5}[g]);
        String root =
            String.format(
                "pci0000:%02x", new int[] {0x00, 0x10, 0x60, 0x70, 0x80, 0x90, 0xe0, 0xf0}[g]);
        int partitions = cpx ? 8 : 1;
        for (int p = 0; p < partitions; p++) {
          int card = cpx ? 1 + g * 8 + p : 1 + g;
          int renderIndex = render++;
          slice.device(
              "gpu-" + card + "-" + renderIndex,
              d ->
                  d.attribute(AmdGpu.TYPE, cpx ? "amdgpu-partition" : "amdgpu")
                      .attribute(AmdGpu.DEVICE_ID, "0x74a1")
                      .attribute(AmdGpu.PRODUCT_NAME, "AMD Instinct MI300X")
                      .attribute(AmdGpu.DRIVER_VERSION, "6.10.5")
                      .attribute(AmdGpu.PARTITION_PROFILE, cpx ? "cpx_nps1" : "spx_nps1")
                      .attribute(AmdGpu.NUMA_NODE, gpu / 4)
                      .attribute(StandardAttributes.PCI_BUS_ID, busId)
                      .attribute(StandardAttributes.PCIE_ROOT, root)
                      .capacity(AmdGpu.MEMORY, cpx ? "24Gi" : "192Gi")
                      .capacity(AmdGpu.COMPUTE_UNITS, cpx ? "38" : "304")
                      .capacity(AmdGpu.SIMD_UNITS, cpx ? "152" : "1216"));
        }
      }
      out.add(slice.build());
    }
    return out;
  }

  // ---------------------------------------------------------------- Google TPU

  /**
   * {@code nodes} TPU v5e hosts (GKE machine type ct5lp-hightpu-8t): 8 chips {@code accel0..7} in a
   * 2x4 topology, with the node labels GKE sets for the slice.
   */
  public static List<HasMetadata> tpuV5eNodes(int nodes) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(DeviceClasses.googleTpu());
    for (int n = 0; n < nodes; n++) {
      String node = "tpu-v5e-node-" + n;
      Node k8sNode = node(node, "cloud.google.com/gke-tpu-accelerator", "tpu-v5-lite-podslice");
      k8sNode.getMetadata().getLabels().put("cloud.google.com/gke-tpu-topology", "2x4");
      k8sNode.getStatus().getAllocatable().put("google.com/tpu", new Quantity("8"));
      out.add(k8sNode);
      ResourceSlices.Builder slice = ResourceSlices.onNode(node, GoogleTpu.DRIVER);
      for (int c = 0; c < 8; c++) {
        int chip = c;
        int host = n;
        slice.device(
            "accel" + c,
            d ->
                d.attribute(GoogleTpu.INDEX, chip)
                    .attribute(GoogleTpu.UUID, String.format("tpu-%08x-%04x", host, chip))
                    .attribute(GoogleTpu.TPU_GEN, "v5e")
                    .attribute(GoogleTpu.BRAND, "Google")
                    .attribute(GoogleTpu.ACCELERATOR, "tpu-v5-lite-podslice")
                    .attribute(GoogleTpu.CHIP_COUNT, 8)
                    .attribute(GoogleTpu.TOPOLOGY, "2x4"));
      }
      out.add(slice.build());
    }
    return out;
  }

  // ---------------------------------------------------------------- DRA example driver

  /**
   * {@code nodes} nodes with 8 simulated GPUs of the DRA example driver's {@code gpu} profile
   * (model LATEST-GPU-MODEL, memory 80Gi, compute 100).
   */
  public static List<HasMetadata> exampleDriverNodes(int nodes) {
    return exampleGpuNodes(nodes, 0, false);
  }

  /**
   * As {@link #exampleDriverNodes}, with {@code allowMultipleAllocations}: each GPU is shared by
   * claims asking for memory in whole Gi and compute in whole units (both default to the whole
   * GPU).
   */
  public static List<HasMetadata> exampleDriverSharedNodes(int nodes) {
    return exampleGpuNodes(nodes, 0, true);
  }

  /**
   * As {@link #exampleDriverNodes}, with partitionable GPUs: per GPU {@code partitionsPerGpu}
   * partitions {@code gpu-<i>-partition-<j>} and the full {@code gpu-<i>-full}, drawing on one
   * counter set {@code gpu-<i>-counters} (memory and compute).
   */
  public static List<HasMetadata> exampleDriverPartitionableNodes(int nodes, int partitionsPerGpu) {
    if (partitionsPerGpu < 1 || partitionsPerGpu > 6) {
      throw new IllegalArgumentException(
          "partitionsPerGpu must be 1..6 (a slice holds at most 64 devices that consume counters),"
              + " was "
              + partitionsPerGpu);
    }
    return exampleGpuNodes(nodes, partitionsPerGpu, false);
  }

  private static List<HasMetadata> exampleGpuNodes(int nodes, int partitions, boolean shared) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(DeviceClasses.exampleGpu());
    for (int n = 0; n < nodes; n++) {
      String node = "node-" + n;
      out.add(node(node, "kubernetes.io/hostname", node));
      ResourceSlices.Builder devices = ResourceSlices.onNode(node, ExampleGpu.DRIVER);
      ResourceSlices.Builder counters = null;
      if (partitions > 0) {
        counters =
            ResourceSlices.onNode(node, ExampleGpu.DRIVER)
                .name(node + "-gpu.example.com-counters")
                .resourceSliceCount(2);
        devices.name(node + "-gpu.example.com-devices").resourceSliceCount(2);
      }
      for (int g = 0; g < 8; g++) {
        int gpu = g;
        if (partitions == 0) {
          devices.device("gpu-" + g, d -> exampleGpu(d, gpu, "80Gi", "100", shared));
          continue;
        }
        String set = "gpu-" + g + "-counters";
        counters.sharedCounters(set, Map.of("memory", "80Gi", "compute", "100"));
        String memory = (80 / partitions) + "Gi";
        String compute = Integer.toString(100 / partitions);
        for (int p = 0; p < partitions; p++) {
          int part = p;
          devices.device(
              "gpu-" + g + "-partition-" + p,
              d ->
                  exampleGpu(d, gpu, memory, compute, shared)
                      .attribute(ExampleGpu.PARTITION, part)
                      .attribute(ExampleGpu.PARTITIONABLE, true)
                      .consumes(set, Map.of("memory", memory, "compute", compute)));
        }
        devices.device(
            "gpu-" + g + "-full",
            d ->
                exampleGpu(d, gpu, "80Gi", "100", shared)
                    .attribute(ExampleGpu.PARTITIONABLE, true)
                    .attribute(ExampleGpu.FULL, true)
                    .consumes(set, Map.of("memory", "80Gi", "compute", "100")));
      }
      if (counters != null) out.add(counters.build());
      out.add(devices.build());
    }
    return out;
  }

  private static ResourceSlices.DeviceSpec exampleGpu(
      ResourceSlices.DeviceSpec d, int gpu, String memory, String compute, boolean shared) {
    d.attribute(ExampleGpu.INDEX, gpu)
        .attribute(ExampleGpu.UUID, String.format("gpu-%08x-0000-4000-8000-%012x", gpu, gpu))
        .attribute(ExampleGpu.MODEL, "LATEST-GPU-MODEL")
        .attribute(ExampleGpu.DRIVER_VERSION, "1.0.0");
    if (shared) {
      d.allowMultipleAllocations()
          .capacityRange(ExampleGpu.MEMORY.id(), memory, memory, "1Gi", memory, "1Gi")
          .capacityRange(ExampleGpu.COMPUTE.id(), compute, compute, "1", compute, "1");
    } else {
      d.capacity(ExampleGpu.MEMORY, memory).capacity(ExampleGpu.COMPUTE, compute);
    }
    return d;
  }

  /** The example driver's {@code net} profile class: {@code net.example.com}. */
  public static final String EXAMPLE_NET_CLASS = "net.example.com";

  /**
   * {@code nodes} nodes with 8 simulated NICs of the DRA example driver's {@code net} profile: each
   * shared by many claims (consumable capacity): ingress and egress bandwidth 100G (requests from
   * 100M in 1M steps, 1G by default) and 100 virtual functions (one per allocation).
   */
  public static List<HasMetadata> exampleDriverNetNodes(int nodes) {
    List<HasMetadata> out = new ArrayList<>();
    DeviceClass net =
        DeviceClasses.named(EXAMPLE_NET_CLASS)
            .selector(DeviceSelector.cel("device.driver == 'net.example.com'"))
            .build();
    out.add(net);
    for (int n = 0; n < nodes; n++) {
      String node = "net-node-" + n;
      out.add(node(node, "kubernetes.io/hostname", node));
      ResourceSlices.Builder slice = ResourceSlices.onNode(node, EXAMPLE_NET_CLASS);
      for (int i = 0; i < 8; i++) {
        int nic = i;
        slice.device(
            "nic-" + i,
            d ->
                d.intAttribute("index", nic)
                    .stringAttribute("uuid", String.format("net-%08x-%04x", nic, nic))
                    .stringAttribute("model", "LATEST-NET-MODEL")
                    .versionAttribute("driverVersion", "1.0.0")
                    .allowMultipleAllocations()
                    .capacityValues("vfs", "100", "1", "1")
                    .capacityRange("ingressBandwidth", "100G", "1G", "100M", "100G", "1M")
                    .capacityRange("egressBandwidth", "100G", "1G", "100M", "100G", "1M"));
      }
      out.add(slice.build());
    }
    return out;
  }

  // ---------------------------------------------------------------- nodes

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
