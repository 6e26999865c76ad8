package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Containers of a pod spec: at least one, named with unique DNS-1123 labels, each with an image.
 */
public final class ContainersRule extends CoreRule {
  public ContainersRule() {
    super(
        RuleInfo.builder()
            .id("core.pod.containers")
            .category(Category.API)
            .severity(Severity.ERROR)
            .kinds(PodSpecRules.VALIDATED_POD_KINDS)
            .title("Pods have named containers with images")
            .description(
                "Wherever a pod spec appears (Pod, Deployment, ReplicaSet, DaemonSet, Job,"
                    + " CronJob, ReplicationController, PodTemplate) it needs at least one"
                    + " container; every container and init container has a name that is a"
                    + " DNS-1123 label, unique within the pod, and an image. Source:"
                    + " pkg/apis/core/validation/validation.go validateContainers,"
                    + " validateInitContainers, validateContainerCommon.")
            .failingExample(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  template:\n"
                    + "    spec:\n      restartPolicy: Never\n      containers:\n"
                    + "      - name: Trainer\n")
            .fixedExample(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  template:\n"
                    + "    spec:\n      restartPolicy: Never\n      containers:\n"
                    + "      - name: trainer\n        image: nvcr.io/nvidia/pytorch:25.01-py3\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object)
        .filter(PodSpecRules::serverValidates)
        .ifPresent(pod -> PodSpecChecks.containers(pod, ctx::report));
  }
}
