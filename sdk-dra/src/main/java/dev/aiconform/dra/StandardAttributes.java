package dev.aiconform.dra;

/**
 * The cross-driver attributes under {@code resource.kubernetes.io} (Kubernetes "Standard Device
 * Attributes"; dynamic-resource-allocation/deviceattribute): PCIe root complex, PCI bus id and NUMA
 * node. Drivers publish them so that devices of different drivers can be aligned with {@code
 * matchAttribute}.
 *
 * <pre>{@code
 * claim.matchAttribute(StandardAttributes.PCIE_ROOT, "gpus", "nics");
 * }</pre>
 */
public final class StandardAttributes {
  /** The domain of standard attributes. */
  public static final String DOMAIN = "resource.kubernetes.io";

  static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DOMAIN, "kubernetes.io: Standard Device Attributes");

  /** The PCIe root complex the device hangs off, such as {@code pci0000:00}. */
  public static final StringAttribute PCIE_ROOT =
      VOCABULARY.string("pcieRoot", "PCIe root complex of the device");

  /** The PCI bus id, such as {@code 0000:3b:00.0}. */
  public static final StringAttribute PCI_BUS_ID =
      VOCABULARY.string("pciBusID", "PCI bus address of the device");

  /** The NUMA node of the device. */
  public static final IntAttribute NUMA_NODE =
      VOCABULARY.integer("numaNode", "NUMA node the device is attached to");

  private StandardAttributes() {}
}
