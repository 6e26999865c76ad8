// tag::whole[]
package dev.aiconform.examples;

import static dev.aiconform.testing.AiconformAssertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.validation.Validator;
import dev.aiconform.testing.ClusterPreset;
import dev.aiconform.testing.WithInMemoryCluster;
import org.junit.jupiter.api.Test;

/** A complete in-memory test: the fine-tuning gang is valid, runs on 4 nodes, waits on 3. */
class FirstInMemoryTest {
  static final String GANG = FineTuning.NAME;

  @Test
  void theBundleHasNoErrorForKubernetes137() {
    assertThat(Validator.forVersion(TargetVersion.V1_37).validate(FineTuning.workloadApi()))
        .hasNoErrors();
  }

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 4) // 4 nodes x 8 H100 80GB
  void everyWorkerStartsWithEightGpus(InMemoryCluster cluster) {
    assertThat(cluster.apply(FineTuning.workloadApi())).isSuccessful();

    assertThat(cluster).gang("ml", GANG).isAdmitted().hasBound(4);
    for (int i = 0; i < 4; i++) {
      assertThat(cluster).pod(GANG + "-worker-" + i).isBound().hasDevices(8);
    }
  }

  @Test
  @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 3)
  void onThreeNodesNoWorkerHoldsAGpu(InMemoryCluster cluster) {
    assertThat(cluster.apply(FineTuning.workloadApi())).isSuccessful();

    assertThat(cluster).gang("ml", GANG).isNotAdmitted().hasBound(0);
    assertThat(cluster)
        .pod(GANG + "-worker-0")
        .isPending()
        .hasPendingReasonContaining("all-or-nothing");
  }
}
// end::whole[]
