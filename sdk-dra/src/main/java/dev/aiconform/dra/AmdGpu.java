package dev.aiconform.dra;

/**
 * GPUs and GPU partitions published by AMD's DRA driver ({@code gpu.amd.com},
 * ROCm/k8s-gpu-dra-driver {@code docs/driver-attributes.md}).
 *
 * <pre>{@code
 * r.deviceClass(AmdGpu.DEVICE_CLASS).where(AmdGpu.PRODUCT_NAME.contains("MI300X"));
 * }</pre>
 */
public final class AmdGpu {
  public static final String DRIVER = "gpu.amd.com";
  public static final String DEVICE_CLASS = "gpu.amd.com";

  private static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DRIVER, "ROCm/k8s-gpu-dra-driver docs/driver-attributes.md");

  /** {@code amdgpu} (full GPU) or {@code amdgpu-partition}. */
  public static final StringAttribute TYPE =
      VOCABULARY.string("type", "amdgpu or amdgpu-partition");

  public static final StringAttribute PCI_ADDR = VOCABULARY.string("pciAddr", "PCI address");
  public static final IntAttribute CARD_INDEX = VOCABULARY.integer("cardIndex", "DRM card index");
  public static final IntAttribute RENDER_INDEX =
      VOCABULARY.integer("renderIndex", "DRM render node index");
  public static final StringAttribute DEVICE_ID =
      VOCABULARY.string("deviceID", "identifies the physical GPU; shared by its partitions");
  public static final StringAttribute FAMILY = VOCABULARY.string("family", "such as AI");
  public static final StringAttribute PRODUCT_NAME =
      VOCABULARY.string("productName", "such as AMD Instinct MI300X");
  public static final VersionAttribute DRIVER_VERSION =
      VOCABULARY.version("driverVersion", "amdgpu driver version");
  public static final StringAttribute DRIVER_SRC_VERSION =
      VOCABULARY.string("driverSrcVersion", "driver source version");
  public static final IntAttribute NUMA_NODE =
      VOCABULARY.integer("numaNode", "NUMA node the GPU is attached to");
  public static final StringAttribute COMPUTE_PARTITION =
      VOCABULARY.string("computePartition", "auto-partition mode: spx, dpx or cpx");
  public static final StringAttribute MEMORY_PARTITION =
      VOCABULARY.string("memoryPartition", "auto-partition mode: nps1, nps2 or nps4");
  public static final IntAttribute GPU_INDEX =
      VOCABULARY.integer("gpuIndex", "auto-partition mode: physical GPU index");
  public static final StringAttribute PARTITION_PROFILE =
      VOCABULARY.string("partitionProfile", "compute/memory partition profile such as spx_nps1");

  public static final Capacity MEMORY = VOCABULARY.capacity("memory", "VRAM");
  public static final Capacity COMPUTE_UNITS = VOCABULARY.capacity("computeUnits", "compute units");
  public static final Capacity SIMD_UNITS = VOCABULARY.capacity("simdUnits", "SIMD units");
  public static final Capacity PARTITIONS =
      VOCABULARY.capacity("partitions", "auto-partition mode: partitions of the configuration");

  private AmdGpu() {}
}
