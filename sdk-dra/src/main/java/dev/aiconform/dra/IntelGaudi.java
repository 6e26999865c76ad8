package dev.aiconform.dra;

/**
 * Gaudi accelerators published by Intel's DRA driver ({@code gaudi.intel.com}).
 *
 * <pre>{@code
 * r.deviceClass(IntelGaudi.DEVICE_CLASS).where(IntelGaudi.MODEL.is("Gaudi3"));
 * }</pre>
 */
public final class IntelGaudi {
  public static final String DRIVER = "gaudi.intel.com";
  public static final String DEVICE_CLASS = "gaudi.intel.com";

  private static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DRIVER, "intel-resource-drivers-for-kubernetes doc/gaudi");

  public static final StringAttribute MODEL = VOCABULARY.string("model", "such as Gaudi2, Gaudi3");
  public static final BoolAttribute HEALTHY = VOCABULARY.bool("healthy", "device is healthy");
  public static final StringAttribute SERIAL = VOCABULARY.string("serial", "serial number");
  public static final StringAttribute PCI_ROOT =
      VOCABULARY.string("pciRoot", "deprecated: use resource.kubernetes.io/pcieRoot");

  private IntelGaudi() {}
}
