package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import dev.aiconform.gang.internal.members.BundleGangs;
import dev.aiconform.gang.internal.members.MemberTemplate;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * {@code gang.lws.leader-ready}: a LeaderWorkerSet with {@code startupPolicy: LeaderReady} creates
 * its workers only once the leader runs, so a gang (native, Volcano, coscheduling) that needs the
 * workers to start the leader never starts.
 */
final class LeaderReadyRule extends GangRule {
  LeaderReadyRule() {
    super(
        rule(
                "gang.lws.leader-ready",
                Category.PRACTICE,
                Severity.WARNING,
                "A gang over a LeaderReady LeaderWorkerSet group waits for workers that never come",
                GangKeys.LEADER_WORKER_SET)
            .description(
                "With startupPolicy LeaderReady the LeaderWorkerSet controller creates a group's"
                    + " workers only once its leader is Ready; a gang scheduler holding the leader"
                    + " until the workers can be placed with it (a PodGroup whose minimum counts"
                    + " the workers) therefore never starts the group. Use LeaderCreated (the"
                    + " default) with gang scheduling.")
            .failingExample(lws("LeaderReady"))
            .fixedExample(lws("LeaderCreated"))
            .build());
  }

  private static String lws(String policy) {
    return "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n"
        + "  name: serve\nspec:\n  startupPolicy: "
        + policy
        + "\n  leaderWorkerTemplate:\n    size: 4\n    workerTemplate:\n      metadata:\n"
        + "        annotations: {scheduling.k8s.io/group-name: serve}\n      spec:\n"
        + "        schedulerName: volcano\n        containers: [{name: vllm, image: vllm}]\n";
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    Tree spec = Tree.of(object).get("spec");
    if (!"LeaderReady".equals(spec.get("startupPolicy").string(""))
        || spec.at("leaderWorkerTemplate", "size").integer(1) <= 1) {
      return;
    }
    for (MemberTemplate m : MemberTemplate.of(ctx)) {
      if (!BundleGangs.refs(m).isEmpty()) {
        ctx.report(
            FieldPath.of("spec", "startupPolicy"),
            null,
            "startupPolicy LeaderReady creates the workers only once the leader runs, but the"
                + " pods join gang "
                + BundleGangs.refs(m).get(0)
                + ", which holds the leader until the workers can be placed too: the group never"
                + " starts",
            "use startupPolicy: LeaderCreated (the default), or leave the workers out of the"
                + " gang's minimum");
        return;
      }
    }
  }
}
