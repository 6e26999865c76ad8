package dev.aiconform.autoscale.rules;

import static dev.aiconform.autoscale.rules.Checks.assertNoErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What sdk-autoscale says about each upstream autoscaling manifest, and why. */
class UpstreamAutoscalingTest {
  static ValidationReport validate(String file) throws IOException {
    ReadResult read = ManifestReader.defaults().read(Corpus.file(file));
    assertThat(read.bundle().objects()).as(file).isNotEmpty();
    return Validator.forVersion(TargetVersion.latest()).validate(read.bundle());
  }

  static List<String> rules(ValidationReport r, Severity s) {
    return r.diagnostics().stream()
        .filter(d -> d.rule().startsWith("autoscale."))
        .filter(d -> d.severity() == s)
        .map(Diagnostic::rule)
        .collect(Collectors.toList());
  }

  @Test
  void kubernetesDocsPhpApacheHpaIsValidAndItsTargetLivesInAnotherFile() throws IOException {
    ValidationReport r =
        validate("kubernetes__website/content/en/examples/application/hpa/php-apache.yaml");
    assertNoErrors(r);
    assertThat(rules(r, Severity.WARNING)).containsExactly("autoscale.target.exists");
  }

  @Test
  void lwsSampleHpaScalesALeaderWorkerSet() throws IOException {
    ValidationReport r =
        validate("kubernetes-sigs__lws/docs/examples/sample/horizontal-pod-autoscaler.yaml");
    assertNoErrors(r);
    assertThat(rules(r, Severity.WARNING)).containsExactly("autoscale.target.exists");
  }

  @Test
  void gardenerGpuWorkloadIsScaledOnAPrometheusRuleSeriesNotInTheCatalogue() throws IOException {
    ValidationReport r =
        validate(
            "gardener__gardener-ai-conformance/v1.33/pod_autoscaling/resources/gpu-workload.yaml");
    assertNoErrors(r);
    // The HPA lives in namespace pod-autoscaling, the Deployment in the default one.
    assertThat(rules(r, Severity.WARNING)).containsExactly("autoscale.target.exists");
    assertThat(rules(r, Severity.INFO)).contains("autoscale.metric.unknown");
  }

  @Test
  void vllmProductionStackHpaUsesAnObjectMetricOnTheNamespace() throws IOException {
    ValidationReport r = validate("vllm-project__production-stack/tutorials/assets/hpa-10.yaml");
    assertNoErrors(r);
    assertThat(rules(r, Severity.WARNING)).containsExactly("autoscale.target.exists");
    assertThat(rules(r, Severity.INFO)).doesNotContain("autoscale.metric.unknown");
  }

  @Test
  void vllmProductionStackScaledObjectCarriesAMetadataKeyKedaIgnores() throws IOException {
    ValidationReport r =
        validate("vllm-project__production-stack/tutorials/assets/keda-scaled-object.yaml");
    assertNoErrors(r);
    assertThat(
            r.ofRule("autoscale.keda.prometheus-trigger").stream()
                .map(Diagnostic::path)
                .collect(Collectors.toList()))
        .containsExactly("spec.triggers[0].metadata.metricName");
  }

  @Test
  void kedaRepositoryExampleStillUsesKedaOnesApiGroup() throws IOException {
    ValidationReport r = validate("kedacore__keda/examples/prometheus_scaledobject.yaml");
    assertNoErrors(r);
    assertThat(rules(r, Severity.WARNING)).containsExactly("autoscale.keda.legacy-api");
  }

  @Test
  void dcgmExporterServiceMonitorRenamesPodLabels() throws IOException {
    ValidationReport r = validate("NVIDIA__dcgm-exporter/service-monitor.yaml");
    assertNoErrors(r);
    assertThat(rules(r, Severity.INFO)).containsExactly("autoscale.monitor.endpoints");
  }

  @Test
  void prometheusAdapterManifestsAreWellFormed() throws IOException {
    assertNoErrors(
        validate("kubernetes-sigs__prometheus-adapter/deploy/manifests/config-map.yaml"));
    assertNoErrors(
        validate(
            "kubernetes-sigs__prometheus-adapter/test/prometheus-manifests/service-monitor-kubelet.yaml"));
  }
}
