package dev.aiconform.autoscale.internal.render;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.KedaOptions;
import dev.aiconform.autoscale.MetricIntent;
import dev.aiconform.autoscale.ScaledObject;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders an intent as a KEDA ScaledObject: one {@code prometheus} trigger per metric, querying the
 * workload's pods directly, and the HPA behaviour passed through.
 */
public final class KedaRenderer {
  private KedaRenderer() {}

  public static GenericKubernetesResource render(AcceleratorAutoscaler a) {
    KedaOptions k = a.keda();
    ScaledObject.Builder so =
        ScaledObject.builder(a.name())
            .namespace(a.namespace().orElse(null))
            .labels(a.labels())
            .scaleTarget(a.target().apiVersion(), a.target().kind(), a.target().name());
    k.pollingInterval().ifPresent(so::pollingInterval);
    k.cooldownPeriod().ifPresent(so::cooldownPeriod);
    k.initialCooldownPeriod().ifPresent(so::initialCooldownPeriod);
    k.idleReplicaCount().ifPresent(so::idleReplicaCount);
    so.minReplicaCount(k.minReplicaCount().orElse(a.minReplicas()));
    so.maxReplicaCount(a.maxReplicas());
    a.behaviour()
        .ifPresent(
            b -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> tree =
                  KubeSerialization.get().convertValue(BehaviourRenderer.render(b), Map.class);
              so.hpaBehavior(tree);
            });
    Set<String> names = new HashSet<>();
    for (MetricIntent i : a.metrics()) {
      if (!i.metric().exporter().isPrometheus()) {
        throw new IllegalStateException(
            i.metric().series()
                + " is a Cloud Monitoring metric, not a Prometheus one: KEDA's Stackdriver scaler is"
                + " deprecated, so render an HPA (renderHpa()) served by the Custom Metrics"
                + " Stackdriver Adapter, or scale on a Prometheus metric");
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put("serverAddress", a.prometheus().serverAddress());
      metadata.put("query", Queries.kedaQuery(a, i));
      metadata.put("threshold", i.target().amount().toPlainString());
      i.activationThreshold()
          .ifPresent(t -> metadata.put("activationThreshold", t.toPlainString()));
      String name = i.metric().apiName().replace('_', '-');
      String unique = name;
      for (int n = 2; !names.add(unique); n++) {
        unique = name + "-" + n;
      }
      so.trigger(
          "prometheus",
          unique,
          Queries.kedaMetricType(i),
          metadata,
          k.authenticationRef().orElse(null));
    }
    return so.build().resource();
  }
}
