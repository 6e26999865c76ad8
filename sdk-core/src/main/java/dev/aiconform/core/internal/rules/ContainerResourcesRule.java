package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Container resource requests and limits: valid names, non-negative quantities, whole numbers of
 * extended resources, requests within limits, and extended resources (accelerators) with a limit
 * equal to the request.
 */
public final class ContainerResourcesRule extends CoreRule {
  public ContainerResourcesRule() {
    super(
        RuleInfo.builder()
            .id("core.pod.resources")
            .category(Category.API)
            .severity(Severity.ERROR)
            .kinds(PodSpecRules.VALIDATED_POD_KINDS)
            .title("Container requests and limits are valid; accelerators are not overcommitted")
            .description(
                "Resource names are cpu, memory, ephemeral-storage, hugepages-<size> or fully"
                    + " qualified ('nvidia.com/gpu'); quantities are non-negative; extended"
                    + " resources are whole numbers (reported at"
                    + " resources.requests[nvidia.com/gpu]). A request must not exceed its limit."
                    + " Extended resources and huge pages cannot be overcommitted: a request needs a"
                    + " limit (FieldValueRequired at resources.limits) and must equal it"
                    + " (FieldValueInvalid at resources.requests). Source:"
                    + " pkg/apis/core/validation/validation.go validateResourceRequirements,"
                    + " ValidateResourceQuantityValue, validateContainerResourceName.")
            .failingExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: infer\nspec:\n  containers:\n"
                    + "  - name: server\n    image: vllm/vllm-openai:v0.9.0\n    resources:\n"
                    + "      requests:\n        nvidia.com/gpu: 1\n")
            .fixedExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: infer\nspec:\n  containers:\n"
                    + "  - name: server\n    image: vllm/vllm-openai:v0.9.0\n    resources:\n"
                    + "      limits:\n        nvidia.com/gpu: 1\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object)
        .filter(PodSpecRules::serverValidates)
        .ifPresent(pod -> PodSpecChecks.resources(pod, ctx::report));
  }
}
