package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gang.kueue.cluster-queue}: a ClusterQueue's resource groups pass Kueue's CRD schema (item
 * limits, CEL rules) and then its webhook (quotas line up with coveredResources, each resource and
 * flavor in one group, limits only in a cohort). Schema errors stop the request before the webhook
 * runs, so only they are reported when there are any.
 */
final class ClusterQueueRule extends GangRule {
  // kueue apis/kueue/v1beta2/clusterqueue_types.go: +kubebuilder:validation:MaxItems=16
  static final int MAX_RESOURCE_GROUPS = 16;
  // kueue apis/kueue/v1beta2/clusterqueue_types.go: MaxItems=64 on coveredResources, flavors and
  // a flavor's resources
  static final int MAX_ITEMS = 64;

  ClusterQueueRule() {
    super(
        rule(
                "gang.kueue.cluster-queue",
                Category.CONFORMANCE,
                Severity.ERROR,
                "A ClusterQueue's quotas line up with its covered resources",
                GangKeys.KUEUE_CLUSTER_QUEUE)
            .description(
                "Kueue's CRD schema allows at most 16 resource groups, 1 to 64 covered resources,"
                    + " flavors and resources per flavor, requires every flavor to list as many"
                    + " resources as coveredResources and borrowingLimit only with a cohort;"
                    + " its webhook then requires the k-th resource of a flavor to be the k-th"
                    + " covered resource, each resource and flavor in one group only,"
                    + " non-negative quotas, lendingLimit only with a cohort and ≤ nominalQuota"
                    + " (kueue apis/kueue/v1beta2/clusterqueue_types.go,"
                    + " pkg/webhooks/clusterqueue_webhook.go).")
            .failingExample(clusterQueue("nvidia.com/gpu", "cpu"))
            .fixedExample(clusterQueue("cpu", "nvidia.com/gpu"))
            .build());
  }

  private static String clusterQueue(String first, String second) {
    return "apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata:\n  name: gpu\n"
        + "spec:\n  resourceGroups:\n  - coveredResources: [cpu, nvidia.com/gpu]\n"
        + "    flavors:\n    - name: h100\n      resources:\n      - {name: "
        + first
        + ", nominalQuota: 8}\n      - {name: "
        + second
        + ", nominalQuota: 8}\n";
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    Tree spec = Tree.of(object).get("spec");
    List<Tree> groups = spec.get("resourceGroups").list();
    FieldPath gp = FieldPath.of("spec", "resourceGroups");
    // v1beta1 calls the field cohort, v1beta2 cohortName
    boolean inCohort =
        !spec.get("cohortName").string("").isEmpty() || !spec.get("cohort").string("").isEmpty();
    if (schemaErrors(groups, gp, inCohort, ctx)) {
      return;
    }
    Set<String> resources = new HashSet<>();
    Set<String> flavorNames = new HashSet<>();
    for (int i = 0; i < groups.size(); i++) {
      FieldPath p = gp.index(i);
      List<String> covered =
          groups.get(i).get("coveredResources").list().stream().map(t -> t.string("")).toList();
      for (int j = 0; j < covered.size(); j++) {
        if (!resources.add(covered.get(j))) {
          ctx.report(
              p.child("coveredResources").index(j),
              Reason.DUPLICATE,
              "resource '" + covered.get(j) + "' is covered by an earlier resource group",
              "cover each resource in one resource group only");
        }
      }
      List<Tree> flavors = groups.get(i).get("flavors").list();
      for (int j = 0; j < flavors.size(); j++) {
        FieldPath fp = p.child("flavors").index(j);
        String name = flavors.get(j).get("name").string("");
        if (!flavorNames.add(name)) {
          ctx.report(
              fp.child("name"),
              Reason.DUPLICATE,
              "flavor '" + name + "' already has quotas in this ClusterQueue",
              "list each ResourceFlavor once: put its resources in one resource group");
        }
        quotas(flavors.get(j).get("resources").list(), covered, fp, inCohort, ctx);
      }
    }
  }

  /** Reports what the CRD schema refuses; true when there was anything. */
  private static boolean schemaErrors(
      List<Tree> groups, FieldPath gp, boolean inCohort, RuleContext ctx) {
    boolean found = false;
    if (groups.size() > MAX_RESOURCE_GROUPS) {
      ctx.report(
          gp,
          Reason.TOO_MANY,
          "must have at most " + MAX_RESOURCE_GROUPS + " items, found " + groups.size(),
          "merge resource groups");
      found = true;
    }
    boolean borrowing = false;
    for (int i = 0; i < groups.size(); i++) {
      Tree g = groups.get(i);
      FieldPath p = gp.index(i);
      found |= itemCount(g.get("coveredResources").list(), p.child("coveredResources"), ctx);
      List<Tree> flavors = g.get("flavors").list();
      found |= itemCount(flavors, p.child("flavors"), ctx);
      int covered = g.get("coveredResources").list().size();
      boolean sizesDiffer = false;
      for (int j = 0; j < flavors.size(); j++) {
        List<Tree> rs = flavors.get(j).get("resources").list();
        found |= itemCount(rs, p.child("flavors").index(j).child("resources"), ctx);
        sizesDiffer |= rs.size() != covered;
        borrowing |=
            rs.stream().anyMatch(r -> WorkloadV1alpha2Rules.present(r.get("borrowingLimit")));
      }
      if (sizesDiffer) {
        ctx.report(
            p,
            Reason.INVALID,
            "flavors must have the same number of resources as the coveredResources ("
                + covered
                + ")",
            "give every flavor one quota per covered resource, in the same order");
        found = true;
      }
    }
    if (borrowing && !inCohort) {
      ctx.report(
          FieldPath.of("spec"),
          Reason.INVALID,
          "borrowingLimit must be nil when cohort is empty: there is no one to borrow from",
          "set cohortName, or remove borrowingLimit");
      found = true;
    }
    return found;
  }

  private static boolean itemCount(List<Tree> items, FieldPath p, RuleContext ctx) {
    if (items.isEmpty()) {
      ctx.report(p, Reason.INVALID, "should have at least 1 items, found none", "add one");
      return true;
    }
    if (items.size() > MAX_ITEMS) {
      ctx.report(
          p,
          Reason.TOO_MANY,
          "must have at most " + MAX_ITEMS + " items, found " + items.size(),
          "split the resource group");
      return true;
    }
    return false;
  }

  private static void quotas(
      List<Tree> rs, List<String> covered, FieldPath fp, boolean inCohort, RuleContext ctx) {
    for (int k = 0; k < rs.size() && k < covered.size(); k++) {
      Tree r = rs.get(k);
      FieldPath rp = fp.child("resources").index(k);
      String name = r.get("name").string("");
      if (!name.equals(covered.get(k))) {
        ctx.report(
            rp.child("name"),
            Reason.INVALID,
            "must match the name in coveredResources: expected '"
                + covered.get(k)
                + "' at this position, found '"
                + name
                + "'",
            "list a flavor's quotas in the order of coveredResources");
      }
      Optional<BigDecimal> nominal = amount(r.get("nominalQuota"));
      nonNegative(nominal, rp.child("nominalQuota"), ctx);
      Optional<BigDecimal> borrowing = amount(r.get("borrowingLimit"));
      nonNegative(borrowing, rp.child("borrowingLimit"), ctx);
      if (WorkloadV1alpha2Rules.present(r.get("lendingLimit"))) {
        FieldPath lp = rp.child("lendingLimit");
        Optional<BigDecimal> lending = amount(r.get("lendingLimit"));
        nonNegative(lending, lp, ctx);
        if (!inCohort) {
          ctx.report(
              lp,
              Reason.INVALID,
              "must be nil when cohort is empty: there is no one to lend to",
              "set cohortName, or remove lendingLimit");
        }
        if (lending.isPresent() && lending.get().compareTo(nominal.orElse(BigDecimal.ZERO)) > 0) {
          ctx.report(
              lp,
              Reason.INVALID,
              "must be less than or equal to the nominalQuota ("
                  + r.get("nominalQuota").raw()
                  + "), found "
                  + r.get("lendingLimit").raw(),
              "lend at most the nominal quota");
        }
      }
    }
  }

  private static void nonNegative(Optional<BigDecimal> v, FieldPath p, RuleContext ctx) {
    if (v.isPresent() && v.get().signum() < 0) {
      ctx.report(
          p,
          Reason.INVALID,
          "must be greater than or equal to 0, found " + v.get().toPlainString(),
          "use a quantity of 0 or more");
    }
  }

  /** A quantity's amount; empty when absent or unreadable (another finding's business). */
  private static Optional<BigDecimal> amount(Tree t) {
    if (!WorkloadV1alpha2Rules.present(t)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.getAmountInBytes(new Quantity(t.raw().toString())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
