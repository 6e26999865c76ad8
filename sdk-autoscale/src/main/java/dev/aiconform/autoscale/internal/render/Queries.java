package dev.aiconform.autoscale.internal.render;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.DescribedObject;
import dev.aiconform.autoscale.MetricDefinition;
import dev.aiconform.autoscale.MetricIntent;
import dev.aiconform.autoscale.PrometheusSetup;
import dev.aiconform.autoscale.ScaleTarget;
import dev.aiconform.autoscale.SeriesKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The PromQL both renderers write: label names, discovery series, adapter and KEDA queries. */
final class Queries {
  private Queries() {}

  /** The label naming the namespace of the pod a series belongs to. */
  static String namespaceLabel(MetricDefinition m, PrometheusSetup p) {
    return m.exporter().isNodeAgent() ? p.deviceLabels().namespaceLabel() : "namespace";
  }

  /** The label naming the pod a series belongs to. */
  static String podLabel(MetricDefinition m, PrometheusSetup p) {
    return m.exporter().isNodeAgent() ? p.deviceLabels().podLabel() : "pod";
  }

  /** The series prometheus-adapter discovers: a histogram's {@code _bucket} series. */
  static String discoverySeries(MetricDefinition m) {
    return m.kind() == SeriesKind.HISTOGRAM ? m.series() + "_bucket" : m.series();
  }

  /** A regular expression matching exactly {@code literal}. */
  static String exactly(String literal) {
    StringBuilder sb = new StringBuilder("^");
    for (char c : literal.toCharArray()) {
      if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('$').toString();
  }

  /** A PromQL string literal's content. */
  static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** prometheus-adapter's metricsQuery template for a per-pod (or per-object) metric. */
  static String adapterQuery(MetricDefinition m, PrometheusSetup p) {
    String w = p.rateWindowPromQl();
    switch (m.kind()) {
      case COUNTER:
        return "sum(rate(<<.Series>>{<<.LabelMatchers>>}[" + w + "])) by (<<.GroupBy>>)";
      case HISTOGRAM:
        return "histogram_quantile("
            + quantile(m)
            + ", sum(rate(<<.Series>>{<<.LabelMatchers>>}["
            + w
            + "])) by (le, <<.GroupBy>>))";
      default:
        return m.podAggregation().promQl() + "(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)";
    }
  }

  /** KEDA's {@code metricType} for an intent: additive totals are averaged by KEDA per replica. */
  static String kedaMetricType(MetricIntent i) {
    switch (i.sourceType()) {
      case PODS:
        return i.metric().additive() && i.metric().kind() != SeriesKind.HISTOGRAM
            ? "AverageValue"
            : "Value";
      default:
        return i.target().kind().wireName();
    }
  }

  /** The one-value Prometheus query a KEDA trigger runs for an intent. */
  static String kedaQuery(AcceleratorAutoscaler a, MetricIntent i) {
    MetricDefinition m = i.metric();
    PrometheusSetup p = a.prometheus();
    if (m.promQl().isPresent()) {
      return m.promQl().get();
    }
    String ns =
        a.namespace()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "KEDA's Prometheus queries must name the namespace of "
                            + a.target().name()
                            + "; set namespace(...) on the autoscaler"));
    List<String> matchers = new ArrayList<>();
    matchers.add(namespaceLabel(m, p) + "=\"" + quote(ns) + "\"");
    String podLabel = podLabel(m, p);
    if (i.describedObject().isPresent()) {
      DescribedObject o = i.describedObject().get();
      if (!o.isNamespace()) {
        matchers.add(o.promLabel() + "=\"" + quote(o.name()) + "\"");
      }
    } else {
      matchers.add(podLabel + "=~\"" + quote(podPattern(a.target())) + "\"");
    }
    for (Map.Entry<String, String> e : i.matchLabels().entrySet()) {
      matchers.add(e.getKey() + "=\"" + quote(e.getValue()) + "\"");
    }
    String selector = "{" + String.join(",", matchers) + "}";
    String w = p.rateWindowPromQl();
    String total = m.additive() ? "sum" : "avg";
    switch (m.kind()) {
      case HISTOGRAM:
        return "histogram_quantile("
            + quantile(m)
            + ", sum by (le) (rate("
            + discoverySeries(m)
            + selector
            + "["
            + w
            + "])))";
      case COUNTER:
        if (i.describedObject().isPresent()) {
          return "sum(rate(" + m.series() + selector + "[" + w + "]))";
        }
        return total
            + "(sum by ("
            + podLabel
            + ") (rate("
            + m.series()
            + selector
            + "["
            + w
            + "])))";
      default:
        if (i.describedObject().isPresent()) {
          return total + "(" + m.series() + selector + ")";
        }
        return total
            + "("
            + m.podAggregation().promQl()
            + " by ("
            + podLabel
            + ") ("
            + m.series()
            + selector
            + "))";
    }
  }

  /** The names of the target's pods: LeaderWorkerSet leaders are {@code <name>-<group index>}. */
  static String podPattern(ScaleTarget t) {
    String base = t.name().replace(".", "\\.");
    return t.isLeaderWorkerSet() ? base + "-[0-9]+" : base + "-.*";
  }

  private static String quantile(MetricDefinition m) {
    return String.format(Locale.ROOT, "%s", trim(m.quantile().orElse(0.9)));
  }

  private static String trim(double d) {
    String s = Double.toString(d);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
