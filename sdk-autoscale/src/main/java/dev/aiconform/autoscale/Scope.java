package dev.aiconform.autoscale;

/**
 * What one series of a metric describes, which decides the HPA metric source: per-device and
 * per-pod series become {@code Pods} metrics, cluster-level ones {@code External} metrics.
 *
 * <pre>{@code
 * Dcgm.GPU_UTIL.scope() == Scope.DEVICE
 * }</pre>
 */
public enum Scope {
  /** One series per accelerator, labelled with the pod that uses it. */
  DEVICE,
  /** One series per serving pod (per model when a pod serves several). */
  POD,
  /** A value not attributed to pods (a queue, a query over a whole service). */
  EXTERNAL
}
