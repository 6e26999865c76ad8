package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;

/**
 * {@code gang.name.length}: names a backend derives for Jobs and pods (JobSet, LeaderWorkerSet,
 * Volcano Job, Indexed Job hostnames) stay within 63 characters.
 */
final class NameLengthRule extends GangRule {
  // k8s.io/apimachinery/pkg/util/validation: DNS1035LabelMaxLength / DNS1123LabelMaxLength
  static final int MAX = NameFormat.DNS1123_LABEL_MAX_LENGTH;
  // jobset pkg/webhooks/jobset_webhook.go: a random 5-character suffix is added to pod names
  static final String POD_SUFFIX = "-abcde";
  // volcano pkg/controllers/job/plugins/svc/svc.go: sets each pod's hostname to its name
  static final String VOLCANO_SVC_PLUGIN = "svc";
  // jobset pkg/webhooks/jobset_webhook.go: Default() sets an unset completionMode to Indexed
  static final String JOBSET_DEFAULT_COMPLETION_MODE = "Indexed";

  NameLengthRule() {
    super(
        rule(
                "gang.name.length",
                Category.CONFORMANCE,
                Severity.ERROR,
                "Names derived for a gang's Jobs and pods stay within 63 characters",
                GangKeys.JOBSET,
                GangKeys.LEADER_WORKER_SET,
                GangKeys.VOLCANO_JOB,
                GangKeys.JOB)
            .description(
                "JobSet names Jobs <jobset>-<replicatedJob>-<index> and pods"
                    + " <job>-<completionIndex>-<5 chars> (Indexed, the mode it defaults), and refuses"
                    + " a JobSet whose names would exceed 63 characters or are no DNS-1035 label"
                    + " (a JobSet name with a dot or a leading digit). LeaderWorkerSet pods are <lws>-<group>-<worker>,"
                    + " Volcano Job pods <job>-<task>-<index> (Volcano's webhook checks the"
                    + " name with the task's index; with the svc plugin every pod's hostname is"
                    + " its name) and Indexed Job hostnames"
                    + " <job>-<index>: past 63 characters the pods cannot be created, and the gang"
                    + " never fills.")
            .failingExample(
                "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n"
                    + "  name: a-very-long-jobset-name-for-the-llama-pretraining-run\n"
                    + "spec:\n  replicatedJobs:\n  - name: workers\n    replicas: 16\n")
            .fixedExample(
                "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n"
                    + "  name: llama-pretrain\nspec:\n  replicatedJobs:\n  - name: workers\n"
                    + "    replicas: 16\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    String name =
        object.getMetadata() == null ? "" : Objects.toString(object.getMetadata().getName(), "");
    if (name.isEmpty()) {
      return; // generateName: the server picks
    }
    Tree spec = Tree.of(object).get("spec");
    if (GangKeys.JOBSET.matches(object)) {
      jobSet(name, spec, ctx);
    } else if (GangKeys.LEADER_WORKER_SET.matches(object)) {
      long replicas = spec.get("replicas").integer(1);
      long size = spec.at("leaderWorkerTemplate", "size").integer(1);
      String pod = name + "-" + Math.max(0, replicas - 1) + "-" + Math.max(0, size - 1);
      if (pod.length() > MAX) {
        tooLong(ctx, FieldPath.of("metadata", "name"), "LeaderWorkerSet worker pod", pod);
      }
    } else if (GangKeys.VOLCANO_JOB.matches(object)) {
      boolean hostnames = spec.get("plugins").map().containsKey(VOLCANO_SVC_PLUGIN);
      List<Tree> tasks = spec.get("tasks").list();
      for (int i = 0; i < tasks.size(); i++) {
        Tree t = tasks.get(i);
        FieldPath at = FieldPath.of("spec", "tasks").index(i).child("name");
        String prefix = name + "-" + t.get("name").string("") + "-";
        // the webhook checks the name with the task's index, not the replica's
        String checked = prefix + i;
        String last = prefix + Math.max(0, t.get("replicas").integer(1) - 1);
        if (checked.length() > MAX) {
          tooLong(ctx, at, "Volcano Job pod", checked);
        } else if (hostnames && last.length() > MAX) {
          tooLong(ctx, at, "Volcano Job pod hostname (the svc plugin's)", last);
        }
      }
    } else if ("Indexed".equals(spec.get("completionMode").string(""))) {
      String host = name + "-" + Math.max(0, spec.get("completions").integer(1) - 1);
      if (host.length() > MAX) {
        tooLong(ctx, FieldPath.of("metadata", "name"), "Indexed Job pod hostname", host);
      }
    }
  }

  /**
   * JobSet's webhook checks the longest Job name of each replicated Job, and (for Indexed Jobs, the
   * mode its mutating webhook defaults) the longest pod name, as DNS-1035 labels.
   */
  private static void jobSet(String name, Tree spec, RuleContext ctx) {
    if (!formatProblems(name).isEmpty()) {
      ctx.report(
          FieldPath.of("metadata", "name"),
          null,
          "JobSet name '"
              + name
              + "' makes Job names such as '"
              + name
              + "-<replicatedJob>-0' that are not DNS-1035 labels: "
              + formatProblems(name).get(0),
          "name the JobSet with lower-case letters, digits and '-' only, starting with a letter");
      return;
    }
    List<Tree> rjs = spec.get("replicatedJobs").list();
    for (int i = 0; i < rjs.size(); i++) {
      Tree rj = rjs.get(i);
      String rjName = rj.get("name").string("");
      long replicas = rj.get("replicas").integer(1);
      String job = name + "-" + rjName + "-" + Math.max(0, replicas - 1);
      FieldPath at = FieldPath.of("spec", "replicatedJobs").index(i).child("name");
      List<String> format = formatProblems(job);
      if (!format.isEmpty()) {
        ctx.report(
            at,
            null,
            "Job name '" + job + "' generated for this JobSet: " + format.get(0),
            "name the replicated Job with lower-case letters, digits and '-' only");
        continue;
      }
      if (job.length() > MAX) {
        ctx.report(
            at,
            null,
            "JobSet name is too long, job names generated for this JobSet will exceed 63"
                + " characters: '"
                + job
                + "' has "
                + job.length(),
            "shorten the JobSet or replicated Job name by " + (job.length() - MAX));
        continue;
      }
      Tree jobSpec = rj.at("template", "spec");
      if (JOBSET_DEFAULT_COMPLETION_MODE.equals(
              jobSpec.get("completionMode").string(JOBSET_DEFAULT_COMPLETION_MODE))
          && jobSpec.get("completions").integer().isPresent()) {
        String pod =
            job + "-" + Math.max(0, jobSpec.get("completions").integer(1) - 1) + POD_SUFFIX;
        if (pod.length() > MAX) {
          ctx.report(
              at,
              null,
              "JobSet name is too long, pod names generated for this JobSet will exceed 63"
                  + " characters: '"
                  + pod
                  + "' has "
                  + pod.length(),
              "shorten the JobSet or replicated Job name by " + (pod.length() - MAX));
        }
      }
    }
  }

  /** What makes {@code value} no DNS-1035 label, its length aside (reported on its own). */
  private static List<String> formatProblems(String value) {
    return NameFormat.DNS1035_LABEL.problems(value).stream()
        .filter(p -> !p.startsWith("must be no more than"))
        .toList();
  }

  private static void tooLong(RuleContext ctx, FieldPath at, String what, String name) {
    ctx.report(
        at,
        null,
        what + " '" + name + "' has " + name.length() + " characters, more than " + MAX,
        "shorten the name by " + (name.length() - MAX) + " characters");
  }
}
