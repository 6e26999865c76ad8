package dev.aiconform.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metrics APIs of an in-memory cluster: the signal each metric follows, per namespace. The HPA
 * controller sdk-autoscale adds to every {@code InMemoryCluster} reads them; tests get this service
 * from the cluster and set signals before (or while) advancing its virtual clock. Time in the
 * signals' loads counts from the controller's first sync.
 *
 * <pre>{@code
 * cluster.service(ClusterMetrics.class).orElseThrow()
 *     .signal("ml", Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(Load.constant(40)));
 * cluster.advance(Duration.ofMinutes(2));
 * }</pre>
 */
public final class ClusterMetrics {
  private final Map<String, Signal> signals = new LinkedHashMap<>();
  private Instant origin;

  /**
   * Sets the signal of the metric the HPAs in {@code namespace} name {@code metricName} (for
   * Resource metrics, the resource name such as {@code cpu}).
   */
  public ClusterMetrics signal(String namespace, String metricName, Signal signal) {
    signals.put(key(namespace, metricName), Objects.requireNonNull(signal, "signal"));
    return this;
  }

  /** Sets the signal of a catalogue metric, by its metrics-API name. */
  public ClusterMetrics signal(String namespace, MetricDefinition metric, Signal signal) {
    return signal(namespace, metric.apiName(), signal);
  }

  /** The signal of a metric; empty when none is set (the metrics API then returns nothing). */
  public Optional<Signal> signal(String namespace, String metricName) {
    return Optional.ofNullable(signals.get(key(namespace, metricName))).filter(Signal::isAvailable);
  }

  /** Time since the signals' origin (the first sync that read them). */
  public Duration elapsed(Instant now) {
    if (origin == null) {
      origin = now;
    }
    return now.isBefore(origin) ? Duration.ZERO : Duration.between(origin, now);
  }

  /** Restarts the signals' time at {@code instant}. */
  public ClusterMetrics startingAt(Instant instant) {
    this.origin = Objects.requireNonNull(instant, "instant");
    return this;
  }

  private static String key(String namespace, String metricName) {
    return (namespace == null ? "" : namespace) + "/" + metricName;
  }
}
