package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangFeatureGates;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import dev.aiconform.gang.internal.members.MemberTemplate;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The native Workload API against the target version: which shape each version serves, the feature
 * gate it hides behind, and the fields the server drops when their gate is off.
 */
final class NativeApiRules {
  private NativeApiRules() {}

  static boolean isNativeGroupObject(HasMetadata o) {
    return GangKeys.NATIVE_WORKLOAD.matches(o) || GangKeys.NATIVE_POD_GROUP.matches(o);
  }

  /** {@code gang.native.version}. */
  static final class VersionRule extends GangRule {
    VersionRule() {
      super(
          rule(
                  "gang.native.version",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "The native Workload API shape is one the target version serves")
              .description(
                  "Kubernetes 1.35 serves scheduling.k8s.io/v1alpha1 Workload (pods join by"
                      + " spec.workloadRef), 1.36 v1alpha2 Workload and PodGroup (pods join by"
                      + " spec.schedulingGroup), 1.37 v1beta1; 1.34 has no Workload API. Objects"
                      + " of another version are refused, and a pod field the version does not"
                      + " know is dropped, leaving the pod outside its gang.")
              .failingExample(
                  "# target: 1.36\napiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\n"
                      + "metadata:\n  name: train\nspec:\n  schedulingPolicy:\n    gang:\n"
                      + "      minCount: 4\n")
              .fixedExample(
                  "# target: 1.36\napiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\n"
                      + "metadata:\n  name: train\nspec:\n  schedulingPolicy:\n    gang:\n"
                      + "      minCount: 4\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      TargetVersion v = ctx.targetVersion();
      if (isNativeGroupObject(object)) {
        String gv = object.getApiVersion();
        String served = servedVersion(v);
        if (gv.equals(served)) {
          if (object.getKind().equals("PodGroup") && gv.equals(GangKeys.NATIVE_V1ALPHA1)) {
            ctx.report(
                FieldPath.root(),
                null,
                "scheduling.k8s.io/v1alpha1 has no PodGroup kind (1.35 keeps pod groups inside"
                    + " the Workload's spec.podGroups)",
                "describe the group in the Workload's spec.podGroups and join pods with"
                    + " spec.workloadRef");
          }
          return;
        }
        boolean alphaOnNewer =
            v == TargetVersion.V1_37
                && (gv.equals(GangKeys.NATIVE_V1ALPHA2) || gv.equals("scheduling.k8s.io/v1alpha3"));
        ctx.report(
            alphaOnNewer ? Severity.WARNING : Severity.ERROR,
            FieldPath.of("apiVersion"),
            null,
            served == null
                ? "Kubernetes "
                    + v.label()
                    + " has no Workload API (it arrives in 1.35); found "
                    + gv
                : "Kubernetes "
                    + v.label()
                    + " serves the Workload API as "
                    + served
                    + (alphaOnNewer
                        ? "; "
                            + gv
                            + " is an alpha version served only where enabled with"
                            + " --runtime-config"
                        : ", not " + gv),
            served == null
                ? "target 1.35 or newer, or use Kueue, Volcano or coscheduling"
                : "render the gang for " + v.label() + " (apiVersion " + served + ")");
        return;
      }
      for (MemberTemplate m : MemberTemplate.of(ctx)) {
        if (m.markers().nativePodGroup().isPresent() && v.before(TargetVersion.V1_36)) {
          ctx.report(
              m.specPath("schedulingGroup"),
              null,
              "Kubernetes "
                  + v.label()
                  + " has no Pod spec.schedulingGroup (it arrives in 1.36); the server drops it"
                  + " and the pod runs outside its gang",
              v == TargetVersion.V1_35
                  ? "on 1.35 join the Workload with spec.workloadRef {name, podGroup}"
                  : "target 1.36 or newer, or use another gang backend");
        }
        if (m.markers().workloadRefName().isPresent() && v != TargetVersion.V1_35) {
          ctx.report(
              m.specPath("workloadRef"),
              null,
              "Pod spec.workloadRef exists only in Kubernetes 1.35 (tombstoned in 1.36); on "
                  + v.label()
                  + " the pod runs outside its gang",
              v.atLeast(TargetVersion.V1_36)
                  ? "use spec.schedulingGroup.podGroupName with a PodGroup object"
                  : "target 1.35 or newer");
        }
      }
    }

    static String servedVersion(TargetVersion v) {
      return dev.aiconform.gang.GangBackend.nativeGroupVersion(v).orElse(null);
    }
  }

  /** {@code gang.native.feature-gate}. */
  static final class FeatureGateRule extends GangRule {
    FeatureGateRule() {
      super(
          rule(
                  "gang.native.feature-gate",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "The native Workload API is behind a feature gate that is off by default")
              .description(
                  "GenericWorkload is alpha in 1.35-1.36 (with GangScheduling) and beta but off by"
                      + " default in 1.37: a real cluster serves Workload and PodGroup, and the"
                      + " scheduler gangs pods, only when the gate is enabled on the API server,"
                      + " scheduler and controller manager (plus --runtime-config for the API"
                      + " version). The in-memory cluster serves it with the gate on.")
              .failingExample(
                  "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  schedulingPolicy:\n    gang:\n      minCount: 4\n")
              .fixedExample(
                  "# feature-gates: GenericWorkload=true (as the cluster runs it)\n"
                      + "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  schedulingPolicy:\n    gang:\n      minCount: 4\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      if (ctx.isEnabled(GangFeatureGates.GENERIC_WORKLOAD)) {
        return;
      }
      boolean uses = isNativeGroupObject(object);
      FieldPath at = FieldPath.root();
      if (!uses) {
        for (MemberTemplate m : MemberTemplate.of(ctx)) {
          if (m.markers().nativePodGroup().isPresent()
              || m.markers().workloadRefName().isPresent()) {
            uses = true;
            at =
                m.markers().nativePodGroup().isPresent()
                    ? m.specPath("schedulingGroup")
                    : m.specPath("workloadRef");
            break;
          }
        }
      }
      if (!uses) {
        return;
      }
      TargetVersion v = ctx.targetVersion();
      ctx.report(
          at,
          null,
          v.atLeast(TargetVersion.V1_37)
              ? "the Workload API is beta in 1.37 but its GenericWorkload feature gate is off by"
                  + " default: on a cluster without it the objects are refused and the pods are"
                  + " scheduled one by one"
              : "the Workload API is alpha in "
                  + v.label()
                  + " (feature gates GenericWorkload and GangScheduling, off by default): on a"
                  + " cluster without them the pods are scheduled one by one",
          "enable --feature-gates=GenericWorkload=true"
              + (v.before(TargetVersion.V1_37) ? ",GangScheduling=true" : "")
              + " on kube-apiserver, kube-scheduler and kube-controller-manager with"
              + " --runtime-config="
              + NativeApiRules.VersionRule.servedVersion(v)
              + "=true, or use Kueue or Volcano");
    }
  }

  /** {@code gang.native.dropped-fields}. */
  static final class DroppedFieldsRule extends GangRule {
    DroppedFieldsRule() {
      super(
          rule(
                  "gang.native.dropped-fields",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "Workload API fields whose feature gate is off are silently dropped",
                  GangKeys.NATIVE_WORKLOAD,
                  GangKeys.NATIVE_POD_GROUP)
              .description(
                  "The API server removes schedulingConstraints (TopologyAwareWorkloadScheduling,"
                      + " alpha) and resourceClaims (DRAWorkloadResourceClaims, beta off by"
                      + " default in 1.37) from pod group templates and PodGroups when their gate"
                      + " is off, and in 1.36 (v1alpha2) also disruptionMode, priorityClassName"
                      + " and priority (WorkloadAwarePreemption, alpha), before it validates and"
                      + " stores them: the group is then placed without the topology constraint,"
                      + " the shared claims or its priority.")
              .failingExample(
                  "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  schedulingPolicy:\n    gang:\n      minCount: 4\n"
                      + "  schedulingConstraints:\n    topology:\n"
                      + "    - key: topology.kubernetes.io/rack\n")
              .fixedExample(
                  "# keep the pods in one rack with pod affinity instead, or enable\n"
                      + "# --feature-gates=TopologyAwareWorkloadScheduling=true\n"
                      + "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  schedulingPolicy:\n    gang:\n      minCount: 4\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Tree spec = Tree.of(object).get("spec");
      boolean alpha2 = GangKeys.NATIVE_V1ALPHA2.equals(object.getApiVersion());
      if (GangKeys.NATIVE_POD_GROUP.matches(object)) {
        checkGroup(spec, FieldPath.of("spec"), alpha2, ctx);
      } else {
        List<Tree> templates = spec.get("podGroupTemplates").list();
        for (int i = 0; i < templates.size(); i++) {
          checkGroup(
              templates.get(i), FieldPath.of("spec", "podGroupTemplates").index(i), alpha2, ctx);
        }
      }
    }

    private static void checkGroup(Tree group, FieldPath path, boolean alpha2, RuleContext ctx) {
      // 1.36 (v1alpha2): pkg/registry/scheduling/{workload,podgroup}/strategy.go drop these three
      // fields while the WorkloadAwarePreemption alpha gate is off
      if (alpha2 && !ctx.isEnabled(GangFeatureGates.WORKLOAD_AWARE_PREEMPTION)) {
        for (String field : List.of("disruptionMode", "priorityClassName", "priority")) {
          if (group.get(field).exists()) {
            ctx.report(
                path.child(field),
                null,
                "the server drops "
                    + field
                    + ": the WorkloadAwarePreemption feature gate (alpha in 1.36) is off, so the"
                    + " group is scheduled and preempted without it",
                "enable --feature-gates=WorkloadAwarePreemption=true, or set the priority on the"
                    + " pods (spec.priorityClassName)");
          }
        }
      }
      if (group.get("schedulingConstraints").exists()
          && !ctx.isEnabled(GangFeatureGates.TOPOLOGY_AWARE_WORKLOAD_SCHEDULING)) {
        ctx.report(
            path.child("schedulingConstraints"),
            null,
            "the server drops schedulingConstraints: the TopologyAwareWorkloadScheduling feature"
                + " gate (alpha) is off, so the group is not kept in one topology domain",
            "enable --feature-gates=TopologyAwareWorkloadScheduling=true, or keep members"
                + " together with required pod affinity");
      }
      if (!group.get("resourceClaims").list().isEmpty()
          && !ctx.isEnabled(GangFeatureGates.DRA_WORKLOAD_RESOURCE_CLAIMS)) {
        ctx.report(
            path.child("resourceClaims"),
            null,
            "the server drops resourceClaims: the DRAWorkloadResourceClaims feature gate is off"
                + " by default, so the group's pods do not share these claims",
            "enable --feature-gates=DRAWorkloadResourceClaims=true, or reference a"
                + " ResourceClaim from each pod");
      }
    }
  }
}
