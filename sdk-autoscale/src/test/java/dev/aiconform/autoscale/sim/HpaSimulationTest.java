package dev.aiconform.autoscale.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.BehaviourPreset;
import dev.aiconform.autoscale.ControllerSettings;
import dev.aiconform.autoscale.Dcgm;
import dev.aiconform.autoscale.HpaSimulation;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.PromQl;
import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.autoscale.SampleIntents;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.Vllm;
import dev.aiconform.core.TargetVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The simulator as test authors use it: load curves in, a replica timeline out. */
class HpaSimulationTest {
  static AcceleratorAutoscaler vllm() {
    return SampleIntents.vllmOnQueueAndEngine().minReplicas(1).build();
  }

  @Test
  void whenDoesARushReachEightReplicas() {
    // 0 → 80 waiting requests over 5 minutes; new replicas need 90 s to load the model.
    // tag::simulation[]
    ReplicaTimeline t =
        HpaSimulation.of(vllm())
            .podStartup(Duration.ofSeconds(90))
            .signal(
                Vllm.NUM_REQUESTS_WAITING,
                Signal.sharedAcrossPods(Load.ramp(0, 80, Duration.ofMinutes(5))))
            .signal(Dcgm.GR_ENGINE_ACTIVE, Signal.perPod(Load.constant(0.5)))
            .run(Duration.ofMinutes(15));
    assertThat(t.firstTimeAtLeast(8)).isPresent();
    // end::simulation[]
    assertThat(t.firstTimeAtLeast(8).get()).isLessThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(t.firstTimeReady(8).get())
        .isGreaterThanOrEqualTo(t.firstTimeAtLeast(8).get().plusSeconds(90));
    assertThat(t.maxReplicas()).isEqualTo(8);
  }

  @Test
  void theInferencePresetScalesDownOnePodEveryTwoMinutesAfterTenQuietMinutes() {
    // Busy at 8 replicas (5 waiting per pod) for 5 minutes, then idle.
    ReplicaTimeline t =
        HpaSimulation.of(vllm())
            .initialReplicas(8)
            .signal(
                Vllm.NUM_REQUESTS_WAITING,
                Signal.sharedAcrossPods(Load.step(40, Duration.ofMinutes(5), 0)))
            .signal(
                Dcgm.GR_ENGINE_ACTIVE, Signal.perPod(Load.step(0.7, Duration.ofMinutes(5), 0.1)))
            .run(Duration.ofMinutes(30));
    // The last busy recommendation (4:45) leaves the 10-minute window at 14:45.
    assertThat(t.replicasAt(Duration.ofSeconds(14 * 60 + 30))).isEqualTo(8);
    assertThat(t.changes().get(0).at()).isEqualTo(Duration.ofSeconds(14 * 60 + 45));
    assertThat(t.changes())
        .allSatisfy(s -> assertThat(s.replicas() - s.desiredReplicas()).isEqualTo(1));
    assertThat(t.changes().get(1).at().minus(t.changes().get(0).at()))
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void podsLeftPendingForLackOfDevicesDoNotCountAsCapacity() {
    // Only 4 GPUs: the HPA asks for 8, 4 stay Pending, and the queue per ready pod stays high.
    ReplicaTimeline t =
        HpaSimulation.of(vllm())
            .schedulablePods(4)
            .podStartup(Duration.ofSeconds(30))
            .signal(Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.constant(60)))
            .signal(Dcgm.GR_ENGINE_ACTIVE, Signal.perPod(Load.constant(0.9)))
            .run(Duration.ofMinutes(5));
    assertThat(t.finalReplicas()).isEqualTo(8);
    assertThat(t.steps().get(t.steps().size() - 1).readyReplicas()).isEqualTo(4);
    assertThat(t.firstTimeReady(5)).isEmpty();
  }

  @Test
  void aWorkloadScaledToZeroByItsHpaWakesOnAnExternalMetricFrom137() {
    AcceleratorAutoscaler batch =
        AcceleratorAutoscaler.forDeployment("batch")
            .namespace("ml")
            .minReplicas(0)
            .maxReplicas(10)
            .metric(
                PromQl.query("jobs_queued", "sum(queue_depth{queue=\"jobs\"})").averageValue(10))
            .behaviour(BehaviourPreset.KUBERNETES_DEFAULT)
            .build();
    // Queue empties at once, refills after 10 minutes.
    Load queue = Load.step(0, Duration.ofMinutes(10), 35);
    ReplicaTimeline t =
        HpaSimulation.of(batch)
            .initialReplicas(2)
            .signal("jobs_queued", Signal.total(queue))
            .run(Duration.ofMinutes(12));
    assertThat(t.firstTimeAtMost(0)).isPresent();
    assertThat(t.replicasAt(Duration.ofMinutes(9))).isZero();
    // From zero: ceil(35 / 10) = 4, within the scale-up limit of 4 pods per 15 s.
    assertThat(t.replicasAt(Duration.ofMinutes(10))).isEqualTo(4);
  }

  @Test
  void on136WithoutTheGateAZeroReplicaTargetIsNotScaledUp() {
    AcceleratorAutoscaler batch =
        AcceleratorAutoscaler.forDeployment("batch")
            .minReplicas(0)
            .maxReplicas(10)
            .metric(PromQl.query("jobs_queued", "sum(queue_depth)").averageValue(10))
            .build();
    ReplicaTimeline t =
        HpaSimulation.of(batch)
            .initialReplicas(0)
            .settings(ControllerSettings.forVersion(TargetVersion.V1_36))
            .signal("jobs_queued", Signal.total(Load.constant(50)))
            .run(Duration.ofMinutes(1));
    assertThat(t.maxReplicas()).isZero();
  }

  @Test
  void everyMetricNeedsASignal() {
    assertThatThrownBy(
            () ->
                HpaSimulation.of(vllm())
                    .signal(Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.constant(1)))
                    .run(Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dcgm_fi_prof_gr_engine_active");
  }

  @Test
  void replicasBelowMinOrAboveMaxAreBroughtIntoRangeFirst() {
    ReplicaTimeline t =
        HpaSimulation.of(vllm())
            .initialReplicas(12)
            .signal(Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.constant(600)))
            .signal(Dcgm.GR_ENGINE_ACTIVE, Signal.perPod(Load.constant(1)))
            .run(Duration.ZERO);
    assertThat(t.finalReplicas()).isEqualTo(8);
    assertThat(t.steps().get(0).reason()).contains("above Spec.MaxReplicas");
  }
}
