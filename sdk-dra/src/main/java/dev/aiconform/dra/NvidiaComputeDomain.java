package dev.aiconform.dra;

/**
 * IMEX channels and daemons of NVIDIA ComputeDomains (multi-node NVLink), published by the driver
 * {@code compute-domain.nvidia.com}; DeviceClasses {@code compute-domain-daemon.nvidia.com} and
 * {@code compute-domain-default-channel.nvidia.com}.
 *
 * <pre>{@code
 * r.deviceClass(NvidiaComputeDomain.DEFAULT_CHANNEL_CLASS);
 * }</pre>
 */
public final class NvidiaComputeDomain {
  public static final String DRIVER = "compute-domain.nvidia.com";
  public static final String DAEMON_CLASS = "compute-domain-daemon.nvidia.com";
  public static final String DEFAULT_CHANNEL_CLASS = "compute-domain-default-channel.nvidia.com";

  private static final DriverVocabulary VOCABULARY =
      DriverVocabulary.define(DRIVER, "dra-driver-nvidia-gpu cmd/compute-domain-kubelet-plugin");

  /** {@code daemon} or {@code channel}. */
  public static final StringAttribute TYPE = VOCABULARY.string("type", "daemon or channel");

  /** The IMEX channel id; the default channel is 0. */
  public static final IntAttribute ID = VOCABULARY.integer("id", "IMEX channel id");

  private NvidiaComputeDomain() {}
}
