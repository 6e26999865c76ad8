package dev.aiconform.dra;

/**
 * Simulated GPUs of the DRA example driver ({@code gpu.example.com},
 * kubernetes-sigs/dra-example-driver {@code internal/profiles/gpu}), used by Kubernetes' DRA docs
 * and demos.
 *
 * <pre>{@code
 * r.deviceClass(ExampleGpu.DEVICE_CLASS).where(ExampleGpu.MODEL.is("LATEST-GPU-MODEL"));
 * }</pre>
 */
public final class ExampleGpu {
  public static final String DRIVER = "gpu.example.com";
  public static final String DEVICE_CLASS = "gpu.example.com";

  private static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DRIVER, "dra-example-driver internal/profiles/gpu/gpu.go");

  public static final IntAttribute INDEX = VOCABULARY.integer("index", "GPU index");
  public static final StringAttribute UUID = VOCABULARY.string("uuid", "GPU UUID");
  public static final StringAttribute MODEL = VOCABULARY.string("model", "LATEST-GPU-MODEL");
  public static final VersionAttribute DRIVER_VERSION =
      VOCABULARY.version("driverVersion", "1.0.0");
  public static final IntAttribute PARTITION = VOCABULARY.integer("partition", "partition index");
  public static final BoolAttribute PARTITIONABLE =
      VOCABULARY.bool("partitionable", "the GPU can be partitioned");
  public static final BoolAttribute FULL = VOCABULARY.bool("full", "a full (unpartitioned) GPU");

  public static final Capacity MEMORY = VOCABULARY.capacity("memory", "80Gi");
  public static final Capacity COMPUTE = VOCABULARY.capacity("compute", "100 per GPU");

  private ExampleGpu() {}
}
