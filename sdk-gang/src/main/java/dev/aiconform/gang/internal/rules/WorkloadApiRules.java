package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.VersionRange;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Defaulter;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.LabelSyntax;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangFeatureGates;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.DisruptionMode;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupResourceClaim;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupSchedulingConstraints;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupSchedulingPolicy;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupSpec;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupTemplate;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.SingleDisruptionMode;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.TopologyConstraint;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.TypedLocalObjectReference;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.Workload;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.WorkloadReference;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.WorkloadSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Kubernetes 1.37 API server checks on {@code scheduling.k8s.io/v1beta1} Workload and
 * PodGroup objects: the declarative rules of {@code staging/src/k8s.io/api/scheduling/v1beta1/
 * types.go} (generated into {@code pkg/apis/scheduling/v1beta1/zz_generated.validations.go}) and
 * the hand-written ones of {@code pkg/apis/scheduling/validation/validation.go}, with the same
 * field paths and reasons. Fields of disabled feature gates that the server drops before validating
 * are left to {@code gang.native.dropped-fields}.
 */
final class WorkloadApiRules {
  private WorkloadApiRules() {}

  // staging/src/k8s.io/api/scheduling/v1beta1/types.go: WorkloadMaxPodGroupTemplates
  static final int MAX_POD_GROUP_TEMPLATES = 8;
  // staging/src/k8s.io/api/scheduling/v1beta1/types.go: MaxPodGroupResourceClaims
  static final int MAX_POD_GROUP_RESOURCE_CLAIMS = 4;
  // staging/src/k8s.io/api/scheduling/v1beta1/types.go: +k8s:maxItems=1 on topology
  static final int MAX_TOPOLOGY_CONSTRAINTS = 1;
  // pkg/apis/scheduling/types.go: HighestUserDefinablePriority
  static final int HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
  static final Set<String> PREEMPTION_POLICIES = Set.of("PreemptLowerPriority", "Never");

  static boolean isV1beta1(HasMetadata o) {
    return GangKeys.NATIVE_V1BETA1.equals(o.getApiVersion());
  }

  /** A rule on the Workload API's {@code scheduling.k8s.io/v1beta1} objects only. */
  abstract static class V1beta1Rule extends GangRule {
    V1beta1Rule(RuleInfo info) {
      super(info);
    }

    @Override
    public final boolean appliesTo(HasMetadata object) {
      return super.appliesTo(object) && isV1beta1(object);
    }
  }

  /** The {@code Workload} rule. */
  static final class WorkloadSpecRule extends V1beta1Rule {
    WorkloadSpecRule() {
      super(
          rule(
                  "gang.api.workload",
                  Category.API,
                  Severity.ERROR,
                  "Workload (scheduling.k8s.io/v1beta1) passes the 1.37 API server's validation",
                  GangKeys.NATIVE_WORKLOAD)
              .versions(VersionRange.only(TargetVersion.V1_37))
              .description(
                  "Exactly one of podGroupTemplates and compositePodGroupTemplates; at most 8"
                      + " templates with unique DNS-label names; each with exactly one of"
                      + " schedulingPolicy.basic or .gang and gang.minCount ≥ 1; at most one"
                      + " topology constraint with a valid label key; at most 4 resource claims"
                      + " naming exactly one of a claim or a claim template; priority ≤ 1e9 and"
                      + " the same priority on every template; a controllerRef with kind and"
                      + " name. Source: kubernetes pkg/apis/scheduling/v1beta1"
                      + " zz_generated.validations.go and pkg/apis/scheduling/validation.")
              .failingExample(
                  "apiVersion: scheduling.k8s.io/v1beta1\nkind: Workload\nmetadata:\n"
                      + "  name: train\nspec:\n  podGroupTemplates:\n  - name: workers\n"
                      + "    schedulingPolicy:\n      gang:\n        minCount: 0\n")
              .fixedExample(
                  "apiVersion: scheduling.k8s.io/v1beta1\nkind: Workload\nmetadata:\n"
                      + "  name: train\nspec:\n  podGroupTemplates:\n  - name: workers\n"
                      + "    schedulingPolicy:\n      gang:\n        minCount: 16\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Workload w = typed(object, Workload.class);
      WorkloadSpec spec = w.getSpec() == null ? new WorkloadSpec() : w.getSpec();
      FieldPath sp = FieldPath.of("spec");
      boolean templates = notEmpty(spec.getPodGroupTemplates());
      boolean composites = notEmpty(spec.getCompositePodGroupTemplates());
      if (!templates && !composites) {
        ctx.report(
            sp,
            Reason.INVALID,
            "must specify one of: `podGroupTemplates`, `compositePodGroupTemplates`; found"
                + " neither",
            "add spec.podGroupTemplates with one template per group of pods");
      } else if (templates && composites) {
        ctx.report(
            sp,
            Reason.INVALID,
            "must specify exactly one of: `podGroupTemplates`, `compositePodGroupTemplates`;"
                + " found both",
            "keep podGroupTemplates, or move them under a compositePodGroupTemplate");
      }
      if (spec.getControllerRef() != null) {
        controllerRef(spec.getControllerRef(), sp.child("controllerRef"), ctx);
      }
      if (templates) {
        List<PodGroupTemplate> list = spec.getPodGroupTemplates();
        FieldPath lp = sp.child("podGroupTemplates");
        if (list.size() > MAX_POD_GROUP_TEMPLATES) {
          ctx.report(
              lp,
              Reason.TOO_MANY,
              "must have at most " + MAX_POD_GROUP_TEMPLATES + " items, found " + list.size(),
              "split the pods over several Workloads");
        } else {
          Set<String> names = new HashSet<>();
          for (int i = 0; i < list.size(); i++) {
            PodGroupTemplate t = list.get(i);
            if (!names.add(Objects.toString(t.getName(), ""))) {
              ctx.report(
                  lp.index(i),
                  Reason.DUPLICATE,
                  "duplicate value: another template is named '" + t.getName() + "'",
                  "give each pod group template its own name");
            }
          }
          for (int i = 0; i < list.size(); i++) {
            template(list.get(i), lp.index(i), ctx);
          }
        }
      }
      if (composites && !ctx.isEnabled(GangFeatureGates.COMPOSITE_POD_GROUP)) {
        ctx.report(
            sp.child("compositePodGroupTemplates"),
            Reason.FORBIDDEN,
            "compositePodGroupTemplates needs the CompositePodGroup feature gate (alpha in 1.37),"
                + " which is off",
            "use podGroupTemplates, or enable --feature-gates=CompositePodGroup=true");
      } else if (composites
          && spec.getCompositePodGroupTemplates().size() > MAX_POD_GROUP_TEMPLATES) {
        ctx.report(
            sp.child("compositePodGroupTemplates"),
            Reason.TOO_MANY,
            "must have at most "
                + MAX_POD_GROUP_TEMPLATES
                + " items, found "
                + spec.getCompositePodGroupTemplates().size(),
            "split the composite templates over several Workloads");
      }
      if (templates && !samePriority(spec.getPodGroupTemplates())) {
        ctx.report(
            sp,
            Reason.INVALID,
            "detected multiple priority configurations: every pod group template of a Workload"
                + " must have the same priorityClassName and priority",
            "use one priorityClassName (or none) on all templates");
      }
    }

    private static boolean samePriority(List<PodGroupTemplate> list) {
      PodGroupTemplate first = list.get(0);
      for (PodGroupTemplate t : list) {
        if (!Objects.equals(
                Objects.toString(first.getPriorityClassName(), ""),
                Objects.toString(t.getPriorityClassName(), ""))
            || !Objects.equals(first.getPriority(), t.getPriority())) {
          return false;
        }
      }
      return true;
    }

    private static void template(PodGroupTemplate t, FieldPath p, RuleContext ctx) {
      String name = Objects.toString(t.getName(), "");
      if (name.isEmpty()) {
        ctx.report(
            p.child("name"), Reason.REQUIRED, "a pod group template needs a name", "name it");
      } else {
        for (String e : NameFormat.DNS1123_LABEL.problems(name)) {
          ctx.report(
              p.child("name"),
              Reason.INVALID,
              "'" + name + "': " + e,
              "use lower-case letters, digits and '-', at most 63 characters");
        }
      }
      policy(t.getSchedulingPolicy(), p.child("schedulingPolicy"), ctx);
      constraints(t.getSchedulingConstraints(), p.child("schedulingConstraints"), ctx);
      claims(t.getResourceClaims(), p.child("resourceClaims"), ctx);
      disruption(t.getDisruptionMode(), p.child("disruptionMode"), ctx);
      priority(t.getPriorityClassName(), t.getPriority(), t.getPreemptionPolicy(), p, ctx);
    }
  }

  /** The {@code PodGroup} rule. */
  static final class PodGroupSpecRule extends V1beta1Rule {
    PodGroupSpecRule() {
      super(
          rule(
                  "gang.api.podgroup",
                  Category.API,
                  Severity.ERROR,
                  "PodGroup (scheduling.k8s.io/v1beta1) passes the 1.37 API server's validation",
                  GangKeys.NATIVE_POD_GROUP)
              .versions(VersionRange.only(TargetVersion.V1_37))
              .description(
                  "workloadRef names a Workload (DNS subdomain) and a template (DNS label);"
                      + " exactly one of schedulingPolicy.basic or .gang with gang.minCount ≥ 1;"
                      + " at most one topology constraint; at most 4 resource claims naming"
                      + " exactly one of a claim or a claim template; disruptionMode (defaulted"
                      + " to single) sets exactly one mode; priority ≤ 1e9;"
                      + " parentCompositePodGroupName only with the CompositePodGroup gate."
                      + " Source: kubernetes pkg/apis/scheduling/v1beta1"
                      + " zz_generated.validations.go.")
              .failingExample(
                  "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  schedulingPolicy:\n    basic: {}\n"
                      + "    gang:\n      minCount: 4\n")
              .fixedExample(
                  "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  schedulingPolicy:\n    gang:\n"
                      + "      minCount: 4\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      PodGroup pg = typed(object, PodGroup.class);
      PodGroupSpec spec = pg.getSpec() == null ? new PodGroupSpec() : pg.getSpec();
      FieldPath sp = FieldPath.of("spec");
      if (spec.getParentCompositePodGroupName() != null) {
        if (!ctx.isEnabled(GangFeatureGates.COMPOSITE_POD_GROUP)) {
          ctx.report(
              sp.child("parentCompositePodGroupName"),
              Reason.FORBIDDEN,
              "parentCompositePodGroupName needs the CompositePodGroup feature gate (alpha in"
                  + " 1.37), which is off",
              "remove it, or enable --feature-gates=CompositePodGroup=true");
        } else {
          longName(
              spec.getParentCompositePodGroupName(), sp.child("parentCompositePodGroupName"), ctx);
        }
      }
      WorkloadReference ref = spec.getWorkloadRef();
      if (ref != null) {
        FieldPath rp = sp.child("workloadRef");
        String wl = Objects.toString(ref.getWorkloadName(), "");
        if (wl.isEmpty()) {
          ctx.report(
              rp.child("workloadName"),
              Reason.REQUIRED,
              "workloadRef needs the name of the Workload whose template made this PodGroup",
              "set workloadRef.workloadName, or drop workloadRef");
        } else {
          longName(wl, rp.child("workloadName"), ctx);
        }
        String tn = Objects.toString(ref.getTemplateName(), "");
        if (tn.isEmpty()) {
          ctx.report(
              rp.child("templateName"),
              Reason.REQUIRED,
              "workloadRef needs the name of the pod group template",
              "set workloadRef.templateName to a podGroupTemplates[].name of the Workload");
        } else {
          shortName(tn, rp.child("templateName"), ctx);
        }
      }
      policy(spec.getSchedulingPolicy(), sp.child("schedulingPolicy"), ctx);
      constraints(spec.getSchedulingConstraints(), sp.child("schedulingConstraints"), ctx);
      claims(spec.getResourceClaims(), sp.child("resourceClaims"), ctx);
      if (spec.getDisruptionMode() == null) {
        // defaulted to single by the server; only reachable when defaulting was skipped
        ctx.report(
            sp.child("disruptionMode"),
            Reason.REQUIRED,
            "disruptionMode is required (the server defaults it to {single: {}})",
            "set disruptionMode: {single: {}}");
      } else {
        disruption(spec.getDisruptionMode(), sp.child("disruptionMode"), ctx);
      }
      priority(
          spec.getPriorityClassName(), spec.getPriority(), spec.getPreemptionPolicy(), sp, ctx);
    }
  }

  /** Applies the server's default {@code spec.disruptionMode: {single: {}}} to PodGroups. */
  static final class PodGroupDefaulter implements Defaulter {
    @Override
    public boolean appliesTo(HasMetadata object) {
      return object instanceof PodGroup && isV1beta1(object);
    }

    @Override
    public void apply(HasMetadata copy, TargetVersion version) {
      PodGroup pg = (PodGroup) copy;
      if (pg.getSpec() != null && pg.getSpec().getDisruptionMode() == null) {
        DisruptionMode single = new DisruptionMode();
        single.setSingle(new SingleDisruptionMode());
        pg.getSpec().setDisruptionMode(single);
      }
    }
  }

  // ------------------------------------------------------------------ shared checks

  static <T extends HasMetadata> T typed(HasMetadata object, Class<T> type) {
    if (type.isInstance(object)) {
      return type.cast(object);
    }
    return KubeSerialization.get().convertValue(object, type);
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }

  static void policy(PodGroupSchedulingPolicy p, FieldPath path, RuleContext ctx) {
    boolean basic = p != null && p.getBasic() != null;
    boolean gang = p != null && p.getGang() != null;
    if (!basic && !gang) {
      ctx.report(
          path,
          Reason.INVALID,
          "must specify one of: `basic`, `gang`; found neither",
          "add gang: {minCount: N} for all-or-nothing scheduling, or basic: {}");
      return;
    }
    if (basic && gang) {
      ctx.report(
          path,
          Reason.INVALID,
          "must specify exactly one of: `basic`, `gang`; found both",
          "keep gang for all-or-nothing scheduling, remove basic");
      return;
    }
    if (gang) {
      Integer min = p.getGang().getMinCount();
      FieldPath mp = path.child("gang", "minCount");
      if (min == null || min == 0) {
        ctx.report(
            mp,
            Reason.REQUIRED,
            "gang.minCount is required and must be positive; found " + (min == null ? "none" : "0"),
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

  static void constraints(PodGroupSchedulingConstraints c, FieldPath path, RuleContext ctx) {
    if (c == null || !ctx.isEnabled(GangFeatureGates.TOPOLOGY_AWARE_WORKLOAD_SCHEDULING)) {
      return; // dropped by the server when the gate is off: gang.native.dropped-fields says so
    }
    List<TopologyConstraint> topology = c.getTopology();
    if (topology == null || topology.isEmpty()) {
      return;
    }
    topology(
        topology.stream().map(t -> Objects.toString(t.getKey(), "")).collect(Collectors.toList()),
        path.child("topology"),
        ctx);
  }

  /**
   * The node label keys of a pod group's topology constraints (at most one, each a qualified name),
   * in every served version of the Workload API.
   */
  static void topology(List<String> keys, FieldPath tp, RuleContext ctx) {
    if (keys.size() > MAX_TOPOLOGY_CONSTRAINTS) {
      ctx.report(
          tp,
          Reason.TOO_MANY,
          "must have at most " + MAX_TOPOLOGY_CONSTRAINTS + " item, found " + keys.size(),
          "keep the one node label the group must share");
      return;
    }
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      FieldPath kp = tp.index(i).child("key");
      if (key.isEmpty()) {
        ctx.report(
            kp,
            Reason.REQUIRED,
            "a topology constraint needs the node label key of its domain",
            "set key, e.g. topology.kubernetes.io/rack");
      } else {
        for (String e : LabelSyntax.keyProblems(key)) {
          ctx.report(kp, Reason.INVALID, "'" + key + "': " + e, "use a valid node label key");
        }
      }
    }
  }

  static void claims(List<PodGroupResourceClaim> claims, FieldPath path, RuleContext ctx) {
    if (claims == null
        || claims.isEmpty()
        || !ctx.isEnabled(GangFeatureGates.DRA_WORKLOAD_RESOURCE_CLAIMS)) {
      return; // dropped by the server when the gate is off: gang.native.dropped-fields says so
    }
    claimRefs(
        claims.stream()
            .map(
                c ->
                    new ClaimRef(
                        Objects.toString(c.getName(), ""),
                        c.getResourceClaimName(),
                        c.getResourceClaimTemplateName()))
            .collect(Collectors.toList()),
        path,
        ctx);
  }

  /** A pod group's resource claim: its name and the claim or template it names (null: unset). */
  record ClaimRef(String name, String resourceClaimName, String resourceClaimTemplateName) {}

  /** A pod group's resource claims, in every served version of the Workload API. */
  static void claimRefs(List<ClaimRef> claims, FieldPath path, RuleContext ctx) {
    if (claims.size() > MAX_POD_GROUP_RESOURCE_CLAIMS) {
      ctx.report(
          path,
          Reason.TOO_MANY,
          "must have at most " + MAX_POD_GROUP_RESOURCE_CLAIMS + " items, found " + claims.size(),
          "share fewer claims per group, or put several requests into one claim");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < claims.size(); i++) {
      if (!names.add(claims.get(i).name())) {
        ctx.report(
            path.index(i),
            Reason.DUPLICATE,
            "duplicate value: another resource claim is named '" + claims.get(i).name() + "'",
            "give each claim its own name");
      }
    }
    for (int i = 0; i < claims.size(); i++) {
      ClaimRef c = claims.get(i);
      FieldPath cp = path.index(i);
      boolean byName = c.resourceClaimName() != null;
      boolean byTemplate = c.resourceClaimTemplateName() != null;
      if (byName == byTemplate) {
        ctx.report(
            cp,
            Reason.INVALID,
            byName
                ? "must specify exactly one of: `resourceClaimName`, `resourceClaimTemplateName`;"
                    + " found both"
                : "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`; found"
                    + " neither",
            "name either an existing ResourceClaim or a ResourceClaimTemplate");
      }
      if (c.name().isEmpty()) {
        ctx.report(cp.child("name"), Reason.REQUIRED, "a resource claim needs a name", "name it");
      } else {
        shortName(c.name(), cp.child("name"), ctx);
      }
      if (byName) {
        longName(c.resourceClaimName(), cp.child("resourceClaimName"), ctx);
      }
      if (byTemplate) {
        longName(c.resourceClaimTemplateName(), cp.child("resourceClaimTemplateName"), ctx);
      }
    }
  }

  static void disruption(DisruptionMode d, FieldPath path, RuleContext ctx) {
    if (d == null) {
      return;
    }
    boolean single = d.getSingle() != null;
    boolean all = d.getAll() != null;
    if (single == all) {
      ctx.report(
          path,
          Reason.INVALID,
          single
              ? "must specify exactly one of: `single`, `all`; found both"
              : "must specify one of: `single`, `all`; found neither",
          "set single: {} (pods may be disrupted one by one) or all: {} (only together)");
    }
  }

  static void priority(
      String className, Integer priority, String preemption, FieldPath parent, RuleContext ctx) {
    if (className != null && !className.isEmpty()) {
      longName(className, parent.child("priorityClassName"), ctx);
    }
    if (priority != null && priority > HIGHEST_USER_DEFINABLE_PRIORITY) {
      ctx.report(
          parent.child("priority"),
          Reason.INVALID,
          "must be less than or equal to "
              + HIGHEST_USER_DEFINABLE_PRIORITY
              + ", found "
              + priority,
          "leave priority to the priority admission plugin, or lower it");
    }
    if (preemption != null) {
      if (!ctx.isEnabled(GangFeatureGates.POD_GROUP_PREEMPTION_POLICY)) {
        ctx.report(
            parent.child("preemptionPolicy"),
            Reason.FORBIDDEN,
            "preemptionPolicy needs the PodGroupPreemptionPolicy feature gate (alpha in 1.37),"
                + " which is off",
            "remove it, or enable --feature-gates=PodGroupPreemptionPolicy=true");
      } else if (!PREEMPTION_POLICIES.contains(preemption)) {
        ctx.report(
            parent.child("preemptionPolicy"),
            Reason.NOT_SUPPORTED,
            "supported values: \"Never\", \"PreemptLowerPriority\"; found \"" + preemption + "\"",
            "use Never or PreemptLowerPriority");
      }
    }
  }

  static void controllerRef(TypedLocalObjectReference ref, FieldPath path, RuleContext ctx) {
    controllerRef(ref.getApiGroup(), ref.getKind(), ref.getName(), path, ctx);
  }

  /** A Workload's controllerRef, in every served version of the Workload API. */
  static void controllerRef(
      String apiGroup, String kind, String name, FieldPath path, RuleContext ctx) {
    String group = Objects.toString(apiGroup, "");
    if (!group.isEmpty()) {
      longName(group, path.child("apiGroup"), ctx);
    }
    for (String field : List.of("kind", "name")) {
      String v = Objects.toString(field.equals("kind") ? kind : name, "");
      if (v.isEmpty()) {
        ctx.report(
            path.child(field),
            Reason.REQUIRED,
            "controllerRef needs the " + field + " of the owning object",
            "set controllerRef." + field + ", or drop controllerRef");
      } else {
        for (String e : NameFormat.PATH_SEGMENT.problems(v)) {
          ctx.report(path.child(field), Reason.INVALID, "'" + v + "': " + e, "fix the " + field);
        }
      }
    }
  }

  /** A field of a generic (alpha-version) object that is set and not null. */
  static boolean present(Tree t) {
    return t.exists() && t.raw() != null;
  }

  static void longName(String value, FieldPath path, RuleContext ctx) {
    for (String e : NameFormat.DNS1123_SUBDOMAIN.problems(value)) {
      ctx.report(
          path,
          Reason.INVALID,
          "'" + value + "': " + e,
          "use lower-case letters, digits, '-' and '.', at most 253 characters");
    }
  }

  static void shortName(String value, FieldPath path, RuleContext ctx) {
    for (String e : NameFormat.DNS1123_LABEL.problems(value)) {
      ctx.report(
          path,
          Reason.INVALID,
          "'" + value + "': " + e,
          "use lower-case letters, digits and '-', at most 63 characters");
    }
  }
}
