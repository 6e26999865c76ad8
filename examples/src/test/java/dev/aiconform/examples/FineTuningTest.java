package dev.aiconform.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.gang.GangRenderException;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class FineTuningTest {
  @Test
  void eachWorkerAsksForFourPairsOfH100sEachPairOnOnePcieRoot() {
    ResourceClaimTemplate template = FineTuning.eightH100s().toResourceClaimTemplate();
    List<DeviceRequest> requests = template.getSpec().getSpec().getDevices().getRequests();
    List<DeviceConstraint> constraints = template.getSpec().getSpec().getDevices().getConstraints();

    assertThat(requests)
        .extracting(DeviceRequest::getName)
        .containsExactly("pair-0", "pair-1", "pair-2", "pair-3");
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.getExactly().getCount()).isEqualTo(2);
              assertThat(r.getExactly().getDeviceClassName()).isEqualTo("gpu.nvidia.com");
              assertThat(r.getExactly().getSelectors())
                  .extracting(s -> s.getCel().getExpression())
                  .anySatisfy(
                      e -> assertThat(e).contains("productName.startsWith(\"NVIDIA H100\")"))
                  .anySatisfy(
                      e -> assertThat(e).contains("memory.compareTo(quantity(\"80G\")) >= 0"))
                  .anySatisfy(
                      e ->
                          assertThat(e)
                              .contains("driverVersion.compareTo(semver(\"550.54.0\")) >= 0"));
            });
    assertThat(constraints)
        .extracting(c -> c.getMatchAttribute() + " " + c.getRequests())
        .containsExactly(
            "resource.kubernetes.io/pcieRoot [pair-0]",
            "resource.kubernetes.io/pcieRoot [pair-1]",
            "resource.kubernetes.io/pcieRoot [pair-2]",
            "resource.kubernetes.io/pcieRoot [pair-3]");
  }

  @Test
  void theWorkloadApiGangNeedsEveryWorker() {
    PodGroup group = FineTuning.workloadApi().objectsOf(PodGroup.class).get(0);

    assertThat(group.getSpec().getSchedulingPolicy().getGang().getMinCount())
        .isEqualTo(FineTuning.WORKERS);
  }

  @Test
  void theKueueRenderingCarriesItsQueuesAndAJobSet() {
    assertThat(FineTuning.kueue().stream().map(m -> m.ref().kind()))
        .containsExactly(
            "Namespace",
            "ResourceClaimTemplate",
            "ResourceFlavor",
            "ClusterQueue",
            "LocalQueue",
            "JobSet");
  }

  @Test
  void kubernetes134HasNoWorkloadApiAndSaysWhatToDoInstead() {
    assertThatThrownBy(() -> FineTuning.workloadApi(TargetVersion.V1_34, 4))
        .isInstanceOf(GangRenderException.class)
        .hasMessageContaining("1.35")
        .hasMessageContaining("KUEUE");
  }
}
