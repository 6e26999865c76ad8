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
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gang.lws.spec}: a LeaderWorkerSet passes the LeaderWorkerSet CRD schema and admission
 * webhook (lws pkg/webhooks/leaderworkerset_webhook.go, api/leaderworkerset/v1), after the
 * webhook's defaulting (size 1, replicas 1, rolling update maxUnavailable 1 and maxSurge 0).
 */
final class LeaderWorkerSetRule extends GangRule {
  // lws api/leaderworkerset/v1/leaderworkerset_types.go: +kubebuilder:validation:Maximum on
  // replicas
  static final long MAX_REPLICAS = 1_000_000;
  // lws pkg/webhooks/leaderworkerset_webhook.go: replicas × size must fit an int32
  static final long MAX_PODS = Integer.MAX_VALUE;
  // lws pkg/webhooks/leaderworkerset_webhook.go: Default() rolling update values
  static final long DEFAULT_MAX_UNAVAILABLE = 1;
  static final long DEFAULT_MAX_SURGE = 0;
  // lws api/leaderworkerset/v1/leaderworkerset_types.go: SubGroupPolicyTypeLeaderExcluded
  static final String LEADER_EXCLUDED = "LeaderExcluded";
  // lws api/leaderworkerset/v1/leaderworkerset_types.go: SubGroupExclusiveKeyAnnotationKey
  static final String SUBGROUP_EXCLUSIVE_TOPOLOGY =
      "leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology";

  private static final Pattern PERCENT = Pattern.compile("^([0-9]+)%$");

  LeaderWorkerSetRule() {
    super(
        rule(
                "gang.lws.spec",
                Category.CONFORMANCE,
                Severity.ERROR,
                "A LeaderWorkerSet passes the LeaderWorkerSet webhook",
                GangKeys.LEADER_WORKER_SET)
            .description(
                "The LeaderWorkerSet webhook refuses a name that is no DNS-1035 label (it names"
                    + " the headless Service: no dot, no leading digit), replicas outside"
                    + " 0..1000000, size < 1, replicas × size above 2^31-1, a negative or above"
                    + " 100 % maxUnavailable/maxSurge, both 0, a negative partition, a"
                    + " subGroupSize < 1, larger than size, or dividing neither size nor size-1"
                    + " (size-1 with LeaderExcluded), and the subgroup-exclusive-topology"
                    + " annotation without a subGroupPolicy; its CRD requires"
                    + " leaderWorkerTemplate.workerTemplate (lws"
                    + " pkg/webhooks/leaderworkerset_webhook.go).")
            .failingExample(lws("llama-3.1-70b", 8, 3))
            .fixedExample(lws("llama-31-70b", 8, 4))
            .build());
  }

  private static String lws(String name, int size, int subGroupSize) {
    return "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n  name: "
        + name
        + "\nspec:\n  replicas: 2\n  leaderWorkerTemplate:\n    size: "
        + size
        + "\n    subGroupPolicy:\n      subGroupSize: "
        + subGroupSize
        + "\n    workerTemplate:\n      spec:\n        containers: [{name: vllm, image: vllm}]\n";
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    String name =
        object.getMetadata() == null ? "" : Objects.toString(object.getMetadata().getName(), "");
    if (!name.isEmpty()) {
      for (String e : NameFormat.DNS1035_LABEL.problems(name)) {
        ctx.report(
            FieldPath.of("metadata", "name"),
            Reason.INVALID,
            "'" + name + "' " + e + ": the name also names the group's headless Service",
            "name the LeaderWorkerSet with lower-case letters, digits and '-', starting with a"
                + " letter");
      }
    }
    Tree spec = Tree.of(object).get("spec");
    FieldPath sp = FieldPath.of("spec");
    long replicas = spec.get("replicas").integer(1);
    if (replicas < 0 || replicas > MAX_REPLICAS) {
      ctx.report(
          sp.child("replicas"),
          Reason.INVALID,
          "replicas must be between 0 and " + MAX_REPLICAS + ", found " + replicas,
          "set replicas to the number of leader-worker groups");
    }
    Tree template = spec.get("leaderWorkerTemplate");
    FieldPath tp = sp.child("leaderWorkerTemplate");
    if (!WorkloadV1alpha2Rules.present(template.get("workerTemplate"))) {
      ctx.report(
          tp.child("workerTemplate"),
          Reason.REQUIRED,
          "a LeaderWorkerSet needs the pod template of its workers",
          "add leaderWorkerTemplate.workerTemplate (the leader uses it too unless"
              + " leaderTemplate is set)");
    }
    long size = template.get("size").integer(1);
    if (size < 1) {
      ctx.report(
          tp.child("size"),
          Reason.INVALID,
          "size must be equal or greater than 1, found " + size + " (the leader counts as 1)",
          "set size to the pods of one group: the leader plus its workers");
    } else if (replicas > 0 && replicas * size > MAX_PODS) {
      ctx.report(
          sp.child("replicas"),
          Reason.INVALID,
          "the product of replicas and size must not exceed "
              + MAX_PODS
              + ", found "
              + replicas * size,
          "lower replicas or size");
    }
    rollout(spec, sp, Math.max(0, replicas), ctx);
    Tree policy = template.get("subGroupPolicy");
    if (WorkloadV1alpha2Rules.present(policy)) {
      if (size >= 1) {
        subGroups(policy, tp.child("subGroupPolicy"), size, ctx);
      }
    } else {
      Map<String, String> annotations =
          object.getMetadata() == null || object.getMetadata().getAnnotations() == null
              ? Map.of()
              : object.getMetadata().getAnnotations();
      if (annotations.containsKey(SUBGROUP_EXCLUSIVE_TOPOLOGY)) {
        ctx.report(
            FieldPath.of("metadata", "annotations").key(SUBGROUP_EXCLUSIVE_TOPOLOGY),
            Reason.INVALID,
            "cannot have subgroup-exclusive-topology without subGroupSize set",
            "add leaderWorkerTemplate.subGroupPolicy.subGroupSize, or use"
                + " leaderworkerset.sigs.k8s.io/exclusive-topology for whole groups");
      }
    }
  }

  private static void rollout(Tree spec, FieldPath sp, long replicas, RuleContext ctx) {
    Tree strategy = spec.get("rolloutStrategy");
    Tree config = strategy.get("rollingUpdateConfiguration");
    String type = strategy.get("type").string("RollingUpdate");
    if (!"RollingUpdate".equals(type) || !WorkloadV1alpha2Rules.present(config)) {
      return; // the webhook fills in 1 and 0, which pass
    }
    FieldPath cp = sp.child("rolloutStrategy", "rollingUpdateConfiguration");
    OptionalLong unavailable =
        scaled(
            config.get("maxUnavailable"),
            DEFAULT_MAX_UNAVAILABLE,
            replicas,
            false,
            cp.child("maxUnavailable"),
            ctx);
    OptionalLong surge =
        scaled(
            config.get("maxSurge"), DEFAULT_MAX_SURGE, replicas, true, cp.child("maxSurge"), ctx);
    long partition = config.get("partition").integer(0);
    if (partition < 0) {
      ctx.report(
          cp.child("partition"),
          Reason.INVALID,
          "must be greater than or equal to 0, found " + partition,
          "set partition to the first group ordinal to update, or 0");
    }
    if (unavailable.isPresent()
        && surge.isPresent()
        && unavailable.getAsLong() == 0
        && surge.getAsLong() == 0
        && replicas != 0) {
      ctx.report(
          cp.child("maxUnavailable"),
          Reason.INVALID,
          "must not be 0 when `maxSurge` is 0: the rollout could never make progress",
          "allow maxUnavailable: 1 or maxSurge: 1");
    }
  }

  /**
   * An int-or-percent's value scaled to the replicas (percentages rounded down for maxUnavailable,
   * up for maxSurge), after reporting what the webhook refuses; empty when invalid.
   */
  private static OptionalLong scaled(
      Tree value, long orElse, long replicas, boolean roundUp, FieldPath p, RuleContext ctx) {
    Object raw = value.raw();
    if (raw == null) {
      return OptionalLong.of(orElse);
    }
    if (raw instanceof Number) {
      long n = ((Number) raw).longValue();
      if (n < 0) {
        ctx.report(
            p, Reason.INVALID, "must be greater than or equal to 0, found " + n, "use 0 or more");
        return OptionalLong.empty();
      }
      return OptionalLong.of(n);
    }
    Matcher m = PERCENT.matcher(raw.toString());
    if (!m.matches()) {
      ctx.report(
          p,
          Reason.INVALID,
          "must be an integer or percentage (e.g '5%'), found '" + raw + "'",
          "write a number without quotes, or a percentage such as 25%");
      return OptionalLong.empty();
    }
    long percent = Long.parseLong(m.group(1));
    if (percent > 100) {
      ctx.report(
          p,
          Reason.INVALID,
          "must not be greater than 100%, found " + raw,
          "use a percentage of at most 100%");
      return OptionalLong.empty();
    }
    long scaled = percent * replicas;
    return OptionalLong.of(roundUp ? (scaled + 99) / 100 : scaled / 100);
  }

  // The webhook names the field spec.leaderWorkerTemplate.SubGroupPolicy.subGroupSize; we report
  // the path as written in the manifest so that it can be found.
  private static void subGroups(Tree policy, FieldPath pp, long size, RuleContext ctx) {
    FieldPath gp = pp.child("subGroupSize");
    if (!WorkloadV1alpha2Rules.present(policy.get("subGroupSize"))) {
      ctx.report(
          gp,
          Reason.REQUIRED,
          "a subGroupPolicy needs its subGroupSize",
          "set subGroupSize to the pods per subgroup (e.g. the hosts of one TPU slice)");
      return;
    }
    long sub = policy.get("subGroupSize").integer(0);
    if (sub < 1) {
      ctx.report(
          gp,
          Reason.INVALID,
          "subGroupSize must be equal or greater than 1, found " + sub,
          "set subGroupSize to the pods per subgroup");
      return;
    }
    if (size % sub != 0 && (size - 1) % sub != 0) {
      ctx.report(
          gp,
          Reason.INVALID,
          "size or size - 1 must be divisible by subGroupSize: size "
              + size
              + ", subGroupSize "
              + sub,
          "choose a subGroupSize that divides " + size + " or " + (size - 1));
    }
    if (size < sub) {
      ctx.report(
          gp,
          Reason.INVALID,
          "subGroupSize cannot be larger than size (" + size + "), found " + sub,
          "lower subGroupSize to at most " + size);
    }
    if (LEADER_EXCLUDED.equals(policy.get("subGroupPolicyType").string(""))
        && (size - 1) % sub != 0) {
      ctx.report(
          gp,
          Reason.INVALID,
          "size-1 must be divisible by subGroupSize when using LeaderExcluded: size - 1 = "
              + (size - 1)
              + ", subGroupSize "
              + sub,
          "choose a subGroupSize that divides " + (size - 1) + ", or use LeaderWorker");
    }
  }
}
