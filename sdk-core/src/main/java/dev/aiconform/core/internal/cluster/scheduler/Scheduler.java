package dev.aiconform.core.internal.cluster.scheduler;

import dev.aiconform.core.cluster.NodeInfo;
import dev.aiconform.core.cluster.PluginStatus;
import dev.aiconform.core.cluster.PodLifecycle;
import dev.aiconform.core.cluster.SchedulingPlugin;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.internal.Timestamps;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling framework of the in-memory cluster, modelled on kube-scheduler's.
 *
 * <p>Each {@link #round()} takes the pending pods that may have become schedulable since their last
 * attempt, highest priority first and then in creation order, and runs each through PreFilter,
 * Filter on every node in name order, Score (highest total wins, ties to the first node by name),
 * Reserve, Permit and Bind. A pod that fails stays Pending with a PodScheduled=False condition in
 * kube-scheduler's words and is tried again only when the cluster changed in a way that may help:
 * an object was created, changed or deleted (the scheduler's own pending-status writes aside), or,
 * for a pod rejected by Filter or Reserve, when a reservation was released. A pod rejected at
 * Permit waits for a change to the objects, so gangs do not take turns holding capacity forever.
 *
 * <p>Pods waiting at Permit keep their reservation until a plugin allows or rejects them; the
 * cluster rejects those still waiting once everything else is quiet ({@link
 * #rejectWaitingAtQuiescence()}). Everything runs on the caller's thread, deterministically.
 */
public final class Scheduler {
  /**
   * How many node evaluations (Filter of every plugin on one node for one pod) one {@link
   * #findPlacement} may spend before it gives up and answers "no placement".
   */
  public static final int DEFAULT_SEARCH_BUDGET = 200_000;

  /** Labels and annotations that differ between otherwise identical replicas. */
  private static final Set<String> PER_REPLICA_KEYS =
      Set.of(
          "batch.kubernetes.io/job-completion-index",
          "statefulset.kubernetes.io/pod-name",
          "apps.kubernetes.io/pod-index",
          "leaderworkerset.sigs.k8s.io/worker-index");

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private final SchedulerHost host;
  private final List<SchedulingPlugin> plugins;
  private final int searchBudget;

  private List<NodeState> nodes = List.of();
  private Map<String, NodeState> nodesByName = Map.of();
  private final Map<PodKey, NodeState> placed = new HashMap<>();

  private final PodNodeMap waiting = new PodNodeMap();
  private final Map<PodKey, Waiting> waitingDetails = new HashMap<>();
  private final List<PodKey> allowed = new ArrayList<>();
  private final Map<String, Attempt> attempts = new HashMap<>();
  private final Map<String, PodRequests> requestCache = new HashMap<>();
  private long releaseEpoch;
  private long progress;
  private boolean searching;

  /** Why and where a pod waits at Permit (the node as of the round it reserved in). */
  private record Waiting(Cycle cycle, NodeState reservedOn, String reason) {}

  /** When a pod last failed, so it is tried again only after a change that may help. */
  private record Attempt(long storeEpoch, long releaseEpoch, boolean parked) {}

  public Scheduler(SchedulerHost host, List<SchedulingPlugin> plugins, int searchBudget) {
    this.host = host;
    this.plugins = List.copyOf(plugins);
    this.searchBudget = searchBudget;
  }

  SchedulerHost host() {
    return host;
  }

  public List<SchedulingPlugin> plugins() {
    return plugins;
  }

  /** Grows with every binding, reservation held or released, and pending-status change. */
  public long progress() {
    return progress;
  }

  public boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  // ---------------------------------------------------------------- a round

  /** Schedules every pending pod that may have become schedulable; true if anything changed. */
  public boolean round() {
    long before = progress;
    rebuildNodes();
    List<Pod> queue =
        host.pods().stream()
            .filter(this::shouldAttempt)
            .sorted(
                Comparator.comparingInt(Scheduler::priority)
                    .reversed()
                    .thenComparingLong(host::creationOrder))
            .collect(Collectors.toList());
    for (Pod pod : queue) {
      if (!host.isStored(pod) || PodLifecycle.isBound(pod) || waiting.containsKey(pod)) {
        continue;
      }
      scheduleOne(pod);
      bindAllowed();
    }
    return progress != before;
  }

  private boolean shouldAttempt(Pod pod) {
    if (PodLifecycle.isBound(pod) || waiting.containsKey(pod) || isTerminal(pod)) {
      return false;
    }
    Attempt a = attempts.get(uid(pod));
    if (a == null || host.storeEpoch() > a.storeEpoch()) {
      return true;
    }
    return !a.parked() && releaseEpoch > a.releaseEpoch();
  }

  private static boolean isTerminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static int priority(Pod pod) {
    Integer p = pod.getSpec() == null ? null : pod.getSpec().getPriority();
    return p == null ? 0 : p;
  }

  private void rebuildNodes() {
    List<NodeState> list = new ArrayList<>();
    for (Node n : host.nodes()) {
      list.add(new NodeState(n));
    }
    list.sort(Comparator.comparing(NodeState::name));
    Map<String, NodeState> byName = new HashMap<>();
    for (NodeState n : list) {
      byName.put(n.name(), n);
    }
    nodes = Collections.unmodifiableList(list);
    nodesByName = byName;
    placed.clear();
    for (Pod pod : host.pods()) {
      if (PodLifecycle.isBound(pod) && !isTerminal(pod)) {
        NodeState node = byName.get(pod.getSpec().getNodeName());
        if (node != null) {
          assume(pod, node);
        }
      }
    }
    List<PodKey> lost = new ArrayList<>();
    for (Map.Entry<Pod, String> e : waiting.entrySet()) {
      NodeState node = byName.get(e.getValue());
      if (node == null) {
        lost.add(PodKey.of(e.getKey()));
      } else {
        assume(e.getKey(), node);
      }
    }
    for (PodKey key : lost) {
      Pod pod = waiting.pod(key);
      Waiting w = waitingDetails.get(key);
      dropWaiting(key);
      unreserveAll(w.cycle(), pod, w.reservedOn(), null);
      releaseEpoch++;
      fail(pod, "Unschedulable", FitError.message(1, List.of(unschedulable("node was deleted"))));
    }
  }

  private void scheduleOne(Pod pod) {
    Cycle cycle = new Cycle(this, pod);
    if (pod.getSpec().getSchedulingGates() != null
        && !pod.getSpec().getSchedulingGates().isEmpty()) {
      // kube-scheduler's SchedulingGates plugin: the pod does not enter the active queue.
      fail(pod, "SchedulingGated", "Scheduling is blocked due to non-empty scheduling gates");
      return;
    }
    if (nodes.isEmpty()) {
      fail(pod, "Unschedulable", FitError.NO_NODES);
      return;
    }
    for (SchedulingPlugin p : plugins) {
      PluginStatus s = call(p, "PreFilter", () -> p.preFilter(cycle, pod));
      if (s.code() == PluginStatus.Code.ERROR) {
        fail(pod, "SchedulerError", s.reason());
        return;
      }
      if (!s.isSuccess()) {
        fail(pod, "Unschedulable", FitError.preFilter(nodes.size(), s.reason()));
        return;
      }
    }
    List<NodeState> feasible = new ArrayList<>();
    List<PluginStatus> failures = new ArrayList<>();
    for (NodeState node : nodes) {
      PluginStatus s = runFilters(cycle, pod, node, null);
      if (s.code() == PluginStatus.Code.ERROR) {
        fail(pod, "SchedulerError", s.reason());
        return;
      }
      if (s.isSuccess()) {
        feasible.add(node);
      } else {
        failures.add(s);
      }
    }
    if (feasible.isEmpty()) {
      fail(pod, "Unschedulable", FitError.message(nodes.size(), failures));
      return;
    }
    NodeState best = pickNode(cycle, pod, feasible);
    assume(pod, best);
    PluginStatus reserved = reserveAll(cycle, pod, best, null);
    if (!reserved.isSuccess()) {
      unreserveAll(cycle, pod, best, null);
      forget(pod, best);
      failAfterSelection(pod, reserved, false);
      return;
    }
    PluginStatus waitStatus = null;
    for (SchedulingPlugin p : plugins) {
      PluginStatus s = call(p, "Permit", () -> p.permit(cycle, pod, best));
      if (s.isSuccess()) {
        continue;
      }
      if (s.code() == PluginStatus.Code.WAIT) {
        waitStatus = waitStatus == null ? s : waitStatus;
        continue;
      }
      unreserveAll(cycle, pod, best, null);
      forget(pod, best);
      allowed.remove(PodKey.of(pod));
      failAfterSelection(pod, s, true);
      return;
    }
    if (waitStatus != null) {
      waiting.put(pod, best.name());
      waitingDetails.put(PodKey.of(pod), new Waiting(cycle, best, waitStatus.reason()));
      progress++;
      return;
    }
    bind(cycle, pod, best);
  }

  private NodeState pickNode(Cycle cycle, Pod pod, List<NodeState> feasible) {
    if (feasible.size() == 1) {
      return feasible.get(0);
    }
    NodeState best = null;
    long bestScore = Long.MIN_VALUE;
    for (NodeState node : feasible) {
      long score = 0;
      for (SchedulingPlugin p : plugins) {
        score += scoreOf(p, cycle, pod, node);
      }
      if (score > bestScore) {
        best = node;
        bestScore = score;
      }
    }
    return best;
  }

  private long scoreOf(SchedulingPlugin p, Cycle cycle, Pod pod, NodeState node) {
    try {
      return p.score(cycle, pod, node);
    } catch (RuntimeException e) {
      host.reportError("scheduling plugin " + p.name() + " failed at Score", e);
      return 0;
    }
  }

  /** Reserve or Permit rejected the chosen node: "0/1 nodes are available: 1 reason." */
  private void failAfterSelection(Pod pod, PluginStatus s, boolean parked) {
    if (s.code() == PluginStatus.Code.ERROR) {
      fail(pod, "SchedulerError", s.reason());
    } else {
      fail(pod, "Unschedulable", FitError.message(1, List.of(s)), parked);
    }
  }

  private boolean bind(Cycle cycle, Pod pod, NodeState node) {
    for (SchedulingPlugin p : plugins) {
      PluginStatus s =
          call(
              p,
              "Bind",
              () -> {
                p.bind(cycle, pod, node);
                return PluginStatus.success();
              });
      if (!s.isSuccess()) {
        unreserveAll(cycle, pod, node, null);
        forget(pod, node);
        releaseEpoch++;
        fail(pod, "SchedulerError", s.reason());
        return false;
      }
    }
    markBound(pod, node.node());
    attempts.remove(uid(pod));
    host.recordBinding(pod);
    progress++;
    return true;
  }

  private void bindAllowed() {
    while (!allowed.isEmpty()) {
      PodKey key = allowed.remove(0);
      Pod pod = waiting.pod(key);
      if (pod == null) {
        continue;
      }
      Waiting w = waitingDetails.get(key);
      dropWaiting(key);
      bind(w.cycle(), pod, current(w));
    }
  }

  // ---------------------------------------------------------------- waiting pods

  Map<Pod, String> waitingPods() {
    return Collections.unmodifiableMap(waiting);
  }

  void allow(Pod pod) {
    PodKey key = PodKey.of(pod);
    if (waiting.containsKey(key) && !allowed.contains(key)) {
      allowed.add(key);
    }
  }

  /**
   * Lets go of a pod waiting at Permit: its reservation is undone at every plugin and its place on
   * the node freed. Returns the pod as it waited.
   */
  private Pod release(PodKey key, Waiting w) {
    Pod stored = waiting.pod(key);
    NodeState node = current(w);
    dropWaiting(key);
    allowed.remove(key);
    unreserveAll(w.cycle(), stored, node, null);
    forget(stored, node);
    releaseEpoch++;
    progress++;
    return stored;
  }

  void rejectWaiting(Pod pod, String reason) {
    PodKey key = PodKey.of(pod);
    Waiting w = waitingDetails.get(key);
    if (w == null) {
      return;
    }
    Pod stored = release(key, w);
    fail(stored, "Unschedulable", FitError.message(1, List.of(unschedulable(reason))), true);
  }

  /**
   * Rejects every pod still waiting at Permit, with the reason its plugin gave when it asked to
   * wait, and releases their reservations. The cluster calls this once nothing else changes.
   */
  public void rejectWaitingAtQuiescence() {
    List<PodKey> keys = waiting.keySet().stream().map(PodKey::of).collect(Collectors.toList());
    Map<Pod, String> reasons = new LinkedHashMap<>();
    for (PodKey key : keys) {
      Pod pod = waiting.pod(key);
      Waiting w = waitingDetails.get(key);
      NodeState node = current(w);
      dropWaiting(key);
      unreserveAll(w.cycle(), pod, node, null);
      forget(pod, node);
      reasons.put(pod, w.reason());
    }
    allowed.clear();
    releaseEpoch++;
    progress++;
    reasons.forEach(
        (pod, reason) ->
            fail(
                pod,
                "Unschedulable",
                FitError.message(1, List.of(unschedulable(reason.isEmpty() ? "waiting" : reason))),
                true));
  }

  /** The node a waiting pod reserved, as this round sees it. */
  private NodeState current(Waiting w) {
    return nodesByName.getOrDefault(w.reservedOn().name(), w.reservedOn());
  }

  private void dropWaiting(PodKey key) {
    waiting.remove(key);
    waitingDetails.remove(key);
  }

  /** The cluster deleted {@code pod}: release what it held and forget it. */
  public void podDeleted(Pod pod) {
    PodKey key = PodKey.of(pod);
    Waiting w = waitingDetails.get(key);
    if (w != null) {
      release(key, w);
    }
    String uid = uid(pod);
    attempts.remove(uid);
    requestCache.remove(uid);
  }

  // ---------------------------------------------------------------- placement search

  List<NodeInfo> nodeInfos() {
    return Collections.unmodifiableList(nodes);
  }

  NodeInfo node(String name) {
    return nodesByName.get(name);
  }

  Optional<Map<Pod, String>> findPlacement(List<Pod> pods, SchedulingPlugin caller) {
    if (searching) {
      throw new IllegalStateException(
          "findPlacement was called while a placement search is running (from a plugin's"
              + " PreFilter, Filter or Reserve inside findPlacement); call it from PreFilter or"
              + " Permit of the pod being scheduled");
    }
    searching = true;
    try {
      return new Search(pods, caller).run();
    } finally {
      searching = false;
    }
  }

  /** A depth-first search over pods in order and nodes in name order. */
  private final class Search {
    private final List<Pod> pods;
    private final SchedulingPlugin caller;
    private final String[] fixed;
    private final boolean[] interchangeable;
    private final int[] chosen;
    private final String[] result;
    private int budget = searchBudget;
    private boolean exhausted;

    Search(List<Pod> pods, SchedulingPlugin caller) {
      this.pods = List.copyOf(pods);
      this.caller = caller;
      int n = pods.size();
      fixed = new String[n];
      interchangeable = new boolean[n];
      chosen = new int[n];
      result = new String[n];
      String previous = null;
      for (int i = 0; i < n; i++) {
        NodeState at = placed.get(PodKey.of(this.pods.get(i)));
        fixed[i] = at == null ? null : at.name();
        String signature = fixed[i] == null ? signature(this.pods.get(i)) : null;
        interchangeable[i] = signature != null && signature.equals(previous);
        previous = signature;
      }
    }

    Optional<Map<Pod, String>> run() {
      if (!dfs(0)) {
        if (exhausted) {
          LOG.debug("placement search for {} pods ran out of its budget", pods.size());
        }
        return Optional.empty();
      }
      PodNodeMap answer = new PodNodeMap();
      for (int i = 0; i < pods.size(); i++) {
        answer.put(pods.get(i), result[i]);
      }
      return Optional.of(Collections.unmodifiableMap(answer));
    }

    private boolean dfs(int i) {
      if (i == pods.size()) {
        return true;
      }
      if (fixed[i] != null) {
        result[i] = fixed[i];
        chosen[i] = indexOf(fixed[i]);
        return dfs(i + 1);
      }
      Pod pod = pods.get(i);
      if (placed.containsKey(PodKey.of(pod))) {
        // The same pod twice in the list: it cannot be placed twice.
        return false;
      }
      Cycle cycle = new Cycle(Scheduler.this, pod);
      for (SchedulingPlugin p : plugins) {
        if (p != caller && !call(p, "PreFilter", () -> p.preFilter(cycle, pod)).isSuccess()) {
          return false;
        }
      }
      int start = interchangeable[i] ? chosen[i - 1] : 0;
      for (int k = start; k < nodes.size(); k++) {
        if (budget-- <= 0) {
          exhausted = true;
          return false;
        }
        NodeState node = nodes.get(k);
        if (!runFilters(cycle, pod, node, caller).isSuccess()) {
          continue;
        }
        assume(pod, node);
        if (!reserveAll(cycle, pod, node, caller).isSuccess()) {
          unreserveAll(cycle, pod, node, caller);
          forget(pod, node);
          continue;
        }
        chosen[i] = k;
        result[i] = node.name();
        boolean found = dfs(i + 1);
        unreserveAll(cycle, pod, node, caller);
        forget(pod, node);
        if (found) {
          return true;
        }
        if (exhausted) {
          return false;
        }
      }
      return false;
    }

    private int indexOf(String nodeName) {
      for (int k = 0; k < nodes.size(); k++) {
        if (nodes.get(k).name().equals(nodeName)) {
          return k;
        }
      }
      return 0;
    }
  }

  /**
   * What makes two pods interchangeable for a placement search: namespace, spec (without node and
   * hostname), labels and annotations without per-replica keys. Null for a pod whose claims are
   * already allocated (it is tied to its devices).
   */
  private String signature(Pod pod) {
    if (host.hasAllocatedClaim(pod)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = KubeSerialization.get().convertValue(pod.getSpec(), Map.class);
    if (spec != null) {
      spec.remove("nodeName");
      spec.remove("hostname");
    }
    Map<String, Object> signature = new TreeMap<>();
    signature.put("namespace", PodKey.of(pod).namespace());
    signature.put("spec", spec);
    signature.put("labels", withoutPerReplicaKeys(pod.getMetadata().getLabels()));
    signature.put("annotations", withoutPerReplicaKeys(pod.getMetadata().getAnnotations()));
    return KubeSerialization.get().asJson(signature);
  }

  private static Map<String, String> withoutPerReplicaKeys(Map<String, String> map) {
    Map<String, String> out = new TreeMap<>();
    if (map != null) {
      map.forEach(
          (k, v) -> {
            if (!PER_REPLICA_KEYS.contains(k)) {
              out.put(k, v);
            }
          });
    }
    return out;
  }

  // ---------------------------------------------------------------- extension points

  private PluginStatus runFilters(Cycle cycle, Pod pod, NodeState node, SchedulingPlugin skip) {
    for (SchedulingPlugin p : plugins) {
      if (p == skip) {
        continue;
      }
      PluginStatus s;
      try {
        s = p.filter(cycle, pod, node);
      } catch (RuntimeException e) {
        s = failure(p, "Filter", e);
      }
      if (s != null && !s.isSuccess()) {
        return s;
      }
    }
    return PluginStatus.success();
  }

  private PluginStatus reserveAll(Cycle cycle, Pod pod, NodeState node, SchedulingPlugin skip) {
    for (SchedulingPlugin p : plugins) {
      if (p == skip) {
        continue;
      }
      PluginStatus s = call(p, "Reserve", () -> p.reserve(cycle, pod, node));
      if (!s.isSuccess()) {
        return s;
      }
    }
    return PluginStatus.success();
  }

  /** Unreserve on every plugin in reverse order, as kube-scheduler does after a failure. */
  private void unreserveAll(Cycle cycle, Pod pod, NodeState node, SchedulingPlugin skip) {
    for (int i = plugins.size() - 1; i >= 0; i--) {
      SchedulingPlugin p = plugins.get(i);
      if (p == skip) {
        continue;
      }
      call(
          p,
          "Unreserve",
          () -> {
            p.unreserve(cycle, pod, node);
            return PluginStatus.success();
          });
    }
  }

  private PluginStatus call(SchedulingPlugin p, String point, Supplier<PluginStatus> invocation) {
    try {
      PluginStatus s = invocation.get();
      return s == null ? PluginStatus.success() : s;
    } catch (RuntimeException e) {
      return failure(p, point, e);
    }
  }

  /** A plugin threw: the cluster records it and the pod gets kube-scheduler's error wording. */
  private PluginStatus failure(SchedulingPlugin p, String point, RuntimeException e) {
    host.reportError("scheduling plugin " + p.name() + " failed at " + point, e);
    return PluginStatus.error(
        "running "
            + point
            + " plugin \""
            + p.name()
            + "\": "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private void assume(Pod pod, NodeState node) {
    node.add(pod, requests(pod));
    placed.put(PodKey.of(pod), node);
  }

  private void forget(Pod pod, NodeState node) {
    PodKey key = PodKey.of(pod);
    node.remove(key);
    placed.remove(key);
  }

  PodRequests requests(Pod pod) {
    String uid = uid(pod);
    if (uid.isEmpty()) {
      return PodRequests.of(pod, host.podLevelResources());
    }
    return requestCache.computeIfAbsent(uid, u -> PodRequests.of(pod, host.podLevelResources()));
  }

  private static String uid(Pod pod) {
    String uid = pod.getMetadata() == null ? null : pod.getMetadata().getUid();
    return uid == null ? "" : uid;
  }

  private static PluginStatus unschedulable(String reason) {
    return PluginStatus.unschedulable(reason);
  }

  // ---------------------------------------------------------------- pod status

  private void fail(Pod pod, String reason, String message) {
    fail(pod, reason, message, false);
  }

  private void fail(Pod pod, String reason, String message, boolean parked) {
    if (setScheduledCondition(pod, "False", reason, message)) {
      host.recordSchedulingStatus(pod);
      progress++;
    }
    String uid = uid(pod);
    if (!uid.isEmpty()) {
      attempts.put(uid, new Attempt(host.storeEpoch(), releaseEpoch, parked));
    }
  }

  private boolean setScheduledCondition(Pod pod, String status, String reason, String message) {
    PodStatus st = pod.getStatus();
    if (st == null) {
      st = new PodStatus();
      st.setPhase("Pending");
      pod.setStatus(st);
    }
    List<PodCondition> conditions =
        st.getConditions() == null ? new ArrayList<>() : st.getConditions();
    PodCondition current =
        conditions.stream()
            .filter(c -> "PodScheduled".equals(c.getType()))
            .findFirst()
            .orElse(null);
    if (current != null
        && status.equals(current.getStatus())
        && reason.equals(current.getReason())
        && Objects.equals(message, current.getMessage())) {
      return false;
    }
    String transition =
        current != null && status.equals(current.getStatus())
            ? current.getLastTransitionTime()
            : timestamp(host.state().now());
    PodCondition c = new PodCondition();
    c.setType("PodScheduled");
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    c.setLastTransitionTime(transition);
    List<PodCondition> updated = new ArrayList<>(conditions);
    updated.removeIf(x -> "PodScheduled".equals(x.getType()));
    updated.add(c);
    st.setConditions(updated);
    return true;
  }

  /** What the binding and then the kubelet would write: the pod runs and is ready. */
  private void markBound(Pod pod, Node node) {
    String now = timestamp(host.state().now());
    pod.getSpec().setNodeName(node.getMetadata().getName());
    PodStatus st = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    st.setPhase("Running");
    List<PodCondition> conditions = new ArrayList<>();
    for (String type :
        List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady")) {
      conditions.add(condition(type, now));
    }
    conditions.add(condition("PodScheduled", now));
    st.setConditions(conditions);
    String hostIp = internalIp(node);
    if (hostIp != null) {
      st.setHostIP(hostIp);
      st.setHostIPs(List.of(new HostIP(hostIp)));
    }
    String podIp =
        Boolean.TRUE.equals(pod.getSpec().getHostNetwork()) ? hostIp : host.nextPodIp(node);
    if (podIp != null) {
      st.setPodIP(podIp);
      st.setPodIPs(List.of(new PodIP(podIp)));
    }
    st.setStartTime(now);
    List<ContainerStatus> statuses = new ArrayList<>();
    if (pod.getSpec().getContainers() != null) {
      for (Container c : pod.getSpec().getContainers()) {
        statuses.add(
            new ContainerStatusBuilder()
                .withName(c.getName())
                .withImage(c.getImage())
                .withReady(true)
                .withStarted(true)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning(now)
                .endState()
                .build());
      }
    }
    st.setContainerStatuses(statuses);
    pod.setStatus(st);
  }

  private static PodCondition condition(String type, String now) {
    PodCondition c = new PodCondition();
    c.setType(type);
    c.setStatus("True");
    c.setLastTransitionTime(now);
    return c;
  }

  private static String internalIp(Node node) {
    if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
      return null;
    }
    for (NodeAddress a : node.getStatus().getAddresses()) {
      if ("InternalIP".equals(a.getType())) {
        return a.getAddress();
      }
    }
    return null;
  }

  private static String timestamp(Instant instant) {
    return Timestamps.format(instant);
  }
}
