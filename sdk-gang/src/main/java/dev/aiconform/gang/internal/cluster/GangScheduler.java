package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.NodeInfo;
import dev.aiconform.core.cluster.PluginStatus;
import dev.aiconform.core.cluster.SchedulingCycle;
import dev.aiconform.core.cluster.SchedulingPlugin;
import dev.aiconform.gang.internal.Quantities;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * All-or-nothing scheduling of gangs, for every backend (native Workload API, Kueue, Volcano,
 * coscheduling), with the framework's extension points as kube-scheduler's gang plugins use them.
 *
 * <ul>
 *   <li>PreFilter: a member of a gang whose group object is missing, whose Kueue workload is not
 *       admitted or whose minimum of pods does not exist yet stays Pending (the native scheduler's
 *       PreEnqueue). Otherwise the plugin searches ({@link SchedulingCycle#findPlacement}) for
 *       nodes on which enough members to meet every minimum (overall and per role) fit together, in
 *       one topology domain when the gang asks for one, given what is bound and reserved. No
 *       placement: the pod stays Pending with the reason ("gang train: 12 of 16 workers
 *       placeable"). A placement: it becomes the gang's plan.
 *   <li>Filter: a planned member may only go to its planned node, so the members that follow find
 *       room where the search found it.
 *   <li>Permit: a member waits (keeping its reservation) until the bound and waiting members meet
 *       every minimum; then all of them are allowed to bind at once. Members still waiting when the
 *       cluster is otherwise quiet are rejected by the framework, releasing their reservations.
 * </ul>
 *
 * <p>Once a gang's minimums are bound, its further members are scheduled one by one, as
 * kube-scheduler, Volcano and coscheduling do.
 */
final class GangScheduler implements SchedulingPlugin {
  static final String NAME = "GangScheduling";
  private static final String PLANNED_NODE = "gang.aiconform.dev/planned-node";
  private static final String GANG_NAME = "gang.aiconform.dev/gang";

  private final SearchDomain domain;
  private final Map<ClusterGangs.Key, Plan> plans = new HashMap<>();
  private final Map<ClusterGangs.Key, Failure> failures = new HashMap<>();
  private final ClusterGangs.MemberIndex members = new ClusterGangs.MemberIndex();
  private static final String GANG = "gang.aiconform.dev/gang-view";

  /** Where each planned member goes, and which members were already tried under this plan. */
  private record Plan(Map<String, String> nodes, Set<String> attempted) {}

  /** The last failed search of a gang, reused while nothing changed. */
  private record Failure(String fingerprint, String reason) {}

  GangScheduler(SearchDomain domain) {
    this.domain = domain;
  }

  @Override
  public String name() {
    return NAME;
  }

  // ---------------------------------------------------------------- PreFilter

  @Override
  public PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
    if (domain.isSearching()) {
      return PluginStatus.success(); // called inside another plugin's placement search
    }
    Optional<Gang> found = members.gangOf(pod, cycle.state());
    if (found.isEmpty()) {
      return PluginStatus.success();
    }
    Gang gang = found.get();
    cycle.write(GANG_NAME, gang.name());
    cycle.write(GANG, gang);
    if (gang.problem().isPresent()) {
      String why = "gang " + gang.name() + ": " + gang.problem().get();
      return gang.unresolvable() ? PluginStatus.unresolvable(why) : PluginStatus.unschedulable(why);
    }
    Optional<String> missing = missingMembers(gang);
    if (missing.isPresent()) {
      return PluginStatus.unschedulable(missing.get());
    }
    List<Pod> bound = new ArrayList<>();
    for (Pod m : gang.members()) {
      if (Owners.isBound(m)) {
        bound.add(m);
      }
    }
    if (gang.isSatisfiedBy(bound)) {
      plans.remove(gang.key());
      return PluginStatus.success(); // a member beyond the gang's minimum
    }
    String podName = Owners.name(pod);
    Plan plan = plans.get(gang.key());
    if (plan != null && plan.nodes().containsKey(podName)) {
      String node = plan.nodes().get(podName);
      if (plan.attempted().add(podName) && stillFits(cycle, pod, node)) {
        cycle.write(PLANNED_NODE, node);
        return PluginStatus.success();
      }
      plans.remove(gang.key()); // the plan no longer holds: search again
    }
    String fingerprint = fingerprint(cycle, gang);
    Failure last = failures.get(gang.key());
    if (last != null && last.fingerprint().equals(fingerprint)) {
      return PluginStatus.unschedulable(last.reason());
    }
    Outcome outcome = plan(cycle, gang, pod, bound);
    if (outcome.placement() == null) {
      failures.put(gang.key(), new Failure(fingerprint, outcome.reason()));
      return PluginStatus.unschedulable(outcome.reason());
    }
    failures.remove(gang.key());
    Map<String, String> nodes = new LinkedHashMap<>();
    outcome.placement().forEach((p, n) -> nodes.put(Owners.name(p), n));
    Plan fresh = new Plan(nodes, new HashSet<>());
    fresh.attempted().add(podName);
    plans.put(gang.key(), fresh);
    cycle.write(PLANNED_NODE, nodes.get(podName));
    return PluginStatus.success();
  }

  /** The native scheduler holds pods until the gang's minimum (and each role's) exist. */
  private static Optional<String> missingMembers(Gang gang) {
    int exist = gang.members().size();
    int want = Math.max(gang.minCount(), gang.expectedMembers());
    if (exist < want) {
      return Optional.of(
          "gang "
              + gang.name()
              + ": waiting for "
              + (want - exist)
              + " more "
              + plural("pod", want - exist)
              + " to be created ("
              + exist
              + " of "
              + want
              + " exist)");
    }
    Map<String, Integer> sizes = gang.roleSizes();
    for (Map.Entry<String, Integer> e : gang.roleMinimums().entrySet()) {
      int have = sizes.getOrDefault(e.getKey(), 0);
      if (have < e.getValue()) {
        return Optional.of(
            "gang "
                + gang.name()
                + ": waiting for "
                + (e.getValue() - have)
                + " more "
                + plural(e.getKey(), e.getValue() - have)
                + " to be created ("
                + have
                + " of "
                + e.getValue()
                + " exist)");
      }
    }
    return Optional.empty();
  }

  /** A search's answer: a placement, or why there is none. */
  private record Outcome(Map<Pod, String> placement, String reason) {}

  /**
   * Chooses the members to place now (the waiting ones, this pod, and enough pending ones to meet
   * every minimum) and searches for nodes for all of them together.
   */
  private Outcome plan(SchedulingCycle cycle, Gang gang, Pod pod, List<Pod> bound) {
    Map<Pod, String> waitingPods = cycle.waitingPods();
    List<Pod> waiting = new ArrayList<>();
    List<Pod> pending = new ArrayList<>();
    for (Pod m : gang.members()) {
      if (Owners.name(m).equals(Owners.name(pod)) || Owners.isBound(m)) {
        continue;
      }
      if (waitingPods.containsKey(m)) {
        waiting.add(m);
      } else {
        pending.add(m);
      }
    }
    List<Pod> placedNow = new ArrayList<>(bound);
    placedNow.addAll(waiting);
    placedNow.add(pod);
    Map<String, Integer> count = new HashMap<>();
    for (Pod p : placedNow) {
      count.merge(Gang.roleOf(p), 1, Integer::sum);
    }
    List<Pod> extra = new ArrayList<>();
    for (Map.Entry<String, Integer> e : gang.roleMinimums().entrySet()) {
      int deficit = e.getValue() - count.getOrDefault(e.getKey(), 0);
      for (Pod p : pending) {
        if (deficit <= 0) {
          break;
        }
        if (Gang.roleOf(p).equals(e.getKey()) && !extra.contains(p)) {
          extra.add(p);
          deficit--;
        }
      }
    }
    int overall = gang.minCount() - placedNow.size() - extra.size();
    for (Pod p : pending) {
      if (overall <= 0) {
        break;
      }
      if (!extra.contains(p)) {
        extra.add(p);
        overall--;
      }
    }
    // identical pods next to each other: the search treats them as interchangeable
    extra.sort(
        java.util.Comparator.comparing(Gang::roleOf, roleOrder(gang)).thenComparing(Owners::name));
    List<Pod> searched = new ArrayList<>();
    searched.add(pod);
    searched.addAll(extra);
    Optional<Map<Pod, String>> placement = search(cycle, gang, waiting, searched, bound);
    if (placement.isPresent()) {
      return new Outcome(placement.get(), "");
    }
    return new Outcome(null, explain(cycle, gang, waiting, searched, bound));
  }

  private static java.util.Comparator<String> roleOrder(Gang gang) {
    List<String> order = new ArrayList<>(gang.roleSizes().keySet());
    return java.util.Comparator.comparingInt(r -> order.indexOf(r));
  }

  /**
   * Searches for nodes for {@code searched} with the waiting members where they are; within one
   * domain of the gang's topology key when it has one (the domain of its placed members, or each
   * domain in turn).
   */
  private Optional<Map<Pod, String>> search(
      SchedulingCycle cycle, Gang gang, List<Pod> waiting, List<Pod> searched, List<Pod> bound) {
    List<Pod> all = new ArrayList<>(waiting);
    all.addAll(searched);
    if (gang.topologyKey().isEmpty()) {
      return find(cycle, all, null);
    }
    String key = gang.topologyKey().get();
    TreeSet<String> domains = new TreeSet<>();
    Map<Pod, String> waitingPods = cycle.waitingPods();
    List<String> placedNodes = new ArrayList<>();
    for (Pod p : bound) {
      placedNodes.add(p.getSpec().getNodeName());
    }
    for (Pod p : waiting) {
      placedNodes.add(waitingPods.get(p));
    }
    for (String n : placedNodes) {
      cycle.node(n).map(info -> info.labels().get(key)).ifPresent(domains::add);
    }
    if (domains.isEmpty()) {
      for (NodeInfo n : cycle.nodes()) {
        String v = n.labels().get(key);
        if (v != null) {
          domains.add(v);
        }
      }
    }
    for (String value : domains) {
      Optional<Map<Pod, String>> found = find(cycle, all, new SearchDomain.Domain(key, value));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Map<Pod, String>> find(
      SchedulingCycle cycle, List<Pod> pods, SearchDomain.Domain within) {
    domain.begin(within);
    try {
      return cycle.findPlacement(pods, this);
    } catch (IllegalStateException nested) {
      return Optional.empty();
    } finally {
      domain.end();
    }
  }

  /**
   * Why the gang does not fit: role by role, how many of the role's needed pods can be placed
   * together with everything placed before them ("gang train: 12 of 16 workers placeable").
   */
  private String explain(
      SchedulingCycle cycle, Gang gang, List<Pod> waiting, List<Pod> searched, List<Pod> bound) {
    Map<String, List<Pod>> byRole = new LinkedHashMap<>();
    for (Pod p : searched) {
      byRole.computeIfAbsent(Gang.roleOf(p), r -> new ArrayList<>()).add(p);
    }
    Map<String, Integer> alreadyPlaced = new HashMap<>();
    for (Pod p : bound) {
      alreadyPlaced.merge(Gang.roleOf(p), 1, Integer::sum);
    }
    for (Pod p : waiting) {
      alreadyPlaced.merge(Gang.roleOf(p), 1, Integer::sum);
    }
    List<Pod> base = new ArrayList<>();
    for (Map.Entry<String, List<Pod>> e : byRole.entrySet()) {
      List<Pod> role = e.getValue();
      int lo = 0;
      int hi = role.size();
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        List<Pod> trial = new ArrayList<>(base);
        trial.addAll(role.subList(0, mid));
        if (search(cycle, gang, waiting, trial, bound).isPresent()) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      if (lo < role.size()) {
        int placed = alreadyPlaced.getOrDefault(e.getKey(), 0);
        int needed = placed + role.size();
        String what = e.getKey().isEmpty() ? "pod" : e.getKey();
        return "gang "
            + gang.name()
            + ": "
            + (placed + lo)
            + " of "
            + needed
            + " "
            + plural(what, needed)
            + " placeable"
            + (gang.topologyKey().isPresent()
                ? " within one " + gang.topologyKey().get() + " domain"
                : "")
            + " (all-or-nothing: none starts)";
      }
      base.addAll(role);
    }
    return "gang "
        + gang.name()
        + ": no placement for its "
        + gang.minCount()
        + " pods together (all-or-nothing: none starts)";
  }

  static String plural(String noun, int n) {
    if (n == 1 || noun.endsWith("s")) {
      return noun;
    }
    return noun + "s";
  }

  /** Whether the planned node still has room for the pod's resource requests. */
  private static boolean stillFits(SchedulingCycle cycle, Pod pod, String nodeName) {
    Optional<NodeInfo> node = cycle.node(nodeName);
    if (node.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, BigDecimal> r : Quantities.podRequests(pod.getSpec()).entrySet()) {
      BigDecimal free =
          node.get().allocatable(r.getKey()).subtract(node.get().requested(r.getKey()));
      if (r.getValue().compareTo(free) > 0) {
        return false;
      }
    }
    return true;
  }

  /** What a failed search depended on: the clock, the nodes and what they hold. */
  private static String fingerprint(SchedulingCycle cycle, Gang gang) {
    long h = 17;
    for (NodeInfo n : cycle.nodes()) {
      h = 31 * h + n.name().hashCode();
      h = 31 * h + n.pods().size();
      h = 31 * h + n.requested().hashCode();
    }
    h = 31 * h + cycle.waitingPods().size();
    h = 31 * h + gang.members().size();
    return cycle.state().now() + "/" + h;
  }

  // ---------------------------------------------------------------- Filter

  @Override
  public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    Optional<String> planned = cycle.read(PLANNED_NODE, String.class);
    if (planned.isEmpty() || planned.get().equals(node.name())) {
      return PluginStatus.success();
    }
    String gang = cycle.read(GANG_NAME, String.class).orElse("");
    return PluginStatus.unschedulable(
        "gang " + gang + " places this member on node " + planned.get());
  }

  // ---------------------------------------------------------------- Permit

  @Override
  public PluginStatus permit(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    // the gang PreFilter found: nothing else was bound or reserved since, in this pod's cycle
    Optional<Gang> found = cycle.read(GANG, Gang.class);
    if (found.isEmpty()) {
      return PluginStatus.success();
    }
    Gang gang = found.get();
    Map<Pod, String> waitingPods = cycle.waitingPods();
    List<Pod> placed = new ArrayList<>();
    List<Pod> waiting = new ArrayList<>();
    for (Pod m : gang.members()) {
      if (Owners.name(m).equals(Owners.name(pod))) {
        continue;
      }
      if (Owners.isBound(m)) {
        placed.add(m);
      } else if (waitingPods.containsKey(m)) {
        placed.add(m);
        waiting.add(m);
      }
    }
    placed.add(pod);
    if (gang.isSatisfiedBy(placed)) {
      for (Pod w : waiting) {
        cycle.allow(w);
      }
      plans.remove(gang.key());
      return PluginStatus.success();
    }
    return PluginStatus.waiting(
        "gang "
            + gang.name()
            + ": "
            + placed.size()
            + " of "
            + gang.minCount()
            + " members placed; waiting for the rest of the gang"
            + (gang.timeoutSeconds() > 0
                ? " (the "
                    + gang.system().id()
                    + " backend gives up after "
                    + gang.timeoutSeconds()
                    + "s)"
                : ""));
  }

  @Override
  public String toString() {
    return NAME + Objects.toString(plans.keySet());
  }
}
