package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * The Prometheus the metrics live in and how its series are labelled: the server address KEDA
 * queries, where prometheus-adapter reads its rules, and whether node exporters' pod labels
 * survived scraping.
 *
 * <p>dcgm-exporter (and the AMD and Intel exporters) run per node and label each GPU's series with
 * the {@code namespace} and {@code pod} using it. Scraped by a ServiceMonitor without {@code
 * honorLabels: true} (the dcgm-exporter chart's default), Prometheus keeps its own target labels
 * and renames the exporter's to {@code exported_namespace} and {@code exported_pod}: adapter rules
 * must then map those, or the HPA finds no metrics.
 *
 * <pre>{@code
 * PrometheusSetup.builder().serverAddress("http://prometheus.monitoring:9090")
 *     .deviceLabels(PrometheusSetup.DeviceLabels.HONORED).build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class PrometheusSetup {
  /** How node exporters' pod labels reach Prometheus. */
  public enum DeviceLabels {
    /**
     * Scraped with {@code honorLabels: false}: {@code exported_namespace}, {@code exported_pod}.
     */
    EXPORTED("exported_namespace", "exported_pod"),
    /** Scraped with {@code honorLabels: true}: {@code namespace}, {@code pod}. */
    HONORED("namespace", "pod");

    private final String namespaceLabel;
    private final String podLabel;

    DeviceLabels(String namespaceLabel, String podLabel) {
      this.namespaceLabel = namespaceLabel;
      this.podLabel = podLabel;
    }

    public String namespaceLabel() {
      return namespaceLabel;
    }

    public String podLabel() {
      return podLabel;
    }
  }

  /** The kube-prometheus-stack operator's Service for Prometheus. */
  @Value.Default
  public String serverAddress() {
    return "http://prometheus-operated.monitoring.svc:9090";
  }

  @Value.Default
  public DeviceLabels deviceLabels() {
    return DeviceLabels.EXPORTED;
  }

  /** The ConfigMap prometheus-adapter reads ({@code adapter-config} in its deploy manifests). */
  @Value.Default
  public String adapterConfigMap() {
    return "adapter-config";
  }

  @Value.Default
  public String adapterNamespace() {
    return "monitoring";
  }

  /** The window of {@code rate()} and histogram quantiles. */
  @Value.Default
  public Duration rateWindow() {
    return Duration.ofMinutes(1);
  }

  public static ImmutablePrometheusSetup.Builder builder() {
    return ImmutablePrometheusSetup.builder();
  }

  public static PrometheusSetup defaults() {
    return builder().build();
  }

  /** {@code 1m}, {@code 30s}: the window in PromQL duration syntax. */
  public String rateWindowPromQl() {
    long s = rateWindow().toSeconds();
    return s % 60 == 0 ? (s / 60) + "m" : s + "s";
  }

  @Value.Check
  protected void check() {
    if (rateWindow().toSeconds() < 1) {
      throw new IllegalArgumentException(
          "rateWindow must be at least one second; found " + rateWindow());
    }
  }
}
