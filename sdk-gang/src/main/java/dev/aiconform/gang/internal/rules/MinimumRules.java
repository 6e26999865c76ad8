package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import dev.aiconform.gang.internal.members.BundleGangs;
import dev.aiconform.gang.internal.members.MemberTemplate;
import dev.aiconform.gang.internal.members.PodMarkers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Rules about a gang's minimums: positive, reachable by its members, and adding up per role. */
final class MinimumRules {
  private MinimumRules() {}

  /** The gang a group object defines, and where its overall minimum is. */
  private record GroupMin(BundleGangs.Ref ref, Optional<Long> min, FieldPath path, String what) {}

  private static List<GroupMin> minimums(HasMetadata o) {
    Tree spec = Tree.of(o).get("spec");
    String ns = o.getMetadata() == null ? "" : Objects.toString(o.getMetadata().getNamespace(), "");
    String name = o.getMetadata() == null ? "" : Objects.toString(o.getMetadata().getName(), "");
    if (GangKeys.NATIVE_POD_GROUP.matches(o)) {
      return List.of(
          new GroupMin(
              new BundleGangs.Ref(PodMarkers.System.WORKLOAD, ns, name),
              spec.at("schedulingPolicy", "gang", "minCount").integer(),
              FieldPath.of("spec", "schedulingPolicy", "gang", "minCount"),
              "gang.minCount"));
    }
    if (GangKeys.NATIVE_WORKLOAD.matches(o) && GangKeys.NATIVE_V1ALPHA1.equals(o.getApiVersion())) {
      List<Tree> groups = spec.get("podGroups").list();
      List<GroupMin> out = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        Tree g = groups.get(i);
        if (!g.at("policy", "gang").exists()) {
          continue;
        }
        out.add(
            new GroupMin(
                new BundleGangs.Ref(
                    PodMarkers.System.WORKLOAD,
                    ns,
                    BundleGangs.nativeV1alpha1GroupName(name, g.get("name").string(""))),
                g.at("policy", "gang", "minCount").integer(),
                FieldPath.of("spec", "podGroups").index(i).child("policy", "gang", "minCount"),
                "gang.minCount"));
      }
      return out;
    }
    if (GangKeys.VOLCANO_POD_GROUP.matches(o)) {
      return List.of(
          new GroupMin(
              new BundleGangs.Ref(PodMarkers.System.VOLCANO, ns, name),
              spec.get("minMember").integer(),
              FieldPath.of("spec", "minMember"),
              "minMember"));
    }
    if (GangKeys.COSCHEDULING_POD_GROUP.matches(o)) {
      return List.of(
          new GroupMin(
              new BundleGangs.Ref(PodMarkers.System.COSCHEDULING, ns, name),
              spec.get("minMember").integer(),
              FieldPath.of("spec", "minMember"),
              "minMember"));
    }
    return List.of();
  }

  /** {@code gang.min.members}. */
  static final class MembersRule extends GangRule {
    MembersRule() {
      super(
          rule(
                  "gang.min.members",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "A gang's minimum is at least 1 and no more than the pods that join it",
                  GangKeys.NATIVE_POD_GROUP,
                  GangKeys.NATIVE_WORKLOAD,
                  GangKeys.VOLCANO_POD_GROUP,
                  GangKeys.COSCHEDULING_POD_GROUP)
              .description(
                  "A minimum of 0 makes no gang (Volcano, coscheduling: minMember ≥ 1; the"
                      + " Workload API: minCount ≥ 1). A minimum above the number of pods that"
                      + " name the group (counted in the bundle: replicas × parallelism of each"
                      + " template) can never be met: no member ever starts.")
              .failingExample(
                  "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  minMember: 8\n---\napiVersion: batch/v1\n"
                      + "kind: Job\nmetadata:\n  name: train\nspec:\n  parallelism: 4\n"
                      + "  template:\n    metadata:\n      labels:\n"
                      + "        scheduling.x-k8s.io/pod-group: train\n")
              .fixedExample(
                  "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  minMember: 4\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      BundleGangs gangs = BundleGangs.of(ctx.bundle());
      for (GroupMin gm : minimums(object)) {
        if (gm.min().isEmpty()) {
          continue; // a missing minCount is the API rule's finding
        }
        long min = gm.min().get();
        if (min < 1) {
          boolean volcano = gm.ref().system() == PodMarkers.System.VOLCANO;
          ctx.report(
              volcano && min == 0 ? Severity.WARNING : Severity.ERROR,
              gm.path(),
              null,
              gm.what() + " is " + min + ": " + (min == 0 ? "no gang at all" : "must be ≥ 1"),
              "set " + gm.what() + " to the number of pods that must start together");
          continue;
        }
        int pods = podsJoining(gangs, gm.ref());
        if (pods > 0 && min > pods) {
          ctx.report(
              gm.path(),
              null,
              gm.what()
                  + " is "
                  + min
                  + " but only "
                  + pods
                  + " pods in the bundle join "
                  + gm.ref()
                  + ": the gang can never start",
              "lower " + gm.what() + " to " + pods + ", or add the missing members");
        }
      }
    }
  }

  /** Pods joining a gang; a native PodGroup also counts pods of a 1.35-style reference. */
  static int podsJoining(BundleGangs gangs, BundleGangs.Ref ref) {
    return gangs.podCount(ref);
  }

  /** {@code gang.min.roles}. */
  static final class RolesRule extends GangRule {
    RolesRule() {
      super(
          rule(
                  "gang.min.roles",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "Per-role minimums are reachable and add up to the gang's minimum",
                  GangKeys.NATIVE_POD_GROUP,
                  GangKeys.NATIVE_WORKLOAD,
                  GangKeys.VOLCANO_POD_GROUP,
                  GangKeys.COSCHEDULING_POD_GROUP,
                  GangKeys.VOLCANO_JOB)
              .description(
                  "Volcano's minTaskMember (and AIConform's role-min.gang.aiconform.dev/<role>"
                      + " annotation on other backends' group objects, or a Volcano Job's"
                      + " tasks[].minAvailable) say how many pods of each role must be placed"
                      + " together, so that CPU-only members cannot satisfy a gang while the GPU"
                      + " workers are missing. Each must be ≥ 0 and ≤ the role's pods; their sum"
                      + " should not exceed the overall minimum, or the overall minimum is not"
                      + " the real one.")
              .failingExample(
                  "apiVersion: scheduling.volcano.sh/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  minMember: 4\n  minTaskMember:\n"
                      + "    launcher: 1\n    worker: 4\n")
              .fixedExample(
                  "apiVersion: scheduling.volcano.sh/v1beta1\nkind: PodGroup\nmetadata:\n"
                      + "  name: train\nspec:\n  minMember: 5\n  minTaskMember:\n"
                      + "    launcher: 1\n    worker: 4\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      BundleGangs gangs = BundleGangs.of(ctx.bundle());
      if (GangKeys.VOLCANO_JOB.matches(object)) {
        volcanoJobRoles(object, ctx);
        return;
      }
      for (GroupMin gm : minimums(object)) {
        Map<String, Long> roleMins = new LinkedHashMap<>();
        Map<String, FieldPath> paths = new LinkedHashMap<>();
        if (gm.ref().system() == PodMarkers.System.VOLCANO) {
          Tree.of(object)
              .at("spec", "minTaskMember")
              .map()
              .forEach(
                  (task, v) -> {
                    roleMins.put(task, v.integer(-1));
                    paths.put(task, FieldPath.of("spec", "minTaskMember").key(task));
                  });
        }
        Map<String, String> annotations =
            object.getMetadata() == null || object.getMetadata().getAnnotations() == null
                ? Map.of()
                : object.getMetadata().getAnnotations();
        annotations.forEach(
            (k, v) -> {
              if (k.startsWith(GangKeys.ROLE_MIN_PREFIX)) {
                String role = k.substring(GangKeys.ROLE_MIN_PREFIX.length());
                long parsed;
                try {
                  parsed = Long.parseLong(v.trim());
                } catch (NumberFormatException e) {
                  parsed = -1;
                }
                roleMins.putIfAbsent(role, parsed);
                paths.putIfAbsent(role, FieldPath.of("metadata", "annotations").key(k));
              }
            });
        if (roleMins.isEmpty()) {
          continue;
        }
        Map<String, Integer> rolePods = new LinkedHashMap<>();
        for (MemberTemplate m : gangs.membersOf(gm.ref())) {
          m.effectiveRole().ifPresent(r -> rolePods.merge(r, m.count(), Integer::sum));
        }
        long sum = 0;
        for (Map.Entry<String, Long> e : roleMins.entrySet()) {
          String role = e.getKey();
          long min = e.getValue();
          FieldPath p = paths.get(role);
          if (min < 0) {
            ctx.report(
                p,
                null,
                "the minimum of role '" + role + "' must be a non-negative integer",
                "set it to how many '" + role + "' pods must start together");
            continue;
          }
          sum += min;
          if (!rolePods.isEmpty()) {
            int pods = rolePods.getOrDefault(role, 0);
            if (min > pods) {
              ctx.report(
                  p,
                  null,
                  "role '"
                      + role
                      + "' needs "
                      + min
                      + " pods placed together but only "
                      + pods
                      + " of that role join "
                      + gm.ref()
                      + ": the gang can never start",
                  pods == 0
                      ? "check the role name against the members' "
                          + (gm.ref().system() == PodMarkers.System.VOLCANO
                              ? GangKeys.VOLCANO_TASK_SPEC + " annotation"
                              : "role")
                      : "lower it to " + pods + ", or add members of that role");
            }
          }
        }
        if (gm.min().isPresent() && sum > gm.min().get()) {
          ctx.report(
              Severity.WARNING,
              gm.path(),
              null,
              gm.what()
                  + " is "
                  + gm.min().get()
                  + " but the role minimums add up to "
                  + sum
                  + ": the gang really needs "
                  + sum
                  + " pods",
              "raise " + gm.what() + " to " + sum);
        }
      }
    }

    private void volcanoJobRoles(HasMetadata object, RuleContext ctx) {
      Tree spec = Tree.of(object).get("spec");
      List<Tree> tasks = spec.get("tasks").list();
      long sum = 0;
      for (int i = 0; i < tasks.size(); i++) {
        Tree t = tasks.get(i);
        Optional<Long> min = t.get("minAvailable").integer();
        long replicas = t.get("replicas").integer(0);
        if (min.isEmpty()) {
          continue; // no task minimum: Volcano's webhook does not default one
        }
        sum += min.get();
        if (min.get() > replicas) {
          ctx.report(
              FieldPath.of("spec", "tasks").index(i).child("minAvailable"),
              null,
              "task '"
                  + t.get("name").string("")
                  + "' has minAvailable "
                  + min.get()
                  + " but only "
                  + replicas
                  + " replicas",
              "lower minAvailable to " + replicas + " or raise replicas");
        }
      }
      Optional<Long> jobMin = spec.get("minAvailable").integer();
      if (jobMin.isPresent() && !tasks.isEmpty() && sum > jobMin.get()) {
        ctx.report(
            Severity.WARNING,
            FieldPath.of("spec", "minAvailable"),
            null,
            "minAvailable is "
                + jobMin.get()
                + " but the tasks' minimums add up to "
                + sum
                + ": the gang really needs "
                + sum
                + " pods",
            "raise spec.minAvailable to " + sum);
      }
    }
  }

  /** {@code gang.volcano.job}. */
  static final class VolcanoJobRule extends GangRule {
    // volcano pkg/controllers/job/plugins/factory.go: the registered job plugins
    static final List<String> VOLCANO_PLUGINS =
        List.of("ssh", "env", "svc", "tensorflow", "mpi", "pytorch", "hcclrank", "ray");
    // volcano pkg/controllers/job/plugins/distributed-framework/mpi/mpi.go: DefaultMaster
    static final String MPI_DEFAULT_MASTER = "master";

    VolcanoJobRule() {
      super(
          rule(
                  "gang.volcano.job",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "A Volcano Job passes Volcano's admission webhook",
                  GangKeys.VOLCANO_JOB)
              .description(
                  "Volcano's job webhook refuses a batch.volcano.sh Job without tasks, with"
                      + " duplicated or invalid (DNS-label) task names, with a negative"
                      + " minAvailable, or with minAvailable above the total replicas of its"
                      + " tasks, a plugin it does not know, or an mpi plugin whose master task"
                      + " (--master, 'master' by default) is not among the tasks (volcano"
                      + " pkg/webhooks/admission/jobs/validate).")
              .failingExample(
                  "apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata:\n  name: j\n"
                      + "spec:\n  minAvailable: 5\n  tasks:\n  - name: t\n    replicas: 2\n")
              .fixedExample(
                  "apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata:\n  name: j\n"
                      + "spec:\n  minAvailable: 2\n  tasks:\n  - name: t\n    replicas: 2\n")
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Tree spec = Tree.of(object).get("spec");
      List<Tree> tasks = spec.get("tasks").list();
      if (tasks.isEmpty()) {
        ctx.report(
            FieldPath.of("spec", "tasks"),
            null,
            "no task specified in job spec",
            "add a task per role");
        return;
      }
      Set<String> names = new HashSet<>();
      for (Tree t : tasks) {
        names.add(t.get("name").string(""));
      }
      Set<String> seen = new HashSet<>();
      long total = 0;
      for (int i = 0; i < tasks.size(); i++) {
        Tree t = tasks.get(i);
        String name = t.get("name").string("");
        FieldPath np = FieldPath.of("spec", "tasks").index(i).child("name");
        if (name.isEmpty()) {
          continue; // Volcano's webhook names it default<index>
        }
        if (!seen.add(name)) {
          ctx.report(
              np,
              null,
              "duplicated task name '" + name + "'",
              "give each task its own name: it names the task's pods and its minimum");
        }
        for (String e : NameFormat.DNS1123_LABEL.problems(name)) {
          ctx.report(np, null, "task name '" + name + "': " + e, "use a DNS label");
        }
        long replicas = t.get("replicas").integer(0);
        if (replicas < 0) {
          ctx.report(
              FieldPath.of("spec", "tasks").index(i).child("replicas"),
              null,
              "'replicas' must be ≥ 0, found " + replicas,
              "set replicas");
        }
        total += Math.max(0, replicas);
      }
      plugins(spec.get("plugins").map(), names, ctx);
      Optional<Long> min = spec.get("minAvailable").integer();
      if (min.isPresent() && min.get() < 0) {
        ctx.report(
            FieldPath.of("spec", "minAvailable"),
            null,
            "'minAvailable' must be ≥ 0, found " + min.get(),
            "set minAvailable to the pods that must start together");
      } else if (min.isPresent() && min.get() > total) {
        ctx.report(
            FieldPath.of("spec", "minAvailable"),
            null,
            "'minAvailable' ("
                + min.get()
                + ") should not be greater than total replicas in tasks ("
                + total
                + "): the job can never start",
            "lower minAvailable to at most " + total);
      }
    }

    /** Volcano refuses a plugin it does not know, and an mpi plugin without its master task. */
    private static void plugins(Map<String, Tree> plugins, Set<String> tasks, RuleContext ctx) {
      plugins.forEach(
          (plugin, args) -> {
            FieldPath p = FieldPath.of("spec", "plugins").key(plugin);
            if (!VOLCANO_PLUGINS.contains(plugin)) {
              ctx.report(
                  p,
                  null,
                  "unable to find job plugin: " + plugin,
                  "use one of Volcano's job plugins: " + String.join(", ", VOLCANO_PLUGINS));
            } else if ("mpi".equals(plugin)) {
              String master = mpiMaster(args.list().stream().map(a -> a.string("")).toList());
              if (!tasks.contains(master)) {
                ctx.report(
                    p,
                    null,
                    "the mpi plugin's master task '" + master + "' is not among the tasks",
                    "name the launcher task '"
                        + master
                        + "', or pass --master=<launcher task name> to the mpi plugin");
              }
            }
          });
    }

    /** The --master flag's value as Go's flag package reads it, or the default. */
    private static String mpiMaster(List<String> args) {
      String master = MPI_DEFAULT_MASTER;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).replaceFirst("^--?", "");
        if (a.equals(args.get(i))) {
          break; // the first non-flag argument ends flag parsing
        }
        if (a.startsWith("master=")) {
          master = a.substring("master=".length());
        } else if (a.equals("master") && i + 1 < args.size()) {
          master = args.get(++i);
        }
      }
      return master;
    }
  }
}
