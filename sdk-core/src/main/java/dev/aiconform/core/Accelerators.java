package dev.aiconform.core;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which resources are accelerators and when a pod asks for one. A container requests an accelerator
 * when its requests or limits name an extended resource of a known accelerator vendor ({@code
 * nvidia.com/gpu}, {@code amd.com/gpu}, {@code gpu.intel.com/i915}, {@code google.com/tpu}, …) or
 * when it lists a Dynamic Resource Allocation claim ({@code resources.claims}); a pod does when any
 * of its containers does or when it declares {@code spec.resourceClaims}.
 *
 * <pre>{@code
 * Accelerators.isAcceleratorResource("nvidia.com/mig-1g.10gb"); // true
 * Accelerators.requestsAccelerator(pod.getSpec());
 * }</pre>
 */
public final class Accelerators {
  /**
   * Resource-name prefixes of accelerator device plugins: NVIDIA (GPUs, MIG slices), AMD, Intel
   * (GPUs, Gaudi), Google TPU, AWS Neuron, Xilinx/AMD FPGAs, Qualcomm Cloud AI, Huawei Ascend,
   * Tenstorrent, FuriosaAI, Rebellions, Cambricon, Moore Threads, Hygon DCU.
   */
  public static final List<String> VENDOR_PREFIXES =
      List.of(
          "nvidia.com/",
          "amd.com/",
          "gpu.intel.com/",
          "habana.ai/",
          "google.com/tpu",
          "aws.amazon.com/neuron",
          "xilinx.com/fpga",
          "qualcomm.com/qaic",
          "huawei.com/ascend",
          "tenstorrent.com/",
          "furiosa.ai/",
          "rebellions.ai/",
          "cambricon.com/",
          "mthreads.com/",
          "hygon.com/dcu");

  private Accelerators() {}

  /** Whether {@code resourceName} (a requests/limits key or a taint key) is an accelerator. */
  public static boolean isAcceleratorResource(String resourceName) {
    if (resourceName == null) {
      return false;
    }
    String name = resourceName.toLowerCase(Locale.ROOT);
    return VENDOR_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /** Whether the container requests or limits an accelerator, or lists a DRA claim. */
  public static boolean requestsAccelerator(Container container) {
    ResourceRequirements r = container.getResources();
    if (r == null) {
      return false;
    }
    return hasAccelerator(r.getRequests())
        || hasAccelerator(r.getLimits())
        || (r.getClaims() != null && !r.getClaims().isEmpty());
  }

  /**
   * Whether any container (init containers included) requests an accelerator or the pod has DRA
   * claims.
   */
  public static boolean requestsAccelerator(PodSpec spec) {
    if (spec.getResourceClaims() != null && !spec.getResourceClaims().isEmpty()) {
      return true;
    }
    return Stream.concat(stream(spec.getContainers()), stream(spec.getInitContainers()))
        .anyMatch(Accelerators::requestsAccelerator);
  }

  private static boolean hasAccelerator(Map<String, Quantity> resources) {
    return resources != null
        && resources.keySet().stream().anyMatch(Accelerators::isAcceleratorResource);
  }

  private static <T> Stream<T> stream(List<T> list) {
    return list == null ? Stream.empty() : list.stream();
  }
}
