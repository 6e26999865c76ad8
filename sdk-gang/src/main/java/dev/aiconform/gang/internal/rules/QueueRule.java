package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;

/**
 * {@code gang.queue.exists}: the Kueue LocalQueue (and its ClusterQueue) or Volcano Queue a
 * workload names exists, whenever the bundle defines queues of that kind at all.
 */
final class QueueRule extends GangRule {
  QueueRule() {
    super(
        rule(
                "gang.queue.exists",
                Category.CONFORMANCE,
                Severity.ERROR,
                "The queue a gang names exists when the bundle defines queues")
            .description(
                "Kueue leaves a workload whose kueue.x-k8s.io/queue-name names no LocalQueue in"
                    + " its namespace (or whose LocalQueue names no ClusterQueue) inadmissible,"
                    + " and Volcano's webhook refuses a PodGroup or Job whose queue does not exist"
                    + " (the queue 'default' is created at installation). Checked when the bundle"
                    + " holds queue objects of that kind, since queues are usually set up apart.")
            .failingExample(queuedJob("team-b"))
            .fixedExample(queuedJob("team-a"))
            .build());
  }

  private static String queuedJob(String queue) {
    return "apiVersion: kueue.x-k8s.io/v1beta2\nkind: LocalQueue\nmetadata:\n"
        + "  name: team-a\n  namespace: ml\nspec:\n  clusterQueue: cq\n---\n"
        + "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\n"
        + "  namespace: ml\n  labels:\n    kueue.x-k8s.io/queue-name: "
        + queue
        + "\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
        + "      containers: [{name: main, image: trainer}]\n";
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    ManifestBundle bundle = ctx.bundle();
    String ns =
        object.getMetadata() == null
            ? ""
            : Objects.toString(object.getMetadata().getNamespace(), "");
    Map<String, String> labels =
        object.getMetadata() == null || object.getMetadata().getLabels() == null
            ? Map.of()
            : object.getMetadata().getLabels();
    String queue = labels.get(GangKeys.KUEUE_QUEUE_NAME);
    if (queue != null
        && !GangKeys.KUEUE_LOCAL_QUEUE.matches(object)
        && !bundle.manifestsOf(GangKeys.KUEUE_LOCAL_QUEUE).isEmpty()
        && MemberRules.find(bundle, GangKeys.KUEUE_LOCAL_QUEUE, ns, queue).isEmpty()) {
      ctx.report(
          FieldPath.of("metadata", "labels").key(GangKeys.KUEUE_QUEUE_NAME),
          null,
          "LocalQueue '"
              + queue
              + "' does not exist"
              + (ns.isEmpty() ? "" : " in namespace " + ns)
              + ": Kueue never admits this workload",
          "name one of the bundle's LocalQueues: "
              + bundle.manifestsOf(GangKeys.KUEUE_LOCAL_QUEUE).stream()
                  .map(m -> m.ref().name())
                  .toList());
    }
    if (GangKeys.KUEUE_LOCAL_QUEUE.matches(object)
        && !bundle.manifestsOf(GangKeys.KUEUE_CLUSTER_QUEUE).isEmpty()) {
      String cq = Tree.of(object).at("spec", "clusterQueue").string("");
      if (MemberRules.find(bundle, GangKeys.KUEUE_CLUSTER_QUEUE, "", cq).isEmpty()) {
        ctx.report(
            FieldPath.of("spec", "clusterQueue"),
            null,
            "ClusterQueue '" + cq + "' does not exist: workloads of this LocalQueue stay pending",
            "name one of the bundle's ClusterQueues");
      }
    }
    if ((GangKeys.VOLCANO_POD_GROUP.matches(object) || GangKeys.VOLCANO_JOB.matches(object))
        && !bundle.manifestsOf(GangKeys.VOLCANO_QUEUE).isEmpty()) {
      String q = Tree.of(object).at("spec", "queue").string(GangKeys.VOLCANO_DEFAULT_QUEUE);
      if (!q.equals(GangKeys.VOLCANO_DEFAULT_QUEUE)
          && MemberRules.find(bundle, GangKeys.VOLCANO_QUEUE, "", q).isEmpty()) {
        ctx.report(
            FieldPath.of("spec", "queue"),
            null,
            "Volcano Queue '" + q + "' does not exist: Volcano refuses the object",
            "name one of the bundle's Queues, or 'default'");
      }
    }
  }
}
