package dev.aiconform.dra;

/**
 * Attributes and capacities of full GPUs published by the NVIDIA DRA driver ({@code
 * gpu.nvidia.com}, kubernetes-sigs/dra-driver-nvidia-gpu, {@code cmd/gpu-kubelet-plugin}). The
 * driver stopped publishing {@link #INDEX} and {@link #MINOR} in v25.8.0: selectors naming them now
 * fail at scheduling time with "no such key".
 *
 * <pre>{@code
 * r.deviceClass(NvidiaGpu.DEVICE_CLASS).where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100"))
 *  .where(NvidiaGpu.MEMORY.atLeast("80Gi"));
 * }</pre>
 */
public final class NvidiaGpu {
  /** The driver name and attribute domain. */
  public static final String DRIVER = "gpu.nvidia.com";

  /** The DeviceClass the driver's Helm chart installs for full GPUs. */
  public static final String DEVICE_CLASS = "gpu.nvidia.com";

  static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DRIVER, "dra-driver-nvidia-gpu cmd/gpu-kubelet-plugin/deviceinfo.go");

  /** {@code gpu}, {@code mig} or {@code vfio}: the DeviceClasses select on it. */
  public static final StringAttribute TYPE = VOCABULARY.string("type", "gpu, mig or vfio");

  public static final StringAttribute UUID = VOCABULARY.string("uuid", "GPU UUID");
  public static final StringAttribute PRODUCT_NAME =
      VOCABULARY.string("productName", "such as NVIDIA H100 80GB HBM3");
  public static final StringAttribute BRAND = VOCABULARY.string("brand", "such as Nvidia, Tesla");
  public static final StringAttribute ARCHITECTURE =
      VOCABULARY.string("architecture", "such as Hopper, Ampere, Blackwell");
  public static final VersionAttribute CUDA_COMPUTE_CAPABILITY =
      VOCABULARY.version("cudaComputeCapability", "such as 9.0.0");
  public static final VersionAttribute DRIVER_VERSION =
      VOCABULARY.version("driverVersion", "kernel driver version, such as 550.54.15");
  public static final VersionAttribute CUDA_DRIVER_VERSION =
      VOCABULARY.version("cudaDriverVersion", "CUDA driver API version, such as 12.4.0");
  public static final StringAttribute ADDRESSING_MODE =
      VOCABULARY.string("addressingMode", "HMM or ATS, when the GPU reports one");
  public static final IntAttribute GPU_MODULE_ID =
      VOCABULARY.integer("gpuModuleID", "module id within an NVLink domain (Fabric Manager)");

  /** Removed in driver v25.8.0; use {@link #UUID} or {@link StandardAttributes#PCI_BUS_ID}. */
  public static final IntAttribute INDEX =
      VOCABULARY.removedInteger("index", "GPU index on the node", "v25.8.0");

  /** Removed in driver v25.8.0. */
  public static final IntAttribute MINOR =
      VOCABULARY.removedInteger("minor", "device minor number", "v25.8.0");

  /** Framebuffer memory, such as {@code 80Gi}. */
  public static final Capacity MEMORY = VOCABULARY.capacity("memory", "GPU memory");

  /** The standard attributes the driver publishes with each GPU. */
  public static final StringAttribute PCIE_ROOT = StandardAttributes.PCIE_ROOT;

  public static final StringAttribute PCI_BUS_ID = StandardAttributes.PCI_BUS_ID;

  private NvidiaGpu() {}
}
