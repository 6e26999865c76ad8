package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import dev.aiconform.gang.internal.members.BundleGangs;
import dev.aiconform.gang.internal.members.MemberTemplate;
import dev.aiconform.gang.internal.members.PodMarkers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Rules about each gang member: one gang, an existing group, the right scheduler, own devices. */
final class MemberRules {
  private MemberRules() {}

  /** {@code gang.member.one-gang}. */
  static final class OneGangRule extends GangRule {
    OneGangRule() {
      super(
          rule(
                  "gang.member.one-gang",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "Every member pod joins exactly one gang")
              .description(
                  "A pod that names groups of two gang schedulers (a native schedulingGroup and"
                      + " a Volcano group-name annotation, a coscheduling pod-group label and a"
                      + " Kueue pod-group-name, …) is counted by both and gated by neither"
                      + " reliably: one scheduler places it, the other keeps waiting for it.")
              .failingExample(
                  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\n  labels:\n"
                      + "    scheduling.x-k8s.io/pod-group: train\n  annotations:\n"
                      + "    scheduling.k8s.io/group-name: train\nspec:\n  schedulerName: volcano\n"
                      + "  containers: [{name: main, image: trainer}]\n")
              .fixedExample(
                  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\n  annotations:\n"
                      + "    scheduling.k8s.io/group-name: train\nspec:\n  schedulerName: volcano\n"
                      + "  containers: [{name: main, image: trainer}]\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      for (MemberTemplate m : MemberTemplate.of(ctx)) {
        List<BundleGangs.Ref> refs = BundleGangs.refs(m);
        if (refs.size() > 1) {
          ctx.report(
              m.path().isRoot() ? FieldPath.of("metadata") : m.path(),
              null,
              "this pod joins "
                  + refs.size()
                  + " gangs ("
                  + refs.stream().map(BundleGangs.Ref::toString).collect(Collectors.joining(", "))
                  + "); a pod belongs to exactly one",
              "keep the markers of the one gang scheduler that runs this workload");
        }
      }
    }
  }

  /** {@code gang.member.group-exists}. */
  static final class GroupExistsRule extends GangRule {
    GroupExistsRule() {
      super(
          rule(
                  "gang.member.group-exists",
                  Category.CONFORMANCE,
                  Severity.WARNING,
                  "The group object a member names is part of the bundle")
              .description(
                  "A pod naming a PodGroup that does not exist stays Pending (the native"
                      + " scheduler holds it before the queue; Volcano and coscheduling wait for"
                      + " the group). Create the PodGroup (and Workload) with, or before, the"
                      + " workload.")
              .failingExample(
                  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\nspec:\n"
                      + "  schedulingGroup:\n    podGroupName: train\n"
                      + "  containers: [{name: main, image: trainer}]\n")
              .fixedExample(
                  "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  schedulingPolicy:\n    gang:\n      minCount: 1\n"
                      + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\nspec:\n"
                      + "  schedulingGroup:\n    podGroupName: train\n"
                      + "  containers: [{name: main, image: trainer}]\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      if (GangKeys.VOLCANO_JOB.matches(object)) {
        return; // the Volcano job controller creates the PodGroup
      }
      ManifestBundle bundle = ctx.bundle();
      for (MemberTemplate m : MemberTemplate.of(ctx)) {
        PodMarkers k = m.markers();
        if (k.nativePodGroup().isPresent()) {
          String name = k.nativePodGroup().get();
          if (find(bundle, GangKeys.NATIVE_POD_GROUP, m.namespace(), name).isEmpty()) {
            missing(ctx, m.specPath("schedulingGroup", "podGroupName"), "PodGroup", name);
          }
        } else if (k.workloadRefName().isPresent()) {
          String wl = k.workloadRefName().get();
          Optional<Manifest> w = find(bundle, GangKeys.NATIVE_WORKLOAD, m.namespace(), wl);
          String pg = k.workloadRefPodGroup().orElse("");
          if (w.isEmpty()) {
            missing(ctx, m.specPath("workloadRef", "name"), "Workload", wl);
          } else if (Tree.of(w.get().object()).at("spec", "podGroups").list().stream()
              .noneMatch(g -> pg.equals(g.get("name").string("")))) {
            ctx.report(
                m.specPath("workloadRef", "podGroup"),
                null,
                "Workload " + wl + " has no pod group named '" + pg + "'",
                "name one of the Workload's spec.podGroups[].name");
          }
        }
        k.volcanoGroup()
            .ifPresent(
                n -> {
                  if (find(bundle, GangKeys.VOLCANO_POD_GROUP, m.namespace(), n).isEmpty()) {
                    missing(
                        ctx,
                        m.metadataPath("annotations").key(GangKeys.VOLCANO_GROUP_NAME),
                        "Volcano PodGroup",
                        n);
                  }
                });
        k.coschedulingGroup()
            .ifPresent(
                n -> {
                  if (find(bundle, GangKeys.COSCHEDULING_POD_GROUP, m.namespace(), n).isEmpty()) {
                    missing(
                        ctx,
                        m.metadataPath("labels").key(GangKeys.COSCHEDULING_POD_GROUP_LABEL),
                        "coscheduling PodGroup",
                        n);
                  }
                });
      }
    }

    private static void missing(RuleContext ctx, FieldPath path, String kind, String name) {
      ctx.report(
          path,
          null,
          kind + " '" + name + "' is not in the bundle: the pod stays Pending until it exists",
          "add the " + kind + " to the bundle, or make sure it is created before the pods");
    }
  }

  /** An object of {@code kind} named {@code name} in the namespace, an unset one matching any. */
  static Optional<Manifest> find(ManifestBundle bundle, GroupKind kind, String ns, String name) {
    return bundle.manifestsOf(kind).stream()
        .filter(m -> m.ref().name().equals(name))
        .filter(
            m -> ns.isEmpty() || m.ref().namespace().isEmpty() || m.ref().namespace().equals(ns))
        .findFirst();
  }

  /** {@code gang.member.scheduler-name}. */
  static final class SchedulerNameRule extends GangRule {
    SchedulerNameRule() {
      super(
          rule(
                  "gang.member.scheduler-name",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "Gang members share one scheduler, the one their backend runs")
              .description(
                  "Volcano gangs only pods with schedulerName volcano; the scheduler-plugins"
                      + " coscheduling plugin only pods of the scheduler it runs in (a second"
                      + " scheduler, usually scheduler-plugins-scheduler); the Workload API is"
                      + " implemented by kube-scheduler (default-scheduler). Members of one gang"
                      + " with different schedulers are placed by different schedulers, and the"
                      + " gang never completes.")
              .failingExample(
                  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\n  annotations:\n"
                      + "    scheduling.k8s.io/group-name: train\nspec:\n"
                      + "  containers: [{name: main, image: trainer}]\n")
              .fixedExample(
                  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\n  annotations:\n"
                      + "    scheduling.k8s.io/group-name: train\nspec:\n  schedulerName: volcano\n"
                      + "  containers: [{name: main, image: trainer}]\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      if (GangKeys.VOLCANO_JOB.matches(object)) {
        return; // the job's spec.schedulerName applies to its pods
      }
      BundleGangs gangs = BundleGangs.of(ctx.bundle());
      for (MemberTemplate m : MemberTemplate.of(ctx)) {
        String scheduler = m.markers().schedulerName();
        FieldPath at = m.specPath("schedulerName");
        for (BundleGangs.Ref ref : BundleGangs.refs(m)) {
          switch (ref.system()) {
            case VOLCANO:
              if (!scheduler.equals(GangKeys.VOLCANO_SCHEDULER_NAME)) {
                ctx.report(
                    at,
                    null,
                    "member of Volcano PodGroup '"
                        + ref.name()
                        + "' has schedulerName '"
                        + scheduler
                        + "', so Volcano never sees it and kube-scheduler starts it alone",
                    "set spec.schedulerName: volcano");
              }
              break;
            case COSCHEDULING:
              if (scheduler.equals(GangKeys.DEFAULT_SCHEDULER)) {
                ctx.report(
                    Severity.WARNING,
                    at,
                    null,
                    "member of coscheduling PodGroup '"
                        + ref.name()
                        + "' uses default-scheduler, which gangs it only if the Coscheduling"
                        + " plugin is enabled in its default profile",
                    "set spec.schedulerName to the scheduler running coscheduling (the"
                        + " scheduler-plugins chart names it "
                        + GangKeys.COSCHEDULING_DEFAULT_SCHEDULER
                        + ")");
              }
              break;
            case WORKLOAD:
              if (!scheduler.equals(GangKeys.DEFAULT_SCHEDULER)) {
                ctx.report(
                    Severity.WARNING,
                    at,
                    null,
                    "member of native PodGroup '"
                        + ref.name()
                        + "' uses scheduler '"
                        + scheduler
                        + "'; the Workload API's gang scheduling is kube-scheduler's",
                    "leave spec.schedulerName unset (default-scheduler)");
              }
              break;
            default:
              break;
          }
          Map<String, String> schedulers = new LinkedHashMap<>();
          for (MemberTemplate other : gangs.membersOf(ref)) {
            schedulers.putIfAbsent(other.markers().schedulerName(), other.manifest().ref().name());
          }
          if (schedulers.size() > 1 && !schedulers.keySet().iterator().next().equals(scheduler)) {
            ctx.report(
                at,
                null,
                "members of gang "
                    + ref
                    + " use different schedulers: "
                    + schedulers.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining(", ")),
                "give every member the same spec.schedulerName");
          }
        }
      }
    }
  }

  private static final String SHARED_CLAIM_JOB =
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\n  labels:\n"
          + "    kueue.x-k8s.io/queue-name: team-a\nspec:\n  parallelism: 4\n  template:\n"
          + "    spec:\n      restartPolicy: Never\n      resourceClaims:\n      - name: gpus\n"
          + "        @@: train-gpus\n      containers:\n      - name: trainer\n"
          + "        image: trainer\n        resources:\n          claims: [{name: gpus}]\n";

  /** {@code gang.claims.shared}. */
  static final class SharedClaimRule extends GangRule {
    SharedClaimRule() {
      super(
          rule(
                  "gang.claims.shared",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "Gang members do not share one ResourceClaim where each needs its own devices")
              .description(
                  "resourceClaimName names one ResourceClaim: every pod referring to it shares"
                      + " the same allocated devices (and all must land where they are). For"
                      + " per-pod GPUs, each member needs its own claim: refer to a"
                      + " ResourceClaimTemplate.")
              .failingExample(SHARED_CLAIM_JOB.replace("@@", "resourceClaimName"))
              .fixedExample(SHARED_CLAIM_JOB.replace("@@", "resourceClaimTemplateName"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      BundleGangs gangs = BundleGangs.of(ctx.bundle());
      for (MemberTemplate m : MemberTemplate.of(ctx)) {
        List<BundleGangs.Ref> refs = BundleGangs.refs(m);
        boolean kueueManaged = kueueManaged(object);
        if (refs.isEmpty() && !kueueManaged) {
          continue;
        }
        List<PodResourceClaim> claims = m.markers().spec().getResourceClaims();
        if (claims == null) {
          continue;
        }
        for (int i = 0; i < claims.size(); i++) {
          String claim = claims.get(i).getResourceClaimName();
          if (claim == null) {
            continue;
          }
          int sharing = m.count();
          for (BundleGangs.Ref ref : refs) {
            for (MemberTemplate other : gangs.membersOf(ref)) {
              if (!other.isSameTemplate(m) && refersTo(other, claim)) {
                sharing += other.count();
              }
            }
          }
          if (sharing > 1) {
            ctx.report(
                m.specPath("resourceClaims").index(i).child("resourceClaimName"),
                null,
                sharing
                    + " gang members share the single ResourceClaim '"
                    + claim
                    + "': one allocation for all of them, not devices per pod",
                "for per-pod devices use resourceClaimTemplateName with a"
                    + " ResourceClaimTemplate; keep resourceClaimName only for devices meant to"
                    + " be shared");
          }
        }
      }
    }

    private static boolean kueueManaged(HasMetadata o) {
      return o.getMetadata() != null
          && o.getMetadata().getLabels() != null
          && o.getMetadata().getLabels().containsKey(GangKeys.KUEUE_QUEUE_NAME);
    }

    private static boolean refersTo(MemberTemplate m, String claim) {
      List<PodResourceClaim> claims = m.markers().spec().getResourceClaims();
      return claims != null
          && claims.stream().anyMatch(c -> claim.equals(c.getResourceClaimName()));
    }
  }
}
