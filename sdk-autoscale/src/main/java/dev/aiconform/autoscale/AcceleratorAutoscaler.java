package dev.aiconform.autoscale;

import dev.aiconform.autoscale.internal.render.AdapterRulesRenderer;
import dev.aiconform.autoscale.internal.render.HpaRenderer;
import dev.aiconform.autoscale.internal.render.KedaRenderer;
import dev.aiconform.autoscale.internal.render.MonitorRenderer;
import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.ManifestBundle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One autoscaling intent for an AI workload: what to scale, between which bounds, on which
 * accelerator or inference metrics, and how fast. Rendered as an {@code autoscaling/v2}
 * HorizontalPodAutoscaler plus the prometheus-adapter rules that make its metrics exist, or as a
 * KEDA ScaledObject querying Prometheus directly; optionally with the PodMonitor or ServiceMonitor
 * that makes Prometheus scrape the workload.
 *
 * <pre>{@code
 * AcceleratorAutoscaler vllm = AcceleratorAutoscaler.forDeployment("vllm").namespace("ml")
 *     .minReplicas(1).maxReplicas(8)
 *     .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
 *     .metric(Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7))
 *     .behaviour(BehaviourPreset.INFERENCE)
 *     .build();
 * ManifestBundle hpa = vllm.renderHpa();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class AcceleratorAutoscaler {
  /** The name of the HPA or ScaledObject; the target's name unless set. */
  @Value.Default
  public String name() {
    return target().name();
  }

  /** The namespace of the target and of everything rendered next to it. */
  public abstract Optional<String> namespace();

  public abstract ScaleTarget target();

  @Value.Default
  public int minReplicas() {
    return 1;
  }

  public abstract int maxReplicas();

  public abstract List<MetricIntent> metrics();

  public abstract Optional<ScalingBehaviour> behaviour();

  @Value.Default
  public PrometheusSetup prometheus() {
    return PrometheusSetup.defaults();
  }

  @Value.Default
  public KedaOptions keda() {
    return KedaOptions.defaults();
  }

  /** The workload's own metrics endpoint, for a PodMonitor or ServiceMonitor. */
  public abstract Optional<Scrape> scrape();

  /** Labels added to every rendered object. */
  public abstract Map<String, String> labels();

  /** A builder for a Deployment target. */
  public static Builder forDeployment(String name) {
    return new Builder().target(ScaleTarget.deployment(name));
  }

  /** A builder for a StatefulSet target. */
  public static Builder forStatefulSet(String name) {
    return new Builder().target(ScaleTarget.statefulSet(name));
  }

  /** A builder for a LeaderWorkerSet target: replicas are groups, metrics come from leaders. */
  public static Builder forLeaderWorkerSet(String name) {
    return new Builder().target(ScaleTarget.leaderWorkerSet(name));
  }

  /** A builder for any target with a scale subresource. */
  public static Builder forTarget(ScaleTarget target) {
    return new Builder().target(target);
  }

  /** The HorizontalPodAutoscaler ({@code autoscaling/v2}). */
  public ManifestBundle renderHpa() {
    return ManifestBundle.of(HpaRenderer.render(this));
  }

  /**
   * The prometheus-adapter ConfigMap with the rules that expose this intent's Prometheus metrics in
   * the custom and external metrics APIs (Google Cloud metrics come from the Stackdriver adapter
   * and need none). Merge its {@code config.yaml} into your adapter's configuration.
   */
  public ManifestBundle renderPrometheusAdapterRules() {
    return ManifestBundle.of(AdapterRulesRenderer.render(this));
  }

  /**
   * The KEDA ScaledObject ({@code keda.sh/v1alpha1}) with one Prometheus trigger per metric and the
   * behaviour passed to the HPA KEDA creates.
   *
   * @throws IllegalStateException when a metric is not in Prometheus (Google Cloud) or the
   *     namespace is unset (KEDA's queries must name it)
   */
  public ManifestBundle renderKeda() {
    return ManifestBundle.of(KedaRenderer.render(this));
  }

  /**
   * The PodMonitor or ServiceMonitor ({@code monitoring.coreos.com/v1}) of {@link #scrape()}.
   *
   * @throws IllegalStateException when no scrape endpoint is set
   */
  public ManifestBundle renderServiceMonitor() {
    return ManifestBundle.of(MonitorRenderer.render(this));
  }

  /** The HPA path in full: the HPA, the adapter rules and, when set, the monitor. */
  public ManifestBundle render() {
    ManifestBundle b = renderHpa().plus(renderPrometheusAdapterRules());
    return scrape().isPresent() ? b.plus(renderServiceMonitor()) : b;
  }

  @Value.Check
  protected void check() {
    if (metrics().isEmpty()) {
      throw new IllegalArgumentException(
          "an accelerator autoscaler needs at least one metric (.metric(...)); without one the"
              + " HPA would fall back to 80 % CPU");
    }
    if (maxReplicas() < minReplicas()) {
      throw new IllegalArgumentException(
          "maxReplicas must be at least minReplicas ("
              + minReplicas()
              + "); found "
              + maxReplicas());
    }
  }

  /** Builds an {@link AcceleratorAutoscaler}; {@code metric(...)} adds one metric. */
  public static class Builder extends ImmutableAcceleratorAutoscaler.Builder {
    /** Adds a metric to scale on (the HPA takes the largest replica count any metric asks for). */
    public Builder metric(MetricIntent metric) {
      addMetric(metric);
      return this;
    }

    /** Uses a preset behaviour. */
    public Builder behaviour(BehaviourPreset preset) {
      behaviour(preset.behaviour());
      return this;
    }
  }
}
