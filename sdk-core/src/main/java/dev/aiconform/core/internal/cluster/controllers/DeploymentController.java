package dev.aiconform.core.internal.cluster.controllers;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.OwnerReferences;
import dev.aiconform.core.internal.GeneratedNames;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.internal.Timestamps;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Deployment controller (pkg/controller/deployment), simplified: the ReplicaSet of the current
 * template, named {@code <deployment>-<pod-template-hash>}, gets {@code spec.replicas}; every older
 * ReplicaSet is scaled to zero at once (a rollout completes in one step, whatever the strategy). A
 * paused Deployment is left alone. Status counts the pods of its ReplicaSets; conditions Available
 * and Progressing follow the controller's reasons.
 */
public final class DeploymentController implements Controller {
  static final String POD_TEMPLATE_HASH = "pod-template-hash";
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  @Override
  public String name() {
    return "deployment-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    Map<String, List<ReplicaSet>> sets = OwnerReferences.byController(state.list(ReplicaSet.class));
    boolean changed = false;
    for (Deployment d : state.list(Deployment.class)) {
      changed |= sync(d, sets.getOrDefault(d.getMetadata().getUid(), List.of()), state);
    }
    return changed;
  }

  private boolean sync(Deployment d, List<ReplicaSet> owned, ClusterState state) {
    if (d.getSpec() == null || Boolean.TRUE.equals(d.getSpec().getPaused())) {
      return false;
    }
    boolean changed = false;
    int replicas = d.getSpec().getReplicas() == null ? 1 : Math.max(0, d.getSpec().getReplicas());
    String hash = templateHash(d.getSpec().getTemplate(), d.getStatus());
    ReplicaSet found = null;
    long maxRevision = 0;
    for (ReplicaSet rs : owned) {
      maxRevision = Math.max(maxRevision, revision(rs));
      Map<String, String> labels = rs.getMetadata().getLabels();
      if (labels != null && hash.equals(labels.get(POD_TEMPLATE_HASH))) {
        found = rs;
      }
    }
    ReplicaSet current = found;
    if (current == null) {
      ReplicaSet rs = newReplicaSet(d, hash, replicas, maxRevision + 1);
      if (!state.create(rs).action().isFailure()) {
        changed = true;
        current =
            state
                .get(ReplicaSet.class, rs.getMetadata().getNamespace(), rs.getMetadata().getName())
                .orElse(null);
      }
    } else if (!Objects.equals(current.getSpec().getReplicas(), replicas)) {
      current.getSpec().setReplicas(replicas);
      annotate(current, d, replicas, revision(current));
      state.update(current);
      changed = true;
    }
    int total = 0;
    int ready = 0;
    for (ReplicaSet rs : owned) {
      if (rs != current && rs.getSpec().getReplicas() != null && rs.getSpec().getReplicas() != 0) {
        rs.getSpec().setReplicas(0);
        state.update(rs);
        changed = true;
      }
    }
    List<ReplicaSet> all = new ArrayList<>(owned);
    ReplicaSet chosen = current;
    if (chosen != null && owned.stream().noneMatch(rs -> rs == chosen)) {
      all.add(chosen);
    }
    for (ReplicaSet rs : all) {
      if (rs.getStatus() != null) {
        total += nz(rs.getStatus().getReplicas());
        ready += nz(rs.getStatus().getReadyReplicas());
      }
    }
    int updated =
        current == null || current.getStatus() == null ? 0 : nz(current.getStatus().getReplicas());
    changed |= updateStatus(d, current, replicas, total, ready, updated, state);
    return changed;
  }

  private boolean updateStatus(
      Deployment d,
      ReplicaSet current,
      int replicas,
      int total,
      int ready,
      int updated,
      ClusterState state) {
    DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    String before = Ownership.canonical(status);
    String now = Timestamps.format(state.now());
    status.setObservedGeneration(d.getMetadata().getGeneration());
    status.setReplicas(total);
    status.setUpdatedReplicas(updated);
    status.setReadyReplicas(ready);
    status.setAvailableReplicas(ready);
    status.setUnavailableReplicas(Math.max(0, total - ready));
    boolean available = ready >= replicas - maxUnavailable(d, replicas);
    setCondition(
        status,
        "Available",
        available ? "True" : "False",
        available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        available
            ? "Deployment has minimum availability."
            : "Deployment does not have minimum availability.",
        now);
    if (current != null) {
      String rsName = current.getMetadata().getName();
      boolean done = updated == replicas && ready == replicas && total == replicas;
      setCondition(
          status,
          "Progressing",
          "True",
          done ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
          done
              ? "ReplicaSet \"" + rsName + "\" has successfully progressed."
              : "ReplicaSet \"" + rsName + "\" is progressing.",
          now);
      Map<String, String> annotations =
          d.getMetadata().getAnnotations() == null
              ? new LinkedHashMap<>()
              : d.getMetadata().getAnnotations();
      String revision = Long.toString(revision(current));
      if (!revision.equals(annotations.get(REVISION))) {
        annotations.put(REVISION, revision);
        d.getMetadata().setAnnotations(annotations);
        before = "";
      }
    }
    d.setStatus(status);
    if (!before.equals(Ownership.canonical(status))) {
      state.update(d);
      return true;
    }
    return false;
  }

  private static ReplicaSet newReplicaSet(Deployment d, String hash, int replicas, long revision) {
    PodTemplateSpec template = KubeSerialization.get().clone(d.getSpec().getTemplate());
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    Map<String, String> labels =
        template.getMetadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(template.getMetadata().getLabels());
    labels.put(POD_TEMPLATE_HASH, hash);
    template.getMetadata().setLabels(labels);
    LabelSelector selector =
        d.getSpec().getSelector() == null
            ? new LabelSelector()
            : KubeSerialization.get().clone(d.getSpec().getSelector());
    Map<String, String> matchLabels =
        selector.getMatchLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(selector.getMatchLabels());
    matchLabels.put(POD_TEMPLATE_HASH, hash);
    selector.setMatchLabels(matchLabels);
    ReplicaSet rs = new ReplicaSet();
    rs.setApiVersion("apps/v1");
    rs.setKind("ReplicaSet");
    ObjectMeta meta = new ObjectMeta();
    meta.setName(d.getMetadata().getName() + "-" + hash);
    meta.setNamespace(d.getMetadata().getNamespace());
    meta.setLabels(new LinkedHashMap<>(labels));
    meta.setOwnerReferences(new ArrayList<>(List.of(OwnerReferences.controllerRef(d))));
    rs.setMetadata(meta);
    ReplicaSetSpec spec = new ReplicaSetSpec();
    spec.setReplicas(replicas);
    spec.setSelector(selector);
    spec.setTemplate(template);
    spec.setMinReadySeconds(d.getSpec().getMinReadySeconds());
    rs.setSpec(spec);
    annotate(rs, d, replicas, revision);
    return rs;
  }

  private static void annotate(ReplicaSet rs, Deployment d, int replicas, long revision) {
    Map<String, String> annotations =
        rs.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(rs.getMetadata().getAnnotations());
    annotations.put(DESIRED_REPLICAS, Integer.toString(replicas));
    annotations.put(MAX_REPLICAS, Integer.toString(replicas + maxSurge(d, replicas)));
    annotations.put(REVISION, Long.toString(revision));
    rs.getMetadata().setAnnotations(annotations);
  }

  /** controller.ComputeHash: the template (and collision count), hashed and safely encoded. */
  static String templateHash(PodTemplateSpec template, DeploymentStatus status) {
    Integer collisions = status == null ? null : status.getCollisionCount();
    return GeneratedNames.templateHash(
        Ownership.canonical(template) + (collisions == null ? "" : "#" + collisions));
  }

  private static long revision(ReplicaSet rs) {
    Map<String, String> a = rs.getMetadata().getAnnotations();
    try {
      return a == null || a.get(REVISION) == null ? 0 : Long.parseLong(a.get(REVISION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** deploymentutil.MaxUnavailable: 25% by default, rounded down; 0 for Recreate. */
  static int maxUnavailable(Deployment d, int replicas) {
    if (recreates(d)) {
      return 0;
    }
    RollingUpdateDeployment rolling = rollingUpdate(d);
    IntOrString v = rolling == null ? null : rolling.getMaxUnavailable();
    return Math.min(scaled(v, replicas, false), replicas);
  }

  /** deploymentutil.MaxSurge: 25% by default, rounded up; 0 for Recreate. */
  static int maxSurge(Deployment d, int replicas) {
    if (recreates(d)) {
      return 0;
    }
    RollingUpdateDeployment rolling = rollingUpdate(d);
    IntOrString v = rolling == null ? null : rolling.getMaxSurge();
    return scaled(v, replicas, true);
  }

  /** The strategy is Recreate: every old pod goes before a new one comes. */
  private static boolean recreates(Deployment d) {
    return d.getSpec().getStrategy() != null
        && "Recreate".equals(d.getSpec().getStrategy().getType());
  }

  /** The rolling-update parameters, or null when none are given. */
  private static RollingUpdateDeployment rollingUpdate(Deployment d) {
    return d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
  }

  private static int scaled(IntOrString v, int replicas, boolean roundUp) {
    if (v == null) {
      return roundUp ? (replicas * 25 + 99) / 100 : replicas * 25 / 100;
    }
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal() == null ? "" : v.getStrVal().trim();
    if (s.endsWith("%")) {
      try {
        int percent = Integer.parseInt(s.substring(0, s.length() - 1));
        return roundUp ? (replicas * percent + 99) / 100 : replicas * percent / 100;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static void setCondition(
      DeploymentStatus s, String type, String value, String reason, String message, String now) {
    List<DeploymentCondition> conditions =
        s.getConditions() == null ? new ArrayList<>() : new ArrayList<>(s.getConditions());
    for (DeploymentCondition c : conditions) {
      if (type.equals(c.getType())) {
        if (!value.equals(c.getStatus())
            || !Objects.equals(reason, c.getReason())
            || !Objects.equals(message, c.getMessage())) {
          if (!value.equals(c.getStatus())) {
            c.setLastTransitionTime(now);
          }
          c.setStatus(value);
          c.setReason(reason);
          c.setMessage(message);
          c.setLastUpdateTime(now);
        }
        s.setConditions(conditions);
        return;
      }
    }
    DeploymentCondition c = new DeploymentCondition();
    c.setType(type);
    c.setStatus(value);
    c.setReason(reason);
    c.setMessage(message);
    c.setLastTransitionTime(now);
    c.setLastUpdateTime(now);
    conditions.add(c);
    s.setConditions(conditions);
  }
}
