package dev.aiconform.dra;

/**
 * TPU chips published by the Google TPU DRA driver ({@code tpu.google.com},
 * kubernetes-sigs/dra-driver-google-tpu {@code cmd/tpu-dra-kubeletplugin}).
 *
 * <pre>{@code
 * r.deviceClass(GoogleTpu.DEVICE_CLASS).allDevices().where(GoogleTpu.TPU_GEN.is("v5e"));
 * }</pre>
 */
public final class GoogleTpu {
  public static final String DRIVER = "tpu.google.com";
  public static final String DEVICE_CLASS = "tpu.google.com";

  private static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DRIVER, "dra-driver-google-tpu cmd/tpu-dra-kubeletplugin/manager.go");

  public static final IntAttribute INDEX = VOCABULARY.integer("index", "chip index on the host");
  public static final StringAttribute UUID = VOCABULARY.string("uuid", "chip id");
  public static final StringAttribute TPU_GEN = VOCABULARY.string("tpuGen", "such as v4, v5e, v6e");
  public static final StringAttribute BRAND = VOCABULARY.string("brand", "Google");
  public static final StringAttribute ACCELERATOR =
      VOCABULARY.string("accelerator", "such as tpu-v5-lite-podslice");
  public static final IntAttribute CHIP_COUNT =
      VOCABULARY.integer("chipCount", "chips on the host");
  public static final StringAttribute TOPOLOGY = VOCABULARY.string("topology", "such as 2x4");

  private GoogleTpu() {}
}
