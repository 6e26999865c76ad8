package dev.aiconform.autoscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.ControllerSettings;
import dev.aiconform.autoscale.HpaSimulation;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.PodSample;
import dev.aiconform.autoscale.ReplicaCalculator;
import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.autoscale.ScalingStep;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.Tolerances;
import dev.aiconform.core.TargetVersion;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the Kubernetes documentation's "Horizontal Pod Autoscaling" page
 * (content/en/docs/concepts/workloads/autoscaling/horizontal-pod-autoscale.md), each as a test.
 */
class KubernetesDocsExamplesTest {
  static final ReplicaCalculator CALC = new ReplicaCalculator(Tolerances.defaults());

  static List<PodSample> pods(int n, String value) {
    return IntStream.range(0, n)
        .mapToObj(i -> PodSample.running("web-" + i, new BigDecimal(value)))
        .collect(Collectors.toList());
  }

  static List<Integer> replicaChanges(ReplicaTimeline t) {
    return t.changes().stream().map(ScalingStep::desiredReplicas).collect(Collectors.toList());
  }

  @Test
  void aMetricAtTwiceItsTargetDoublesTheReplicas() {
    // "if the current metric value is 200m, and the desired value is 100m, the number of replicas
    // will be doubled"
    assertThat(CALC.podsMetric(3, pods(3, "0.2"), new BigDecimal("0.1")).replicas()).hasValue(6);
  }

  @Test
  void aMetricAtHalfItsTargetHalvesTheReplicas() {
    assertThat(CALC.podsMetric(4, pods(4, "0.05"), new BigDecimal("0.1")).replicas()).hasValue(2);
  }

  @Test
  void aRatioWithinTheTenPercentToleranceChangesNothing() {
    assertThat(CALC.podsMetric(4, pods(4, "0.109"), new BigDecimal("0.1")).replicas()).hasValue(4);
    assertThat(CALC.podsMetric(4, pods(4, "0.091"), new BigDecimal("0.1")).replicas()).hasValue(4);
  }

  @Test
  void ninetyAgainstSeventyFiveIsTwentyPercentAboveTargetAndScalesUp() {
    // The tolerance blog's example: 90 against a target of 75 exceeds the 10 % tolerance.
    assertThat(CALC.podsMetric(4, pods(4, "90"), new BigDecimal("75")).replicas()).hasValue(5);
  }

  @Test
  void aFivePercentScaleUpToleranceActsOnlyAbove105MiBFor100MiB() {
    String memory =
        Hpas.HEAD
            + "  maxReplicas: 10\n  metrics:\n  - type: Resource\n    resource:\n      name: memory\n"
            + "      target: {type: AverageValue, averageValue: 100Mi}\n"
            + "  behavior:\n    scaleUp:\n      tolerance: \"0.05\"\n";
    double mib = 1024 * 1024;
    ReplicaTimeline below =
        HpaSimulation.of(Hpas.parse(memory))
            .initialReplicas(4)
            .signal("memory", Signal.perPod(Load.constant(104 * mib)))
            .run(Duration.ZERO);
    assertThat(below.finalReplicas()).isEqualTo(4);
    ReplicaTimeline above =
        HpaSimulation.of(Hpas.parse(memory))
            .initialReplicas(4)
            .signal("memory", Signal.perPod(Load.constant(106 * mib)))
            .run(Duration.ZERO);
    assertThat(above.finalReplicas()).isEqualTo(5); // ceil(1.06 × 4)
    // Where the gate is off (1.34) the cluster-wide 10 % applies: 106Mi changes nothing.
    ReplicaTimeline onOldCluster =
        HpaSimulation.of(Hpas.parse(memory))
            .initialReplicas(4)
            .settings(ControllerSettings.forVersion(TargetVersion.V1_34))
            .signal("memory", Signal.perPod(Load.constant(106 * mib)))
            .run(Duration.ZERO);
    assertThat(onOldCluster.finalReplicas()).isEqualTo(4);
  }

  @Test
  void scalingDown80ReplicasByAtMost4PodsOr10PercentAMinuteTakesTheLargerStepUntilBelow40() {
    // "if there are 80 replicas and the target has to be scaled down to 10 replicas then during
    // the first step 8 replicas will be reduced. In the next iteration when the number of replicas
    // is 72, 10% of the pods is 7.2 but the number is rounded up to 8 ... When the number of
    // replicas falls below 40 the first policy (Pods) is applied and 4 replicas will be reduced".
    // The window is set to 0 so that only the policies shape the descent.
    String behavior =
        "    scaleDown:\n      stabilizationWindowSeconds: 0\n      policies:\n"
            + "      - {type: Pods, value: 4, periodSeconds: 60}\n"
            + "      - {type: Percent, value: 10, periodSeconds: 60}\n";
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 100, "12", behavior))
            .initialReplicas(80)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(120))) // wants 10 replicas
            .run(Duration.ofMinutes(20));
    assertThat(replicaChanges(t))
        .containsExactly(72, 64, 57, 51, 45, 40, 36, 32, 28, 24, 20, 16, 12, 10);
    // One step per policy period: the 8 removed at 0 s stay inside the period until 60 s.
    assertThat(t.changes().stream().map(s -> s.at().toSeconds()).collect(Collectors.toList()))
        .startsWith(0L, 60L, 120L);
  }

  @Test
  void selectPolicyMinTakesTheSmallerOf10PercentAnd5Pods() {
    String behavior =
        "    scaleDown:\n      stabilizationWindowSeconds: 0\n      selectPolicy: Min\n      policies:\n"
            + "      - {type: Percent, value: 10, periodSeconds: 60}\n"
            + "      - {type: Pods, value: 5, periodSeconds: 60}\n";
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 100, "10", behavior))
            .initialReplicas(80)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(100)))
            .run(Duration.ofMinutes(3));
    // At 80 replicas 10 % would remove 8; Min removes 5. At 75, 10 % is 7.5 → 5 again.
    assertThat(replicaChanges(t)).startsWith(75, 70, 65);
  }

  @Test
  void theDefaultBehaviourAddsFourPodsOrDoublesEvery15Seconds() {
    // Default scale-up: the larger of +4 pods and +100 % per 15 s, no stabilisation.
    String defaults = "    scaleUp:\n      stabilizationWindowSeconds: 0\n";
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 40, "10", defaults))
            .initialReplicas(3)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(1000)))
            .run(Duration.ofMinutes(2));
    assertThat(replicaChanges(t)).containsExactly(7, 14, 28, 40);
    assertThat(t.firstTimeAtLeast(40)).contains(Duration.ofSeconds(45));
  }

  @Test
  void withoutBehaviourTheControllerAtMostDoublesOrReachesFourPerSync() {
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 40, "10", null))
            .initialReplicas(3)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(1000)))
            .run(Duration.ofMinutes(2));
    assertThat(replicaChanges(t)).containsExactly(6, 12, 24, 40);
  }

  @Test
  void aScaleDownWaitsForTheFiveMinuteStabilisationWindow() {
    // "all desired states from the past 5 minutes will be considered": the load halves at 60 s,
    // and the highest recommendation of the last 300 s keeps 8 replicas meanwhile.
    String behavior = "    scaleDown:\n      stabilizationWindowSeconds: 300\n";
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 20, "10", behavior))
            .initialReplicas(8)
            .signal("queue", Signal.sharedAcrossPods(Load.step(80, Duration.ofSeconds(60), 40)))
            .run(Duration.ofMinutes(10));
    // The last recommendation of 8 is the 45 s sync's; it leaves the window after 300 s more.
    assertThat(t.replicasAt(Duration.ofSeconds(330))).isEqualTo(8);
    assertThat(t.firstTimeAtMost(4)).contains(Duration.ofSeconds(345));
  }

  @Test
  void aOneMinuteWindowShortensTheWait() {
    String behavior = "    scaleDown:\n      stabilizationWindowSeconds: 60\n";
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 20, "10", behavior))
            .initialReplicas(8)
            .signal("queue", Signal.sharedAcrossPods(Load.step(80, Duration.ofSeconds(60), 40)))
            .run(Duration.ofMinutes(5));
    assertThat(t.firstTimeAtMost(4)).contains(Duration.ofSeconds(105));
  }

  @Test
  void selectPolicyDisabledNeverScalesDown() {
    String behavior = "    scaleDown:\n      selectPolicy: Disabled\n";
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 20, "10", behavior))
            .initialReplicas(8)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(10)))
            .run(Duration.ofMinutes(15));
    assertThat(t.minReplicas()).isEqualTo(8);
  }

  @Test
  void withSeveralMetricsTheLargestProposalWins() {
    String two =
        Hpas.HEAD
            + "  maxReplicas: 20\n  metrics:\n"
            + "  - type: Pods\n    pods:\n      metric: {name: queue}\n      target: {type: AverageValue, averageValue: \"10\"}\n"
            + "  - type: External\n    external:\n      metric: {name: backlog}\n      target: {type: AverageValue, averageValue: \"100\"}\n";
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.parse(two))
            .initialReplicas(4)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(40))) // 10 per pod: keep 4
            .signal("backlog", Signal.total(Load.constant(700))) // 700 / 100 per pod: 7
            .run(Duration.ZERO);
    assertThat(t.steps().get(0).proposals()).containsEntry("queue", 4).containsEntry("backlog", 7);
    assertThat(t.finalReplicas()).isEqualTo(7);
  }

  @Test
  void aTargetScaledToZeroByHandWithMinReplicasAboveZeroIsLeftAlone() {
    // Implicit maintenance-mode deactivation: ScalingActive becomes false.
    ReplicaTimeline t =
        HpaSimulation.of(Hpas.pods(1, 10, "10", null))
            .initialReplicas(0)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(500)))
            .run(Duration.ofMinutes(1));
    assertThat(t.maxReplicas()).isZero();
    assertThat(t.steps().get(0).reason()).isEqualTo("ScalingDisabled");
  }

  @Test
  void missingMetricsOnAScaleDownCountAsTheTargetWhichDampensIt() {
    // Four pods report 2 against a target of 10, two report nothing: without them the ratio would
    // propose 1; counting them at the target gives ceil((4×2 + 2×10)/6 / 10 × 6) = 3.
    List<PodSample> pods =
        List.of(
            PodSample.running("a", 2),
            PodSample.running("b", 2),
            PodSample.running("c", 2),
            PodSample.running("d", 2),
            PodSample.missing("e"),
            PodSample.missing("f"));
    assertThat(CALC.podsMetric(6, pods, BigDecimal.TEN).replicas()).hasValue(3);
  }

  @Test
  void notYetReadyPodsCountAsZeroOnAScaleUpAndAReversedDirectionKeepsTheReplicas() {
    // Two ready pods at 12 against 10 read as overload (ratio 1.2), while two pods are still
    // starting. Counting the starting pods at 0 gives 6 per pod: the direction reverses, so the
    // controller keeps 4 (ceil(1.2 × 2 ready) = 3 would have scaled down under load).
    List<PodSample> pods =
        List.of(
            PodSample.running("a", 12),
            PodSample.running("b", 12),
            PodSample.pending("c"),
            PodSample.pending("d"));
    assertThat(CALC.podsMetric(4, pods, BigDecimal.TEN).replicas()).hasValue(4);
    // With a real overload the scale-up goes ahead: 2 ready at 30, 2 starting → ceil(15/10 × 4).
    List<PodSample> hot =
        List.of(
            PodSample.running("a", 30),
            PodSample.running("b", 30),
            PodSample.pending("c"),
            PodSample.pending("d"));
    assertThat(CALC.podsMetric(4, hot, BigDecimal.TEN).replicas()).hasValue(6);
  }

  @Test
  void aFailingMetricBlocksAScaleDownButNotAScaleUp() {
    String two =
        Hpas.HEAD
            + "  maxReplicas: 20\n  metrics:\n"
            + "  - type: Pods\n    pods:\n      metric: {name: queue}\n      target: {type: AverageValue, averageValue: \"10\"}\n"
            + "  - type: Pods\n    pods:\n      metric: {name: broken}\n      target: {type: AverageValue, averageValue: \"10\"}\n";
    // "broken" has no pods reporting: its proposal fails.
    ReplicaTimeline down =
        HpaSimulation.of(Hpas.parse(two))
            .initialReplicas(6)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(10)))
            .signal("broken", Signal.unavailable())
            .run(Duration.ofMinutes(10));
    assertThat(down.minReplicas()).isEqualTo(6);
    ReplicaTimeline up =
        HpaSimulation.of(Hpas.parse(two))
            .initialReplicas(2)
            .signal("queue", Signal.sharedAcrossPods(Load.constant(80)))
            .signal("broken", Signal.unavailable())
            .run(Duration.ZERO);
    assertThat(up.finalReplicas()).isEqualTo(4);
  }
}
