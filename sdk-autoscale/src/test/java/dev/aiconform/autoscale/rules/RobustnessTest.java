package dev.aiconform.autoscale.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Odd but parseable input gets diagnostics, never an internal error from sdk-autoscale's rules. */
class RobustnessTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  metrics: [null]\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  metrics:\n  - type: Pods\n    pods: {}\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  metrics:\n  - type: Object\n    object: {metric: {name: m}}\n  - type: External\n    external: {}\n  - type: Resource\n    resource: {}\n  - type: ContainerResource\n    containerResource: {}\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  behavior:\n    scaleUp:\n      policies: [null, {}]\n    scaleDown: {}\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  minReplicas: 0\n  behavior: {}\n",
        "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec: 5\n",
        "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec:\n  scaleTargetRef: x\n  triggers: [null, 5, {type: prometheus, metadata: str}]\n  fallback: 7\n  advanced: {scalingModifiers: {formula: x, target: y, metricType: Utilization}}\n",
        "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec:\n  scaleTargetRef: {name: [1]}\n  minReplicaCount: a\n  triggers: x\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  config.yaml: |\n    rules: [null, 5, {name: x, resources: {overrides: y}}]\n    externalRules: {a: b}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  config.yaml: |\n    rules:\n    - seriesQuery: [unclosed\n",
        "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec:\n  selector: 5\n  endpoints: x\n",
        "apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata: {name: dcgm}\nspec:\n  selector: {matchLabels: [a]}\n  podMetricsEndpoints: [null, 3]\n",
        "apiVersion: keda.k8s.io/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a, namespace: n}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n  maxReplicas: 2\n---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {namespace: n, name: b}\nspec:\n  scaleTargetRef: {name: d}\n  triggers: [{type: cpu, metadata: {}}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: n}\nspec: {}\n"
      })
  void oddInputIsNeverAnInternalError(String yaml) {
    ReadResult read = ManifestReader.defaults().readString(yaml, "odd.yaml");
    for (TargetVersion v : TargetVersion.values()) {
      ValidationReport r = Validator.forVersion(v).validate(read.bundle());
      assertThat(r.diagnostics())
          .as(Checks.describe(r))
          .noneMatch(
              d ->
                  d.rule().startsWith("autoscale.")
                      && d.reason().filter(Reason.INTERNAL::equals).isPresent());
    }
  }
}
