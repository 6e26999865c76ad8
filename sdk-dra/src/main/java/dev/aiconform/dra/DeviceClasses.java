package dev.aiconform.dra;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassConfigurationBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassSpecBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfigurationBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DeviceClasses: the ones the vendor drivers install, and a builder for your own (a class narrows a
 * driver's devices with selectors and can carry driver configuration and an extended resource
 * name).
 *
 * <pre>{@code
 * DeviceClass h100 = DeviceClasses.named("h100").selector(NvidiaGpu.TYPE.is("gpu"))
 *     .selector(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")).build();
 * }</pre>
 */
public final class DeviceClasses {
  private DeviceClasses() {}

  public static Builder named(String name) {
    return new Builder(name);
  }

  /** {@code gpu.nvidia.com}: full NVIDIA GPUs, backing the {@code nvidia.com/gpu} resource. */
  public static DeviceClass nvidiaGpu() {
    return named(NvidiaGpu.DEVICE_CLASS)
        .selector(
            DeviceSelector.cel(
                "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].type == 'gpu'"))
        .extendedResourceName("nvidia.com/gpu")
        .build();
  }

  /** {@code mig.nvidia.com}: MIG devices. */
  public static DeviceClass nvidiaMig() {
    return named(NvidiaMig.DEVICE_CLASS)
        .selector(
            DeviceSelector.cel(
                "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].type == 'mig'"))
        .build();
  }

  /** {@code gpu.amd.com}. */
  public static DeviceClass amdGpu() {
    return named(AmdGpu.DEVICE_CLASS)
        .selector(DeviceSelector.cel("device.driver == 'gpu.amd.com'"))
        .build();
  }

  /** {@code gpu.intel.com}. */
  public static DeviceClass intelGpu() {
    return named(IntelGpu.DEVICE_CLASS)
        .selector(DeviceSelector.cel("device.driver == 'gpu.intel.com'"))
        .extendedResourceName("intel.com/gpu")
        .build();
  }

  /** {@code tpu.google.com}. */
  public static DeviceClass googleTpu() {
    return named(GoogleTpu.DEVICE_CLASS)
        .selector(DeviceSelector.cel("device.driver == 'tpu.google.com'"))
        .build();
  }

  /** {@code gpu.example.com}: the DRA example driver. */
  public static DeviceClass exampleGpu() {
    return named(ExampleGpu.DEVICE_CLASS)
        .selector(DeviceSelector.cel("device.driver == 'gpu.example.com'"))
        .build();
  }

  /** Builds a DeviceClass. */
  public static final class Builder {
    private final String name;
    private final DeviceClassSpecBuilder spec = new DeviceClassSpecBuilder();
    private final Map<String, String> labels = new LinkedHashMap<>();

    Builder(String name) {
      this.name = name;
    }

    public Builder selector(DeviceSelector selector) {
      spec.addToSelectors(selector.toFabric8());
      return this;
    }

    public Builder config(String driver, Map<String, ?> parameters) {
      spec.addToConfig(
          new DeviceClassConfigurationBuilder()
              .withOpaque(
                  new OpaqueDeviceConfigurationBuilder()
                      .withDriver(driver)
                      .withParameters(new LinkedHashMap<String, Object>(parameters))
                      .build())
              .build());
      return this;
    }

    /**
     * The extended resource pods may request instead of a claim, such as {@code nvidia.com/gpu}.
     */
    public Builder extendedResourceName(String name) {
      spec.withExtendedResourceName(name);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public DeviceClass build() {
      ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name);
      if (!labels.isEmpty()) meta.withLabels(labels);
      return new DeviceClassBuilder().withMetadata(meta.build()).withSpec(spec.build()).build();
    }
  }
}
