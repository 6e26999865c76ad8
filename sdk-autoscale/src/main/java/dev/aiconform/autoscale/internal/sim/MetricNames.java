package dev.aiconform.autoscale.internal.sim;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;

/** The name a metric is known by in the simulator and in statuses. */
public final class MetricNames {
  private MetricNames() {}

  /** The metric name of Pods, Object and External metrics; the resource name otherwise. */
  public static String of(MetricSpec m) {
    if (m.getPods() != null && m.getPods().getMetric() != null)
      return m.getPods().getMetric().getName();
    if (m.getObject() != null && m.getObject().getMetric() != null)
      return m.getObject().getMetric().getName();
    if (m.getExternal() != null && m.getExternal().getMetric() != null)
      return m.getExternal().getMetric().getName();
    if (m.getResource() != null) return m.getResource().getName();
    if (m.getContainerResource() != null) return m.getContainerResource().getName();
    return String.valueOf(m.getType());
  }
}
