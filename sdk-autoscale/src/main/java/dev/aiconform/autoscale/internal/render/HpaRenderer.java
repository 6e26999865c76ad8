package dev.aiconform.autoscale.internal.render;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.Annotations;
import dev.aiconform.autoscale.DescribedObject;
import dev.aiconform.autoscale.Exporter;
import dev.aiconform.autoscale.MetricIntent;
import dev.aiconform.autoscale.TargetValue;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ExternalMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ObjectMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.PodsMetricSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an intent as an {@code autoscaling/v2} HorizontalPodAutoscaler. */
public final class HpaRenderer {
  private HpaRenderer() {}

  public static HorizontalPodAutoscaler render(AcceleratorAutoscaler a) {
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler();
    hpa.setApiVersion("autoscaling/v2");
    hpa.setKind("HorizontalPodAutoscaler");
    Map<String, String> annotations = new LinkedHashMap<>();
    if (a.target().external()) {
      annotations.put(Annotations.EXTERNAL_TARGET, "true");
    }
    hpa.setMetadata(
        new ObjectMetaBuilder()
            .withName(a.name())
            .withNamespace(a.namespace().orElse(null))
            .withLabels(a.labels().isEmpty() ? null : new LinkedHashMap<>(a.labels()))
            .withAnnotations(annotations.isEmpty() ? null : annotations)
            .build());
    HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
    spec.setScaleTargetRef(
        new CrossVersionObjectReference(
            a.target().apiVersion(), a.target().kind(), a.target().name()));
    spec.setMinReplicas(a.minReplicas());
    spec.setMaxReplicas(a.maxReplicas());
    List<MetricSpec> metrics = new ArrayList<>();
    for (MetricIntent i : a.metrics()) {
      metrics.add(metric(a, i));
    }
    spec.setMetrics(metrics);
    a.behaviour().ifPresent(b -> spec.setBehavior(BehaviourRenderer.render(b)));
    hpa.setSpec(spec);
    return hpa;
  }

  static MetricSpec metric(AcceleratorAutoscaler a, MetricIntent i) {
    MetricSpec m = new MetricSpec();
    m.setType(i.sourceType().wireName());
    MetricIdentifier id = new MetricIdentifier(i.metric().apiName(), selector(a, i));
    MetricTarget target = target(i.target());
    switch (i.sourceType()) {
      case PODS:
        m.setPods(new PodsMetricSource(id, target));
        break;
      case OBJECT:
        DescribedObject o = i.describedObject().orElseThrow();
        m.setObject(
            new ObjectMetricSource(
                new CrossVersionObjectReference(o.apiVersion(), o.kind(), o.name()), id, target));
        break;
      default:
        m.setExternal(new ExternalMetricSource(id, target));
    }
    return m;
  }

  private static LabelSelector selector(AcceleratorAutoscaler a, MetricIntent i) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (i.metric().exporter() == Exporter.GOOGLE_CLOUD) {
      // The Stackdriver adapter sums every matching time series: keep it to our namespace.
      a.namespace().ifPresent(ns -> labels.put("resource.labels.namespace_name", ns));
    }
    labels.putAll(i.matchLabels());
    return labels.isEmpty() ? null : new LabelSelectorBuilder().withMatchLabels(labels).build();
  }

  static MetricTarget target(TargetValue t) {
    MetricTarget target = new MetricTarget();
    target.setType(t.kind().wireName());
    Quantity q = new Quantity(t.quantity());
    if (t.kind() == TargetValue.Kind.AVERAGE_VALUE) {
      target.setAverageValue(q);
    } else {
      target.setValue(q);
    }
    return target;
  }
}
