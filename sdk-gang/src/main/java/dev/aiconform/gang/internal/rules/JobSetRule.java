package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code gang.jobset.spec}: a JobSet's replicated Jobs and the policies naming them pass JobSet's
 * CRD schema (unique names, the startupPolicy/dependsOn CEL rule) and then its webhook (dependsOn
 * order, success and failure policy targets, network subdomain). Schema errors stop the request
 * before the webhook runs, so only they are reported when there are any.
 */
final class JobSetRule extends GangRule {
  // jobset api/jobset/v1alpha2/jobset_types.go: StartupPolicyOrder InOrder
  static final String IN_ORDER = "InOrder";

  JobSetRule() {
    super(
        rule(
                "gang.jobset.spec",
                Category.CONFORMANCE,
                Severity.ERROR,
                "A JobSet's replicated Jobs are unique and its policies name them",
                GangKeys.JOBSET)
            .description(
                "JobSet's CRD keys replicatedJobs by name (a repeated name is a Duplicate) and"
                    + " refuses startupPolicy InOrder together with dependsOn; its webhook then"
                    + " refuses dependsOn on the first replicated Job or naming one that does"
                    + " not come before, success and failure policies whose targetReplicatedJobs"
                    + " name no replicated Job, and a network subdomain that is no DNS-1035"
                    + " label (jobset api/jobset/v1alpha2/jobset_types.go,"
                    + " pkg/webhooks/jobset_webhook.go).")
            .failingExample(jobSet("trainer"))
            .fixedExample(jobSet("workers"))
            .build());
  }

  private static String jobSet(String target) {
    return "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: train\nspec:\n"
        + "  successPolicy:\n    operator: All\n    targetReplicatedJobs: ["
        + target
        + "]\n  replicatedJobs:\n  - name: workers\n    replicas: 4\n    template:\n"
        + "      spec:\n        template:\n          spec:\n"
        + "            containers: [{name: main, image: trainer}]\n";
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    Tree spec = Tree.of(object).get("spec");
    List<Tree> rjs = spec.get("replicatedJobs").list();
    FieldPath rp = FieldPath.of("spec", "replicatedJobs");
    List<String> names = new ArrayList<>();
    boolean schema = false;
    boolean dependsOn = false;
    for (int i = 0; i < rjs.size(); i++) {
      String name = rjs.get(i).get("name").string("");
      if (names.contains(name)) {
        ctx.report(
            rp.index(i),
            Reason.DUPLICATE,
            "another replicated Job is named '" + name + "' (replicatedJobs are keyed by name)",
            "give each replicated Job its own name: it names its Jobs and pods");
        schema = true;
      }
      names.add(name);
      dependsOn |= !rjs.get(i).get("dependsOn").list().isEmpty();
    }
    if (dependsOn && IN_ORDER.equals(spec.at("startupPolicy", "startupPolicyOrder").string(""))) {
      ctx.report(
          FieldPath.of("spec"),
          Reason.INVALID,
          "StartupPolicy and DependsOn APIs are mutually exclusive",
          "drop startupPolicy (deprecated) and order the replicated Jobs with dependsOn");
      schema = true;
    }
    if (schema) {
      return;
    }
    Set<String> before = new HashSet<>();
    for (int i = 0; i < rjs.size(); i++) {
      List<Tree> deps = rjs.get(i).get("dependsOn").list();
      FieldPath dp = rp.index(i).child("dependsOn");
      if (i == 0 && !deps.isEmpty()) {
        ctx.report(
            dp,
            null,
            "DependsOn can't be set for the first ReplicatedJob",
            "move the replicated Job it waits for before it, or drop dependsOn");
      } else if (!deps.isEmpty()) {
        String dep = deps.get(0).get("name").string("");
        if (!before.contains(dep)) {
          ctx.report(
              dp.index(0).child("name"),
              null,
              "replicatedJob: " + names.get(i) + " cannot depend on replicatedJob: " + dep,
              "name a replicated Job listed before '" + names.get(i) + "'");
        }
      }
      before.add(names.get(i));
    }
    targets(
        spec.at("successPolicy", "targetReplicatedJobs").list(),
        FieldPath.of("spec", "successPolicy", "targetReplicatedJobs"),
        names,
        "",
        ctx);
    List<Tree> rules = spec.at("failurePolicy", "rules").list();
    for (int i = 0; i < rules.size(); i++) {
      targets(
          rules.get(i).get("targetReplicatedJobs").list(),
          FieldPath.of("spec", "failurePolicy", "rules").index(i).child("targetReplicatedJobs"),
          names,
          " in failure policy",
          ctx);
    }
    String subdomain = spec.at("network", "subdomain").string("");
    if (!subdomain.isEmpty()) {
      for (String e : NameFormat.DNS1035_LABEL.problems(subdomain)) {
        ctx.report(
            FieldPath.of("spec", "network", "subdomain"),
            null,
            "subdomain '" + subdomain + "' " + e + ": it also names the headless Service",
            "use lower-case letters, digits and '-', starting with a letter");
      }
    }
  }

  private static void targets(
      List<Tree> targets, FieldPath p, List<String> names, String where, RuleContext ctx) {
    for (int i = 0; i < targets.size(); i++) {
      String t = targets.get(i).string("");
      if (!names.contains(t)) {
        ctx.report(
            p.index(i),
            null,
            "invalid replicatedJob name '"
                + t
                + "'"
                + where
                + " does not appear in .spec.ReplicatedJobs",
            "name one of " + names);
      }
    }
  }
}
