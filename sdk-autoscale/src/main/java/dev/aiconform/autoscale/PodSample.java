package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One pod of an HPA's target as the replica calculator sees it: its phase and readiness, whether it
 * is being deleted, its metric value (absent when the metrics API has none for it), its resource
 * requests, and for CPU metrics the times that decide whether a sample counts.
 *
 * <pre>{@code
 * PodSample.running("vllm-0", new BigDecimal("7"));  // ready, reports 7
 * PodSample.pending("vllm-3");                       // not ready: set aside
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class PodSample {
  /** The pod phases the calculator distinguishes. */
  public enum Phase {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public abstract String name();

  @Value.Default
  public Phase phase() {
    return Phase.RUNNING;
  }

  /** The Ready condition; empty when the pod has none yet. */
  public abstract Optional<Boolean> ready();

  @Value.Default
  public boolean deleting() {
    return false;
  }

  /** The metric value the metrics API returns for this pod, in the metric's unit. */
  public abstract Optional<BigDecimal> value();

  /** Resource requests of the pod, summed over its containers (cpu in cores, memory in bytes). */
  public abstract Map<String, BigDecimal> requests();

  /** When the pod started ({@code status.startTime}); CPU metrics only. */
  public abstract Optional<Instant> startTime();

  /** When the Ready condition last changed; CPU metrics only. */
  public abstract Optional<Instant> readyTransition();

  /** When the metric sample was taken and the window it covers; CPU metrics only. */
  public abstract Optional<Instant> sampleTime();

  @Value.Default
  public Duration sampleWindow() {
    return Duration.ofSeconds(30);
  }

  public static ImmutablePodSample.Builder builder() {
    return ImmutablePodSample.builder();
  }

  /** A running, ready pod reporting {@code value}. */
  public static PodSample running(String name, BigDecimal value) {
    return builder().name(name).ready(true).value(value).build();
  }

  /** A running, ready pod reporting {@code value}. */
  public static PodSample running(String name, double value) {
    return running(name, new BigDecimal(Double.toString(value)));
  }

  /** A running, ready pod the metrics API has no value for. */
  public static PodSample missing(String name) {
    return builder().name(name).ready(true).build();
  }

  /** A pending pod (not scheduled or not started yet). */
  public static PodSample pending(String name) {
    return builder().name(name).phase(Phase.PENDING).ready(false).build();
  }

  /** The same pod with a request for {@code resource}. */
  public PodSample withRequest(String resource, BigDecimal amount) {
    return builder().from(this).putRequest(resource, amount).build();
  }
}
