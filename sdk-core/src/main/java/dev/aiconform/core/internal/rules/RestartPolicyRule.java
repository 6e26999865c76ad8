package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.List;

/**
 * The pod restart policy a controller accepts, after the server defaults an unset one to Always:
 * Jobs (and CronJobs) run to completion, so OnFailure or Never; Deployments, ReplicaSets,
 * DaemonSets, StatefulSets and ReplicationControllers keep pods running, so Always.
 */
public final class RestartPolicyRule extends CoreRule {
  private static final List<String> ALL = List.of("Always", "OnFailure", "Never");
  private static final List<String> RUN_TO_COMPLETION = List.of("OnFailure", "Never");

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
                    + " OnFailure or Never (Always, set or defaulted, is FieldValueRequired;"
                    + " another value FieldValueNotSupported; OnFailure with a podFailurePolicy"
                    + " FieldValueInvalid); Deployment, ReplicaSet, DaemonSet, StatefulSet and"
                    + " ReplicationController templates must use Always (FieldValueNotSupported);"
                    + " every template but a StatefulSet's, and every Pod, accepts only Always,"
                    + " OnFailure and Never (FieldValueNotSupported, reported in addition to the"
                    + " controller's finding, as the server does). Source:"
                    + " pkg/apis/batch/validation validateJobSpec, pkg/apis/apps/validation"
                    + " ValidatePodTemplateSpecForReplicaSet, pkg/apis/core/validation"
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
    EmbeddedPodSpec.of(object).ifPresent(pod -> check(object, pod, ctx));
  }

  private static void check(HasMetadata object, EmbeddedPodSpec pod, RuleContext ctx) {
    String given = pod.spec().getRestartPolicy();
    boolean defaulted = given == null || given.isEmpty();
    String policy = PodSpecChecks.restartPolicy(pod.spec());
    FieldPath path = pod.specPath().child("restartPolicy");
    EmbeddedPodSpec.Holder holder = pod.holder();
    // ValidatePodSpec (validateRestartPolicy) runs on every template but a StatefulSet's.
    if (!ALL.contains(policy) && holder != EmbeddedPodSpec.Holder.STATEFUL_SET) {
      ctx.report(
          path,
          Reason.NOT_SUPPORTED,
          "restartPolicy "
              + Text.quote(policy)
              + " is not a restart policy: expected Always,"
              + " OnFailure or Never",
          "set restartPolicy to one of Always, OnFailure or Never at " + path);
    }
    switch (holder) {
      case JOB:
      case CRON_JOB:
        job(object, policy, defaulted, path, ctx);
        break;
      case DEPLOYMENT:
      case REPLICA_SET:
      case DAEMON_SET:
      case STATEFUL_SET:
      case REPLICATION_CONTROLLER:
        if (!policy.equals("Always")) {
          ctx.report(
              path,
              Reason.NOT_SUPPORTED,
              "restartPolicy "
                  + Text.quote(policy)
                  + " is not supported here: a "
                  + holder.kind().map(k -> k.kind()).orElse("controller")
                  + " keeps its pods running, so expected Always",
              "remove restartPolicy (it defaults to Always) at " + path);
        }
        break;
      default:
        break;
    }
  }

  /**
   * validateJobSpec: Always (also the default of an unset policy) is reported as Required, another
   * value outside OnFailure and Never as NotSupported, and a podFailurePolicy needs Never.
   */
  private static void job(
      HasMetadata object, String policy, boolean defaulted, FieldPath path, RuleContext ctx) {
    if (policy.equals("Always")) {
      ctx.report(
          path,
          Reason.REQUIRED,
          "a Job's pods run to completion: restartPolicy must be OnFailure or Never, found "
              + (defaulted ? "none (the server defaults it to Always)" : "Always"),
          "set restartPolicy: Never at " + path);
    } else if (!RUN_TO_COMPLETION.contains(policy)) {
      ctx.report(
          path,
          Reason.NOT_SUPPORTED,
          "restartPolicy "
              + Text.quote(policy)
              + " is not supported for a Job: expected OnFailure or Never",
          "set restartPolicy: Never at " + path);
    } else if (!policy.equals("Never") && hasPodFailurePolicy(object)) {
      ctx.report(
          path,
          Reason.INVALID,
          "only Never is supported when the Job has a podFailurePolicy, found " + policy,
          "set restartPolicy: Never, so that the Job controller sees each failed pod");
    }
  }

  private static boolean hasPodFailurePolicy(HasMetadata object) {
    JobSpec spec = null;
    if (object instanceof Job) {
      spec = ((Job) object).getSpec();
    } else if (object instanceof CronJob) {
      CronJob cron = (CronJob) object;
      if (cron.getSpec() != null && cron.getSpec().getJobTemplate() != null) {
        spec = cron.getSpec().getJobTemplate().getSpec();
      }
    }
    return spec != null && spec.getPodFailurePolicy() != null;
  }
}
