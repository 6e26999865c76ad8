package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.LabelSyntax;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnExitCodesRequirement;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnPodConditionsPattern;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Job spec checks of pkg/apis/batch/validation validateJobSpec that matter for batch and
 * training jobs, on Jobs and on CronJob job templates: counts and durations are non-negative, an
 * Indexed Job has completions (after the server defaults an unset pair to 1) and bounded
 * parallelism and failed indexes, backoffLimitPerIndex and maxFailedIndexes need Indexed mode,
 * managedBy is a short domain-prefixed path, and the pod hostnames of an Indexed Job are DNS
 * labels. The restart policy is {@code core.pod.restart-policy}'s.
 */
public final class JobSpecRule extends CoreRule {
  // pkg/apis/batch/validation/validation.go: maxParallelismForIndexedJob
  static final int MAX_PARALLELISM_FOR_INDEXED_JOB = 100_000;
  // pkg/apis/batch/validation/validation.go: maxFailedIndexesForIndexedJob
  static final int MAX_FAILED_INDEXES_FOR_INDEXED_JOB = 100_000;
  // pkg/apis/batch/validation/validation.go: completionsSoftLimit
  static final int COMPLETIONS_SOFT_LIMIT = 100_000;
  // pkg/apis/batch/validation/validation.go: parallelismLimitForHighCompletions
  static final int PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
  // pkg/apis/batch/validation/validation.go: maxFailedIndexesLimitForHighCompletions
  static final int MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
  // pkg/apis/batch/validation/validation.go: maxManagedByLength
  static final int MAX_MANAGED_BY_LENGTH = 63;

  // pkg/apis/batch/validation/validation.go: maxPodFailurePolicyRules
  static final int MAX_POD_FAILURE_POLICY_RULES = 20;
  // pkg/apis/batch/validation/validation.go: maxPodFailurePolicyOnExitCodesValues
  static final int MAX_ON_EXIT_CODES_VALUES = 255;
  // pkg/apis/batch/validation/validation.go: maxPodFailurePolicyOnPodConditionsPatterns
  static final int MAX_ON_POD_CONDITIONS_PATTERNS = 20;

  private static final List<String> POD_FAILURE_POLICY_ACTIONS =
      List.of("Count", "FailIndex", "FailJob", "Ignore");
  private static final List<String> CONDITION_STATUSES = List.of("True", "False", "Unknown");
  private static final List<String> COMPLETION_MODES = List.of("NonIndexed", "Indexed");
  private static final List<String> POD_REPLACEMENT_POLICIES =
      List.of("Failed", "TerminatingOrFailed");
  // apimachinery util/validation: httpPathFmt, the path part of IsDomainPrefixedPath
  private static final Pattern HTTP_PATH = Pattern.compile("[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+");

  public JobSpecRule() {
    super(
        RuleInfo.builder()
            .id("core.job.spec")
            .category(Category.API)
            .severity(Severity.ERROR)
            .kinds(Set.of(GroupKind.of("batch", "Job"), GroupKind.of("batch", "CronJob")))
            .title("Job specs are consistent: counts, Indexed mode, per-index backoff, managedBy")
            .description(
                "parallelism, completions, activeDeadlineSeconds, backoffLimit,"
                    + " ttlSecondsAfterFinished, backoffLimitPerIndex and maxFailedIndexes are"
                    + " non-negative (Invalid); maxFailedIndexes needs backoffLimitPerIndex"
                    + " (Required); completionMode is NonIndexed or Indexed (NotSupported); an"
                    + " Indexed Job needs completions (Required; a Job with neither completions"
                    + " nor parallelism is defaulted to 1 and 1 first), parallelism ≤ 100000,"
                    + " maxFailedIndexes ≤ completions and ≤ 100000, and above 100000"
                    + " completions with backoffLimitPerIndex a maxFailedIndexes ≤ 10000 and"
                    + " parallelism ≤ 10000; backoffLimitPerIndex, maxFailedIndexes and"
                    + " successPolicy need Indexed mode (Invalid); podReplacementPolicy is Failed"
                    + " or TerminatingOrFailed, Failed with a podFailurePolicy (NotSupported);"
                    + " managedBy is a domain-prefixed path of at most 63 characters"
                    + " (Invalid/TooLong); an Indexed Job's last pod hostname <name>-<completions-1>"
                    + " is a DNS label (Invalid at metadata.name). Source:"
                    + " pkg/apis/batch/validation/validation.go ValidateJob, validateJobSpec;"
                    + " pkg/apis/batch/v1/defaults.go SetDefaults_Job.")
            .failingExample(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n"
                    + "  completionMode: Indexed\n  parallelism: 8\n  template:\n    spec:\n"
                    + "      restartPolicy: Never\n      containers:\n      - name: trainer\n"
                    + "        image: nvcr.io/nvidia/pytorch:25.01-py3\n")
            .fixedExample(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n"
                    + "  completionMode: Indexed\n  completions: 8\n  parallelism: 8\n"
                    + "  template:\n    spec:\n      restartPolicy: Never\n      containers:\n"
                    + "      - name: trainer\n        image: nvcr.io/nvidia/pytorch:25.01-py3\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    if (object instanceof Job) {
      JobSpec spec = ((Job) object).getSpec();
      if (spec != null) {
        check(spec, true, FieldPath.of("spec"), ctx);
        indexedHostnames(object.getMetadata().getName(), spec, ctx);
      }
    } else if (object instanceof CronJob) {
      CronJob cron = (CronJob) object;
      if (cron.getSpec() != null
          && cron.getSpec().getJobTemplate() != null
          && cron.getSpec().getJobTemplate().getSpec() != null) {
        check(
            cron.getSpec().getJobTemplate().getSpec(),
            false,
            FieldPath.of("spec", "jobTemplate", "spec"),
            ctx);
      }
    }
  }

  private static void check(JobSpec spec, boolean defaulted, FieldPath p, RuleContext ctx) {
    nonNegative(spec.getParallelism(), p.child("parallelism"), ctx);
    nonNegative(spec.getCompletions(), p.child("completions"), ctx);
    nonNegative(spec.getActiveDeadlineSeconds(), p.child("activeDeadlineSeconds"), ctx);
    nonNegative(spec.getBackoffLimit(), p.child("backoffLimit"), ctx);
    nonNegative(spec.getTtlSecondsAfterFinished(), p.child("ttlSecondsAfterFinished"), ctx);
    nonNegative(spec.getBackoffLimitPerIndex(), p.child("backoffLimitPerIndex"), ctx);
    Integer maxFailed = spec.getMaxFailedIndexes();
    Integer perIndex = spec.getBackoffLimitPerIndex();
    if (maxFailed != null) {
      nonNegative(maxFailed, p.child("maxFailedIndexes"), ctx);
      if (perIndex == null) {
        ctx.report(
            p.child("backoffLimitPerIndex"),
            Reason.REQUIRED,
            "backoffLimitPerIndex is required when maxFailedIndexes is specified",
            "set backoffLimitPerIndex (retries per index), or remove maxFailedIndexes");
      }
    }
    if (spec.getManagedBy() != null) {
      managedBy(spec.getManagedBy(), p.child("managedBy"), ctx);
    }
    // SetDefaults_Job: a Job with neither completions nor parallelism runs one pod once
    Integer completions =
        defaulted && spec.getCompletions() == null && spec.getParallelism() == null
            ? Integer.valueOf(1)
            : spec.getCompletions();
    Integer parallelism = spec.getParallelism();
    String mode = spec.getCompletionMode();
    if (mode != null && !COMPLETION_MODES.contains(mode)) {
      ctx.report(
          p.child("completionMode"),
          Reason.NOT_SUPPORTED,
          "supported values: \"NonIndexed\", \"Indexed\"; found \"" + mode + "\"",
          "use Indexed to give each pod a completion index, or NonIndexed");
    }
    boolean indexed = "Indexed".equals(mode);
    if (indexed) {
      if (completions == null) {
        ctx.report(
            p.child("completions"),
            Reason.REQUIRED,
            "completions is required when completion mode is Indexed",
            "set completions to the number of indexes (usually the number of workers)");
      }
      if (parallelism != null && parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
        ctx.report(
            p.child("parallelism"),
            Reason.INVALID,
            "must be less than or equal to "
                + MAX_PARALLELISM_FOR_INDEXED_JOB
                + " when completion mode is Indexed, found "
                + parallelism,
            "lower parallelism");
      }
      if (completions != null && maxFailed != null && maxFailed > completions) {
        ctx.report(
            p.child("maxFailedIndexes"),
            Reason.INVALID,
            "must be less than or equal to completions (" + completions + "), found " + maxFailed,
            "lower maxFailedIndexes");
      }
      if (maxFailed != null && maxFailed > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
        ctx.report(
            p.child("maxFailedIndexes"),
            Reason.INVALID,
            "must be less than or equal to "
                + MAX_FAILED_INDEXES_FOR_INDEXED_JOB
                + ", found "
                + maxFailed,
            "lower maxFailedIndexes");
      }
      if (completions != null && completions > COMPLETIONS_SOFT_LIMIT && perIndex != null) {
        highCompletions(maxFailed, parallelism, p, ctx);
      }
    } else {
      if (perIndex != null) {
        ctx.report(
            p.child("backoffLimitPerIndex"),
            Reason.INVALID,
            "backoffLimitPerIndex requires completionMode: Indexed",
            "set completionMode: Indexed, or use backoffLimit");
      }
      if (maxFailed != null) {
        ctx.report(
            p.child("maxFailedIndexes"),
            Reason.INVALID,
            "maxFailedIndexes requires completionMode: Indexed",
            "set completionMode: Indexed, or remove maxFailedIndexes");
      }
    }
    if (spec.getSuccessPolicy() != null && !indexed) {
      ctx.report(
          p.child("successPolicy"),
          Reason.INVALID,
          "successPolicy requires completionMode: Indexed",
          "set completionMode: Indexed, or remove successPolicy");
    }
    if (spec.getPodFailurePolicy() != null) {
      podFailurePolicy(spec, defaulted, p.child("podFailurePolicy"), ctx);
    }
    String replacement = spec.getPodReplacementPolicy();
    if (replacement != null) {
      boolean failurePolicy = spec.getPodFailurePolicy() != null;
      List<String> allowed = failurePolicy ? List.of("Failed") : POD_REPLACEMENT_POLICIES;
      if (!allowed.contains(replacement)) {
        ctx.report(
            p.child("podReplacementPolicy"),
            Reason.NOT_SUPPORTED,
            "supported values: "
                + String.join(", ", allowed)
                + (failurePolicy ? " (the Job has a podFailurePolicy)" : "")
                + "; found \""
                + replacement
                + "\"",
            "use " + String.join(" or ", allowed));
      }
    }
  }

  private static void highCompletions(
      Integer maxFailed, Integer parallelism, FieldPath p, RuleContext ctx) {
    if (maxFailed == null) {
      ctx.report(
          p.child("maxFailedIndexes"),
          Reason.REQUIRED,
          "maxFailedIndexes must be specified when completions is above "
              + COMPLETIONS_SOFT_LIMIT
              + " and backoffLimitPerIndex is set",
          "set maxFailedIndexes (at most " + MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS + ")");
    }
    if (parallelism != null && parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
      ctx.report(
          p.child("parallelism"),
          Reason.INVALID,
          "must be less than or equal to "
              + PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS
              + " when completions are above "
              + COMPLETIONS_SOFT_LIMIT
              + " and used with backoffLimitPerIndex, found "
              + parallelism,
          "lower parallelism");
    }
    if (maxFailed != null && maxFailed > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS) {
      ctx.report(
          p.child("maxFailedIndexes"),
          Reason.INVALID,
          "must be less than or equal to "
              + MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS
              + " when completions are above "
              + COMPLETIONS_SOFT_LIMIT
              + " and used with backoffLimitPerIndex, found "
              + maxFailed,
          "lower maxFailedIndexes");
    }
  }

  /**
   * validatePodFailurePolicy: at most 20 rules; each has a supported action (FailIndex only with
   * backoffLimitPerIndex) and exactly one of onExitCodes and onPodConditions; exit code
   * requirements name a container of the template, use In or NotIn, list 1-255 ordered, unique
   * values (0 not with In); pod condition patterns have a qualified type and a status of True,
   * False or Unknown (a Job's empty status is defaulted to True).
   */
  private static void podFailurePolicy(
      JobSpec spec, boolean defaulted, FieldPath path, RuleContext ctx) {
    List<PodFailurePolicyRule> rules =
        spec.getPodFailurePolicy().getRules() == null
            ? List.of()
            : spec.getPodFailurePolicy().getRules();
    FieldPath rulesPath = path.child("rules");
    if (rules.size() > MAX_POD_FAILURE_POLICY_RULES) {
      ctx.report(
          rulesPath,
          Reason.TOO_MANY,
          "must have at most " + MAX_POD_FAILURE_POLICY_RULES + " items, found " + rules.size(),
          "merge rules");
    }
    Set<String> containers = new HashSet<>();
    if (spec.getTemplate() != null && spec.getTemplate().getSpec() != null) {
      PodSpec pod = spec.getTemplate().getSpec();
      for (List<Container> list :
          List.of(listOf(pod.getContainers()), listOf(pod.getInitContainers()))) {
        for (Container c : list) {
          containers.add(c.getName() == null ? "" : c.getName());
        }
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      PodFailurePolicyRule rule = rules.get(i);
      FieldPath rp = rulesPath.index(i);
      String action = rule.getAction() == null ? "" : rule.getAction();
      if (action.isEmpty()) {
        ctx.report(
            rp.child("action"),
            Reason.REQUIRED,
            "a pod failure policy rule needs an action: Count, FailIndex, FailJob or Ignore",
            "set action, e.g. FailJob for errors a retry cannot fix");
      } else if (action.equals("FailIndex")) {
        if (spec.getBackoffLimitPerIndex() == null) {
          ctx.report(
              rp.child("action"),
              Reason.INVALID,
              "action FailIndex requires backoffLimitPerIndex to be set",
              "set backoffLimitPerIndex (and completionMode: Indexed), or use FailJob");
        }
      } else if (!POD_FAILURE_POLICY_ACTIONS.contains(action)) {
        ctx.report(
            rp.child("action"),
            Reason.NOT_SUPPORTED,
            "supported values: \"Count\", \"FailIndex\", \"FailJob\", \"Ignore\"; found \""
                + action
                + "\"",
            "use Count, FailIndex, FailJob or Ignore");
      }
      PodFailurePolicyOnExitCodesRequirement exit = rule.getOnExitCodes();
      if (exit != null) {
        onExitCodes(exit, containers, rp.child("onExitCodes"), ctx);
      }
      List<PodFailurePolicyOnPodConditionsPattern> conditions = listOf(rule.getOnPodConditions());
      if (!conditions.isEmpty()) {
        onPodConditions(conditions, defaulted, rp.child("onPodConditions"), ctx);
      }
      if (exit != null && !conditions.isEmpty()) {
        ctx.report(
            rp,
            Reason.INVALID,
            "specifying both onExitCodes and onPodConditions is not supported",
            "split the rule in two");
      } else if (exit == null && conditions.isEmpty()) {
        ctx.report(
            rp,
            Reason.INVALID,
            "specifying one of onExitCodes and onPodConditions is required",
            "match the failure by exit codes or by pod conditions (e.g. DisruptionTarget)");
      }
    }
  }

  private static void onExitCodes(
      PodFailurePolicyOnExitCodesRequirement exit,
      Set<String> containers,
      FieldPath path,
      RuleContext ctx) {
    String operator = exit.getOperator() == null ? "" : exit.getOperator();
    if (operator.isEmpty()) {
      ctx.report(
          path.child("operator"),
          Reason.REQUIRED,
          "onExitCodes needs an operator: In or NotIn",
          "set operator: In");
    } else if (!operator.equals("In") && !operator.equals("NotIn")) {
      ctx.report(
          path.child("operator"),
          Reason.NOT_SUPPORTED,
          "supported values: \"In\", \"NotIn\"; found \"" + operator + "\"",
          "use In or NotIn");
    }
    if (exit.getContainerName() != null && !containers.contains(exit.getContainerName())) {
      ctx.report(
          path.child("containerName"),
          Reason.INVALID,
          "'"
              + exit.getContainerName()
              + "' must be one of the container or initContainer names in the pod template",
          "name a container of the Job's pod template, or drop containerName");
    }
    List<Integer> values = listOf(exit.getValues());
    FieldPath vp = path.child("values");
    if (values.isEmpty()) {
      ctx.report(vp, Reason.INVALID, "at least one exit code is required", "list exit codes");
    } else if (values.size() > MAX_ON_EXIT_CODES_VALUES) {
      ctx.report(
          vp,
          Reason.TOO_MANY,
          "must have at most " + MAX_ON_EXIT_CODES_VALUES + " items, found " + values.size(),
          "use NotIn, or fewer codes");
    }
    Set<Integer> seen = new HashSet<>();
    boolean ordered = true;
    for (int j = 0; j < values.size(); j++) {
      Integer v = values.get(j);
      if (operator.equals("In") && v != null && v == 0) {
        ctx.report(
            vp.index(j),
            Reason.INVALID,
            "exit code 0 must not be listed with the In operator",
            "remove 0: a container that exits 0 has not failed");
      }
      if (!seen.add(v)) {
        ctx.report(
            vp.index(j),
            Reason.DUPLICATE,
            "duplicate value: exit code " + v + " is listed twice",
            "list each exit code once");
      }
      if (j > 0 && v != null && values.get(j - 1) != null && values.get(j - 1) > v) {
        ordered = false;
      }
    }
    if (!ordered) {
      ctx.report(vp, Reason.INVALID, "exit codes must be ordered", "sort the exit codes");
    }
  }

  private static void onPodConditions(
      List<PodFailurePolicyOnPodConditionsPattern> patterns,
      boolean defaulted,
      FieldPath path,
      RuleContext ctx) {
    if (patterns.size() > MAX_ON_POD_CONDITIONS_PATTERNS) {
      ctx.report(
          path,
          Reason.TOO_MANY,
          "must have at most "
              + MAX_ON_POD_CONDITIONS_PATTERNS
              + " items, found "
              + patterns.size(),
          "merge patterns");
    }
    for (int j = 0; j < patterns.size(); j++) {
      PodFailurePolicyOnPodConditionsPattern pattern = patterns.get(j);
      FieldPath pp = path.index(j);
      String type = pattern.getType() == null ? "" : pattern.getType();
      for (String e : LabelSyntax.keyProblems(type)) {
        ctx.report(
            pp.child("type"),
            Reason.INVALID,
            "condition type '" + type + "': " + e,
            "use a pod condition type such as DisruptionTarget");
      }
      String status = pattern.getStatus() == null ? "" : pattern.getStatus();
      if (status.isEmpty()) {
        if (!defaulted) { // SetDefaults_Job sets an empty status to True
          ctx.report(
              pp.child("status"),
              Reason.REQUIRED,
              "a pod condition pattern needs a status: True, False or Unknown",
              "set status: \"True\"");
        }
      } else if (!CONDITION_STATUSES.contains(status)) {
        ctx.report(
            pp.child("status"),
            Reason.NOT_SUPPORTED,
            "supported values: \"False\", \"True\", \"Unknown\"; found \"" + status + "\"",
            "use True, False or Unknown");
      }
    }
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** ValidateJob: the controller names Indexed pods' hostnames {@code <job>-<index>}. */
  private static void indexedHostnames(String name, JobSpec spec, RuleContext ctx) {
    Integer completions = spec.getCompletions();
    if (name == null
        || name.isEmpty()
        || !"Indexed".equals(spec.getCompletionMode())
        || completions == null
        || completions <= 0) {
      return;
    }
    String hostname = name + "-" + (completions - 1);
    if (!NameFormat.DNS1123_LABEL.problems(hostname).isEmpty()) {
      ctx.report(
          FieldPath.of("metadata", "name"),
          Reason.INVALID,
          "the pods of this Indexed Job would get the hostname "
              + hostname
              + ", which is not a valid DNS label (at most 63 lower-case letters, digits and"
              + " '-')",
          "shorten the Job name so that name-" + (completions - 1) + " fits in 63 characters");
    }
  }

  private static void managedBy(String value, FieldPath path, RuleContext ctx) {
    if (value.isEmpty()) {
      ctx.report(path, Reason.REQUIRED, "managedBy must not be empty", "remove managedBy");
    } else {
      int slash = value.indexOf('/');
      if (slash <= 0 || slash == value.length() - 1) {
        ctx.report(
            path,
            Reason.INVALID,
            "'" + value + "' must be a domain-prefixed path (such as \"acme.io/foo\")",
            "use the controller's name, such as kueue.x-k8s.io/multikueue");
      } else {
        String host = value.substring(0, slash);
        for (String e : NameFormat.DNS1123_SUBDOMAIN.problems(host)) {
          ctx.report(path, Reason.INVALID, "'" + host + "': " + e, "fix the domain");
        }
        if (!HTTP_PATH.matcher(value.substring(slash + 1)).matches()) {
          ctx.report(
              path,
              Reason.INVALID,
              "'" + value.substring(slash + 1) + "' is not a valid path",
              "use letters, digits and /-._~%!$&'()*+,;=: in the path");
        }
      }
    }
    if (value.length() > MAX_MANAGED_BY_LENGTH) {
      ctx.report(
          path,
          Reason.TOO_LONG,
          "must have at most " + MAX_MANAGED_BY_LENGTH + " characters, found " + value.length(),
          "use a shorter controller name");
    }
  }

  private static void nonNegative(Number value, FieldPath path, RuleContext ctx) {
    if (value != null && value.longValue() < 0) {
      ctx.report(
          path,
          Reason.INVALID,
          "must be greater than or equal to 0, found " + value,
          "use a non-negative number");
    }
  }
}
