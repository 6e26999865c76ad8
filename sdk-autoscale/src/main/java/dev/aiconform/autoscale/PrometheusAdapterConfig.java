package dev.aiconform.autoscale;

import dev.aiconform.autoscale.internal.render.AdapterRulesRenderer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The discovery part of a prometheus-adapter configuration ({@code rules} for the custom metrics
 * API, {@code externalRules} for the external one), as the {@code config.yaml} of the ConfigMap the
 * adapter reads.
 *
 * <pre>{@code
 * PrometheusAdapterConfig rules = PrometheusAdapterConfig.forAutoscalers(vllm, triton);
 * ConfigMap cm = rules.toConfigMap("adapter-config", "monitoring");
 * }</pre>
 */
public final class PrometheusAdapterConfig {
  /** The key prometheus-adapter's deployment mounts as its {@code --config} file. */
  public static final String CONFIG_KEY = "config.yaml";

  private final List<AdapterRule> rules;
  private final List<AdapterRule> externalRules;

  private PrometheusAdapterConfig(List<AdapterRule> rules, List<AdapterRule> externalRules) {
    this.rules = List.copyOf(rules);
    this.externalRules = List.copyOf(externalRules);
  }

  public static PrometheusAdapterConfig of(
      List<AdapterRule> rules, List<AdapterRule> externalRules) {
    return new PrometheusAdapterConfig(rules, externalRules);
  }

  /** The rules all of these autoscalers need, without duplicates, in order. */
  public static PrometheusAdapterConfig forAutoscalers(AcceleratorAutoscaler... autoscalers) {
    return AdapterRulesRenderer.rulesFor(List.of(autoscalers));
  }

  public List<AdapterRule> rules() {
    return rules;
  }

  public List<AdapterRule> externalRules() {
    return externalRules;
  }

  /** {@code config.yaml}: {@code rules:} and, when there are any, {@code externalRules:}. */
  public String toYaml() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("rules", tree(rules));
    if (!externalRules.isEmpty()) {
      doc.put("externalRules", tree(externalRules));
    }
    DumpSettings settings =
        DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(200).build();
    return new Dump(settings).dumpToString(doc);
  }

  public ConfigMap toConfigMap(String name, String namespace) {
    return toConfigMap(name, namespace, Map.of());
  }

  public ConfigMap toConfigMap(String name, String namespace, Map<String, String> labels) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Objects.requireNonNull(name, "name"))
        .withNamespace(namespace)
        .withLabels(labels.isEmpty() ? null : new LinkedHashMap<>(labels))
        .endMetadata()
        .addToData(CONFIG_KEY, toYaml())
        .build();
  }

  private static List<Object> tree(List<AdapterRule> rules) {
    List<Object> out = new ArrayList<>();
    for (AdapterRule r : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seriesQuery", r.seriesQuery());
      if (!r.seriesFilters().isEmpty()) {
        List<Object> filters = new ArrayList<>();
        for (AdapterRule.SeriesFilter f : r.seriesFilters()) {
          Map<String, Object> fm = new LinkedHashMap<>();
          f.is().ifPresent(v -> fm.put("is", v));
          f.isNot().ifPresent(v -> fm.put("isNot", v));
          filters.add(fm);
        }
        m.put("seriesFilters", filters);
      }
      Map<String, Object> resources = new LinkedHashMap<>();
      if (!r.resourceOverrides().isEmpty()) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        r.resourceOverrides()
            .forEach(
                (label, gr) -> {
                  Map<String, Object> g = new LinkedHashMap<>();
                  if (!gr.group().isEmpty()) {
                    g.put("group", gr.group());
                  }
                  g.put("resource", gr.resource());
                  overrides.put(label, g);
                });
        resources.put("overrides", overrides);
      }
      r.resourceTemplate().ifPresent(t -> resources.put("template", t));
      r.namespaced().ifPresent(n -> resources.put("namespaced", n));
      if (!resources.isEmpty()) {
        m.put("resources", resources);
      }
      if (r.nameMatches().isPresent() || r.nameAs().isPresent()) {
        Map<String, Object> name = new LinkedHashMap<>();
        r.nameMatches().ifPresent(v -> name.put("matches", v));
        r.nameAs().ifPresent(v -> name.put("as", v));
        m.put("name", name);
      }
      r.metricsQuery().ifPresent(q -> m.put("metricsQuery", q));
      out.add(m);
    }
    return out;
  }

  @Override
  public String toString() {
    return toYaml();
  }
}
