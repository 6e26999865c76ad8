package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/**
 * The API server accepts a StatefulSet without validating its pod template
 * (ValidatePodTemplateSpecForStatefulSet checks labels and annotations only), so a broken template
 * surfaces later, when every Pod the controller creates is rejected. This rule runs the pod checks
 * of {@code core.pod.containers} and {@code core.pod.resources} on it.
 */
public final class StatefulSetPodTemplateRule extends CoreRule {
  public StatefulSetPodTemplateRule() {
    super(
        RuleInfo.builder()
            .id("core.statefulset.pod-template")
            .category(Category.PRACTICE)
            .severity(Severity.ERROR)
            .kinds(Set.of(GroupKind.of("apps", "StatefulSet")))
            .title("StatefulSet pod templates would pass Pod validation")
            .description(
                "The API server does not validate the pod spec of a StatefulSet template; the"
                    + " StatefulSet is stored, and then every Pod its controller creates is"
                    + " rejected (visible only as FailedCreate events). This rule applies the"
                    + " container and resource checks of core.pod.containers and"
                    + " core.pod.resources to the template, with the paths and reasons the Pods"
                    + " would be rejected with.")
            .failingExample(
                "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: llm\nspec:\n"
                    + "  serviceName: llm\n  selector:\n    matchLabels: {app: llm}\n  template:\n"
                    + "    metadata:\n      labels: {app: llm}\n    spec:\n      containers:\n"
                    + "      - name: server\n        image: vllm/vllm-openai:v0.9.0\n"
                    + "        resources:\n          requests: {nvidia.com/gpu: 1}\n")
            .fixedExample(
                "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: llm\nspec:\n"
                    + "  serviceName: llm\n  selector:\n    matchLabels: {app: llm}\n  template:\n"
                    + "    metadata:\n      labels: {app: llm}\n    spec:\n      containers:\n"
                    + "      - name: server\n        image: vllm/vllm-openai:v0.9.0\n"
                    + "        resources:\n          limits: {nvidia.com/gpu: 1}\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object)
        .filter(pod -> !PodSpecRules.serverValidates(pod))
        .ifPresent(
            pod -> {
              Findings out =
                  (path, reason, message, hint) ->
                      ctx.report(
                          path,
                          reason,
                          "the StatefulSet is accepted, but its Pods would be rejected: " + message,
                          hint);
              PodSpecChecks.containers(pod, out);
              PodSpecChecks.resources(pod, out);
            });
  }
}
