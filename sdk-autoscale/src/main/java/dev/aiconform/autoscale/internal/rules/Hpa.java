package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.autoscale.Quantities;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading helpers for {@code autoscaling/v2} HorizontalPodAutoscalers. */
final class Hpa {
  static final FieldPath SPEC = FieldPath.of("spec");

  private Hpa() {}

  static HorizontalPodAutoscalerSpec spec(HorizontalPodAutoscaler hpa) {
    return hpa.getSpec() == null ? new HorizontalPodAutoscalerSpec() : hpa.getSpec();
  }

  /**
   * The metrics, a {@code null} entry read as an empty one (a JSON null in a list of structs
   * decodes to the zero value on the server, which its validation then reports).
   */
  static List<MetricSpec> metrics(HorizontalPodAutoscaler hpa) {
    List<MetricSpec> m = spec(hpa).getMetrics();
    if (m == null) {
      return List.of();
    }
    List<MetricSpec> out = new ArrayList<>(m.size());
    for (MetricSpec x : m) {
      out.add(x == null ? new MetricSpec() : x);
    }
    return out;
  }

  /** The path of the metric at {@code index}: {@code spec.metrics[index]}. */
  static FieldPath metricPath(int index) {
    return SPEC.child("metrics").index(index);
  }

  /**
   * A metric entry that has at least one source block, with the source the API server validates the
   * inside of: the first it finds, in {@link #presentSources} order.
   */
  record ValidatedSource(int index, MetricSpec metric, String field) {
    /** {@code spec.metrics[index].<field>}. */
    FieldPath path() {
      return metricPath(index).child(field);
    }

    /** The target of the validated source (absent when the block has none). */
    MetricTarget target() {
      switch (field) {
        case "object":
          return metric.getObject().getTarget();
        case "external":
          return metric.getExternal().getTarget();
        case "pods":
          return metric.getPods().getTarget();
        case "resource":
          return metric.getResource().getTarget();
        default:
          return metric.getContainerResource().getTarget();
      }
    }
  }

  /** The metrics with a source block, each with the one source the server validates. */
  static List<ValidatedSource> validatedSources(HorizontalPodAutoscaler hpa) {
    List<MetricSpec> metrics = metrics(hpa);
    List<ValidatedSource> out = new ArrayList<>(metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      List<String> present = presentSources(metrics.get(i));
      if (!present.isEmpty()) {
        out.add(new ValidatedSource(i, metrics.get(i), present.get(0)));
      }
    }
    return out;
  }

  /** The source field a metric type names ({@code Pods} → {@code pods}). */
  static String sourceField(String type) {
    return Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }

  /** A metric's source fields in the order the API server's validation visits them. */
  static List<String> presentSources(MetricSpec m) {
    List<String> out = new ArrayList<>();
    if (m.getObject() != null) out.add("object");
    if (m.getExternal() != null) out.add("external");
    if (m.getPods() != null) out.add("pods");
    if (m.getResource() != null) out.add("resource");
    if (m.getContainerResource() != null) out.add("containerResource");
    return out;
  }

  /** The metric identifier of a Pods, Object or External metric, with its path. */
  static Optional<MetricIdentifier> identifier(MetricSpec m) {
    if (m.getPods() != null) return Optional.ofNullable(m.getPods().getMetric());
    if (m.getObject() != null) return Optional.ofNullable(m.getObject().getMetric());
    if (m.getExternal() != null) return Optional.ofNullable(m.getExternal().getMetric());
    return Optional.empty();
  }

  /** The field name of the source of a metric (pods, object, external), for paths. */
  static Optional<String> identifierSource(MetricSpec m) {
    if (m.getPods() != null) return Optional.of("pods");
    if (m.getObject() != null) return Optional.of("object");
    if (m.getExternal() != null) return Optional.of("external");
    return Optional.empty();
  }

  static Optional<BigDecimal> amount(Quantity q) {
    return Quantities.value(q);
  }

  static String text(Quantity q) {
    return q == null ? "" : q.toString();
  }

  /**
   * Whether {@code path} was written in the document {@code manifest} was read from (as opposed to
   * absent): the reader records a location per written field. Objects built in code have none.
   */
  static boolean written(Manifest manifest, FieldPath path) {
    if (manifest.source().isEmpty() || path.parent() == null) {
      return false;
    }
    return !manifest.locate(path).equals(manifest.locate(path.parent()));
  }
}
