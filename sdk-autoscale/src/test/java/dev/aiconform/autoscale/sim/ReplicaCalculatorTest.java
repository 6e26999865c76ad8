package dev.aiconform.autoscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.PodSample;
import dev.aiconform.autoscale.Recommendation;
import dev.aiconform.autoscale.ReplicaCalculator;
import dev.aiconform.autoscale.Tolerances;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller's replica calculator, case by case (pkg/controller/podautoscaler). */
class ReplicaCalculatorTest {
  static final ReplicaCalculator CALC = new ReplicaCalculator(Tolerances.defaults());
  static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  static final BigDecimal CORE = BigDecimal.ONE;

  static PodSample cpu(String name, String cores, boolean ready, Duration age) {
    Instant start = NOW.minus(age);
    return PodSample.builder()
        .name(name)
        .ready(ready)
        .value(new BigDecimal(cores))
        .putRequest("cpu", CORE)
        .startTime(start)
        .readyTransition(start.plusSeconds(5))
        .sampleTime(NOW)
        .build();
  }

  @Test
  void cpuUtilizationIsSummedUsageOverSummedRequests() {
    // 0.3 + 0.5 + 0.7 cores of 3 cores requested = 50 % against a target of 30 %.
    List<PodSample> pods =
        List.of(
            cpu("a", "0.3", true, Duration.ofHours(1)),
            cpu("b", "0.5", true, Duration.ofHours(1)),
            cpu("c", "0.7", true, Duration.ofHours(1)));
    Recommendation r = CALC.resourceUtilization(3, pods, 30, "cpu", NOW);
    assertThat(r.replicas()).hasValue(5);
    assertThat(r.usage()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo("50"));
  }

  @Test
  void anUnreadyCpuPodCountsAsZeroOnAScaleUp() {
    // The unready pod's sample is set aside; on the scale-up it is counted at 0 %.
    List<PodSample> pods =
        List.of(
            cpu("a", "0.3", false, Duration.ofHours(1)),
            cpu("b", "0.5", true, Duration.ofHours(1)),
            cpu("c", "0.7", true, Duration.ofHours(1)));
    Recommendation r = CALC.resourceUtilization(3, pods, 30, "cpu", NOW);
    assertThat(r.usage()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo("60"));
    assertThat(r.replicas()).hasValue(4);
  }

  @Test
  void aCpuSampleTakenBeforeAFullWindowOfReadinessIsSetAside() {
    // Within the 5-minute initialisation period a sample counts only after a whole window of
    // readiness: this pod became ready 5 s after start and the sample is from 10 s later.
    Instant start = NOW.minusSeconds(15);
    PodSample starting =
        PodSample.builder()
            .name("a")
            .ready(true)
            .value(new BigDecimal("0.9"))
            .putRequest("cpu", CORE)
            .startTime(start)
            .readyTransition(start.plusSeconds(5))
            .sampleTime(NOW)
            .build();
    List<PodSample> pods =
        List.of(
            starting,
            cpu("b", "0.5", true, Duration.ofHours(1)),
            cpu("c", "0.7", true, Duration.ofHours(1)));
    Recommendation r = CALC.resourceUtilization(3, pods, 30, "cpu", NOW);
    // (0 + 0.5 + 0.7) / 3 = 40 % → ceil(1.33 × 3)
    assertThat(r.replicas()).hasValue(4);
  }

  @Test
  void missingCpuMetricsOnAScaleDownCountAsTheirFullRequest() {
    List<PodSample> pods =
        List.of(
            cpu("a", "0.1", true, Duration.ofHours(1)),
            cpu("b", "0.1", true, Duration.ofHours(1)),
            PodSample.builder()
                .name("c")
                .ready(true)
                .putRequest("cpu", CORE)
                .startTime(NOW.minus(Duration.ofHours(1)))
                .build());
    // Without c: 10 % against 50 % → 1 replica; with c at 100 %: 40 % → ceil(0.8 × 3) = 3.
    assertThat(CALC.resourceUtilization(3, pods, 50, "cpu", NOW).replicas()).hasValue(3);
  }

  @Test
  void podsWithoutARequestMakeUtilizationImpossible() {
    List<PodSample> pods = List.of(PodSample.running("a", 0.5));
    assertThat(CALC.resourceUtilization(1, pods, 50, "memory", NOW).error())
        .hasValue("missing request for memory in pod a");
  }

  @Test
  void deletedAndFailedPodsAreIgnored() {
    List<PodSample> pods =
        List.of(
            PodSample.running("a", 20),
            PodSample.builder()
                .name("b")
                .ready(true)
                .deleting(true)
                .value(BigDecimal.valueOf(100))
                .build(),
            PodSample.builder()
                .name("c")
                .phase(PodSample.Phase.FAILED)
                .value(BigDecimal.valueOf(100))
                .build());
    assertThat(CALC.podsMetric(3, pods, BigDecimal.TEN).replicas()).hasValue(2);
  }

  @Test
  void noPodsOrNoSamplesAreErrors() {
    assertThat(CALC.podsMetric(1, List.of(), BigDecimal.TEN).error())
        .hasValue("no pods returned by selector while calculating replica count");
    assertThat(CALC.podsMetric(1, List.of(PodSample.pending("a")), BigDecimal.TEN).error())
        .hasValue("did not receive metrics for targeted pods (pods might be unready)");
  }

  @Test
  void missingMetricsOnAScaleUpCountAsZero() {
    List<PodSample> pods =
        List.of(PodSample.running("a", 30), PodSample.running("b", 30), PodSample.missing("c"));
    // Ready: 30 vs 10 → 3×; counting c at 0: 20 → ceil(2 × 3) = 6.
    assertThat(CALC.podsMetric(3, pods, BigDecimal.TEN).replicas()).hasValue(6);
  }

  @Test
  void toleranceMayDifferPerDirection() {
    ReplicaCalculator upOnly = new ReplicaCalculator(Tolerances.of(0.5, 0.0));
    List<PodSample> slightlyHigh =
        List.of(PodSample.running("a", 10.5), PodSample.running("b", 10.5));
    assertThat(upOnly.podsMetric(2, slightlyHigh, BigDecimal.TEN).replicas()).hasValue(3);
    List<PodSample> low = List.of(PodSample.running("a", 6), PodSample.running("b", 6));
    assertThat(upOnly.podsMetric(2, low, BigDecimal.TEN).replicas()).hasValue(2);
  }

  @Test
  void objectValuesScaleTheReadyPodsByTheRatio() {
    List<PodSample> pods =
        List.of(PodSample.running("a", 0), PodSample.running("b", 0), PodSample.pending("c"));
    // 300 against 100: ratio 3 × 2 ready pods.
    assertThat(
            CALC.objectValue(3, BigDecimal.valueOf(300), BigDecimal.valueOf(100), pods).replicas())
        .hasValue(6);
  }

  @Test
  void fromZeroReplicasAnObjectOrExternalValueGivesCeilOfTheRatio() {
    assertThat(
            CALC.externalValue(
                    0, List.of(BigDecimal.valueOf(250)), BigDecimal.valueOf(100), List.of())
                .replicas())
        .hasValue(3);
    assertThat(
            CALC.externalValue(0, List.of(BigDecimal.ZERO), BigDecimal.valueOf(100), List.of())
                .replicas())
        .hasValue(0);
  }

  @Test
  void externalAverageValuesDivideTheSumByTheTargetPerPod() {
    // Two series summing to 950 at 10 per pod: 95 replicas, whatever the current count.
    Recommendation r =
        CALC.externalAverageValue(
            4, List.of(BigDecimal.valueOf(500), BigDecimal.valueOf(450)), BigDecimal.TEN);
    assertThat(r.replicas()).hasValue(95);
    assertThat(r.usage()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo("237.5"));
    // Within the tolerance the current count stays: 42 per pod against 40.
    assertThat(
            CALC.externalAverageValue(4, List.of(BigDecimal.valueOf(168)), BigDecimal.valueOf(40))
                .replicas())
        .hasValue(4);
  }

  @Test
  void valuesAreComparedInThousandthsRoundedUp() {
    // 100/12 per pod is 8.3333…, read as 8.334: ratio 0.8334 × 12 = 10.0008 → 11, as the
    // controller computes from quantities.
    List<PodSample> pods = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pods.add(PodSample.running("p" + i, new BigDecimal("8.33333333")));
    }
    assertThat(CALC.podsMetric(12, pods, BigDecimal.TEN).replicas()).hasValue(11);
  }
}
