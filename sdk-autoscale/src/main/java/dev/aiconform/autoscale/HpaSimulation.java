package dev.aiconform.autoscale;

import dev.aiconform.autoscale.internal.sim.HpaEngine;
import dev.aiconform.autoscale.internal.sim.MetricNames;
import dev.aiconform.autoscale.internal.sim.MetricReader;
import dev.aiconform.autoscale.internal.sim.SyncResult;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HPA on its own, driven by load curves in virtual time: the controller's sync every 15 s with
 * its replica calculator, tolerances, stabilisation windows and policies; pods that take time to
 * become ready, and at most as many running pods as there are devices. For test authors' questions
 * such as "given this load, when do we reach 8 replicas?".
 *
 * <pre>{@code
 * ReplicaTimeline t = HpaSimulation.of(autoscaler)
 *     .signal(Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.ramp(0, 80, Duration.ofMinutes(5))))
 *     .podStartup(Duration.ofSeconds(90))
 *     .run(Duration.ofMinutes(20));
 * t.firstTimeAtLeast(8);
 * }</pre>
 */
public final class HpaSimulation {
  private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  private final HorizontalPodAutoscaler hpa;
  private final Map<String, Signal> signals = new LinkedHashMap<>();
  private final Map<String, BigDecimal> requests = new LinkedHashMap<>();
  private ControllerSettings settings = ControllerSettings.defaults();
  private Integer initialReplicas;
  private Duration podStartup = Duration.ZERO;
  private int schedulable = Integer.MAX_VALUE;

  private HpaSimulation(HorizontalPodAutoscaler hpa) {
    this.hpa = Objects.requireNonNull(hpa, "hpa");
  }

  /** Simulates the HPA an intent renders. */
  public static HpaSimulation of(AcceleratorAutoscaler autoscaler) {
    return new HpaSimulation((HorizontalPodAutoscaler) autoscaler.renderHpa().objects().get(0));
  }

  /** Simulates an {@code autoscaling/v2} HPA (built in code or read from YAML). */
  public static HpaSimulation of(HorizontalPodAutoscaler hpa) {
    return new HpaSimulation(hpa);
  }

  /** Replicas at the start (all ready); minReplicas (at least 1) by default. */
  public HpaSimulation initialReplicas(int replicas) {
    this.initialReplicas = replicas;
    return this;
  }

  /** How long a new pod takes to become ready (scheduling, image pull, model load). */
  public HpaSimulation podStartup(Duration startup) {
    this.podStartup = Objects.requireNonNull(startup, "startup");
    return this;
  }

  /** At most this many pods can run (devices in the cluster); the rest stay Pending. */
  public HpaSimulation schedulablePods(int pods) {
    this.schedulable = pods;
    return this;
  }

  /** The signal of the metric the HPA names {@code metricName} (or the resource, for cpu). */
  public HpaSimulation signal(String metricName, Signal signal) {
    signals.put(metricName, signal);
    return this;
  }

  /** The signal of a catalogue metric (by its metrics-API name). */
  public HpaSimulation signal(MetricDefinition metric, Signal signal) {
    return signal(metric.apiName(), signal);
  }

  /** Each pod's request of {@code resource}, for Resource metrics with a Utilization target. */
  public HpaSimulation podRequest(String resource, BigDecimal amount) {
    requests.put(resource, amount);
    return this;
  }

  public HpaSimulation settings(ControllerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  private static final class SimPod {
    final String name;
    final Instant created;
    final Instant readyAt; // null: stays Pending (no device)

    SimPod(String name, Instant created, Instant readyAt) {
      this.name = name;
      this.created = created;
      this.readyAt = readyAt;
    }

    boolean ready(Instant now) {
      return readyAt != null && !readyAt.isAfter(now);
    }
  }

  /** Runs syncs every sync period for {@code duration}, starting with one at time 0. */
  public ReplicaTimeline run(Duration duration) {
    for (MetricSpec m : hpa.getSpec().getMetrics()) {
      String name = MetricNames.of(m);
      if (!signals.containsKey(name)) {
        throw new IllegalStateException(
            "no signal for metric '"
                + name
                + "': add .signal(\""
                + name
                + "\", Signal...) for each of the"
                + " HPA's metrics "
                + names());
      }
    }
    HpaEngine engine = new HpaEngine(settings);
    int start =
        initialReplicas != null
            ? initialReplicas
            : Math.max(
                1, hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas());
    String base =
        hpa.getSpec().getScaleTargetRef() == null
            ? "pod"
            : hpa.getSpec().getScaleTargetRef().getName();
    List<SimPod> pods = new ArrayList<>();
    int serial = 0;
    for (int i = 0; i < start; i++) {
      pods.add(
          new SimPod(
              base + "-" + serial++,
              ORIGIN.minus(Duration.ofHours(1)),
              ORIGIN.minus(Duration.ofHours(1))));
    }
    List<ScalingStep> steps = new ArrayList<>();
    for (Duration t = Duration.ZERO;
        t.compareTo(duration) <= 0;
        t = t.plus(settings.syncPeriod())) {
      Instant now = ORIGIN.plus(t);
      Duration elapsed = t;
      int ready = (int) pods.stream().filter(p -> p.ready(now)).count();
      List<PodSample> samples = new ArrayList<>();
      for (SimPod p : pods) {
        boolean r = p.ready(now);
        ImmutablePodSample.Builder b =
            PodSample.builder()
                .name(p.name)
                .phase(r ? PodSample.Phase.RUNNING : PodSample.Phase.PENDING)
                .ready(r)
                .startTime(p.created)
                .readyTransition(p.readyAt == null ? p.created : p.readyAt)
                .sampleTime(now);
        requests.forEach(b::putRequest);
        samples.add(b.build());
      }
      List<String> readyNames = new ArrayList<>();
      pods.stream().filter(p -> p.ready(now)).forEach(p -> readyNames.add(p.name));
      MetricReader reader =
          new MetricReader() {
            @Override
            public Optional<Map<String, BigDecimal>> podValues(MetricSpec m) {
              Signal s = signals.get(MetricNames.of(m));
              if (!s.isAvailable()) {
                return Optional.empty();
              }
              Map<String, BigDecimal> values = new LinkedHashMap<>();
              Optional<BigDecimal> v = s.perPodValue(elapsed, ready);
              if (v.isPresent()) {
                for (String name : readyNames) {
                  values.put(name, v.get());
                }
              }
              return Optional.of(values);
            }

            @Override
            public Optional<BigDecimal> objectValue(MetricSpec m) {
              Signal s = signals.get(MetricNames.of(m));
              return s.isAvailable() ? Optional.of(s.totalValue(elapsed, ready)) : Optional.empty();
            }

            @Override
            public Optional<List<BigDecimal>> externalValues(MetricSpec m) {
              Signal s = signals.get(MetricNames.of(m));
              return s.isAvailable()
                  ? Optional.of(List.of(s.totalValue(elapsed, ready)))
                  : Optional.empty();
            }
          };
      SyncResult r = engine.sync(now, hpa, pods.size(), pods.size(), samples, reader);
      String reason =
          !r.scalingActive.equals("ValidMetricFound")
              ? r.scalingActive
              : r.rescaleReason.filter(x -> !x.equals("metric-driven")).isPresent()
                  ? r.rescaleReason.get()
                  : !r.ableToScale.equals("ReadyForNewScale")
                          && r.desiredReplicas == r.currentReplicas
                      ? r.ableToScale
                      : r.scalingLimited;
      steps.add(
          new ScalingStep(
              t, pods.size(), ready, r.desiredReplicas, r.usages, r.proposals, reason, r.errors));
      if (r.rescale) {
        while (pods.size() > r.desiredReplicas) {
          // Like the ReplicaSet controller: pending pods go first, then the newest.
          int victim = pods.size() - 1;
          for (int i = pods.size() - 1; i >= 0; i--) {
            if (!pods.get(i).ready(now)) {
              victim = i;
              break;
            }
          }
          pods.remove(victim);
        }
        while (pods.size() < r.desiredReplicas) {
          boolean fits = pods.size() < schedulable;
          pods.add(new SimPod(base + "-" + serial++, now, fits ? now.plus(podStartup) : null));
        }
      }
    }
    return new ReplicaTimeline(steps);
  }

  private List<String> names() {
    List<String> n = new ArrayList<>();
    for (MetricSpec m : hpa.getSpec().getMetrics()) {
      n.add(MetricNames.of(m));
    }
    return n;
  }
}
