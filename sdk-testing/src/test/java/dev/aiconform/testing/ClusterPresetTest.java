package dev.aiconform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterPresetTest {
  @Test
  void acceleratorPresetsHaveNodesSlicesAndTheirDeviceClass() {
    List<HasMetadata> h100 = ClusterPreset.H100.objects(2);

    assertThat(h100)
        .extracting(HasMetadata::getKind)
        .containsExactly("DeviceClass", "Node", "ResourceSlice", "Node", "ResourceSlice");
    assertThat(h100.get(1).getMetadata().getName()).isEqualTo("h100-node-0");
  }

  @Test
  void cpuAndEmptyPresetsHaveNoDevices() {
    assertThat(ClusterPreset.CPU.objects(3))
        .extracting(HasMetadata::getKind)
        .containsOnly("Node")
        .hasSize(3);
    assertThat(ClusterPreset.EMPTY.objects(5)).isEmpty();
  }
}
