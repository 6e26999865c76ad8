package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.VersionRange;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Kubernetes 1.35 API server checks on a {@code scheduling.k8s.io/v1alpha1} Workload
 * (pkg/apis/scheduling/validation ValidateWorkload of the 1.35 release): one to eight pod groups
 * with unique DNS-label names, each with exactly one of {@code policy.basic} and {@code
 * policy.gang}, a positive {@code gang.minCount}, and a controllerRef naming kind and name. fabric8
 * has no model for this version, so the object is read as a tree.
 */
final class WorkloadV1alpha1Rule extends GangRule {
  // pkg/apis/scheduling/types.go (1.35): WorkloadMaxPodGroups
  static final int MAX_POD_GROUPS = 8;

  WorkloadV1alpha1Rule() {
    super(
        rule(
                "gang.api.workload-v1alpha1",
                Category.API,
                Severity.ERROR,
                "Workload (scheduling.k8s.io/v1alpha1) passes the 1.35 API server's validation",
                GangKeys.NATIVE_WORKLOAD)
            .versions(VersionRange.only(TargetVersion.V1_35))
            .description(
                "spec.podGroups holds one to eight pod groups (Required when empty, TooMany above"
                    + " eight) with unique DNS-label names (Invalid, Duplicate at"
                    + " podGroups[i].name); each policy sets exactly one of basic and gang"
                    + " (Required when neither, Invalid when both); gang.minCount is positive"
                    + " (Invalid); a controllerRef has a DNS-subdomain apiGroup and a kind and name"
                    + " that are URL path segments (Required when empty). Source: kubernetes"
                    + " release-1.35 pkg/apis/scheduling/validation/validation.go.")
            .failingExample(
                "# target: 1.35\napiVersion: scheduling.k8s.io/v1alpha1\nkind: Workload\n"
                    + "metadata:\n  name: train\nspec:\n  podGroups:\n  - name: workers\n"
                    + "    policy:\n      gang:\n        minCount: 0\n")
            .fixedExample(
                "# target: 1.35\napiVersion: scheduling.k8s.io/v1alpha1\nkind: Workload\n"
                    + "metadata:\n  name: train\nspec:\n  podGroups:\n  - name: workers\n"
                    + "    policy:\n      gang:\n        minCount: 16\n")
            .build());
  }

  @Override
  public boolean appliesTo(HasMetadata object) {
    return super.appliesTo(object) && GangKeys.NATIVE_V1ALPHA1.equals(object.getApiVersion());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    Tree spec = Tree.of(object).get("spec");
    FieldPath sp = FieldPath.of("spec");
    Tree ref = spec.get("controllerRef");
    if (ref.exists()) {
      controllerRef(ref, sp.child("controllerRef"), ctx);
    }
    List<Tree> groups = spec.get("podGroups").list();
    FieldPath gp = sp.child("podGroups");
    if (groups.isEmpty()) {
      ctx.report(
          gp,
          Reason.REQUIRED,
          "a Workload needs at least one pod group, found none",
          "add spec.podGroups with one entry per group of pods, e.g. {name: workers, policy:"
              + " {gang: {minCount: 4}}}");
      return;
    }
    if (groups.size() > MAX_POD_GROUPS) {
      ctx.report(
          gp,
          Reason.TOO_MANY,
          "must have at most " + MAX_POD_GROUPS + " items, found " + groups.size(),
          "split the pods over several Workloads");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < groups.size(); i++) {
      Tree group = groups.get(i);
      FieldPath p = gp.index(i);
      String name = group.get("name").string("");
      for (String e : NameFormat.DNS1123_LABEL.problems(name)) {
        ctx.report(
            p.child("name"),
            Reason.INVALID,
            "pod group name '" + name + "': " + e,
            "use lower-case letters, digits and '-', at most 63 characters");
      }
      if (!names.add(name)) {
        ctx.report(
            p.child("name"),
            Reason.DUPLICATE,
            "duplicate value: another pod group is named '" + name + "'",
            "give each pod group its own name");
      }
      policy(group.get("policy"), p.child("policy"), ctx);
    }
  }

  private static void policy(Tree policy, FieldPath path, RuleContext ctx) {
    boolean basic = present(policy.get("basic"));
    boolean gang = present(policy.get("gang"));
    if (!basic && !gang) {
      ctx.report(
          path,
          Reason.REQUIRED,
          "exactly one of `basic`, `gang` is required, found neither",
          "add gang: {minCount: N} for all-or-nothing scheduling, or basic: {}");
    } else if (basic && gang) {
      ctx.report(
          path,
          Reason.INVALID,
          "exactly one of `basic`, `gang` is required, but both are set",
          "keep gang for all-or-nothing scheduling, remove basic");
    } else if (gang) {
      long min = policy.get("gang").get("minCount").integer(0);
      if (min <= 0) {
        ctx.report(
            path.child("gang", "minCount"),
            Reason.INVALID,
            "must be greater than zero, found " + min,
            "set minCount to the number of pods that must start together");
      }
    }
  }

  private static void controllerRef(Tree ref, FieldPath path, RuleContext ctx) {
    WorkloadApiRules.controllerRef(
        ref.get("apiGroup").string(""),
        ref.get("kind").string(""),
        ref.get("name").string(""),
        path,
        ctx);
  }

  private static boolean present(Tree t) {
    return WorkloadApiRules.present(t);
  }
}
