package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How Prometheus should scrape the workload's own metrics endpoint (the AI-conformance {@code
 * ai_service_metrics} requirement): a PodMonitor on the pods' port, or a ServiceMonitor on a
 * Service's port, selecting by labels.
 *
 * <pre>{@code
 * Scrape.podMonitor("http").matchLabels(Map.of("app", "vllm")).build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class Scrape {
  /** Which Prometheus Operator object to render. */
  public enum Kind {
    POD_MONITOR("PodMonitor"),
    SERVICE_MONITOR("ServiceMonitor");

    private final String kindName;

    Kind(String kindName) {
      this.kindName = kindName;
    }

    public String kindName() {
      return kindName;
    }
  }

  public abstract Kind kind();

  /** The named port of the pod (PodMonitor) or Service (ServiceMonitor). */
  public abstract String port();

  @Value.Default
  public String path() {
    return "/metrics";
  }

  @Value.Default
  public String interval() {
    return "15s";
  }

  /** Labels of the pods (PodMonitor) or Service (ServiceMonitor) to scrape. */
  public abstract Map<String, String> matchLabels();

  /** Labels on the monitor itself, such as {@code release: kube-prometheus-stack}. */
  public abstract Map<String, String> monitorLabels();

  /** Keep the target's own labels on conflict ({@code honorLabels}). */
  public abstract Optional<Boolean> honorLabels();

  public static ImmutableScrape.Builder podMonitor(String port) {
    return ImmutableScrape.builder().kind(Kind.POD_MONITOR).port(port);
  }

  public static ImmutableScrape.Builder serviceMonitor(String port) {
    return ImmutableScrape.builder().kind(Kind.SERVICE_MONITOR).port(port);
  }

  @Value.Check
  protected void check() {
    if (matchLabels().isEmpty()) {
      throw new IllegalArgumentException(
          "a "
              + kind().kindName()
              + " needs matchLabels selecting the "
              + (kind() == Kind.POD_MONITOR ? "workload's pods" : "workload's Service")
              + "; an empty selector would scrape every "
              + (kind() == Kind.POD_MONITOR ? "pod" : "Service")
              + " in the namespace");
    }
  }
}
