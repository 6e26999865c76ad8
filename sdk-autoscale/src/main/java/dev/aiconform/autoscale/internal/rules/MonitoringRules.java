package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.autoscale.Exporter;
import dev.aiconform.autoscale.MetricCatalogue;
import dev.aiconform.autoscale.MetricDefinition;
import dev.aiconform.autoscale.MonitorResource;
import dev.aiconform.autoscale.PrometheusAdapterConfig;
import dev.aiconform.autoscale.internal.Tree;
import dev.aiconform.autoscale.internal.rules.Autoscalers.MetricUse;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks of the metrics pipeline: prometheus-adapter rules, Prometheus Operator monitors, and the
 * AI-conformance {@code ai_service_metrics} requirement that the workload's metrics are scraped.
 */
public final class MonitoringRules {
  private MonitoringRules() {}

  public static List<Rule> all() {
    return List.of(
        new AdapterConfig(),
        new AdapterDeviceLabels(),
        new MonitorEndpoints(),
        new WorkloadScraped());
  }

  static final FieldPath CONFIG = FieldPath.of("data").key(PrometheusAdapterConfig.CONFIG_KEY);

  static final String ADAPTER_CM =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: adapter-config\n  namespace: monitoring\n"
          + "data:\n  config.yaml: |\n    rules:\n    - seriesQuery: '%s'\n      resources:\n        overrides:\n"
          + "          %s: {resource: namespace}\n          %s: {resource: pod}\n"
          + "      name: {matches: \"^(DCGM)_(.*)$\"%s}\n"
          + "      metricsQuery: avg(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)\n";

  /** A complete adapter rule for dcgm-exporter's GPU utilisation, as the exporter is scraped. */
  static final String GPU_UTIL_ADAPTER_CM =
      String.format(
          ADAPTER_CM,
          "DCGM_FI_DEV_GPU_UTIL{exported_pod!=\"\"}",
          "exported_namespace",
          "exported_pod",
          ", as: \"gpu_util\"");

  // Two rules read each adapter ConfigMap, on every validation: parse each text once.
  private static final int PARSED_CACHE_SIZE = 64;
  private static final Map<String, Optional<Object>> PARSED =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Object>> eldest) {
              return size() > PARSED_CACHE_SIZE;
            }
          });

  /** The parsed config.yaml of a prometheus-adapter ConfigMap, or empty for other ConfigMaps. */
  static Optional<Object> adapterConfig(HasMetadata object) {
    if (!(object instanceof ConfigMap) || ((ConfigMap) object).getData() == null) {
      return Optional.empty();
    }
    String text = ((ConfigMap) object).getData().get(PrometheusAdapterConfig.CONFIG_KEY);
    if (text == null) {
      return Optional.empty();
    }
    Optional<Object> cached = PARSED.get(text);
    if (cached == null) {
      cached = parse(text);
      PARSED.put(text, cached);
    }
    return cached;
  }

  private static Optional<Object> parse(String text) {
    try {
      Object doc = new Load(LoadSettings.builder().build()).loadFromString(text);
      Map<String, Object> m = Tree.map(doc);
      if (m.containsKey("rules")
          || m.containsKey("externalRules")
          || m.containsKey("resourceRules")) {
        return Optional.of(doc);
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      // A config.yaml that does not parse is reported when it looks like an adapter's.
      return text.contains("seriesQuery") || text.contains("metricsQuery")
          ? Optional.of(e)
          : Optional.empty();
    }
  }

  /** The structure prometheus-adapter needs from each discovery rule. */
  static final class AdapterConfig extends BaseRule {
    AdapterConfig() {
      super(
          rule(
                  "autoscale.adapter.config",
                  Category.PRACTICE,
                  Severity.ERROR,
                  "prometheus-adapter rules are complete")
              .addKind(CONFIG_MAP)
              .description(
                  "In a ConfigMap holding prometheus-adapter's config.yaml, each rule needs a"
                      + " seriesQuery, a name.matches that compiles, name.as when matches has more"
                      + " than one capture group, and a resource for every override; otherwise"
                      + " the adapter refuses the configuration. Source:"
                      + " kubernetes-sigs/prometheus-adapter docs/config.md, pkg/config.")
              .failingExample(
                  String.format(
                      ADAPTER_CM,
                      "DCGM_FI_DEV_GPU_UTIL{exported_pod!=\"\"}",
                      "exported_namespace",
                      "exported_pod",
                      ""))
              .fixedExample(GPU_UTIL_ADAPTER_CM)
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Optional<Object> cfg = adapterConfig(object);
      if (cfg.isEmpty()) {
        return;
      }
      if (cfg.get() instanceof RuntimeException) {
        ctx.report(
            CONFIG,
            null,
            "config.yaml is not valid YAML: "
                + ((RuntimeException) cfg.get()).getMessage().lines().findFirst().orElse(""),
            "fix the YAML; prometheus-adapter will not start with it");
        return;
      }
      Map<String, Object> doc = Tree.map(cfg.get());
      strictFields(doc, "config", "config.yaml", ctx);
      for (String section : List.of("rules", "externalRules")) {
        List<Object> rules = Tree.list(doc.get(section));
        for (int i = 0; i < rules.size(); i++) {
          rule(Tree.map(rules.get(i)), section + "[" + i + "]", ctx);
        }
      }
    }

    private static void rule(Map<String, Object> r, String where, RuleContext ctx) {
      if (Tree.string(r.get("seriesQuery")).filter(s -> !s.isBlank()).isEmpty()) {
        ctx.report(
            CONFIG,
            null,
            where + " has no seriesQuery",
            "add the series selector the adapter discovers metrics with");
      }
      String matches = Tree.string(Tree.at(r, "name", "matches")).orElse("");
      if (!matches.isEmpty()) {
        try {
          int groups = re2(matches).matcher("").groupCount();
          if (groups > 1
              && Tree.string(Tree.at(r, "name", "as")).filter(s -> !s.isEmpty()).isEmpty()) {
            ctx.report(
                CONFIG,
                null,
                where
                    + ".name.matches has "
                    + groups
                    + " capture groups and no name.as: the adapter"
                    + " cannot choose the API name",
                "set name.as, such as \"${1}_${2}\"");
          }
        } catch (PatternSyntaxException e) {
          ctx.report(
              CONFIG,
              null,
              where
                  + ".name.matches is not a valid regular expression (Go RE2): "
                  + e.getDescription(),
              "fix the pattern");
        }
      }
      List<Object> filters = Tree.list(r.get("seriesFilters"));
      for (int i = 0; i < filters.size(); i++) {
        seriesFilter(Tree.map(filters.get(i)), where + ".seriesFilters[" + i + "]", ctx);
      }
      String template = Tree.string(Tree.at(r, "resources", "template")).orElse("");
      if (!template.isEmpty() && !RESOURCE_IN_TEMPLATE.matcher(template).find()) {
        ctx.report(
            CONFIG,
            null,
            where
                + ".resources.template '"
                + template
                + "' must include <<.Resource>>: the adapter reads the resource from the label"
                + " name it makes",
            "write a template such as \"kube_<<.Group>>_<<.Resource>>\" or use overrides");
      }
      Map<String, Object> overrides = Tree.map(Tree.at(r, "resources", "overrides"));
      for (Map.Entry<String, Object> o : overrides.entrySet()) {
        if (Tree.string(Tree.map(o.getValue()).get("resource"))
            .filter(s -> !s.isEmpty())
            .isEmpty()) {
          ctx.report(
              CONFIG,
              null,
              where + ".resources.overrides." + o.getKey() + " names no resource",
              "write {resource: pod} (or namespace, service, ...)");
        }
      }
    }
  }

  // pkg/naming/lbl_res.go: a resource template needs the resource to map labels back.
  private static final Pattern RESOURCE_IN_TEMPLATE =
      Pattern.compile("<<-?\\s*\\.Resource\\s*-?>>");

  // Go's regexp (RE2) lacks these Java constructs: lookaround, atomic groups, backreferences,
  // possessive quantifiers.
  private static final Pattern NOT_RE2 =
      Pattern.compile("\\(\\?(?:=|!|<=|<!|>)|\\\\[1-9]|[*+?}]\\+");
  // RE2 named groups, (?P<name>...) and (?<name>...): Java spells names more narrowly.
  private static final Pattern RE2_NAMED_GROUP =
      Pattern.compile("\\(\\?P?<[A-Za-z_][A-Za-z0-9_]*>");

  /**
   * A regular expression as Go's regexp package (RE2) compiles it: its named groups become plain
   * groups (the count is the same), constructs RE2 lacks are refused.
   */
  static Pattern re2(String regex) {
    String escapedFree = regex.replace("\\\\", "");
    java.util.regex.Matcher unsupported = NOT_RE2.matcher(escapedFree);
    if (unsupported.find()) {
      throw new PatternSyntaxException(
          "'" + unsupported.group() + "' is not supported by Go's RE2 syntax", regex, -1);
    }
    return Pattern.compile(RE2_NAMED_GROUP.matcher(regex).replaceAll("("));
  }

  /**
   * The fields of pkg/config/config.go, by type: a field's value is its type, "[]" after it for a
   * list of them, "{}" for a map of them, empty for a scalar.
   */
  private static final Map<String, Map<String, String>> CONFIG_FIELDS =
      Map.of(
          "config",
          Map.of("rules", "rule[]", "externalRules", "rule[]", "resourceRules", "resourceRules"),
          "rule",
          Map.of(
              "seriesQuery", "",
              "seriesFilters", "filter[]",
              "resources", "mapping",
              "name", "name",
              "metricsQuery", ""),
          "filter",
          Map.of("is", "", "isNot", ""),
          "mapping",
          Map.of("template", "", "overrides", "groupResource{}", "namespaced", ""),
          "groupResource",
          Map.of("group", "", "resource", ""),
          "name",
          Map.of("matches", "", "as", ""),
          "resourceRules",
          Map.of("cpu", "resourceRule", "memory", "resourceRule", "window", ""),
          "resourceRule",
          Map.of(
              "containerQuery", "",
              "nodeQuery", "",
              "resources", "mapping",
              "containerLabel", ""));

  /**
   * pkg/config/loader.go reads config.yaml with yaml.v2's UnmarshalStrict: a key the configuration
   * does not have stops the adapter.
   */
  private static void strictFields(Object node, String type, String where, RuleContext ctx) {
    if (!(node instanceof Map)) {
      return;
    }
    Map<String, String> fields = CONFIG_FIELDS.get(type);
    for (Map.Entry<String, Object> e : Tree.map(node).entrySet()) {
      String key = String.valueOf(e.getKey());
      String fieldType = fields.get(key);
      String at = where.equals("config.yaml") ? key : where + "." + key;
      if (fieldType == null) {
        ctx.report(
            CONFIG,
            null,
            at
                + " is not a field of prometheus-adapter's configuration ("
                + String.join(", ", new java.util.TreeSet<>(fields.keySet()))
                + "); the adapter reads config.yaml strictly and does not start",
            "remove or correct the key");
      } else if (fieldType.endsWith("[]")) {
        List<Object> items = Tree.list(e.getValue());
        for (int i = 0; i < items.size(); i++) {
          strictFields(
              items.get(i),
              fieldType.substring(0, fieldType.length() - 2),
              at + "[" + i + "]",
              ctx);
        }
      } else if (fieldType.endsWith("{}")) {
        for (Map.Entry<String, Object> v : Tree.map(e.getValue()).entrySet()) {
          strictFields(
              v.getValue(),
              fieldType.substring(0, fieldType.length() - 2),
              at + "." + v.getKey(),
              ctx);
        }
      } else if (!fieldType.isEmpty()) {
        strictFields(e.getValue(), fieldType, at, ctx);
      }
    }
  }

  /** pkg/naming/metric_namer.go NewReMatcher: one of is and isNot, a regular expression. */
  private static void seriesFilter(Map<String, Object> f, String where, RuleContext ctx) {
    String is = Tree.string(f.get("is")).orElse("");
    String isNot = Tree.string(f.get("isNot")).orElse("");
    if (!is.isEmpty() && !isNot.isEmpty()) {
      ctx.report(
          CONFIG,
          null,
          where + " has both is and isNot; a filter has one",
          "split it into two filters");
      return;
    }
    if (is.isEmpty() && isNot.isEmpty()) {
      ctx.report(
          CONFIG,
          null,
          where + " needs either is or isNot",
          "write {is: \"<regex>\"} or {isNot: \"<regex>\"}");
      return;
    }
    try {
      re2(is.isEmpty() ? isNot : is);
    } catch (PatternSyntaxException e) {
      ctx.report(
          CONFIG,
          null,
          where + " is not a valid regular expression: " + e.getDescription(),
          "fix the pattern (Go RE2 syntax)");
    }
  }

  /** The dcgm-exporter label pitfall: rules must map the labels the scrape leaves. */
  static final class AdapterDeviceLabels extends BaseRule {
    AdapterDeviceLabels() {
      super(
          rule(
                  "autoscale.adapter.exported-labels",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "Adapter rules for GPU exporters map the pod labels the scrape leaves")
              .addKind(CONFIG_MAP)
              .description(
                  "dcgm-exporter (and the AMD and Intel exporters) label each GPU's series with"
                      + " the namespace and pod using it. Scraped by a ServiceMonitor without"
                      + " honorLabels: true (the exporter chart's default) those labels arrive as"
                      + " exported_namespace and exported_pod, and a rule mapping namespace/pod"
                      + " attributes every GPU to the exporter's own pod: the HPA gets no metrics"
                      + " for the workload.")
              .failingExample(
                  String.format(
                      ADAPTER_CM,
                      "DCGM_FI_DEV_GPU_UTIL{pod!=\"\"}",
                      "namespace",
                      "pod",
                      ", as: \"gpu_util\""))
              .fixedExample(GPU_UTIL_ADAPTER_CM)
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Optional<Object> cfg = adapterConfig(object);
      if (cfg.isEmpty() || cfg.get() instanceof RuntimeException) {
        return;
      }
      Optional<Boolean> honored = exporterHonorsLabels(ctx.bundle());
      Map<String, Object> doc = Tree.map(cfg.get());
      List<Object> rules = Tree.list(doc.get("rules"));
      for (int i = 0; i < rules.size(); i++) {
        Map<String, Object> r = Tree.map(rules.get(i));
        String query = Tree.string(r.get("seriesQuery")).orElse("");
        Optional<MetricDefinition> device =
            Autoscalers.seriesIn(query).stream()
                .map(MetricCatalogue::find)
                .flatMap(Optional::stream)
                .filter(m -> m.exporter().isNodeAgent())
                .findFirst();
        if (device.isEmpty()) {
          continue;
        }
        Map<String, Object> overrides = Tree.map(Tree.at(r, "resources", "overrides"));
        boolean mapsPlain = overrides.containsKey("pod") || overrides.containsKey("namespace");
        boolean mapsExported =
            overrides.containsKey("exported_pod") || overrides.containsKey("exported_namespace");
        String where = "rules[" + i + "] (" + device.get().series() + ")";
        if (mapsPlain && !mapsExported && !honored.orElse(false)) {
          ctx.report(
              honored.isPresent() ? Severity.WARNING : Severity.INFO,
              CONFIG,
              null,
              where
                  + " maps the pod and namespace labels, but "
                  + (honored.isPresent()
                      ? "the exporter's monitor in this bundle scrapes without honorLabels: true, so they arrive as exported_pod/exported_namespace"
                      : "the exporter's labels only survive scraping with honorLabels: true; otherwise they arrive as exported_pod/exported_namespace"),
              "map exported_namespace and exported_pod (PrometheusSetup.DeviceLabels.EXPORTED), or"
                  + " scrape the exporter with honorLabels: true");
        } else if (mapsExported && honored.orElse(false)) {
          ctx.report(
              CONFIG,
              null,
              where
                  + " maps exported_* labels, but the exporter's monitor in this bundle keeps the"
                  + " exporter's own labels (honorLabels: true): there are no exported_* labels",
              "map namespace and pod (PrometheusSetup.DeviceLabels.HONORED)");
        }
      }
    }

    /**
     * How the bundle's GPU-exporter monitors scrape: true when all honour labels; empty if none.
     */
    static Optional<Boolean> exporterHonorsLabels(ManifestBundle bundle) {
      Optional<Boolean> result = Optional.empty();
      for (Manifest m : bundle) {
        if (!(m.object() instanceof GenericKubernetesResource)
            || !isMonitor(m.object())
            || !isGpuExporter(m.object())) {
          continue;
        }
        boolean honors =
            MonitorResource.of((GenericKubernetesResource) m.object()).endpoints().stream()
                .allMatch(MonitorResource.Endpoint::honorLabels);
        result = Optional.of(result.orElse(true) && honors);
      }
      return result;
    }
  }

  static boolean isMonitor(HasMetadata o) {
    return MonitorResource.SERVICE_MONITOR.matches(o) || MonitorResource.POD_MONITOR.matches(o);
  }

  static boolean isGpuExporter(HasMetadata o) {
    StringBuilder sb =
        new StringBuilder(o.getMetadata().getName() == null ? "" : o.getMetadata().getName());
    MonitorResource.of((GenericKubernetesResource) o)
        .matchLabels()
        .values()
        .forEach(v -> sb.append(' ').append(v));
    String s = sb.toString().toLowerCase(Locale.ROOT);
    return s.contains("dcgm")
        || s.contains("device-metrics-exporter")
        || s.contains("xpumanager")
        || s.contains("xpum");
  }

  // pkg/apis/monitoring/v1/types.go: Duration's kubebuilder pattern.
  static final Pattern PROMETHEUS_DURATION =
      Pattern.compile(
          "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$");

  /** ServiceMonitors and PodMonitors select something and say which port to scrape. */
  static final class MonitorEndpoints extends BaseRule {
    MonitorEndpoints() {
      super(
          rule(
                  "autoscale.monitor.endpoints",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "Monitors select targets and name the port to scrape")
              .addKind(SERVICE_MONITOR)
              .addKind(POD_MONITOR)
              .description(
                  "The Prometheus Operator's CRDs require spec.selector; an endpoint needs a port"
                      + " (or targetPort, or a PodMonitor's portNumber), and a monitor without"
                      + " endpoints scrapes nothing. GPU exporters scraped without honorLabels:"
                      + " true rename their pod labels to exported_pod (information).")
              .failingExample(
                  "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: vllm\n"
                      + "spec:\n  selector: {matchLabels: {app: vllm}}\n  podMetricsEndpoints:\n  - path: /metrics\n")
              .fixedExample(
                  "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: vllm\n"
                      + "spec:\n  selector: {matchLabels: {app: vllm}}\n  podMetricsEndpoints:\n"
                      + "  - port: http\n    path: /metrics\n")
              .build());
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return object instanceof GenericKubernetesResource && isMonitor(object);
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      GenericKubernetesResource r = (GenericKubernetesResource) object;
      MonitorResource m = MonitorResource.of(r);
      Map<String, Object> spec = Tree.map(Tree.root(r).get("spec"));
      if (!spec.containsKey("selector")) {
        ctx.report(
            Severity.ERROR,
            FieldPath.of("spec", "selector"),
            Reason.REQUIRED,
            "spec.selector is required by the Prometheus Operator's " + object.getKind() + " CRD",
            "select the " + (m.isPodMonitor() ? "pods" : "Services") + " to scrape by label");
      }
      List<Object> endpoints = Tree.list(spec.get(m.endpointsField()));
      FieldPath ep = FieldPath.of("spec", m.endpointsField());
      if (!m.isPodMonitor() && spec.get("endpoints") == null) {
        ctx.report(
            Severity.ERROR,
            ep,
            Reason.REQUIRED,
            "spec.endpoints is required by the Prometheus Operator's ServiceMonitor CRD",
            "add an endpoint naming the Service's metrics port");
      } else if (endpoints.isEmpty()) {
        ctx.report(
            ep,
            null,
            "no " + m.endpointsField() + ": nothing is scraped",
            "add an endpoint with the metrics port");
      }
      for (int i = 0; i < endpoints.size(); i++) {
        Map<String, Object> e = Tree.map(endpoints.get(i));
        boolean port =
            e.containsKey("port") || e.containsKey("targetPort") || e.containsKey("portNumber");
        for (String field : List.of("interval", "scrapeTimeout")) {
          Object v = e.get(field);
          if (v != null && !PROMETHEUS_DURATION.matcher(String.valueOf(v)).matches()) {
            ctx.report(
                Severity.ERROR,
                ep.index(i).child(field),
                Reason.INVALID,
                "should match '"
                    + PROMETHEUS_DURATION.pattern()
                    + "' (a Prometheus duration); found '"
                    + v
                    + "'",
                "write whole numbers with units y, w, d, h, m, s or ms, such as 30s or 1m30s");
          }
        }
        if (!port) {
          ctx.report(
              ep.index(i),
              null,
              "endpoint names no port",
              "set port to the name of the container's (PodMonitor) or Service's (ServiceMonitor) metrics port");
        }
      }
      if (isGpuExporter(object) && m.endpoints().stream().anyMatch(x -> !x.honorLabels())) {
        ctx.report(
            Severity.INFO,
            ep,
            null,
            "this monitor scrapes a GPU exporter without honorLabels: true, so the exporter's"
                + " namespace/pod labels arrive as exported_namespace/exported_pod",
            "map exported_* in prometheus-adapter rules (AIConform's default), or set honorLabels: true");
      }
    }
  }

  /** ai_service_metrics: the workload an autoscaler reads server metrics from is scraped. */
  static final class WorkloadScraped extends AutoscalerRule {
    WorkloadScraped() {
      super(
          rule(
                  "autoscale.metrics.scraped",
                  Category.CONFORMANCE,
                  Severity.INFO,
                  "The workload's own metrics are scraped by a monitor in the bundle")
              .requirement("ai_service_metrics")
              .addKind(HPA)
              .addKind(SCALED_OBJECT)
              .description(
                  "An autoscaler on inference-server metrics (vLLM, TGI, Triton) needs Prometheus"
                      + " to scrape the server's pods. When the target is in the bundle and no"
                      + " PodMonitor selects its pods, or no ServiceMonitor selects a Service of"
                      + " them, AIConform notes it (the monitor may be applied separately).")
              .failingExample(
                  String.format(AutoscalerRules.GPU_DEPLOYMENT, "nvidia.com/gpu")
                      + "---\n"
                      + AutoscalerRules.hpa("vllm_num_requests_waiting", "5"))
              .fixedExample(
                  String.format(AutoscalerRules.GPU_DEPLOYMENT, "nvidia.com/gpu")
                      + "---\n"
                      + AutoscalerRules.hpa("vllm_num_requests_waiting", "5")
                      + "---\napiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: vllm\n  namespace: ml\n"
                      + "spec:\n  selector: {matchLabels: {app: vllm}}\n  podMetricsEndpoints:\n  - port: http\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Optional<MetricUse> server =
          Autoscalers.metrics(object).stream()
              .filter(
                  m ->
                      m.known
                          .map(
                              k ->
                                  k.exporter() == Exporter.VLLM
                                      || k.exporter() == Exporter.TGI
                                      || k.exporter() == Exporter.TRITON)
                          .orElse(false))
              .findFirst();
      if (server.isEmpty()) {
        return;
      }
      Optional<Autoscalers.Target> t = Autoscalers.target(object);
      Optional<Manifest> target = t.flatMap(x -> Autoscalers.find(ctx.bundle(), x));
      Optional<PodTemplateSpec> template = target.flatMap(m -> Autoscalers.podTemplate(m.object()));
      if (template.isEmpty() || template.get().getMetadata() == null) {
        return;
      }
      Map<String, String> podLabels =
          template.get().getMetadata().getLabels() == null
              ? Map.of()
              : template.get().getMetadata().getLabels();
      if (scraped(ctx.bundle(), t.get().namespace, podLabels)) {
        return;
      }
      ctx.report(
          server.get().path,
          null,
          server.get().name
              + " comes from the server's own /metrics, and no PodMonitor or"
              + " ServiceMonitor in this bundle scrapes "
              + t.get(),
          "add one (AcceleratorAutoscaler.scrape(...) and renderServiceMonitor()), unless it is applied separately");
    }

    static boolean scraped(ManifestBundle bundle, String namespace, Map<String, String> podLabels) {
      for (Manifest m : bundle) {
        if (!(m.object() instanceof GenericKubernetesResource) || !isMonitor(m.object())) {
          continue;
        }
        MonitorResource mon = MonitorResource.of((GenericKubernetesResource) m.object());
        Map<String, String> sel = mon.matchLabels();
        if (mon.isPodMonitor()) {
          if (!sel.isEmpty() && podLabels.entrySet().containsAll(sel.entrySet())) {
            return true;
          }
        } else {
          for (Service s : bundle.objectsOf(Service.class)) {
            Map<String, String> svcLabels =
                s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
            Map<String, String> svcSelector =
                s.getSpec() == null || s.getSpec().getSelector() == null
                    ? Map.of()
                    : s.getSpec().getSelector();
            if (!svcSelector.isEmpty()
                && podLabels.entrySet().containsAll(svcSelector.entrySet())
                && svcLabels.entrySet().containsAll(sel.entrySet())) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }

  /** BaseRule applying to HPAs and ScaledObjects. */
  abstract static class AutoscalerRule extends BaseRule {
    AutoscalerRule(dev.aiconform.core.validation.RuleInfo info) {
      super(info);
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return Autoscalers.isAutoscaler(object);
    }
  }
}
