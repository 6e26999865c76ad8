package dev.aiconform.examples;

import dev.aiconform.dra.DeviceClasses;
import dev.aiconform.dra.Inventories;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The clusters the examples run on: sdk-dra's inventories with both DeviceClasses the NVIDIA DRA
 * driver installs ({@code gpu.nvidia.com} and {@code mig.nvidia.com}). Both matter: a claim whose
 * {@code firstAvailable} alternatives name a class the cluster lacks is refused as a whole, as
 * Kubernetes' allocator refuses it, even when an earlier alternative would fit.
 *
 * <pre>{@code
 * InMemoryCluster cluster = InMemoryCluster.builder().objects(Clusters.h100Nodes(4)).build();
 * }</pre>
 */
public final class Clusters {
  private Clusters() {}

  /** {@code nodes} nodes with 8 H100 80GB each, two per PCIe root. */
  public static List<HasMetadata> h100Nodes(int nodes) {
    return withNvidiaDeviceClasses(Inventories.h100Nodes(nodes));
  }

  /** {@code nodes} nodes with 8 A100 40GB each. */
  public static List<HasMetadata> a100Nodes(int nodes) {
    return withNvidiaDeviceClasses(Inventories.a100Nodes(nodes));
  }

  /** The inventory plus whichever of the NVIDIA driver's DeviceClasses it lacks. */
  public static List<HasMetadata> withNvidiaDeviceClasses(List<? extends HasMetadata> inventory) {
    List<HasMetadata> out = new ArrayList<>(inventory);
    for (HasMetadata deviceClass : List.of(DeviceClasses.nvidiaGpu(), DeviceClasses.nvidiaMig())) {
      boolean present =
          inventory.stream()
              .anyMatch(
                  o ->
                      o.getKind().equals("DeviceClass")
                          && o.getMetadata().getName().equals(deviceClass.getMetadata().getName()));
      if (!present) {
        out.add(0, deviceClass);
      }
    }
    return out;
  }
}
