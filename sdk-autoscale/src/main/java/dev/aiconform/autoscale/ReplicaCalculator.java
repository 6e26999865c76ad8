package dev.aiconform.autoscale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The HPA controller's per-metric arithmetic (kube-controller-manager's replica calculator): from
 * the target's pods and the metric's values to a proposed replica count. Values are compared in
 * thousandths, as the controller does, so results match it to the replica.
 *
 * <p>For per-pod metrics, pods being deleted or failed are ignored; pending pods (and, for CPU,
 * pods not ready or still initialising) are set aside; pods without a value are "missing". With
 * none of those the proposal is {@code ceil(ratio × ready pods)} unless the ratio is within the
 * tolerance. Otherwise missing pods are assumed at the target (scale-down) or at 0 (scale-up),
 * set-aside pods at 0 on scale-up, and the ratio recomputed; the scale does not happen if that
 * reverses its direction or falls within the tolerance.
 *
 * <pre>{@code
 * ReplicaCalculator calc = new ReplicaCalculator(Tolerances.defaults());
 * calc.podsMetric(2, List.of(PodSample.running("a", 8), PodSample.running("b", 12)), BigDecimal.valueOf(5));
 * // 4 replicas: the average (10) is twice the target
 * }</pre>
 */
public final class ReplicaCalculator {
  /** --horizontal-pod-autoscaler-cpu-initialization-period default. */
  public static final Duration DEFAULT_CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);

  /** --horizontal-pod-autoscaler-initial-readiness-delay default. */
  public static final Duration DEFAULT_INITIAL_READINESS_DELAY = Duration.ofSeconds(30);

  private final Tolerances tolerances;
  private final Duration cpuInitializationPeriod;
  private final Duration initialReadinessDelay;

  public ReplicaCalculator(Tolerances tolerances) {
    this(tolerances, DEFAULT_CPU_INITIALIZATION_PERIOD, DEFAULT_INITIAL_READINESS_DELAY);
  }

  public ReplicaCalculator(
      Tolerances tolerances, Duration cpuInitializationPeriod, Duration initialReadinessDelay) {
    this.tolerances = Objects.requireNonNull(tolerances, "tolerances");
    this.cpuInitializationPeriod = Objects.requireNonNull(cpuInitializationPeriod);
    this.initialReadinessDelay = Objects.requireNonNull(initialReadinessDelay);
  }

  public Tolerances tolerances() {
    return tolerances;
  }

  /** A {@code Pods} metric: hold the per-pod average at {@code targetAverage}. */
  public Recommendation podsMetric(
      int currentReplicas, List<PodSample> pods, BigDecimal targetAverage) {
    return plain(currentReplicas, pods, milli(targetAverage), false, null);
  }

  /**
   * A {@code Resource} (or {@code ContainerResource}) metric with an {@code AverageValue} target,
   * such as 500m of CPU per pod. {@code now} decides which CPU samples count.
   */
  public Recommendation resourceAverageValue(
      int currentReplicas,
      List<PodSample> pods,
      BigDecimal targetAverage,
      String resource,
      Instant now) {
    return plain(currentReplicas, pods, milli(targetAverage), "cpu".equals(resource), now);
  }

  /**
   * A {@code Resource} metric with a {@code Utilization} target: the pods' summed usage as a
   * percentage of their summed requests. The usage reported is that percentage.
   */
  public Recommendation resourceUtilization(
      int currentReplicas,
      List<PodSample> pods,
      int targetUtilization,
      String resource,
      Instant now) {
    if (pods.isEmpty()) {
      return Recommendation.failed("no pods returned by selector while calculating replica count");
    }
    Map<String, Long> metrics = values(pods);
    Groups g = group(pods, metrics, "cpu".equals(resource), now);
    g.ignored.forEach(metrics::remove);
    g.unready.forEach(metrics::remove);
    if (metrics.isEmpty()) {
      return Recommendation.failed(
          "did not receive metrics for targeted pods (pods might be unready)");
    }
    Map<String, Long> requests = new LinkedHashMap<>();
    for (PodSample p : pods) {
      BigDecimal r = p.requests().get(resource);
      if (r == null) {
        return Recommendation.failed("missing request for " + resource + " in pod " + p.name());
      }
      requests.put(p.name(), milli(r));
    }
    Utilization u = utilization(metrics, requests, targetUtilization);
    if (u == null) {
      return Recommendation.failed("no metrics returned matched known pods");
    }
    BigDecimal usage = BigDecimal.valueOf(u.percent);
    boolean scaleUpWithUnready = !g.unready.isEmpty() && u.ratio > 1.0;
    if (!scaleUpWithUnready && g.missing.isEmpty()) {
      if (tolerances.isWithin(u.ratio)) {
        return Recommendation.of(currentReplicas, usage);
      }
      return Recommendation.of(ceil(u.ratio * g.ready), usage);
    }
    if (!g.missing.isEmpty()) {
      if (u.ratio < 1.0) {
        long fallback = Math.max(100, targetUtilization);
        for (String pod : g.missing) {
          metrics.put(pod, requests.get(pod) * fallback / 100);
        }
      } else if (u.ratio > 1.0) {
        for (String pod : g.missing) {
          metrics.put(pod, 0L);
        }
      }
    }
    if (scaleUpWithUnready) {
      for (String pod : g.unready) {
        metrics.put(pod, 0L);
      }
    }
    Utilization again = utilization(metrics, requests, targetUtilization);
    return settle(currentReplicas, u.ratio, again.ratio, metrics.size(), usage);
  }

  /** An {@code Object} metric with a {@code Value} target. */
  public Recommendation objectValue(
      int currentReplicas, BigDecimal value, BigDecimal target, List<PodSample> pods) {
    long usage = milli(value);
    return usageRatio(currentReplicas, (double) usage / milli(target), pods, fromMilli(usage));
  }

  /** An {@code Object} metric with an {@code AverageValue} target: the value per replica. */
  public Recommendation objectAverageValue(
      int statusReplicas, BigDecimal value, BigDecimal targetAverage) {
    return perReplica(statusReplicas, milli(value), milli(targetAverage));
  }

  /** An {@code External} metric with a {@code Value} target: the series' values summed. */
  public Recommendation externalValue(
      int currentReplicas, List<BigDecimal> values, BigDecimal target, List<PodSample> pods) {
    long usage = sum(values);
    return usageRatio(currentReplicas, (double) usage / milli(target), pods, fromMilli(usage));
  }

  /** An {@code External} metric with an {@code AverageValue} target: the sum per replica. */
  public Recommendation externalAverageValue(
      int statusReplicas, List<BigDecimal> values, BigDecimal targetAverage) {
    return perReplica(statusReplicas, sum(values), milli(targetAverage));
  }

  private Recommendation plain(
      int currentReplicas, List<PodSample> pods, long targetMilli, boolean cpu, Instant now) {
    if (pods.isEmpty()) {
      return Recommendation.failed("no pods returned by selector while calculating replica count");
    }
    Map<String, Long> metrics = values(pods);
    Groups g = group(pods, metrics, cpu, now);
    g.ignored.forEach(metrics::remove);
    g.unready.forEach(metrics::remove);
    if (metrics.isEmpty()) {
      return Recommendation.failed(
          "did not receive metrics for targeted pods (pods might be unready)");
    }
    long current = average(metrics);
    double ratio = (double) current / targetMilli;
    BigDecimal usage = fromMilli(current);
    boolean scaleUpWithUnready = !g.unready.isEmpty() && ratio > 1.0;
    if (!scaleUpWithUnready && g.missing.isEmpty()) {
      if (tolerances.isWithin(ratio)) {
        return Recommendation.of(currentReplicas, usage);
      }
      return Recommendation.of(ceil(ratio * g.ready), usage);
    }
    if (!g.missing.isEmpty()) {
      if (ratio < 1.0) {
        for (String pod : g.missing) {
          metrics.put(pod, targetMilli); // scale-down: missing pods use exactly the target
        }
      } else if (ratio > 1.0) {
        for (String pod : g.missing) {
          metrics.put(pod, 0L); // scale-up: missing pods use nothing
        }
      }
    }
    if (scaleUpWithUnready) {
      for (String pod : g.unready) {
        metrics.put(pod, 0L);
      }
    }
    double newRatio = (double) average(metrics) / targetMilli;
    return settle(currentReplicas, ratio, newRatio, metrics.size(), usage);
  }

  private Recommendation settle(
      int currentReplicas, double ratio, double newRatio, int counted, BigDecimal usage) {
    if (tolerances.isWithin(newRatio)
        || (ratio < 1.0 && newRatio > 1.0)
        || (ratio > 1.0 && newRatio < 1.0)) {
      return Recommendation.of(currentReplicas, usage); // too small, or the direction reversed
    }
    int replicas = ceil(newRatio * counted);
    if ((newRatio < 1.0 && replicas > currentReplicas)
        || (newRatio > 1.0 && replicas < currentReplicas)) {
      return Recommendation.of(currentReplicas, usage);
    }
    return Recommendation.of(replicas, usage);
  }

  private Recommendation usageRatio(
      int currentReplicas, double ratio, List<PodSample> pods, BigDecimal usage) {
    if (currentReplicas == 0) {
      return Recommendation.of(ceil(ratio), usage); // from zero: no pods, no tolerance
    }
    if (tolerances.isWithin(ratio)) {
      return Recommendation.of(currentReplicas, usage);
    }
    if (pods.isEmpty()) {
      return Recommendation.failed(
          "unable to calculate ready pods: no pods returned by selector while calculating replica count");
    }
    long ready =
        pods.stream()
            .filter(p -> p.phase() == PodSample.Phase.RUNNING && p.ready().orElse(false))
            .count();
    return Recommendation.of(ceil(ratio * ready), usage);
  }

  private Recommendation perReplica(int statusReplicas, long usage, long targetAverage) {
    int replicas = statusReplicas;
    double ratio = (double) usage / ((double) targetAverage * statusReplicas);
    if (!tolerances.isWithin(ratio)) {
      replicas = ceil((double) usage / targetAverage);
    }
    BigDecimal perPod =
        statusReplicas == 0
            ? fromMilli(usage)
            : fromMilli((long) Math.ceil((double) usage / statusReplicas));
    return Recommendation.of(replicas, perPod);
  }

  private static final class Groups {
    int ready;
    final Set<String> unready = new HashSet<>();
    final Set<String> missing = new HashSet<>();
    final Set<String> ignored = new HashSet<>();
  }

  private Groups group(List<PodSample> pods, Map<String, Long> metrics, boolean cpu, Instant now) {
    Groups g = new Groups();
    for (PodSample p : pods) {
      if (p.deleting() || p.phase() == PodSample.Phase.FAILED) {
        g.ignored.add(p.name());
        continue;
      }
      if (p.phase() == PodSample.Phase.PENDING) {
        g.unready.add(p.name());
        continue;
      }
      if (!metrics.containsKey(p.name())) {
        g.missing.add(p.name());
        continue;
      }
      if (cpu && cpuSampleSetAside(p, now)) {
        g.unready.add(p.name());
        continue;
      }
      g.ready++;
    }
    return g;
  }

  /** Whether a CPU sample is set aside because the pod is not ready or still initialising. */
  private boolean cpuSampleSetAside(PodSample p, Instant now) {
    if (p.ready().isEmpty() || p.startTime().isEmpty()) {
      return true;
    }
    boolean ready = p.ready().get();
    Instant start = p.startTime().get();
    Instant transition = p.readyTransition().orElse(start);
    Instant at = now == null ? Instant.now() : now;
    if (start.plus(cpuInitializationPeriod).isAfter(at)) {
      // Initialising: the sample counts only if the pod is ready and a whole window passed since.
      Instant sample = p.sampleTime().orElse(at);
      return !ready || sample.isBefore(transition.plus(p.sampleWindow()));
    }
    // Past initialisation: ignore a pod that is unready and has never been ready.
    return !ready && start.plus(initialReadinessDelay).isAfter(transition);
  }

  private static Map<String, Long> values(List<PodSample> pods) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (PodSample p : pods) {
      p.value().ifPresent(v -> m.put(p.name(), milli(v)));
    }
    return m;
  }

  private static final class Utilization {
    final double ratio;
    final int percent;

    Utilization(double ratio, int percent) {
      this.ratio = ratio;
      this.percent = percent;
    }
  }

  private static Utilization utilization(
      Map<String, Long> metrics, Map<String, Long> requests, int target) {
    long metricsTotal = 0;
    long requestsTotal = 0;
    for (Map.Entry<String, Long> e : metrics.entrySet()) {
      Long request = requests.get(e.getKey());
      if (request == null) {
        continue; // extraneous metric
      }
      metricsTotal += e.getValue();
      requestsTotal += request;
    }
    if (requestsTotal == 0) {
      return null;
    }
    int percent = (int) ((metricsTotal * 100) / requestsTotal);
    return new Utilization((double) percent / target, percent);
  }

  private static long average(Map<String, Long> metrics) {
    long total = 0;
    for (long v : metrics.values()) {
      total = Math.addExact(total, v);
    }
    return total / metrics.size();
  }

  private static long sum(List<BigDecimal> values) {
    long total = 0;
    for (BigDecimal v : values) {
      long m = milli(v);
      if (m > 0 && total > Long.MAX_VALUE - m) {
        return Long.MAX_VALUE;
      }
      total += m;
    }
    return total;
  }

  /** The value in thousandths, rounded up as Kubernetes' MilliValue does. */
  static long milli(BigDecimal v) {
    return v.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  static BigDecimal fromMilli(long milli) {
    return BigDecimal.valueOf(milli).movePointLeft(3).stripTrailingZeros();
  }

  private static int ceil(double v) {
    if (v > Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    if (Double.isNaN(v)) {
      return 0;
    }
    return (int) Math.ceil(v);
  }
}
