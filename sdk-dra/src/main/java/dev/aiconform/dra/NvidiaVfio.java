package dev.aiconform.dra;

/**
 * GPUs bound to vfio-pci for pass-through, published by the NVIDIA DRA driver (DeviceClass {@code
 * vfio.gpu.nvidia.com}, {@code type == "vfio"}).
 *
 * <pre>{@code
 * r.deviceClass(NvidiaVfio.DEVICE_CLASS).where(NvidiaVfio.DEVICE_ID.is("0x2330"));
 * }</pre>
 */
public final class NvidiaVfio {
  public static final String DEVICE_CLASS = "vfio.gpu.nvidia.com";

  private static final DriverVocabulary VOCABULARY = NvidiaGpu.VOCABULARY;

  public static final StringAttribute DEVICE_ID = VOCABULARY.string("deviceID", "PCI device id");
  public static final StringAttribute VENDOR_ID = VOCABULARY.string("vendorID", "PCI vendor id");
  public static final BoolAttribute IOMMU_FD_ENABLED =
      VOCABULARY.bool("iommuFDEnabled", "iommufd in use");
  public static final IntAttribute NUMA = VOCABULARY.integer("numa", "NUMA node");
  public static final Capacity ADDRESSABLE_MEMORY =
      VOCABULARY.capacity("addressableMemory", "BAR-addressable memory");

  private NvidiaVfio() {}
}
