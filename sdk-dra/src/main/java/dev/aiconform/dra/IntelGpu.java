package dev.aiconform.dra;

/**
 * GPUs published by Intel's DRA driver ({@code gpu.intel.com},
 * intel/intel-resource-drivers-for-kubernetes {@code doc/gpu}). {@code pciRoot} and {@code
 * pciAddress} are deprecated in favour of the standard {@code resource.kubernetes.io} attributes.
 *
 * <pre>{@code
 * r.deviceClass(IntelGpu.DEVICE_CLASS).where(IntelGpu.MEMORY.atLeast("16Gi"));
 * }</pre>
 */
public final class IntelGpu {
  public static final String DRIVER = "gpu.intel.com";
  public static final String DEVICE_CLASS = "gpu.intel.com";

  private static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DRIVER, "intel-resource-drivers-for-kubernetes doc/gpu/USAGE.md");

  /** The kernel driver in use: i915, xe, vfio-pci. */
  public static final StringAttribute DRIVER_NAME =
      VOCABULARY.string("driver", "i915, xe, vfio-pci");

  public static final StringAttribute FAMILY =
      VOCABULARY.string("family", "such as Data Center Flex");
  public static final StringAttribute MODEL = VOCABULARY.string("model", "such as Max 1550");
  public static final BoolAttribute HEALTH = VOCABULARY.bool("health", "device is healthy");
  public static final StringAttribute PCI_ID = VOCABULARY.string("pciId", "PCI device id");
  public static final BoolAttribute SRIOV = VOCABULARY.bool("sriov", "SR-IOV capable");
  public static final StringAttribute PCI_ADDRESS =
      VOCABULARY.string("pciAddress", "deprecated: use resource.kubernetes.io/pciBusID");
  public static final StringAttribute PCI_ROOT =
      VOCABULARY.string("pciRoot", "deprecated: use resource.kubernetes.io/pcieRoot");

  public static final Capacity MEMORY = VOCABULARY.capacity("memory", "local memory");
  public static final Capacity MILLICORES = VOCABULARY.capacity("millicores", "1000 per GPU");

  private IntelGpu() {}
}
