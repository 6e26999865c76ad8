package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.VersionRange;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangFeatureGates;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Kubernetes 1.36 API server checks on {@code scheduling.k8s.io/v1alpha2} Workload and
 * PodGroup objects: the declarative rules of {@code staging/src/k8s.io/api/scheduling/v1alpha2/
 * types.go} (release-1.36). Fields whose alpha gate is off (schedulingConstraints:
 * TopologyAwareWorkloadScheduling; resourceClaims: DRAWorkloadResourceClaims; disruptionMode,
 * priorityClassName, priority: WorkloadAwarePreemption) are dropped by the registry strategy before
 * validation, so they are checked only when their gate is on. fabric8 has no model for this
 * version, so objects are read as trees.
 */
final class WorkloadV1alpha2Rules {
  private WorkloadV1alpha2Rules() {}

  // staging/src/k8s.io/api/scheduling/v1alpha2/types.go: DisruptionMode enum
  static final List<String> DISRUPTION_MODES = List.of("Pod", "PodGroup");

  static boolean isV1alpha2(HasMetadata o) {
    return GangKeys.NATIVE_V1ALPHA2.equals(o.getApiVersion());
  }

  /** {@code gang.api.workload-v1alpha2}. */
  static final class WorkloadRule extends GangRule {
    WorkloadRule() {
      super(
          rule(
                  "gang.api.workload-v1alpha2",
                  Category.API,
                  Severity.ERROR,
                  "Workload (scheduling.k8s.io/v1alpha2) passes the 1.36 API server's validation",
                  GangKeys.NATIVE_WORKLOAD)
              .versions(VersionRange.only(TargetVersion.V1_36))
              .description(
                  "podGroupTemplates is required (Required) with at most 8 templates (TooMany),"
                      + " unique names (Duplicate at the later index) that are DNS labels"
                      + " (Required/Invalid); each schedulingPolicy sets exactly one of basic and"
                      + " gang (Invalid) with gang.minCount ≥ 1 (0 → Required, < 0 → Invalid); a"
                      + " controllerRef has a DNS-subdomain apiGroup and a kind and name that are"
                      + " URL path segments. With their alpha gates on: at most one topology"
                      + " constraint with a label key, at most 4 resource claims naming exactly"
                      + " one of a claim or a template, disruptionMode Pod or PodGroup,"
                      + " priorityClassName a DNS subdomain, priority ≤ 1e9. Source: kubernetes"
                      + " release-1.36 staging/src/k8s.io/api/scheduling/v1alpha2/types.go.")
              .failingExample(
                  "# target: 1.36\napiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\n"
                      + "metadata:\n  name: train\nspec:\n  podGroupTemplates:\n  - name: workers\n"
                      + "    schedulingPolicy:\n      gang:\n        minCount: 0\n")
              .fixedExample(
                  "# target: 1.36\napiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\n"
                      + "metadata:\n  name: train\nspec:\n  podGroupTemplates:\n  - name: workers\n"
                      + "    schedulingPolicy:\n      gang:\n        minCount: 16\n")
              .build());
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return super.appliesTo(object) && isV1alpha2(object);
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Tree spec = Tree.of(object).get("spec");
      FieldPath sp = FieldPath.of("spec");
      if (spec.get("controllerRef").exists()) {
        controllerRef(spec.get("controllerRef"), sp.child("controllerRef"), ctx);
      }
      List<Tree> templates = spec.get("podGroupTemplates").list();
      FieldPath lp = sp.child("podGroupTemplates");
      if (templates.isEmpty()) {
        ctx.report(
            lp,
            Reason.REQUIRED,
            "a Workload needs at least one pod group template, found none",
            "add spec.podGroupTemplates with one template per group of pods");
        return;
      }
      if (templates.size() > WorkloadApiRules.MAX_POD_GROUP_TEMPLATES) {
        ctx.report(
            lp,
            Reason.TOO_MANY,
            "must have at most "
                + WorkloadApiRules.MAX_POD_GROUP_TEMPLATES
                + " items, found "
                + templates.size(),
            "split the pods over several Workloads");
        return;
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; i < templates.size(); i++) {
        String name = templates.get(i).get("name").string("");
        if (!names.add(name)) {
          ctx.report(
              lp.index(i),
              Reason.DUPLICATE,
              "duplicate value: another template is named '" + name + "'",
              "give each pod group template its own name");
        }
      }
      for (int i = 0; i < templates.size(); i++) {
        Tree t = templates.get(i);
        FieldPath p = lp.index(i);
        String name = t.get("name").string("");
        if (name.isEmpty()) {
          ctx.report(
              p.child("name"), Reason.REQUIRED, "a pod group template needs a name", "name it");
        } else {
          WorkloadApiRules.shortName(name, p.child("name"), ctx);
        }
        group(t, p, ctx);
      }
    }
  }

  /** {@code gang.api.podgroup-v1alpha2}. */
  static final class PodGroupRule extends GangRule {
    PodGroupRule() {
      super(
          rule(
                  "gang.api.podgroup-v1alpha2",
                  Category.API,
                  Severity.ERROR,
                  "PodGroup (scheduling.k8s.io/v1alpha2) passes the 1.36 API server's validation",
                  GangKeys.NATIVE_POD_GROUP)
              .versions(VersionRange.only(TargetVersion.V1_36))
              .description(
                  "podGroupTemplateRef sets its one member, workload (Invalid), whose"
                      + " workloadName is a DNS subdomain and podGroupTemplateName a DNS label"
                      + " (Required/Invalid); schedulingPolicy and the gated fields as on a"
                      + " Workload's template. Source: kubernetes release-1.36"
                      + " staging/src/k8s.io/api/scheduling/v1alpha2/types.go.")
              .failingExample(
                  "# target: 1.36\napiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\n"
                      + "metadata:\n  name: train\nspec:\n  schedulingPolicy:\n    basic: {}\n"
                      + "    gang:\n      minCount: 4\n")
              .fixedExample(
                  "# target: 1.36\napiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\n"
                      + "metadata:\n  name: train\nspec:\n  schedulingPolicy:\n    gang:\n"
                      + "      minCount: 4\n")
              .build());
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return super.appliesTo(object) && isV1alpha2(object);
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Tree spec = Tree.of(object).get("spec");
      FieldPath sp = FieldPath.of("spec");
      Tree ref = spec.get("podGroupTemplateRef");
      if (present(ref)) {
        FieldPath rp = sp.child("podGroupTemplateRef");
        Tree workload = ref.get("workload");
        if (!present(workload)) {
          ctx.report(
              rp,
              Reason.INVALID,
              "must specify one of: `workload`; found none",
              "set podGroupTemplateRef.workload {workloadName, podGroupTemplateName}, or drop"
                  + " podGroupTemplateRef");
        } else {
          FieldPath wp = rp.child("workload");
          String wl = workload.get("workloadName").string("");
          if (wl.isEmpty()) {
            ctx.report(
                wp.child("workloadName"),
                Reason.REQUIRED,
                "the reference needs the name of the Workload whose template made this PodGroup",
                "set workloadName");
          } else {
            WorkloadApiRules.longName(wl, wp.child("workloadName"), ctx);
          }
          String tn = workload.get("podGroupTemplateName").string("");
          if (tn.isEmpty()) {
            ctx.report(
                wp.child("podGroupTemplateName"),
                Reason.REQUIRED,
                "the reference needs the name of the pod group template",
                "set podGroupTemplateName to a podGroupTemplates[].name of the Workload");
          } else {
            WorkloadApiRules.shortName(tn, wp.child("podGroupTemplateName"), ctx);
          }
        }
      }
      group(spec, sp, ctx);
    }
  }

  // ------------------------------------------------------------------ shared checks

  /** The fields a template and a PodGroup share: policy, then the gated fields. */
  private static void group(Tree g, FieldPath p, RuleContext ctx) {
    policy(g.get("schedulingPolicy"), p.child("schedulingPolicy"), ctx);
    if (ctx.isEnabled(GangFeatureGates.TOPOLOGY_AWARE_WORKLOAD_SCHEDULING)) {
      topology(g.at("schedulingConstraints", "topology"), p.child("schedulingConstraints"), ctx);
    }
    if (ctx.isEnabled(GangFeatureGates.DRA_WORKLOAD_RESOURCE_CLAIMS)) {
      claims(g.get("resourceClaims").list(), p.child("resourceClaims"), ctx);
    }
    if (ctx.isEnabled(GangFeatureGates.WORKLOAD_AWARE_PREEMPTION)) {
      Tree mode = g.get("disruptionMode");
      if (present(mode) && !DISRUPTION_MODES.contains(mode.string(""))) {
        ctx.report(
            p.child("disruptionMode"),
            Reason.NOT_SUPPORTED,
            "supported values: \"Pod\", \"PodGroup\"; found \"" + mode.string("") + "\"",
            "use Pod (pods may be disrupted one by one) or PodGroup (only together)");
      }
      String pcn = g.get("priorityClassName").string("");
      if (!pcn.isEmpty()) {
        WorkloadApiRules.longName(pcn, p.child("priorityClassName"), ctx);
      }
      long priority = g.get("priority").integer(0);
      if (priority > WorkloadApiRules.HIGHEST_USER_DEFINABLE_PRIORITY) {
        ctx.report(
            p.child("priority"),
            Reason.INVALID,
            "must be less than or equal to "
                + WorkloadApiRules.HIGHEST_USER_DEFINABLE_PRIORITY
                + ", found "
                + priority,
            "leave priority to the priority admission plugin, or lower it");
      }
    }
  }

  private static void policy(Tree policy, FieldPath path, RuleContext ctx) {
    boolean basic = present(policy.get("basic"));
    boolean gang = present(policy.get("gang"));
    if (basic == gang) {
      ctx.report(
          path,
          Reason.INVALID,
          basic
              ? "must specify exactly one of: `basic`, `gang`; found both"
              : "must specify one of: `basic`, `gang`; found neither",
          basic
              ? "keep gang for all-or-nothing scheduling, remove basic"
              : "add gang: {minCount: N} for all-or-nothing scheduling, or basic: {}");
      return;
    }
    if (gang) {
      long min = policy.get("gang").get("minCount").integer(0);
      FieldPath mp = path.child("gang", "minCount");
      if (min == 0) {
        ctx.report(
            mp,
            Reason.REQUIRED,
            "gang.minCount is required and must be positive; found none",
            "set minCount to the number of pods that must start together");
      } else if (min < 1) {
        ctx.report(
            mp,
            Reason.INVALID,
            "must be greater than or equal to 1, found " + min,
            "set minCount to the number of pods that must start together");
      }
    }
  }

  private static void topology(Tree topology, FieldPath path, RuleContext ctx) {
    WorkloadApiRules.topology(
        topology.list().stream().map(t -> t.get("key").string("")).collect(Collectors.toList()),
        path.child("topology"),
        ctx);
  }

  private static void claims(List<Tree> claims, FieldPath path, RuleContext ctx) {
    WorkloadApiRules.claimRefs(
        claims.stream()
            .map(
                c ->
                    new WorkloadApiRules.ClaimRef(
                        c.get("name").string(""),
                        present(c.get("resourceClaimName"))
                            ? c.get("resourceClaimName").string("")
                            : null,
                        present(c.get("resourceClaimTemplateName"))
                            ? c.get("resourceClaimTemplateName").string("")
                            : null))
            .collect(Collectors.toList()),
        path,
        ctx);
  }

  private static void controllerRef(Tree ref, FieldPath path, RuleContext ctx) {
    WorkloadApiRules.controllerRef(
        ref.get("apiGroup").string(""),
        ref.get("kind").string(""),
        ref.get("name").string(""),
        path,
        ctx);
  }

  static boolean present(Tree t) {
    return WorkloadApiRules.present(t);
  }
}
