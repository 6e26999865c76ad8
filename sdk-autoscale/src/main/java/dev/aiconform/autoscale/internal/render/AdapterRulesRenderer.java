package dev.aiconform.autoscale.internal.render;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.AdapterRule;
import dev.aiconform.autoscale.AdapterRule.GroupResource;
import dev.aiconform.autoscale.DescribedObject;
import dev.aiconform.autoscale.ImmutableAdapterRule;
import dev.aiconform.autoscale.MetricDefinition;
import dev.aiconform.autoscale.MetricIntent;
import dev.aiconform.autoscale.MetricSourceType;
import dev.aiconform.autoscale.PrometheusAdapterConfig;
import dev.aiconform.autoscale.PrometheusSetup;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prometheus-adapter rules that expose an intent's Prometheus metrics: per-pod series under
 * {@code rules} (mapped to their pod and namespace, through {@code exported_*} labels for node
 * exporters scraped without honorLabels), custom queries under {@code externalRules}.
 */
public final class AdapterRulesRenderer {
  private AdapterRulesRenderer() {}

  public static ConfigMap render(AcceleratorAutoscaler a) {
    PrometheusSetup p = a.prometheus();
    return rulesFor(List.of(a)).toConfigMap(p.adapterConfigMap(), p.adapterNamespace(), a.labels());
  }

  public static PrometheusAdapterConfig rulesFor(List<AcceleratorAutoscaler> autoscalers) {
    Map<String, AdapterRule> rules = new LinkedHashMap<>();
    Map<String, AdapterRule> external = new LinkedHashMap<>();
    for (AcceleratorAutoscaler a : autoscalers) {
      for (MetricIntent i : a.metrics()) {
        MetricDefinition m = i.metric();
        if (!m.exporter().isPrometheus()) {
          continue; // served by the Custom Metrics Stackdriver Adapter
        }
        if (i.sourceType() == MetricSourceType.EXTERNAL) {
          AdapterRule r = externalRule(m);
          external.merge(key(r), r, AdapterRulesRenderer::union);
        } else {
          AdapterRule r = podRule(i, a.prometheus());
          rules.merge(key(r), r, AdapterRulesRenderer::union);
        }
      }
    }
    return PrometheusAdapterConfig.of(
        new ArrayList<>(rules.values()), new ArrayList<>(external.values()));
  }

  private static AdapterRule podRule(MetricIntent i, PrometheusSetup p) {
    MetricDefinition m = i.metric();
    String ns = Queries.namespaceLabel(m, p);
    String pod = Queries.podLabel(m, p);
    String series = Queries.discoverySeries(m);
    ImmutableAdapterRule.Builder b =
        AdapterRule.builder()
            .seriesQuery(series + "{" + ns + "!=\"\"," + pod + "!=\"\"}")
            .putResourceOverride(ns, GroupResource.of("", "namespace"))
            .putResourceOverride(pod, GroupResource.of("", "pod"))
            .nameMatches(Queries.exactly(series))
            .nameAs(m.apiName())
            .metricsQuery(Queries.adapterQuery(m, p));
    i.describedObject()
        .filter(o -> !o.isNamespace())
        .ifPresent(
            (DescribedObject o) ->
                b.putResourceOverride(
                    o.promLabel(), GroupResource.of(o.groupKind().group(), o.resource())));
    return b.build();
  }

  private static AdapterRule externalRule(MetricDefinition m) {
    String query = m.promQl().orElse("sum(<<.Series>>{<<.LabelMatchers>>})");
    return AdapterRule.builder()
        .seriesQuery("{__name__=\"" + Queries.quote(m.series()) + "\"}")
        .namespaced(false)
        .nameMatches(Queries.exactly(m.series()))
        .nameAs(m.apiName())
        .metricsQuery(query)
        .build();
  }

  private static String key(AdapterRule r) {
    return r.seriesQuery()
        + "\u0000"
        + r.nameAs().orElse("")
        + "\u0000"
        + r.metricsQuery().orElse("");
  }

  private static AdapterRule union(AdapterRule a, AdapterRule b) {
    return AdapterRule.builder().from(a).putAllResourceOverrides(b.resourceOverrides()).build();
  }
}
