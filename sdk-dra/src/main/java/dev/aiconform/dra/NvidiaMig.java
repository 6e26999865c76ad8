package dev.aiconform.dra;

/**
 * MIG devices published by the NVIDIA DRA driver (DeviceClass {@code mig.nvidia.com}, driver and
 * domain {@code gpu.nvidia.com}, {@code type == "mig"}). A MIG device inherits the parent GPU's
 * product name, architecture and versions, and consumes the parent's shared counters.
 *
 * <pre>{@code
 * r.deviceClass(NvidiaMig.DEVICE_CLASS).where(NvidiaMig.PROFILE.is("1g.10gb"));
 * }</pre>
 */
public final class NvidiaMig {
  public static final String DEVICE_CLASS = "mig.nvidia.com";

  // MIG devices share the full-GPU domain; their extra attributes are registered on it.
  private static final DriverVocabulary VOCABULARY = NvidiaGpu.VOCABULARY;

  /** The MIG profile, such as {@code 1g.10gb}, {@code 3g.40gb}. */
  public static final StringAttribute PROFILE =
      VOCABULARY.string("profile", "MIG profile such as 1g.10gb");

  public static final StringAttribute PARENT_UUID =
      VOCABULARY.string("parentUUID", "UUID of the parent GPU");

  public static final Capacity MULTIPROCESSORS =
      VOCABULARY.capacity("multiprocessors", "streaming multiprocessors");
  public static final Capacity COPY_ENGINES = VOCABULARY.capacity("copyEngines", "copy engines");
  public static final Capacity DECODERS = VOCABULARY.capacity("decoders", "video decoders");
  public static final Capacity ENCODERS = VOCABULARY.capacity("encoders", "video encoders");
  public static final Capacity JPEG_ENGINES = VOCABULARY.capacity("jpegEngines", "JPEG engines");
  public static final Capacity OFA_ENGINES =
      VOCABULARY.capacity("ofaEngines", "optical flow engines");

  public static final Capacity MEMORY = NvidiaGpu.MEMORY;

  private NvidiaMig() {}
}
