package dev.aiconform.autoscale;

/**
 * Who publishes a metric, which decides how Prometheus labels it and which adapter serves it.
 *
 * <pre>{@code
 * Dcgm.GR_ENGINE_ACTIVE.exporter() == Exporter.DCGM
 * }</pre>
 */
public enum Exporter {
  /** NVIDIA dcgm-exporter, a node DaemonSet that labels series with the pod using each GPU. */
  DCGM(true),
  /** AMD device-metrics-exporter (ROCm), a node DaemonSet. */
  AMD(true),
  /** Intel XPU Manager exporter, a node DaemonSet. */
  INTEL(true),
  /** GKE system metrics in Cloud Monitoring, served by the Custom Metrics Stackdriver Adapter. */
  GOOGLE_CLOUD(false),
  /** The vLLM server's own /metrics endpoint. */
  VLLM(false),
  /** Hugging Face Text Generation Inference's /metrics endpoint. */
  TGI(false),
  /** NVIDIA Triton Inference Server's /metrics endpoint. */
  TRITON(false),
  /** A series or query the user names. */
  CUSTOM(false);

  private final boolean nodeAgent;

  Exporter(boolean nodeAgent) {
    this.nodeAgent = nodeAgent;
  }

  /**
   * Whether the exporter runs per node and names the pod in its own labels: scraped with {@code
   * honorLabels: false}, Prometheus renames them to {@code exported_namespace}/{@code
   * exported_pod}.
   */
  public boolean isNodeAgent() {
    return nodeAgent;
  }

  /** Whether Prometheus scrapes it (everything but Cloud Monitoring). */
  public boolean isPrometheus() {
    return this != GOOGLE_CLOUD;
  }
}
