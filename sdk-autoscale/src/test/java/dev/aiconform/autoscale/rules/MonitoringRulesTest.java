package dev.aiconform.autoscale.rules;

import static dev.aiconform.autoscale.rules.Checks.assertFinding;
import static dev.aiconform.autoscale.rules.Checks.assertNoFinding;
import static dev.aiconform.autoscale.rules.Checks.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Severity;
import org.junit.jupiter.api.Test;

class MonitoringRulesTest {
  static String adapter(String seriesQuery, String nsLabel, String podLabel) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: adapter-config\n  namespace: monitoring\n"
        + "data:\n  config.yaml: |\n    rules:\n    - seriesQuery: '"
        + seriesQuery
        + "'\n      resources:\n        overrides:\n"
        + "          "
        + nsLabel
        + ": {resource: namespace}\n          "
        + podLabel
        + ": {resource: pod}\n"
        + "      name: {matches: \"^DCGM_FI_DEV_GPU_UTIL$\", as: gpu_util}\n"
        + "      metricsQuery: avg(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)\n";
  }

  static String dcgmMonitor(boolean honorLabels) {
    return "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: dcgm-exporter\n  namespace: gpu-operator\n"
        + "spec:\n  selector: {matchLabels: {app: nvidia-dcgm-exporter}}\n  endpoints:\n  - port: gpu-metrics\n"
        + (honorLabels ? "    honorLabels: true\n" : "");
  }

  @Test
  void plainPodLabelsForDcgmAreWrongWhenTheExporterIsScrapedWithoutHonorLabels() {
    String rules = adapter("DCGM_FI_DEV_GPU_UTIL{pod!=\"\"}", "namespace", "pod");
    Diagnostic d =
        assertFinding(
            validate(rules + "---\n" + dcgmMonitor(false)),
            "autoscale.adapter.exported-labels",
            "data[config.yaml]",
            null);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).contains("exported_pod");
    assertNoFinding(
        validate(rules + "---\n" + dcgmMonitor(true)), "autoscale.adapter.exported-labels");
    Diagnostic unknown =
        assertFinding(
            validate(rules), "autoscale.adapter.exported-labels", "data[config.yaml]", null);
    assertThat(unknown.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void exportedLabelsAreWrongWhenTheExporterIsScrapedWithHonorLabels() {
    String rules =
        adapter("DCGM_FI_DEV_GPU_UTIL{exported_pod!=\"\"}", "exported_namespace", "exported_pod");
    assertFinding(
        validate(rules + "---\n" + dcgmMonitor(true)),
        "autoscale.adapter.exported-labels",
        "data[config.yaml]",
        null);
    assertNoFinding(
        validate(rules + "---\n" + dcgmMonitor(false)), "autoscale.adapter.exported-labels");
  }

  @Test
  void adapterRulesNeedASeriesQueryAndANameForSeveralCaptureGroups() {
    String broken =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: adapter-config\ndata:\n  config.yaml: |\n    rules:\n"
            + "    - name: {matches: \"^(.*)_(.*)$\"}\n      resources: {overrides: {pod: {group: \"\"}}}\n"
            + "      metricsQuery: sum(<<.Series>>)\n";
    assertThat(validate(broken).ofRule("autoscale.adapter.config"))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("no seriesQuery"))
        .anyMatch(m -> m.contains("2 capture groups"))
        .anyMatch(m -> m.contains("overrides.pod names no resource"));
  }

  @Test
  void configMapsThatAreNotAdapterConfigurationsAreLeftAlone() {
    String other =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  config.yaml: |\n    port: 8080\n";
    assertNoFinding(validate(other), "autoscale.adapter.config");
  }

  @Test
  void monitorsNeedASelectorAndAPort() {
    String pm =
        "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: vllm\nspec:\n  podMetricsEndpoints:\n  - path: /metrics\n";
    assertFinding(validate(pm), "autoscale.monitor.endpoints", "spec.selector", Reason.REQUIRED);
    assertFinding(validate(pm), "autoscale.monitor.endpoints", "spec.podMetricsEndpoints[0]", null);
  }

  @Test
  void serverMetricsWithoutAMonitorForTheTargetAreNotedForAiServiceMetrics() {
    String deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
            + "  selector: {matchLabels: {app: vllm}}\n  template:\n    metadata: {labels: {app: vllm, tier: serve}}\n"
            + "    spec:\n      containers:\n      - {name: s, image: vllm/vllm-openai}\n";
    String hpa =
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
            + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n  maxReplicas: 4\n"
            + "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: vllm_num_requests_waiting}\n"
            + "      target: {type: AverageValue, averageValue: \"5\"}\n";
    Diagnostic d =
        assertFinding(
            validate(deployment + "---\n" + hpa),
            "autoscale.metrics.scraped",
            "spec.metrics[0].pods.metric.name",
            null);
    assertThat(d.requirement()).contains("ai_service_metrics");
    String service =
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: vllm\n  namespace: ml\n  labels: {app: vllm}\nspec:\n"
            + "  selector: {app: vllm}\n  ports:\n  - {name: http, port: 8000}\n";
    String sm =
        "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
            + "  selector: {matchLabels: {app: vllm}}\n  endpoints:\n  - port: http\n";
    assertNoFinding(
        validate(deployment + "---\n" + hpa + "---\n" + service + "---\n" + sm),
        "autoscale.metrics.scraped");
  }

  static String adapterRule(String yamlLines) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: adapter-config\ndata:\n  config.yaml: |\n    rules:\n"
        + "    - seriesQuery: '{__name__=~\"^vllm:.*\"}'\n"
        + "      resources: {overrides: {namespace: {resource: namespace}, pod: {resource: pod}}}\n"
        + "      metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)\n"
        + yamlLines;
  }

  @Test
  void nameMatchesIsReadAsGoRe2() {
    // Go's regexp (RE2) spells named groups (?P<name>...) and has no lookaround or backreferences.
    assertNoFinding(
        validate(adapterRule("      name: {matches: \"^vllm:(?P<metric>.*)$\"}\n")),
        "autoscale.adapter.config");
    assertThat(
            validate(adapterRule("      name: {matches: \"^vllm:(?!cache)(.*)$\"}\n"))
                .ofRule("autoscale.adapter.config"))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("rules[0].name.matches") && m.contains("RE2"));
  }

  @Test
  void seriesFiltersNeedExactlyOneOfIsAndIsNot() {
    assertThat(
            validate(
                    adapterRule(
                        "      seriesFilters:\n      - {is: \"^a\", isNot: \"^b\"}\n      - {}\n"
                            + "      - {isNot: \"(\"}\n"))
                .ofRule("autoscale.adapter.config"))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("rules[0].seriesFilters[0]") && m.contains("both"))
        .anyMatch(m -> m.contains("rules[0].seriesFilters[1]") && m.contains("either"))
        .anyMatch(m -> m.contains("rules[0].seriesFilters[2]") && m.contains("regular expression"));
    assertNoFinding(
        validate(adapterRule("      seriesFilters:\n      - {isNot: \"^vllm:cache_.*\"}\n")),
        "autoscale.adapter.config");
  }

  @Test
  void aResourceTemplateMustContainTheResource() {
    String template =
        adapterRule("")
            .replace(
                "resources: {overrides: {namespace: {resource: namespace}, pod: {resource: pod}}}",
                "resources: {template: \"kube_%s\"}");
    assertThat(validate(String.format(template, "namespace")).ofRule("autoscale.adapter.config"))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("rules[0].resources.template") && m.contains("<<.Resource>>"));
    assertNoFinding(validate(String.format(template, "<<.Resource>>")), "autoscale.adapter.config");
  }

  static String serviceMonitor(String endpoints) {
    return "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: vllm\nspec:\n"
        + "  selector: {matchLabels: {app: vllm}}\n"
        + endpoints;
  }

  @Test
  void serviceMonitorsRequireEndpoints() {
    Diagnostic d =
        assertFinding(
            validate(serviceMonitor("")),
            "autoscale.monitor.endpoints",
            "spec.endpoints",
            Reason.REQUIRED);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void intervalsAndScrapeTimeoutsArePrometheusDurations() {
    String bad =
        serviceMonitor(
            "  endpoints:\n  - port: http\n    interval: \"30\"\n    scrapeTimeout: 1.5s\n");
    Diagnostic interval =
        assertFinding(
            validate(bad),
            "autoscale.monitor.endpoints",
            "spec.endpoints[0].interval",
            Reason.INVALID);
    assertThat(interval.severity()).isEqualTo(Severity.ERROR);
    assertFinding(
        validate(bad),
        "autoscale.monitor.endpoints",
        "spec.endpoints[0].scrapeTimeout",
        Reason.INVALID);
    assertNoFinding(
        validate(
            serviceMonitor(
                "  endpoints:\n  - port: http\n    interval: 1m30s\n    scrapeTimeout: 500ms\n")),
        "autoscale.monitor.endpoints");
    String pm =
        "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: vllm\nspec:\n"
            + "  selector: {matchLabels: {app: vllm}}\n  podMetricsEndpoints:\n  - port: http\n    interval: 10 s\n";
    assertFinding(
        validate(pm),
        "autoscale.monitor.endpoints",
        "spec.podMetricsEndpoints[0].interval",
        Reason.INVALID);
  }

  @Test
  void theAdapterReadsItsConfigurationStrictly() {
    // pkg/config/loader.go: yaml.UnmarshalStrict refuses keys config.go does not declare.
    String typo =
        adapterRule("      name: {matches: \"^vllm:(.*)$\", as: \"vllm_${1}\"}\n")
            .replace("metricsQuery:", "metricQuery:")
            .replace("{resource: pod}", "{resource: pod, kind: Pod}");
    assertThat(validate(typo).ofRule("autoscale.adapter.config"))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.startsWith("rules[0].metricQuery is not a field"))
        .anyMatch(m -> m.startsWith("rules[0].resources.overrides.pod.kind is not a field"));
    String resourceRules =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: adapter-config\ndata:\n  config.yaml: |\n"
            + "    resourceRules:\n      cpu:\n        containerQuery: sum(rate(x[1m])) by (<<.GroupBy>>)\n"
            + "        nodeQuery: sum(rate(y[1m])) by (<<.GroupBy>>)\n"
            + "        resources: {overrides: {node: {resource: node}}}\n        containerLabel: container\n"
            + "      window: 1m\n";
    assertNoFinding(validate(resourceRules), "autoscale.adapter.config");
    assertThat(
            validate(resourceRules.replace("containerLabel:", "containerLabels:"))
                .ofRule("autoscale.adapter.config"))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.startsWith("resourceRules.cpu.containerLabels is not a field"));
  }
}
