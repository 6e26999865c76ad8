package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import dev.aiconform.gang.internal.members.BundleGangs;
import dev.aiconform.gang.internal.members.MemberTemplate;
import dev.aiconform.gang.internal.members.PodMarkers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Kueue's rules for gangs: plain pod groups, pod-set limits, topology requests. */
final class KueueRules {
  private KueueRules() {}

  // kueue apis/kueue/v1beta2/workload_types.go: +kubebuilder:validation:MaxItems=18 on podSets
  static final int MAX_POD_SETS = 18;

  private static String groupPod(String count) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: w-\n  labels:\n"
        + "    kueue.x-k8s.io/queue-name: user-queue\n"
        + "    kueue.x-k8s.io/pod-group-name: train\n  annotations:\n"
        + "    kueue.x-k8s.io/pod-group-total-count: \""
        + count
        + "\"\nspec:\n  containers: [{name: main, image: trainer}]\n";
  }

  private static String jobSet(int replicatedJobs) {
    StringBuilder sb =
        new StringBuilder(
            "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: sweep\n"
                + "  labels:\n    kueue.x-k8s.io/queue-name: team-a\nspec:\n"
                + "  replicatedJobs:\n");
    for (int i = 0; i < replicatedJobs; i++) {
      sb.append("  - name: trial-")
          .append(i)
          .append("\n    template: {spec: {template: {spec: {restartPolicy: Never,")
          .append(" containers: [{name: main, image: trial}]}}}}\n");
    }
    return sb.toString();
  }

  /** {@code gang.kueue.pod-group}. */
  static final class PodGroupRule extends GangRule {
    PodGroupRule() {
      super(
          rule(
                  "gang.kueue.pod-group",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "Kueue plain pod groups agree on their total count, and it matches the pods",
                  GroupKind.of("", "Pod"))
              .description(
                  "Every pod of a Kueue plain pod group carries both the label"
                      + " kueue.x-k8s.io/pod-group-name and the annotation"
                      + " kueue.x-k8s.io/pod-group-total-count (Kueue's webhook refuses one"
                      + " without the other); the count is a positive integer, the same on every"
                      + " pod, and equal to the number of pods of the group: Kueue creates the"
                      + " group's Workload only when that many pods exist.")
              .failingExample(groupPod("3") + "---\n" + groupPod("3"))
              .fixedExample(groupPod("2") + "---\n" + groupPod("2"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Pod pod = (Pod) object;
      PodMarkers k = PodMarkers.of(pod.getMetadata(), pod.getSpec());
      Optional<String> group = Optional.ofNullable(k.labels().get(GangKeys.KUEUE_POD_GROUP_NAME));
      Optional<String> count = k.kueueTotalCount();
      FieldPath countPath =
          FieldPath.of("metadata", "annotations").key(GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT);
      if (group.isEmpty() && k.kueuePodGroup().isPresent()) {
        group = k.kueuePodGroup(); // the annotation form (Kueue 0.18+)
      }
      if (group.isEmpty()) {
        if (count.isPresent()) {
          ctx.report(
              countPath,
              Reason.REQUIRED,
              "the pod has " + GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT + " but no group name",
              "add the label " + GangKeys.KUEUE_POD_GROUP_NAME + ", or remove the annotation");
        }
        return;
      }
      FieldPath namePath = FieldPath.of("metadata", "labels").key(GangKeys.KUEUE_POD_GROUP_NAME);
      for (String e : NameFormat.DNS1123_SUBDOMAIN.problems(group.get())) {
        ctx.report(
            namePath, null, "pod group name '" + group.get() + "': " + e, "rename the group");
      }
      if (count.isEmpty()) {
        ctx.report(
            countPath,
            Reason.REQUIRED,
            "pod group '"
                + group.get()
                + "' needs the annotation "
                + GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT,
            "add kueue.x-k8s.io/pod-group-total-count: \"<pods in the group>\"");
        return;
      }
      long n;
      try {
        n = Long.parseLong(count.get().trim());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n <= 0) {
        ctx.report(
            countPath,
            Reason.INVALID,
            "the total count must be a positive integer, found '" + count.get() + "'",
            "set it to the number of pods in group '" + group.get() + "'");
        return;
      }
      String ns = ctx.manifest().ref().namespace();
      BundleGangs.Ref ref = new BundleGangs.Ref(PodMarkers.System.KUEUE, ns, group.get());
      List<MemberTemplate> members = BundleGangs.of(ctx.bundle()).membersOf(ref);
      TreeSet<String> counts = new TreeSet<>();
      int pods = 0;
      for (MemberTemplate m : members) {
        m.markers().kueueTotalCount().ifPresent(c -> counts.add(c.trim()));
        pods += m.count();
      }
      if (counts.size() > 1) {
        ctx.report(
            countPath,
            null,
            "the pods of group '" + group.get() + "' disagree on the total count: " + counts,
            "give every pod of the group the same count");
      } else if (pods != n
          && members.stream().allMatch(m -> m.manifest().object() instanceof Pod)) {
        ctx.report(
            countPath,
            null,
            "group '"
                + group.get()
                + "' says "
                + n
                + " pods but "
                + pods
                + " are in the bundle: "
                + (pods < n
                    ? "Kueue waits for the missing ones and admits none"
                    : "Kueue refuses the extra ones"),
            "set the count to " + pods + ", or add the pods the count promises");
      }
    }
  }

  /** {@code gang.kueue.queue-name}. */
  static final class QueueNameRule extends GangRule {
    QueueNameRule() {
      super(
          rule(
                  "gang.kueue.queue-name",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "The kueue.x-k8s.io/queue-name label names a LocalQueue: a DNS subdomain")
              .description(
                  "Kueue's webhook refuses a workload whose kueue.x-k8s.io/queue-name label (or"
                      + " the older annotation of that name) is no DNS-1123 subdomain, the format"
                      + " of a LocalQueue's name: a label value may hold upper-case letters and"
                      + " '_', a queue name may not (kueue"
                      + " pkg/controller/jobframework/validation.go).")
              .failingExample(queuedJob("Team_A"))
              .fixedExample(queuedJob("team-a"))
              .build());
    }

    private static String queuedJob(String queue) {
      return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\n  labels:\n"
          + "    kueue.x-k8s.io/queue-name: "
          + queue
          + "\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
          + "      containers: [{name: main, image: trainer}]\n";
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return object.getMetadata() != null
          && !GangKeys.KUEUE_GROUP.equals(GroupKind.of(object).group());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      check(object.getMetadata().getLabels(), "labels", ctx);
      check(object.getMetadata().getAnnotations(), "annotations", ctx);
    }

    private static void check(Map<String, String> values, String field, RuleContext ctx) {
      String queue = values == null ? null : values.get(GangKeys.KUEUE_QUEUE_NAME);
      if (queue == null) {
        return;
      }
      for (String e : NameFormat.DNS1123_SUBDOMAIN.problems(queue)) {
        ctx.report(
            FieldPath.of("metadata", field).key(GangKeys.KUEUE_QUEUE_NAME),
            Reason.INVALID,
            "queue name '" + queue + "' " + e,
            "name the LocalQueue the workload goes to (lower-case letters, digits, '-', '.')");
      }
    }
  }

  /** {@code gang.kueue.pod-sets}. */
  static final class PodSetsRule extends GangRule {
    PodSetsRule() {
      super(
          rule(
                  "gang.kueue.pod-sets",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "A Kueue workload has at most 18 pod sets with DNS-label names",
                  GangKeys.JOBSET)
              .description(
                  "Kueue admits a JobSet as one Workload with a pod set per replicated Job; a"
                      + " Workload holds at most 18 pod sets, each named by a DNS label of at most"
                      + " 63 characters (kueue apis/kueue/v1beta2/workload_types.go).")
              .failingExample(jobSet(19))
              .fixedExample(jobSet(18))
              .build());
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return super.appliesTo(object)
          && object.getMetadata() != null
          && object.getMetadata().getLabels() != null
          && object.getMetadata().getLabels().containsKey(GangKeys.KUEUE_QUEUE_NAME);
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      List<Tree> rjs = Tree.of(object).at("spec", "replicatedJobs").list();
      if (rjs.size() > MAX_POD_SETS) {
        ctx.report(
            FieldPath.of("spec", "replicatedJobs"),
            Reason.TOO_MANY,
            "Kueue admits at most "
                + MAX_POD_SETS
                + " pod sets per workload; this JobSet has "
                + rjs.size()
                + " replicated Jobs",
            "merge replicated Jobs with identical templates, or split the JobSet");
      }
    }
  }

  /** {@code gang.kueue.topology}. */
  static final class TopologyRule extends GangRule {
    TopologyRule() {
      super(
          rule(
                  "gang.kueue.topology",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "A pod template asks Kueue for at most one kind of topology")
              .description(
                  "Kueue's TAS reads exactly one of kueue.x-k8s.io/podset-required-topology,"
                      + " podset-preferred-topology and podset-unconstrained-topology from a pod"
                      + " template; its webhook refuses more than one.")
              .failingExample(
                  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\n  annotations:\n"
                      + "    kueue.x-k8s.io/podset-required-topology: topology.kubernetes.io/rack\n"
                      + "    kueue.x-k8s.io/podset-preferred-topology: topology.kubernetes.io/zone\n"
                      + "spec:\n  containers: [{name: main, image: trainer}]\n")
              .fixedExample(
                  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w-0\n  annotations:\n"
                      + "    kueue.x-k8s.io/podset-required-topology: topology.kubernetes.io/rack\n"
                      + "spec:\n  containers: [{name: main, image: trainer}]\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      for (MemberTemplate m : MemberTemplate.of(ctx)) {
        List<String> found = new ArrayList<>();
        for (String key :
            List.of(
                GangKeys.KUEUE_REQUIRED_TOPOLOGY,
                GangKeys.KUEUE_PREFERRED_TOPOLOGY,
                GangKeys.KUEUE_UNCONSTRAINED_TOPOLOGY)) {
          if (m.markers().annotations().containsKey(key)) {
            found.add(key);
          }
        }
        if (found.size() > 1) {
          ctx.report(
              m.metadataPath("annotations").key(found.get(1)),
              null,
              "the template asks for " + String.join(" and ", found) + "; Kueue takes exactly one",
              "keep one topology annotation");
        }
      }
    }
  }
}
