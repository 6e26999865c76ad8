package dev.aiconform.autoscale.internal.cluster;

import dev.aiconform.autoscale.ClusterMetrics;
import dev.aiconform.autoscale.ControllerSettings;
import dev.aiconform.autoscale.PodSample;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.internal.Tree;
import dev.aiconform.autoscale.internal.sim.HpaEngine;
import dev.aiconform.autoscale.internal.sim.MetricNames;
import dev.aiconform.autoscale.internal.sim.MetricReader;
import dev.aiconform.autoscale.internal.sim.SyncResult;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HPA controller of the in-memory cluster: every sync period (15 s of virtual time) it reads
 * each {@code autoscaling/v2} HPA's metrics from {@link ClusterMetrics}, runs the controller
 * engine, writes the HPA's status and sets the target's {@code spec.replicas}. New replicas are
 * then created by the workload controllers and may stay Pending (for lack of devices, say), which
 * the next sync sees as not-ready pods.
 */
public final class HpaController implements Controller {
  private static final Logger LOG = LoggerFactory.getLogger(HpaController.class);

  /** HPAs of every served version: the API server stores v1 and v2 ones alike. */
  private static final GroupKind HPA_KIND = GroupKind.of("autoscaling", "HorizontalPodAutoscaler");

  static final String LWS_NAME = "leaderworkerset.sigs.k8s.io/name";
  static final String LWS_WORKER_INDEX = "leaderworkerset.sigs.k8s.io/worker-index";

  private final ControllerSettings settings;
  private final Map<String, HpaEngine> engines = new HashMap<>();

  /** Per HPA: the next point of its sync grid (first sync, then every sync period). */
  private final Map<String, Instant> nextSync = new HashMap<>();

  /**
   * Per HPA that scaled during a catch-up and has more syncs due: what the cluster looked like at
   * the last look, to see when the workload controllers and the scheduler are done.
   */
  private final Map<String, String> awaitingQuiet = new HashMap<>();

  /**
   * Per HPA being replayed: the sync time at which each pod (by uid) a replayed rescale brought
   * came up. The cluster stamps them with the time its clock jumped to, later than the syncs that
   * follow in the replay.
   */
  private final Map<String, Map<String, Instant>> replayBirths = new HashMap<>();

  public HpaController(ControllerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return "horizontal-pod-autoscaler";
  }

  /**
   * Runs every sync that is due. The cluster's clock jumps ({@code
   * advance(Duration.ofMinutes(5))}), but the real controller would have synced every 15 s in
   * between, each time on the cluster its previous sync left. So the syncs of the grid are replayed
   * in order; after one that rescales, the next waits until the workload controllers and the
   * scheduler have acted on it (one full round without change to the target, its pods and
   * ReplicaSets).
   */
  @Override
  public boolean reconcile(ClusterState state) {
    Instant now = state.now();
    ClusterMetrics metrics = state.service(ClusterMetrics.class).orElseGet(ClusterMetrics::new);
    boolean changed = false;
    for (HasMetadata stored : state.list(HPA_KIND)) {
      Optional<HorizontalPodAutoscaler> view = AutoscalingV1.asV2(stored);
      if (view.isEmpty()) {
        continue;
      }
      HorizontalPodAutoscaler hpa = view.get();
      String key = namespace(hpa) + "/" + hpa.getMetadata().getName();
      Instant due = nextSync.getOrDefault(key, now);
      if (due.isAfter(now)) {
        continue;
      }
      if (awaitingQuiet.containsKey(key)) {
        String seen = fingerprint(hpa, state);
        if (!seen.equals(awaitingQuiet.get(key))) {
          awaitingQuiet.put(key, seen);
          changed = true; // still settling; look again next round
          continue;
        }
        awaitingQuiet.remove(key);
        recordBirths(key, hpa, due, state);
      }
      boolean rescaled = false;
      Instant t = due;
      while (!t.isAfter(now) && !rescaled) {
        rescaled = sync(stored, hpa, key, t, metrics, state);
        t = t.plus(settings.syncPeriod());
      }
      nextSync.put(key, t);
      if (rescaled && !t.isAfter(now)) {
        awaitingQuiet.put(key, fingerprint(hpa, state));
      } else {
        replayBirths.remove(key); // caught up: no timestamp is ahead of the syncs any more
      }
      changed |= rescaled;
    }
    return changed;
  }

  /**
   * After a replayed rescale settled: pods stamped later than the next sync came up in response to
   * it, at the time of the rescale.
   */
  private void recordBirths(
      String key, HorizontalPodAutoscaler hpa, Instant due, ClusterState state) {
    Map<String, Instant> births = replayBirths.computeIfAbsent(key, k -> new HashMap<>());
    Instant rescaledAt = due.minus(settings.syncPeriod());
    String ns = namespace(hpa);
    for (Pod p : state.list(Pod.class)) {
      if (ns.equals(namespace(p)) && p.getMetadata().getUid() != null) {
        Instant created = parse(p.getMetadata().getCreationTimestamp()).orElse(Instant.MIN);
        if (created.isAfter(rescaledAt)) {
          births.putIfAbsent(p.getMetadata().getUid(), rescaledAt);
        }
      }
    }
  }

  /** Resource versions of what a rescale sets in motion: the target, its ReplicaSets and pods. */
  private static String fingerprint(HorizontalPodAutoscaler hpa, ClusterState state) {
    String ns = namespace(hpa);
    StringBuilder sb = new StringBuilder();
    CrossVersionObjectReference ref = hpa.getSpec().getScaleTargetRef();
    if (ref != null && ref.getKind() != null && ref.getName() != null) {
      state
          .get(
              GroupKind.of(GroupKind.groupOf(ref.getApiVersion()), ref.getKind()),
              ns,
              ref.getName())
          .ifPresent(o -> sb.append(o.getMetadata().getResourceVersion()).append(';'));
    }
    for (Class<? extends HasMetadata> kind : List.of(ReplicaSet.class, Pod.class)) {
      for (HasMetadata o : state.list(kind)) {
        if (ns.equals(namespace(o))) {
          sb.append(o.getMetadata().getName())
              .append('@')
              .append(o.getMetadata().getResourceVersion())
              .append(';');
        }
      }
    }
    return sb.toString();
  }

  /** One sync at {@code now} (a point of the HPA's grid); whether it set a new replica count. */
  private boolean sync(
      HasMetadata stored,
      HorizontalPodAutoscaler hpa,
      String key,
      Instant now,
      ClusterMetrics metrics,
      ClusterState state) {
    String ns = namespace(hpa);
    CrossVersionObjectReference ref =
        hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
    if (ref == null || ref.getKind() == null || ref.getName() == null) {
      failedGetScale(stored, hpa, "the scale target reference is incomplete", now, state);
      return false;
    }
    GroupKind gk = GroupKind.of(GroupKind.groupOf(ref.getApiVersion()), ref.getKind());
    Optional<HasMetadata> found = state.get(gk, ns, ref.getName());
    if (found.isEmpty()) {
      LOG.debug("HPA {}: no {} {} to scale (FailedGetScale)", key, gk, ref.getName());
      failedGetScale(
          stored, hpa, ref.getKind() + " \"" + ref.getName() + "\" not found", now, state);
      return false;
    }
    HasMetadata target = found.get();
    int specReplicas = specReplicas(target);
    Map<String, String> selector = selector(target);
    List<Pod> pods = new ArrayList<>();
    for (Pod p : state.list(Pod.class)) {
      if (ns.equals(namespace(p)) && matches(p, target, selector)) {
        pods.add(p);
      }
    }
    List<PodSample> samples = new ArrayList<>();
    List<String> readyNames = new ArrayList<>();
    for (Pod p : pods) {
      PodSample s =
          sample(
              p,
              now,
              Optional.ofNullable(
                  replayBirths.getOrDefault(key, Map.of()).get(p.getMetadata().getUid())));
      samples.add(s);
      if (s.phase() == PodSample.Phase.RUNNING && s.ready().orElse(false) && !s.deleting()) {
        readyNames.add(s.name());
      }
    }
    int statusReplicas =
        statusReplicas(target).orElse((int) samples.stream().filter(s -> !s.deleting()).count());
    Duration elapsed = metrics.elapsed(now);
    int ready = readyNames.size();
    MetricReader reader =
        new MetricReader() {
          @Override
          public Optional<Map<String, BigDecimal>> podValues(MetricSpec m) {
            return metrics
                .signal(ns, MetricNames.of(m))
                .map(
                    signal -> {
                      Map<String, BigDecimal> values = new LinkedHashMap<>();
                      signal
                          .perPodValue(elapsed, ready)
                          .ifPresent(v -> readyNames.forEach(n -> values.put(n, v)));
                      return values;
                    });
          }

          @Override
          public Optional<BigDecimal> objectValue(MetricSpec m) {
            return metrics.signal(ns, MetricNames.of(m)).map(s -> s.totalValue(elapsed, ready));
          }

          @Override
          public Optional<List<BigDecimal>> externalValues(MetricSpec m) {
            return metrics
                .signal(ns, MetricNames.of(m))
                .map((Signal s) -> List.of(s.totalValue(elapsed, ready)));
          }
        };
    HpaEngine engine = engines.computeIfAbsent(key, k -> new HpaEngine(settings));
    SyncResult r = engine.sync(now, hpa, specReplicas, statusReplicas, samples, reader);
    writeStatus(stored, hpa, r, engine, now, state);
    if (!r.rescale) {
      return false;
    }
    LOG.debug(
        "HPA {}: {} {} from {} to {} replicas",
        key,
        gk,
        ref.getName(),
        specReplicas,
        r.desiredReplicas);
    setSpecReplicas(target, r.desiredReplicas);
    state.update(target);
    return true;
  }

  private void writeStatus(
      HasMetadata stored,
      HorizontalPodAutoscaler hpa,
      SyncResult r,
      HpaEngine engine,
      Instant now,
      ClusterState state) {
    HorizontalPodAutoscalerStatus old = hpa.getStatus();
    List<HorizontalPodAutoscalerCondition> previous =
        old == null || old.getConditions() == null ? List.of() : old.getConditions();
    List<HorizontalPodAutoscalerCondition> conditions = new ArrayList<>();
    conditions.add(condition(previous, "AbleToScale", "True", r.ableToScale, now));
    conditions.add(
        condition(
            previous,
            "ScalingActive",
            r.scalingActive.equals("ValidMetricFound") ? "True" : "False",
            r.scalingActive,
            now));
    conditions.add(
        condition(
            previous,
            "ScalingLimited",
            r.scalingLimited.equals("DesiredWithinRange") ? "False" : "True",
            r.scalingLimited,
            now));
    if (settings.scaleToZeroEnabled()) {
      conditions.add(
          condition(
              previous,
              "ScaledToZero",
              engine.scaledToZero() ? "True" : "False",
              engine.scaledToZero() ? "ScaledToZero" : "NotScaledToZero",
              now));
    }
    HorizontalPodAutoscalerStatus status = new HorizontalPodAutoscalerStatus();
    status.setCurrentReplicas(r.currentReplicas);
    status.setDesiredReplicas(r.desiredReplicas);
    status.setLastScaleTime(engine.lastScaleTime().map(Instant::toString).orElse(null));
    status.setConditions(conditions);
    storeStatus(stored, hpa, old, status, state);
  }

  /**
   * The target's scale cannot be read: like the controller, set AbleToScale to False with reason
   * FailedGetScale and leave the rest of the status as it was.
   */
  private static void failedGetScale(
      HasMetadata stored,
      HorizontalPodAutoscaler hpa,
      String why,
      Instant now,
      ClusterState state) {
    HorizontalPodAutoscalerStatus old = hpa.getStatus();
    HorizontalPodAutoscalerStatus status =
        old == null ? new HorizontalPodAutoscalerStatus() : KubeSerialization.get().clone(old);
    if (status.getDesiredReplicas() == null) {
      status.setDesiredReplicas(0); // a required field of the status
    }
    List<HorizontalPodAutoscalerCondition> previous =
        status.getConditions() == null ? List.of() : status.getConditions();
    HorizontalPodAutoscalerCondition c =
        condition(previous, "AbleToScale", "False", "FailedGetScale", now);
    c.setMessage("the HPA controller was unable to get the target's current scale: " + why);
    List<HorizontalPodAutoscalerCondition> conditions = new ArrayList<>();
    conditions.add(c);
    previous.stream().filter(p -> !"AbleToScale".equals(p.getType())).forEach(conditions::add);
    status.setConditions(conditions);
    storeStatus(stored, hpa, old, status, state);
  }

  /**
   * Writes {@code status} to the HPA (and to the stored autoscaling/v1 object it was read from)
   * unless it equals the {@code old} one, so an unchanged status does not bump the object.
   */
  private static void storeStatus(
      HasMetadata stored,
      HorizontalPodAutoscaler hpa,
      HorizontalPodAutoscalerStatus old,
      HorizontalPodAutoscalerStatus status,
      ClusterState state) {
    if (status.equals(old)) {
      return;
    }
    hpa.setStatus(status);
    if (stored != hpa) {
      AutoscalingV1.writeStatus(stored, status);
    }
    state.update(stored);
  }

  /** A condition; its transition time moves only when its status does (as the controller's). */
  private static HorizontalPodAutoscalerCondition condition(
      List<HorizontalPodAutoscalerCondition> previous,
      String type,
      String status,
      String reason,
      Instant now) {
    HorizontalPodAutoscalerCondition c = new HorizontalPodAutoscalerCondition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setLastTransitionTime(
        previous.stream()
            .filter(p -> type.equals(p.getType()) && status.equals(p.getStatus()))
            .map(HorizontalPodAutoscalerCondition::getLastTransitionTime)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(now.toString()));
    return c;
  }

  static String namespace(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getNamespace() == null
        ? ""
        : o.getMetadata().getNamespace();
  }

  static int specReplicas(HasMetadata t) {
    Integer r = null;
    if (t instanceof Deployment && ((Deployment) t).getSpec() != null)
      r = ((Deployment) t).getSpec().getReplicas();
    else if (t instanceof StatefulSet && ((StatefulSet) t).getSpec() != null)
      r = ((StatefulSet) t).getSpec().getReplicas();
    else if (t instanceof ReplicaSet && ((ReplicaSet) t).getSpec() != null)
      r = ((ReplicaSet) t).getSpec().getReplicas();
    else if (t instanceof ReplicationController && ((ReplicationController) t).getSpec() != null)
      r = ((ReplicationController) t).getSpec().getReplicas();
    else if (t instanceof GenericKubernetesResource) {
      r = replicasIn((GenericKubernetesResource) t, "spec");
    }
    return r == null ? 1 : r; // every scalable built-in kind defaults replicas to 1
  }

  /** {@code <section>.replicas} of a custom resource (a LeaderWorkerSet, a Rollout), if set. */
  private static Integer replicasIn(GenericKubernetesResource r, String section) {
    return Tree.integer(Tree.at(Tree.root(r), section, "replicas"))
        .map(Long::intValue)
        .orElse(null);
  }

  static Optional<Integer> statusReplicas(HasMetadata t) {
    Integer r = null;
    if (t instanceof Deployment && ((Deployment) t).getStatus() != null)
      r = ((Deployment) t).getStatus().getReplicas();
    else if (t instanceof StatefulSet && ((StatefulSet) t).getStatus() != null)
      r = ((StatefulSet) t).getStatus().getReplicas();
    else if (t instanceof ReplicaSet && ((ReplicaSet) t).getStatus() != null)
      r = ((ReplicaSet) t).getStatus().getReplicas();
    else if (t instanceof GenericKubernetesResource) {
      r = replicasIn((GenericKubernetesResource) t, "status");
    }
    return Optional.ofNullable(r);
  }

  static void setSpecReplicas(HasMetadata t, int replicas) {
    if (t instanceof Deployment) ((Deployment) t).getSpec().setReplicas(replicas);
    else if (t instanceof StatefulSet) ((StatefulSet) t).getSpec().setReplicas(replicas);
    else if (t instanceof ReplicaSet) ((ReplicaSet) t).getSpec().setReplicas(replicas);
    else if (t instanceof ReplicationController)
      ((ReplicationController) t).getSpec().setReplicas(replicas);
    else if (t instanceof GenericKubernetesResource) {
      GenericKubernetesResource g = (GenericKubernetesResource) t;
      Object spec = Tree.root(g).get("spec");
      if (!(spec instanceof Map)) {
        spec = new LinkedHashMap<String, Object>();
        g.setAdditionalProperty("spec", spec);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) spec;
      m.put("replicas", replicas);
    }
  }

  /**
   * The scale selector: the workload's label selector; for a LeaderWorkerSet its
   * status.hpaPodSelector or, until the LWS controller sets it, its leader pods.
   */
  static Map<String, String> selector(HasMetadata t) {
    Map<String, String> out = new LinkedHashMap<>();
    if (t instanceof GenericKubernetesResource) {
      GenericKubernetesResource g = (GenericKubernetesResource) t;
      Optional<String> hpaSelector = Tree.string(Tree.at(Tree.root(g), "status", "hpaPodSelector"));
      if (hpaSelector.isPresent()) {
        for (String term : hpaSelector.get().split(",")) {
          int eq = term.indexOf('=');
          if (eq > 0) {
            out.put(term.substring(0, eq).trim(), term.substring(eq + 1).trim());
          }
        }
        return out;
      }
      if ("LeaderWorkerSet".equals(t.getKind())) {
        out.put(LWS_NAME, t.getMetadata().getName());
        out.put(LWS_WORKER_INDEX, "0");
        return out;
      }
      Tree.map(Tree.at(Tree.root(g), "spec", "selector", "matchLabels"))
          .forEach((k, v) -> out.put(k, String.valueOf(v)));
      return out;
    }
    LabelSelector s = labelSelector(t);
    if (s != null && s.getMatchLabels() != null) {
      out.putAll(s.getMatchLabels());
    }
    return out;
  }

  static LabelSelector labelSelector(HasMetadata t) {
    if (t instanceof Deployment && ((Deployment) t).getSpec() != null)
      return ((Deployment) t).getSpec().getSelector();
    if (t instanceof StatefulSet && ((StatefulSet) t).getSpec() != null)
      return ((StatefulSet) t).getSpec().getSelector();
    if (t instanceof ReplicaSet && ((ReplicaSet) t).getSpec() != null)
      return ((ReplicaSet) t).getSpec().getSelector();
    if (t instanceof ReplicationController && ((ReplicationController) t).getSpec() != null) {
      Map<String, String> m = ((ReplicationController) t).getSpec().getSelector();
      LabelSelector s = new LabelSelector();
      s.setMatchLabels(m);
      return s;
    }
    return null;
  }

  static boolean matches(Pod p, HasMetadata target, Map<String, String> matchLabels) {
    Map<String, String> labels =
        p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
    if (matchLabels.isEmpty() && labelSelector(target) == null) {
      return false; // a target without a selector selects no pods
    }
    if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
      return false;
    }
    LabelSelector s = labelSelector(target);
    if (s != null && s.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : s.getMatchExpressions()) {
        String v = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        switch (String.valueOf(r.getOperator())) {
          case "In":
            if (v == null || !values.contains(v)) return false;
            break;
          case "NotIn":
            if (v != null && values.contains(v)) return false;
            break;
          case "Exists":
            if (v == null) return false;
            break;
          case "DoesNotExist":
            if (v != null) return false;
            break;
          default:
            return false;
        }
      }
    }
    return true;
  }

  /**
   * What the controller sees of a pod at a sync at {@code now}. In a replay (see {@link
   * #reconcile}) a pod a replayed rescale brought up carries the time the clock jumped to: its
   * timestamps are read as {@code cameUp}, the time of that rescale; any other timestamp is no
   * later than the sync.
   */
  static PodSample sample(Pod p, Instant now, Optional<Instant> cameUp) {
    String phase =
        p.getStatus() == null || p.getStatus().getPhase() == null
            ? "Pending"
            : p.getStatus().getPhase();
    PodSample.Phase ph;
    switch (phase) {
      case "Running":
        ph = PodSample.Phase.RUNNING;
        break;
      case "Succeeded":
        ph = PodSample.Phase.SUCCEEDED;
        break;
      case "Failed":
        ph = PodSample.Phase.FAILED;
        break;
      default:
        ph = PodSample.Phase.PENDING;
    }
    Optional<PodCondition> ready =
        p.getStatus() == null || p.getStatus().getConditions() == null
            ? Optional.empty()
            : p.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .findFirst();
    dev.aiconform.autoscale.ImmutablePodSample.Builder b =
        PodSample.builder()
            .name(p.getMetadata().getName())
            .phase(ph)
            .deleting(p.getMetadata().getDeletionTimestamp() != null)
            .sampleTime(now);
    if (ready.isPresent()) {
      b.ready("True".equals(ready.get().getStatus()));
      parse(ready.get().getLastTransitionTime())
          .map(t -> asSeenAt(t, now, cameUp))
          .ifPresent(b::readyTransition);
    } else if (ph == PodSample.Phase.RUNNING
        && (p.getStatus().getConditions() == null || p.getStatus().getConditions().isEmpty())) {
      b.ready(true); // a running pod nobody wrote conditions for: treat as ready
    }
    if (p.getStatus() != null) {
      parse(p.getStatus().getStartTime())
          .map(t -> asSeenAt(t, now, cameUp))
          .ifPresent(b::startTime);
    }
    Map<String, BigDecimal> requests = new LinkedHashMap<>();
    if (p.getSpec() != null && p.getSpec().getContainers() != null) {
      for (Container c : p.getSpec().getContainers()) {
        if (c.getResources() == null || c.getResources().getRequests() == null) {
          continue;
        }
        for (Map.Entry<String, Quantity> e : c.getResources().getRequests().entrySet()) {
          requests.merge(e.getKey(), Quantity.getAmountInBytes(e.getValue()), BigDecimal::add);
        }
      }
    }
    b.requests(requests);
    return b.build();
  }

  private static Instant asSeenAt(Instant t, Instant syncTime, Optional<Instant> cameUp) {
    Instant latest = cameUp.filter(c -> c.isBefore(syncTime)).orElse(syncTime);
    return t.isAfter(latest) ? latest : t;
  }

  private static Optional<Instant> parse(String time) {
    if (time == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(time));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
