package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/**
 * Controllers that keep their pods running refuse a pod template with {@code
 * activeDeadlineSeconds}: apps validation (ValidatePodTemplateSpecForReplicaSet, the DaemonSet and
 * StatefulSet specs) and core's ValidatePodTemplateSpecForRC report it as Forbidden.
 */
public final class ActiveDeadlineRule extends CoreRule {
  static final Set<GroupKind> KEEP_RUNNING =
      Set.of(
          GroupKind.of("apps", "Deployment"),
          GroupKind.of("apps", "ReplicaSet"),
          GroupKind.of("apps", "DaemonSet"),
          GroupKind.of("apps", "StatefulSet"),
          GroupKind.of("", "ReplicationController"));

  public ActiveDeadlineRule() {
    super(
        RuleInfo.builder()
            .id("core.pod.active-deadline")
            .category(Category.API)
            .severity(Severity.ERROR)
            .kinds(KEEP_RUNNING)
            .title("Long-running controllers' pod templates have no activeDeadlineSeconds")
            .description(
                "A Deployment, ReplicaSet, DaemonSet, StatefulSet or ReplicationController keeps"
                    + " its pods running, so its template must not set activeDeadlineSeconds"
                    + " (FieldValueForbidden at spec.template.spec.activeDeadlineSeconds). Put a"
                    + " deadline on a Job instead. Source: pkg/apis/apps/validation"
                    + " ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec,"
                    + " ValidateStatefulSetSpec; pkg/apis/core/validation"
                    + " ValidatePodTemplateSpecForRC.")
            .failingExample(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llm\nspec:\n"
                    + "  selector:\n    matchLabels: {app: llm}\n  template:\n    metadata:\n"
                    + "      labels: {app: llm}\n    spec:\n      activeDeadlineSeconds: 3600\n"
                    + "      containers:\n      - name: server\n"
                    + "        image: vllm/vllm-openai:v0.9.0\n")
            .fixedExample(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llm\nspec:\n"
                    + "  selector:\n    matchLabels: {app: llm}\n  template:\n    metadata:\n"
                    + "      labels: {app: llm}\n    spec:\n      containers:\n"
                    + "      - name: server\n        image: vllm/vllm-openai:v0.9.0\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object)
        .filter(pod -> pod.spec().getActiveDeadlineSeconds() != null)
        .ifPresent(
            pod ->
                ctx.report(
                    pod.specPath().child("activeDeadlineSeconds"),
                    Reason.FORBIDDEN,
                    "activeDeadlineSeconds is not supported in a "
                        + GroupKind.of(object).kind()
                        + " pod template: its controller keeps the pods running and would"
                        + " recreate them when the deadline kills them",
                    "remove activeDeadlineSeconds, or run the work as a Job"));
  }
}
