package dev.aiconform.autoscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.HpaSimulation;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.autoscale.ScalingStep;
import dev.aiconform.autoscale.Signal;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the HPA controller that hold whatever the load. */
class ScalingProperties {
  static final Duration SYNC = Duration.ofSeconds(15);

  /** A load that changes at every sync: one value per 15 s. */
  static Load perSync(List<Double> values) {
    return t -> values.get((int) Math.min(values.size() - 1, t.toSeconds() / 15));
  }

  static Duration span(List<Double> values) {
    return SYNC.multipliedBy(values.size() - 1);
  }

  /** A policy entry of a behavior's rules, as YAML. */
  static String policy(String type, int value, int periodSeconds) {
    return "      - {type: "
        + type
        + ", value: "
        + value
        + ", periodSeconds: "
        + periodSeconds
        + "}\n";
  }

  /** The timeline of {@code hpa} from {@code initial} replicas under a queue changing each sync. */
  static ReplicaTimeline underQueueLoad(
      HorizontalPodAutoscaler hpa, int initial, List<Double> load) {
    return HpaSimulation.of(hpa)
        .initialReplicas(initial)
        .signal("queue", Signal.sharedAcrossPods(perSync(load)))
        .run(span(load));
  }

  @Provide
  Arbitrary<String> behaviours() {
    Arbitrary<String> none = Arbitraries.just("");
    Arbitrary<String> random =
        Combinators.combine(
                Arbitraries.integers().between(0, 40).map(i -> i * 15),
                Arbitraries.integers().between(0, 40).map(i -> i * 15),
                Arbitraries.of("Pods", "Percent"),
                Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(1, 120),
                Arbitraries.of("Max", "Min"))
            .as(
                (upWindow, downWindow, type, value, period, select) ->
                    "    scaleUp:\n      stabilizationWindowSeconds: "
                        + upWindow
                        + "\n"
                        + "      selectPolicy: "
                        + select
                        + "\n      policies:\n"
                        + policy(type, value, period)
                        + "      - {type: Pods, value: 1, periodSeconds: 15}\n"
                        + "    scaleDown:\n      stabilizationWindowSeconds: "
                        + downWindow
                        + "\n"
                        + "      selectPolicy: "
                        + select
                        + "\n      policies:\n"
                        + policy(type, value, period));
    return Arbitraries.oneOf(none, random);
  }

  @Property(tries = 200)
  void replicasNeverLeaveMinAndMax(
      @ForAll @IntRange(min = 1, max = 5) int min,
      @ForAll @IntRange(min = 0, max = 25) int extra,
      @ForAll @IntRange(min = 1, max = 40) int initial,
      @ForAll @IntRange(min = 1, max = 20) int target,
      @ForAll("behaviours") String behaviour,
      @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 2000) Double> load) {
    int max = min + extra;
    ReplicaTimeline t =
        underQueueLoad(
            Hpas.pods(min, max, String.valueOf(target), behaviour.isEmpty() ? null : behaviour),
            initial,
            load);
    for (ScalingStep s : t.steps()) {
      assertThat(s.desiredReplicas()).as("%s", s).isBetween(min, max);
    }
  }

  @Property(tries = 200)
  void aConstantLoadWithinTheToleranceChangesNothing(
      @ForAll @IntRange(min = 1, max = 30) int replicas,
      @ForAll @IntRange(min = 1, max = 50) int target,
      @ForAll @DoubleRange(min = -0.08, max = 0.08) double deviation,
      @ForAll("behaviours") String behaviour) {
    ReplicaTimeline t =
        HpaSimulation.of(
                Hpas.pods(1, 50, String.valueOf(target), behaviour.isEmpty() ? null : behaviour))
            .initialReplicas(replicas)
            .signal("queue", Signal.perPod(Load.constant(target * (1 + deviation))))
            .run(Duration.ofMinutes(10));
    assertThat(t.changes()).as("%s", t).isEmpty();
  }

  @Property(tries = 200)
  void podsPoliciesBoundTheNetChangeWithinEveryPeriod(
      @ForAll @IntRange(min = 1, max = 6) int podsPerPeriod,
      @ForAll @IntRange(min = 1, max = 8) int periods,
      @ForAll @IntRange(min = 1, max = 40) int initial,
      @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 3000) Double> load) {
    int period = periods * 15;
    String behaviour =
        "    scaleUp:\n      stabilizationWindowSeconds: 0\n      policies:\n"
            + policy("Pods", podsPerPeriod, period)
            + "    scaleDown:\n      stabilizationWindowSeconds: 0\n      policies:\n"
            + policy("Pods", podsPerPeriod, period);
    ReplicaTimeline t = underQueueLoad(Hpas.pods(1, 40, "10", behaviour), initial, load);
    // The controller bounds the net change against the replicas at the start of the period:
    // a scale-up may reach start + value, a scale-down start - value.
    List<ScalingStep> steps = t.steps();
    for (int i = 0; i < steps.size(); i++) {
      ScalingStep step = steps.get(i);
      int net = 0;
      for (ScalingStep s : window(steps, i, period)) {
        net += s.desiredReplicas() - s.replicas();
      }
      if (step.desiredReplicas() > step.replicas()) {
        assertThat(net)
            .as("net change within %ss up to %s", period, step.at())
            .isLessThanOrEqualTo(podsPerPeriod);
      } else if (step.desiredReplicas() < step.replicas()) {
        assertThat(net)
            .as("net change within %ss up to %s", period, step.at())
            .isGreaterThanOrEqualTo(-podsPerPeriod);
      }
    }
  }

  @Property(tries = 200)
  void stabilisationWindowsHold(
      @ForAll @IntRange(min = 0, max = 20) int upWindows,
      @ForAll @IntRange(min = 0, max = 40) int downWindows,
      @ForAll @IntRange(min = 1, max = 40) int initial,
      @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 2000) Double> load) {
    int upWindow = upWindows * 15;
    int downWindow = downWindows * 15;
    String behaviour =
        "    scaleUp:\n      stabilizationWindowSeconds: "
            + upWindow
            + "\n      policies:\n"
            + "      - {type: Percent, value: 1000, periodSeconds: 15}\n"
            + "    scaleDown:\n      stabilizationWindowSeconds: "
            + downWindow
            + "\n      policies:\n"
            + "      - {type: Percent, value: 100, periodSeconds: 15}\n";
    ReplicaTimeline t = underQueueLoad(Hpas.pods(1, 100, "10", behaviour), initial, load);
    List<ScalingStep> steps = t.steps();
    for (int i = 0; i < steps.size(); i++) {
      ScalingStep s = steps.get(i);
      if (s.desiredReplicas() < s.replicas()) {
        // A scale-down never goes below any recommendation of the down window.
        for (ScalingStep w : window(steps, i, downWindow)) {
          assertThat(s.desiredReplicas())
              .as("%s vs %s", s, w)
              .isGreaterThanOrEqualTo(Math.min(w.proposals().get("queue"), s.replicas()));
        }
      } else if (s.desiredReplicas() > s.replicas()) {
        // A scale-up never goes above any recommendation of the up window.
        for (ScalingStep w : window(steps, i, upWindow)) {
          assertThat(s.desiredReplicas())
              .as("%s vs %s", s, w)
              .isLessThanOrEqualTo(Math.max(w.proposals().get("queue"), s.replicas()));
        }
      }
    }
  }

  /** Step i and the earlier steps less than {@code seconds} before it. */
  static List<ScalingStep> window(List<ScalingStep> steps, int i, int seconds) {
    Duration end = steps.get(i).at();
    return steps.subList(0, i + 1).stream()
        .filter(s -> s == steps.get(i) || s.at().compareTo(end.minusSeconds(seconds)) > 0)
        .collect(java.util.stream.Collectors.toList());
  }
}
