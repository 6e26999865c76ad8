package dev.aiconform.autoscale.internal.sim;

import dev.aiconform.autoscale.ControllerSettings;
import dev.aiconform.autoscale.PodSample;
import dev.aiconform.autoscale.Quantities;
import dev.aiconform.autoscale.Recommendation;
import dev.aiconform.autoscale.ReplicaCalculator;
import dev.aiconform.autoscale.Tolerances;
import dev.aiconform.autoscale.internal.rules.HpaDefaulter;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HPA's controller state and sync, following kube-controller-manager's horizontal.go: metric
 * proposals (the largest wins; a failed metric blocks a scale-down), then either the legacy
 * normalisation (downscale window, scale-up limit max(2×, 4)) or the behaviour-driven one
 * (stabilisation windows over recorded recommendations, policy limits over recorded scale events,
 * selectPolicy), then the min/max clamps. Scale-to-zero and the maintenance mode (target at 0 with
 * minReplicas above 0) follow the 1.37 controller.
 */
public final class HpaEngine {
  private final ControllerSettings settings;
  private final List<Timed> recommendations = new ArrayList<>();
  private final List<Timed> scaleUpEvents = new ArrayList<>();
  private final List<Timed> scaleDownEvents = new ArrayList<>();
  private boolean scaledToZero;
  private Instant lastScaleTime;

  private static final class Timed {
    final Instant at;
    final int value;

    Timed(Instant at, int value) {
      this.at = at;
      this.value = value;
    }
  }

  public HpaEngine(ControllerSettings settings) {
    this.settings = settings;
  }

  public Optional<Instant> lastScaleTime() {
    return Optional.ofNullable(lastScaleTime);
  }

  /** Whether this controller scaled the target to zero (the ScaledToZero condition). */
  public boolean scaledToZero() {
    return scaledToZero;
  }

  /**
   * Runs one sync at {@code now}; when the result says {@code rescale}, the caller sets the
   * target's replicas to {@code desiredReplicas}.
   */
  public SyncResult sync(
      Instant now,
      HorizontalPodAutoscaler given,
      int specReplicas,
      int statusReplicas,
      List<PodSample> pods,
      MetricReader reader) {
    HorizontalPodAutoscaler hpa = defaulted(given);
    HorizontalPodAutoscalerSpec spec = hpa.getSpec();
    int min = spec.getMinReplicas();
    int max = spec.getMaxReplicas() == null ? 0 : spec.getMaxReplicas();
    int current = specReplicas;
    boolean objectOrExternal =
        spec.getMetrics().stream()
            .anyMatch(m -> "Object".equals(m.getType()) || "External".equals(m.getType()));
    Map<String, Integer> proposals = new LinkedHashMap<>();
    Map<String, BigDecimal> usages = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    String ableToScale = "ReadyForNewScale";
    String scalingActive = "ValidMetricFound";
    String limited = "DesiredWithinRange";
    Optional<String> rescaleReason = Optional.empty();
    int desired;
    boolean rescale;
    boolean fromZero =
        settings.scaleToZeroEnabled() && objectOrExternal && min == 0 && scaledToZero;
    if (current == 0 && (min != 0 || !fromZero)) {
      // Maintenance mode: somebody else scaled the target to zero.
      desired = 0;
      rescale = false;
      scalingActive = "ScalingDisabled";
    } else if (current > max) {
      desired = max;
      rescale = true;
      rescaleReason = Optional.of("Current number of replicas above Spec.MaxReplicas");
    } else if (current < min) {
      desired = min;
      rescale = true;
      rescaleReason = Optional.of("Current number of replicas below Spec.MinReplicas");
    } else {
      Tolerances tolerances = tolerances(spec.getBehavior());
      ReplicaCalculator calc =
          new ReplicaCalculator(
              tolerances, settings.cpuInitializationPeriod(), settings.initialReadinessDelay());
      int proposal = 0;
      int invalid = 0;
      for (MetricSpec m : spec.getMetrics()) {
        String name = MetricNames.of(m);
        Recommendation r = compute(calc, m, current, statusReplicas, pods, reader, now);
        r.usage().ifPresent(u -> usages.put(name, u));
        if (!r.isValid()) {
          invalid++;
          errors.add(name + ": " + r.error().orElse(""));
          proposals.put(name, -1);
          continue;
        }
        proposals.put(name, r.replicas().getAsInt());
        proposal = Math.max(proposal, r.replicas().getAsInt());
      }
      if (invalid >= spec.getMetrics().size() || (invalid > 0 && proposal < current)) {
        return new SyncResult(
            current,
            current,
            false,
            proposals,
            usages,
            errors,
            ableToScale,
            "FailedGetMetrics",
            limited,
            Optional.empty());
      }
      int prenormalized = Math.max(0, proposal);
      Normalized n =
          spec.getBehavior() == null
              ? normalizeLegacy(now, current, prenormalized, min, max)
              : normalizeWithBehaviour(now, spec.getBehavior(), current, prenormalized, min, max);
      desired = n.replicas;
      ableToScale = n.ableToScale;
      limited = n.limited;
      rescale = desired != current;
      if (rescale) {
        rescaleReason = Optional.of("metric-driven");
      }
    }
    if (rescale) {
      if (spec.getBehavior() != null) {
        if (desired > current) {
          scaleUpEvents.add(new Timed(now, desired - current));
        } else {
          scaleDownEvents.add(new Timed(now, current - desired));
        }
        prune(now, spec.getBehavior());
      }
      if (settings.scaleToZeroEnabled()) {
        scaledToZero = current > 0 && desired == 0 && min == 0 && objectOrExternal;
      }
      lastScaleTime = now;
    }
    return new SyncResult(
        current,
        desired,
        rescale,
        proposals,
        usages,
        errors,
        ableToScale,
        scalingActive,
        limited,
        rescaleReason);
  }

  // The spec rarely changes between syncs: default it again only when it does.
  private HorizontalPodAutoscalerSpec lastSpec;
  private HorizontalPodAutoscaler lastDefaulted;

  private HorizontalPodAutoscaler defaulted(HorizontalPodAutoscaler given) {
    if (lastDefaulted != null && Objects.equals(lastSpec, given.getSpec())) {
      return lastDefaulted;
    }
    lastSpec = given.getSpec() == null ? null : KubeSerialization.get().clone(given.getSpec());
    lastDefaulted = defaultedCopy(given);
    return lastDefaulted;
  }

  private HorizontalPodAutoscaler defaultedCopy(HorizontalPodAutoscaler given) {
    HorizontalPodAutoscaler copy = KubeSerialization.get().clone(given);
    new HpaDefaulter().apply(copy, settings.targetVersion());
    HorizontalPodAutoscalerBehavior b = copy.getSpec().getBehavior();
    if (b != null && b.getScaleDown().getStabilizationWindowSeconds() == null) {
      b.getScaleDown()
          .setStabilizationWindowSeconds((int) settings.downscaleStabilization().toSeconds());
    }
    return copy;
  }

  private Tolerances tolerances(HorizontalPodAutoscalerBehavior b) {
    double down = settings.tolerance();
    double up = settings.tolerance();
    if (b != null && settings.configurableToleranceEnabled()) {
      if (b.getScaleDown() != null && b.getScaleDown().getTolerance() != null) {
        down =
            Quantities.value(b.getScaleDown().getTolerance())
                .map(BigDecimal::doubleValue)
                .orElse(down);
      }
      if (b.getScaleUp() != null && b.getScaleUp().getTolerance() != null) {
        up =
            Quantities.value(b.getScaleUp().getTolerance()).map(BigDecimal::doubleValue).orElse(up);
      }
    }
    return Tolerances.of(down, up);
  }

  private static Recommendation compute(
      ReplicaCalculator calc,
      MetricSpec m,
      int current,
      int statusReplicas,
      List<PodSample> pods,
      MetricReader reader,
      Instant now) {
    String type = m.getType() == null ? "" : m.getType();
    switch (type) {
      case "Pods":
        {
          Optional<BigDecimal> target = amount(m.getPods().getTarget().getAverageValue());
          Optional<Map<String, BigDecimal>> values = reader.podValues(m);
          if (target.isEmpty() || values.isEmpty()) {
            return Recommendation.failed("unable to get metric " + MetricNames.of(m));
          }
          return calc.podsMetric(current, withValues(pods, values.get()), target.get());
        }
      case "Resource":
      case "ContainerResource":
        {
          String resource =
              type.equals("Resource")
                  ? m.getResource().getName()
                  : m.getContainerResource().getName();
          MetricTarget t =
              type.equals("Resource")
                  ? m.getResource().getTarget()
                  : m.getContainerResource().getTarget();
          Optional<Map<String, BigDecimal>> values = reader.podValues(m);
          if (values.isEmpty()) {
            return Recommendation.failed("unable to get metrics for resource " + resource);
          }
          List<PodSample> samples = withValues(pods, values.get());
          if ("Utilization".equals(t.getType()) && t.getAverageUtilization() != null) {
            return calc.resourceUtilization(
                current, samples, t.getAverageUtilization(), resource, now);
          }
          if ("AverageValue".equals(t.getType()) && t.getAverageValue() != null) {
            return calc.resourceAverageValue(
                current, samples, amount(t.getAverageValue()).orElseThrow(), resource, now);
          }
          return Recommendation.failed(
              "invalid resource metric source: neither a utilization target nor a value target was set");
        }
      case "Object":
        {
          MetricTarget t = m.getObject().getTarget();
          Optional<BigDecimal> value = reader.objectValue(m);
          if (value.isEmpty()) {
            return Recommendation.failed("unable to get metric " + MetricNames.of(m));
          }
          if ("Value".equals(t.getType()) && t.getValue() != null) {
            return calc.objectValue(current, value.get(), amount(t.getValue()).orElseThrow(), pods);
          }
          if ("AverageValue".equals(t.getType()) && t.getAverageValue() != null) {
            return calc.objectAverageValue(
                statusReplicas, value.get(), amount(t.getAverageValue()).orElseThrow());
          }
          return Recommendation.failed(
              "invalid object metric source: neither a value target nor an average value target was set");
        }
      case "External":
        {
          MetricTarget t = m.getExternal().getTarget();
          Optional<List<BigDecimal>> values = reader.externalValues(m);
          if (values.isEmpty()) {
            return Recommendation.failed("unable to get external metric " + MetricNames.of(m));
          }
          if ("AverageValue".equals(t.getType()) && t.getAverageValue() != null) {
            return calc.externalAverageValue(
                statusReplicas, values.get(), amount(t.getAverageValue()).orElseThrow());
          }
          if ("Value".equals(t.getType()) && t.getValue() != null) {
            return calc.externalValue(
                current, values.get(), amount(t.getValue()).orElseThrow(), pods);
          }
          return Recommendation.failed(
              "invalid external metric source: neither a value target nor an average value target was set");
        }
      default:
        return Recommendation.failed("unknown metric source type \"" + type + "\"");
    }
  }

  private static Optional<BigDecimal> amount(io.fabric8.kubernetes.api.model.Quantity q) {
    return Quantities.value(q);
  }

  private static List<PodSample> withValues(List<PodSample> pods, Map<String, BigDecimal> values) {
    List<PodSample> out = new ArrayList<>();
    for (PodSample p : pods) {
      BigDecimal v = values.get(p.name());
      out.add(PodSample.builder().from(p).value(Optional.ofNullable(v)).build());
    }
    return out;
  }

  private static final class Normalized {
    final int replicas;
    final String ableToScale;
    final String limited;

    Normalized(int replicas, String ableToScale, String limited) {
      this.replicas = replicas;
      this.ableToScale = ableToScale;
      this.limited = limited;
    }
  }

  /** Without behavior: the highest recommendation in the downscale window, then max(2×, 4). */
  private Normalized normalizeLegacy(
      Instant now, int current, int prenormalized, int min, int max) {
    Instant cutoff = now.minus(settings.downscaleStabilization());
    int stabilized = prenormalized;
    for (Timed r : recommendations) {
      if (!r.at.isBefore(cutoff) && r.value > stabilized) {
        stabilized = r.value;
      }
    }
    recommendations.removeIf(r -> r.at.isBefore(cutoff));
    recommendations.add(new Timed(now, prenormalized));
    String able = stabilized != prenormalized ? "ScaleDownStabilized" : "ReadyForNewScale";
    int scaleUpLimit = (int) Math.max(2.0 * current, 4.0);
    int maximumAllowed;
    String limiting;
    if (max > scaleUpLimit) {
      maximumAllowed = scaleUpLimit;
      limiting = "ScaleUpLimit";
    } else {
      maximumAllowed = max;
      limiting = "TooManyReplicas";
    }
    if (stabilized < min) {
      return new Normalized(min, able, "TooFewReplicas");
    }
    if (stabilized > maximumAllowed) {
      return new Normalized(maximumAllowed, able, limiting);
    }
    return new Normalized(stabilized, able, "DesiredWithinRange");
  }

  private Normalized normalizeWithBehaviour(
      Instant now,
      HorizontalPodAutoscalerBehavior b,
      int current,
      int prenormalized,
      int min,
      int max) {
    HPAScalingRules up = b.getScaleUp();
    HPAScalingRules down = b.getScaleDown();
    Instant upCutoff = now.minusSeconds(up.getStabilizationWindowSeconds());
    Instant downCutoff = now.minusSeconds(down.getStabilizationWindowSeconds());
    int upRecommendation = prenormalized;
    int downRecommendation = prenormalized;
    for (Timed r : recommendations) {
      if (r.at.isAfter(upCutoff)) {
        upRecommendation = Math.min(r.value, upRecommendation);
      }
      if (r.at.isAfter(downCutoff)) {
        downRecommendation = Math.max(r.value, downRecommendation);
      }
    }
    int stabilized = current;
    if (stabilized < upRecommendation) {
      stabilized = upRecommendation;
    }
    if (stabilized > downRecommendation) {
      stabilized = downRecommendation;
    }
    recommendations.removeIf(r -> !r.at.isAfter(upCutoff) && !r.at.isAfter(downCutoff));
    recommendations.add(new Timed(now, prenormalized));
    String able =
        stabilized == prenormalized
            ? "ReadyForNewScale"
            : prenormalized >= current ? "ScaleUpStabilized" : "ScaleDownStabilized";
    if (stabilized > current) {
      int limit = Math.max(current, scaleUpLimit(now, current, up));
      if (max > limit) {
        return stabilized > limit
            ? new Normalized(limit, able, "ScaleUpLimit")
            : new Normalized(stabilized, able, "DesiredWithinRange");
      }
      return stabilized > max
          ? new Normalized(max, able, "TooManyReplicas")
          : new Normalized(stabilized, able, "DesiredWithinRange");
    }
    if (stabilized < current) {
      int limit = Math.min(current, scaleDownLimit(now, current, down));
      if (min < limit) {
        return stabilized < limit
            ? new Normalized(limit, able, "ScaleDownLimit")
            : new Normalized(stabilized, able, "DesiredWithinRange");
      }
      return stabilized < min
          ? new Normalized(min, able, "TooFewReplicas")
          : new Normalized(stabilized, able, "DesiredWithinRange");
    }
    return new Normalized(stabilized, able, "DesiredWithinRange");
  }

  /** The most replicas the scale-up policies allow now. */
  int scaleUpLimit(Instant now, int current, HPAScalingRules rules) {
    String select = selectPolicy(rules);
    if (select.equals("Disabled")) {
      return current;
    }
    boolean minPolicy = select.equals("Min");
    int result = minPolicy ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (HPAScalingPolicy p : rules.getPolicies()) {
      int start = periodStartReplicas(now, current, p.getPeriodSeconds());
      int proposed =
          "Pods".equals(p.getType())
              ? start + p.getValue()
              : (int) Math.ceil(start * (1 + p.getValue() / 100.0));
      result = minPolicy ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  /** The fewest replicas the scale-down policies allow now. */
  int scaleDownLimit(Instant now, int current, HPAScalingRules rules) {
    String select = selectPolicy(rules);
    if (select.equals("Disabled")) {
      return current;
    }
    boolean minPolicy = select.equals("Min");
    int result = minPolicy ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (HPAScalingPolicy p : rules.getPolicies()) {
      int start = periodStartReplicas(now, current, p.getPeriodSeconds());
      int proposed =
          "Pods".equals(p.getType())
              ? start - p.getValue()
              : (int) (start * (1 - p.getValue() / 100.0)); // truncates: the count that stays
      result = minPolicy ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  /** The select policy, Max when unset (the API server's default). */
  private static String selectPolicy(HPAScalingRules rules) {
    return rules.getSelectPolicy() == null ? "Max" : rules.getSelectPolicy();
  }

  /**
   * The replicas there were {@code periodSeconds} ago: the current count less what this HPA added
   * since, plus what it removed (a policy limits the change over its period).
   */
  private int periodStartReplicas(Instant now, int current, int periodSeconds) {
    return current
        - change(now, periodSeconds, scaleUpEvents)
        + change(now, periodSeconds, scaleDownEvents);
  }

  private static int change(Instant now, int periodSeconds, List<Timed> events) {
    Instant cutoff = now.minusSeconds(periodSeconds);
    int total = 0;
    for (Timed e : events) {
      if (e.at.isAfter(cutoff)) {
        total += e.value;
      }
    }
    return total;
  }

  private void prune(Instant now, HorizontalPodAutoscalerBehavior b) {
    scaleUpEvents.removeIf(e -> !e.at.isAfter(now.minusSeconds(longest(b.getScaleUp()))));
    scaleDownEvents.removeIf(e -> !e.at.isAfter(now.minusSeconds(longest(b.getScaleDown()))));
  }

  private static int longest(HPAScalingRules r) {
    int longest = 0;
    for (HPAScalingPolicy p : r.getPolicies()) {
      longest = Math.max(longest, p.getPeriodSeconds());
    }
    return longest;
  }
}
