package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The pod restart policy a controller accepts, after the server defaults an unset one to Always:
 * Jobs (and CronJobs) run to completion, so OnFailure or Never; Deployments, ReplicaSets,
 * DaemonSets, StatefulSets and ReplicationControllers keep pods running, so Always.
 */
public final class RestartPolicyRule extends CoreRule {
  private static final List<String> ALL = List.of("Always", "OnFailure", "Never");
  private static final List<String> RUN_TO_COMPLETION = List.of("OnFailure", "Never");
  private static final List<String> KEEP_RUNNING = List.of("Always");

  public RestartPolicyRule() {
    super(
        RuleInfo.builder()
            .id("core.pod.restart-policy")
            .category(Category.API)
            .severity(Severity.ERROR)
            .kinds(PodSpecRules.POD_KINDS)
            .title("The pod restart policy suits the controller")
            .description(
                "An unset restartPolicy defaults to Always. Job and CronJob templates must use"
                    + " OnFailure or Never; Deployment, ReplicaSet, DaemonSet, StatefulSet and"
                    + " ReplicationController templates must use Always; Pods accept Always,"
                    + " OnFailure and Never. Reported as FieldValueNotSupported at"
                    + " spec.template.spec.restartPolicy. Source: pkg/apis/batch/validation"
                    + " validateJobSpec, pkg/apis/apps/validation, pkg/apis/core/validation"
                    + " validateRestartPolicy.")
            .failingExample(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  template:\n"
                    + "    spec:\n      containers:\n      - name: trainer\n"
                    + "        image: nvcr.io/nvidia/pytorch:25.01-py3\n")
            .fixedExample(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  template:\n"
                    + "    spec:\n      restartPolicy: Never\n      containers:\n"
                    + "      - name: trainer\n        image: nvcr.io/nvidia/pytorch:25.01-py3\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object).ifPresent(pod -> check(pod, ctx));
  }

  private static void check(EmbeddedPodSpec pod, RuleContext ctx) {
    String policy = PodSpecChecks.restartPolicy(pod.spec());
    List<String> allowed = allowed(pod.holder());
    if (allowed.contains(policy)) {
      return;
    }
    FieldPath path = pod.specPath().child("restartPolicy");
    boolean defaulted =
        pod.spec().getRestartPolicy() == null || pod.spec().getRestartPolicy().isEmpty();
    ctx.report(
        path,
        Reason.NOT_SUPPORTED,
        "restartPolicy "
            + Text.quote(policy)
            + (defaulted ? " (the default, as none is set)" : "")
            + " is not supported here: expected "
            + String.join(" or ", allowed),
        "set restartPolicy: " + allowed.get(allowed.size() - 1) + " at " + path);
  }

  private static List<String> allowed(EmbeddedPodSpec.Holder holder) {
    switch (holder) {
      case JOB:
      case CRON_JOB:
        return RUN_TO_COMPLETION;
      case DEPLOYMENT:
      case REPLICA_SET:
      case DAEMON_SET:
      case STATEFUL_SET:
      case REPLICATION_CONTROLLER:
        return KEEP_RUNNING;
      default:
        return ALL;
    }
  }
}
