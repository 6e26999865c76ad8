package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Quantities;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kueue's quota admission, simplified: each workload (see {@link KueueWorkloads}) gets a {@code
 * kueue.x-k8s.io/v1beta2} Workload object whose {@code QuotaReserved} and {@code Admitted}
 * conditions say whether it fits its ClusterQueue's nominal quota, all pod sets at once.
 *
 * <p>Modelled: LocalQueue → ClusterQueue resolution, {@code namespaceSelector}, {@code stopPolicy},
 * BestEffortFIFO and StrictFIFO queueing in creation order, nominal quota summed over a resource's
 * flavors, and {@code waitForPodsReady} (on by default since Kueue 0.19: an admitted workload whose
 * pods are not all running within 30 minutes is evicted and requeued after a backoff of 60 s,
 * doubling, at most an hour). Not modelled: cohorts and borrowing, preemption, flavor assignment to
 * nodes, admission checks. When the cluster holds no ClusterQueue at all, quota is unconstrained
 * and every workload is admitted.
 */
final class KueueAdmissionController implements Controller {
  // kueue apis/config/v1beta2/defaults.go: waitForPodsReady.timeout (enabled by default in 0.19)
  static final Duration PODS_READY_TIMEOUT = Duration.ofMinutes(30);
  // kueue apis/config/v1beta2/defaults.go: requeuingStrategy.backoffBaseSeconds / MaxSeconds
  static final Duration BACKOFF_BASE = Duration.ofSeconds(60);
  static final Duration BACKOFF_MAX = Duration.ofSeconds(3600);

  @Override
  public String name() {
    return "kueue-admission";
  }

  /** What admission decided for one workload. */
  private record Decision(boolean admitted, String reason, String message, String clusterQueue) {}

  @Override
  public boolean reconcile(ClusterState state) {
    List<KueueWorkloads.Candidate> candidates = KueueWorkloads.candidates(state);
    Map<String, GenericKubernetesResource> existing = new HashMap<>();
    for (HasMetadata o : state.list(KueueWorkloads.WORKLOAD)) {
      existing.put(key(Owners.namespace(o), Owners.name(o)), generic(o));
    }
    boolean unconstrained = state.list(GangKeys.KUEUE_CLUSTER_QUEUE).isEmpty();
    Instant now = state.now();
    Map<String, Map<String, BigDecimal>> usage = new HashMap<>();
    Map<String, Decision> decisions = new LinkedHashMap<>();
    Map<String, Integer> evictions = new HashMap<>();

    // Admitted workloads keep their quota, unless waitForPodsReady evicts them.
    for (KueueWorkloads.Candidate c : candidates) {
      String k = key(c.ref().namespace(), c.ref().name());
      GenericKubernetesResource wl = existing.get(k);
      if (wl == null || !isAdmitted(wl)) {
        continue;
      }
      String cq = Tree.of(wl).at("status", "admission", "clusterQueue").string("");
      Instant admittedAt = conditionTime(wl, "Admitted");
      if (!unconstrained
          && !now.isBefore(admittedAt.plus(PODS_READY_TIMEOUT))
          && boundPods(c, state) < c.pods()) {
        int count = (int) Tree.of(wl).at("status", "requeueState", "count").integer(0) + 1;
        evictions.put(k, count);
        decisions.put(
            k,
            new Decision(
                false,
                "PodsReadyTimeout",
                "Exceeded the PodsReady timeout "
                    + wl.getMetadata().getNamespace()
                    + "/"
                    + wl.getMetadata().getName()
                    + " ("
                    + PODS_READY_TIMEOUT.toMinutes()
                    + "m): evicted and requeued",
                ""));
        continue;
      }
      add(usage.computeIfAbsent(cq, q -> new TreeMap<>()), c.requests());
      decisions.put(k, new Decision(true, "Admitted", "The workload is admitted", cq));
    }

    Set<String> blockedStrict = new HashSet<>();
    for (KueueWorkloads.Candidate c : candidates) {
      String k = key(c.ref().namespace(), c.ref().name());
      if (decisions.containsKey(k)) {
        continue;
      }
      GenericKubernetesResource wl = existing.get(k);
      Optional<Instant> requeueAt =
          wl == null
              ? Optional.empty()
              : Tree.of(wl).at("status", "requeueState", "requeueAt").string().map(Instant::parse);
      if (c.notReady().isPresent()) {
        decisions.put(k, new Decision(false, "Pending", c.notReady().get(), ""));
      } else if (requeueAt.isPresent() && now.isBefore(requeueAt.get())) {
        decisions.put(
            k,
            new Decision(
                false,
                "Pending",
                "requeued after eviction; waits until " + requeueAt.get() + " (backoff)",
                ""));
      } else if (unconstrained) {
        decisions.put(
            k,
            new Decision(
                true,
                "Admitted",
                "The workload is admitted (the cluster has no ClusterQueue: quota is unconstrained)",
                ""));
      } else {
        decisions.put(k, decide(c, state, usage, blockedStrict));
      }
    }

    boolean changed = false;
    for (KueueWorkloads.Candidate c : candidates) {
      String k = key(c.ref().namespace(), c.ref().name());
      changed |= write(c, existing.remove(k), decisions.get(k), evictions.get(k), state);
    }
    changed |= release(candidates, decisions, state);
    for (GenericKubernetesResource stale : existing.values()) {
      boolean ownerless = Owners.controllerOf(stale).isEmpty();
      if (ownerless) {
        changed |=
            state.delete(KueueWorkloads.WORKLOAD, Owners.namespace(stale), Owners.name(stale));
      }
    }
    return changed;
  }

  /**
   * What admission releases: an admitted Job or JobSet is resumed and an admitted workload's pods
   * lose Kueue's scheduling gate; an evicted Job or JobSet is suspended again.
   */
  private static boolean release(
      List<KueueWorkloads.Candidate> candidates,
      Map<String, Decision> decisions,
      ClusterState state) {
    boolean changed = false;
    for (KueueWorkloads.Candidate c : candidates) {
      Decision d = decisions.get(key(c.ref().namespace(), c.ref().name()));
      if (c.owner().isEmpty() || d == null) {
        continue;
      }
      HasMetadata owner = c.owner().get();
      boolean suspend = !d.admitted();
      if (owner instanceof io.fabric8.kubernetes.api.model.batch.v1.Job) {
        io.fabric8.kubernetes.api.model.batch.v1.Job job =
            (io.fabric8.kubernetes.api.model.batch.v1.Job) owner;
        if (job.getSpec() != null && suspend != Boolean.TRUE.equals(job.getSpec().getSuspend())) {
          job.getSpec().setSuspend(suspend);
          state.update(job);
          changed = true;
        }
      } else if (owner instanceof GenericKubernetesResource && GangKeys.JOBSET.matches(owner)) {
        GenericKubernetesResource js = (GenericKubernetesResource) owner;
        Object spec = js.getAdditionalProperties().get("spec");
        if (spec instanceof Map
            && suspend != Boolean.TRUE.equals(((Map<?, ?>) spec).get("suspend"))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) spec);
          s.put("suspend", suspend);
          js.setAdditionalProperty("spec", s);
          state.update(js);
          changed = true;
        }
      }
    }
    for (Pod pod : state.list(Pod.class)) {
      if (pod.getSpec() == null
          || pod.getSpec().getSchedulingGates() == null
          || pod.getSpec().getSchedulingGates().stream()
              .noneMatch(g -> KueueWebhook.ADMISSION_GATE.equals(g.getName()))) {
        continue;
      }
      Optional<KueueWorkloads.Ref> ref = KueueWorkloads.workloadOf(pod, state);
      Decision d = ref.map(r -> decisions.get(key(r.namespace(), r.name()))).orElse(null);
      if (d != null && d.admitted()) {
        pod.getSpec()
            .setSchedulingGates(
                pod.getSpec().getSchedulingGates().stream()
                    .filter(g -> !KueueWebhook.ADMISSION_GATE.equals(g.getName()))
                    .toList());
        state.update(pod);
        changed = true;
      }
    }
    return changed;
  }

  private Decision decide(
      KueueWorkloads.Candidate c,
      ClusterState state,
      Map<String, Map<String, BigDecimal>> usage,
      Set<String> blockedStrict) {
    String ns = c.ref().namespace();
    String queue = c.ref().queue();
    Optional<HasMetadata> lq = state.get(GangKeys.KUEUE_LOCAL_QUEUE, ns, queue);
    if (lq.isEmpty()) {
      return new Decision(
          false, "Inadmissible", "LocalQueue " + queue + " doesn't exist in namespace " + ns, "");
    }
    String cqName = Tree.of(lq.get()).at("spec", "clusterQueue").string("");
    Optional<HasMetadata> cq = state.get(GangKeys.KUEUE_CLUSTER_QUEUE, "", cqName);
    if (cq.isEmpty()) {
      return new Decision(false, "Inadmissible", "ClusterQueue " + cqName + " doesn't exist", "");
    }
    Tree spec = Tree.of(cq.get()).get("spec");
    String stop = spec.get("stopPolicy").string("None");
    if (!stop.equals("None")) {
      return new Decision(
          false, "Inadmissible", "ClusterQueue " + cqName + " is stopped (" + stop + ")", "");
    }
    if (!namespaceSelected(spec.get("namespaceSelector"), ns, state)) {
      return new Decision(
          false,
          "Inadmissible",
          "namespace "
              + ns
              + " is not selected by ClusterQueue "
              + cqName
              + "'s namespaceSelector"
              + (spec.get("namespaceSelector").exists() ? "" : " (unset: it selects none)"),
          "");
    }
    if (blockedStrict.contains(cqName)) {
      return new Decision(
          false,
          "Pending",
          "waiting for an older workload of StrictFIFO ClusterQueue " + cqName,
          "");
    }
    Map<String, BigDecimal> nominal = nominalQuota(spec);
    Map<String, BigDecimal> used = usage.computeIfAbsent(cqName, q -> new TreeMap<>());
    List<String> short_ = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> r : c.requests().entrySet()) {
      if (r.getValue().signum() == 0) {
        continue;
      }
      BigDecimal quota = nominal.get(r.getKey());
      if (quota == null) {
        short_.add("resource " + r.getKey() + " is not covered by ClusterQueue " + cqName);
        continue;
      }
      BigDecimal free = quota.subtract(used.getOrDefault(r.getKey(), BigDecimal.ZERO));
      if (r.getValue().compareTo(free) > 0) {
        short_.add(
            "insufficient unused quota for "
                + r.getKey()
                + " in ClusterQueue "
                + cqName
                + ": requests "
                + Quantities.format(r.getKey(), r.getValue())
                + ", "
                + Quantities.format(r.getKey(), free.max(BigDecimal.ZERO))
                + " of "
                + Quantities.format(r.getKey(), quota)
                + " free");
      }
    }
    if (!short_.isEmpty()) {
      if ("StrictFIFO".equals(spec.get("queueingStrategy").string("BestEffortFIFO"))) {
        blockedStrict.add(cqName);
      }
      return new Decision(false, "Pending", String.join("; ", short_), "");
    }
    add(used, c.requests());
    return new Decision(true, "Admitted", "The workload is admitted", cqName);
  }

  /** Nominal quota per resource, summed over the flavors of every resource group. */
  private static Map<String, BigDecimal> nominalQuota(Tree cqSpec) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Tree group : cqSpec.get("resourceGroups").list()) {
      for (Tree flavor : group.get("flavors").list()) {
        for (Tree r : flavor.get("resources").list()) {
          String name = r.get("name").string("");
          Object q = r.get("nominalQuota").raw();
          if (q == null || name.isEmpty()) {
            continue;
          }
          Quantities.amount(new io.fabric8.kubernetes.api.model.Quantity(String.valueOf(q)))
              .ifPresent(a -> out.merge(name, a, BigDecimal::add));
        }
      }
    }
    return out;
  }

  /** {@code {}} selects every namespace; unset selects none; matchLabels against the Namespace. */
  private static boolean namespaceSelected(Tree selector, String ns, ClusterState state) {
    if (!selector.exists()) {
      return false;
    }
    Map<String, String> want = selector.get("matchLabels").stringMap();
    if (want.isEmpty() && selector.get("matchExpressions").list().isEmpty()) {
      return true;
    }
    Map<String, String> labels = new HashMap<>();
    state.get(Namespace.class, "", ns).ifPresent(n -> labels.putAll(Owners.labels(n)));
    labels.put("kubernetes.io/metadata.name", ns);
    for (Map.Entry<String, String> e : want.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Tree expr : selector.get("matchExpressions").list()) {
      String key = expr.get("key").string("");
      String op = expr.get("operator").string("");
      List<String> values = new ArrayList<>();
      expr.get("values").list().forEach(v -> v.string().ifPresent(values::add));
      boolean has = labels.containsKey(key);
      boolean ok =
          switch (op) {
            case "In" -> has && values.contains(labels.get(key));
            case "NotIn" -> !has || !values.contains(labels.get(key));
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int boundPods(KueueWorkloads.Candidate c, ClusterState state) {
    int bound = 0;
    for (Pod p : state.list(Pod.class)) {
      if (Owners.isBound(p)
          && Owners.namespace(p).equals(c.ref().namespace())
          && KueueWorkloads.workloadOf(p, state)
              .map(r -> r.name().equals(c.ref().name()))
              .orElse(false)) {
        bound++;
      }
    }
    return bound;
  }

  private static void add(Map<String, BigDecimal> into, Map<String, BigDecimal> more) {
    more.forEach((k, v) -> into.merge(k, v, BigDecimal::add));
  }

  private static String key(String ns, String name) {
    return ns + "/" + name;
  }

  private static GenericKubernetesResource generic(HasMetadata o) {
    return o instanceof GenericKubernetesResource
        ? (GenericKubernetesResource) o
        : KubeSerialization.get().convertValue(o, GenericKubernetesResource.class);
  }

  static boolean isAdmitted(HasMetadata workload) {
    return Tree.of(workload).at("status", "conditions").list().stream()
        .anyMatch(
            c ->
                "Admitted".equals(c.get("type").string(""))
                    && "True".equals(c.get("status").string("")));
  }

  private static Instant conditionTime(HasMetadata wl, String type) {
    for (Tree c : Tree.of(wl).at("status", "conditions").list()) {
      if (type.equals(c.get("type").string(""))) {
        return c.get("lastTransitionTime").string().map(Instant::parse).orElse(Instant.EPOCH);
      }
    }
    return Instant.EPOCH;
  }

  /** Creates or updates the candidate's Workload object; true when the store changed. */
  private boolean write(
      KueueWorkloads.Candidate c,
      GenericKubernetesResource stored,
      Decision d,
      Integer evictionCount,
      ClusterState state) {
    String now = state.now().toString();
    Map<String, Object> status = new LinkedHashMap<>();
    List<Object> conditions = new ArrayList<>();
    Tree old = stored == null ? Tree.empty() : Tree.of(stored).get("status");
    conditions.add(
        condition(
            old,
            "QuotaReserved",
            d.admitted(),
            d.admitted() ? "QuotaReserved" : d.reason(),
            d.admitted() ? "Quota reserved in ClusterQueue " + d.clusterQueue() : d.message(),
            now));
    conditions.add(
        condition(
            old,
            "Admitted",
            d.admitted(),
            d.admitted() ? "Admitted" : d.reason(),
            d.message(),
            now));
    if (evictionCount != null) {
      conditions.add(condition(old, "Evicted", true, "PodsReadyTimeout", d.message(), now));
    } else if (!d.admitted()) {
      // an evicted workload stays marked until it is admitted again
      old.get("conditions").list().stream()
          .filter(x -> "Evicted".equals(x.get("type").string("")))
          .findFirst()
          .ifPresent(x -> conditions.add(x.raw()));
    }
    status.put("conditions", conditions);
    if (d.admitted()) {
      Map<String, Object> admission = new LinkedHashMap<>();
      admission.put("clusterQueue", d.clusterQueue());
      status.put("admission", admission);
    }
    Map<String, Object> requests = new LinkedHashMap<>();
    requests.put("name", "main");
    requests.put("resources", Quantities.formatAll(c.requests()));
    status.put("resourceRequests", List.of(requests));
    Tree oldRequeue = old.get("requeueState");
    if (evictionCount != null) {
      Duration backoff = BACKOFF_BASE.multipliedBy(1L << Math.min(20, evictionCount - 1));
      if (backoff.compareTo(BACKOFF_MAX) > 0) {
        backoff = BACKOFF_MAX;
      }
      Map<String, Object> requeue = new LinkedHashMap<>();
      requeue.put("count", evictionCount);
      requeue.put("requeueAt", state.now().plus(backoff).toString());
      status.put("requeueState", requeue);
    } else if (oldRequeue.exists()) {
      status.put("requeueState", oldRequeue.raw());
    }
    if (stored == null) {
      GenericKubernetesResource wl = new GenericKubernetesResource();
      wl.setApiVersion(GangKeys.KUEUE_V1BETA2);
      wl.setKind("Workload");
      ObjectMeta meta = new ObjectMeta();
      meta.setName(c.ref().name());
      meta.setNamespace(c.ref().namespace());
      c.owner().ifPresent(o -> meta.setOwnerReferences(List.of(Owners.controllerRef(o))));
      wl.setMetadata(meta);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("queueName", c.ref().queue());
      Map<String, Object> podSet = new LinkedHashMap<>();
      podSet.put("name", "main");
      podSet.put("count", c.pods());
      spec.put("podSets", List.of(podSet));
      wl.setAdditionalProperty("spec", spec);
      wl.setAdditionalProperty("status", status);
      return !state.create(wl).action().isFailure();
    }
    Object before = stored.getAdditionalProperties().get("status");
    if (GangStatusController.sameTree(before, status)) {
      return false;
    }
    Optional<HasMetadata> live =
        state.get(KueueWorkloads.WORKLOAD, c.ref().namespace(), c.ref().name());
    if (live.isEmpty()) {
      return false;
    }
    GenericKubernetesResource target = (GenericKubernetesResource) live.get();
    target.setAdditionalProperty("status", status);
    state.update(target);
    return true;
  }

  /** A condition keeping its transition time while its status does not change. */
  private static Map<String, Object> condition(
      Tree old, String type, boolean status, String reason, String message, String now) {
    String value = status ? "True" : "False";
    String transition = now;
    for (Tree c : old.get("conditions").list()) {
      if (type.equals(c.get("type").string("")) && value.equals(c.get("status").string(""))) {
        transition = c.get("lastTransitionTime").string(now);
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("status", value);
    m.put("reason", reason);
    m.put("message", message);
    m.put("lastTransitionTime", transition);
    return m;
  }
}
