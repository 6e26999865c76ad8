package dev.aiconform.gang.internal.members;

import dev.aiconform.gang.internal.GangKeys;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pod (or pod template) says about the gangs it joins, read from its labels, annotations and
 * spec: the native scheduling group or 1.35 workload reference, the Volcano group annotation, the
 * coscheduling label, the Kueue pod-group label, its scheduler and its role.
 */
public final class PodMarkers {
  /** A gang system a pod can join. */
  public enum System {
    WORKLOAD("workload"),
    KUEUE("kueue"),
    VOLCANO("volcano"),
    COSCHEDULING("coscheduling");

    private final String id;

    System(String id) {
      this.id = id;
    }

    /** As simulation reports name it. */
    public String id() {
      return id;
    }
  }

  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final Optional<String> nativePodGroup;
  private final Optional<String> workloadRefName;
  private final Optional<String> workloadRefPodGroup;
  private final String schedulerName;
  private final PodSpec spec;

  private PodMarkers(ObjectMeta meta, PodSpec spec) {
    this.labels = meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
    this.annotations =
        meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    this.spec = spec == null ? new PodSpec() : spec;
    this.nativePodGroup =
        Optional.ofNullable(this.spec.getSchedulingGroup())
            .map(sg -> sg.getPodGroupName())
            .filter(n -> !n.isEmpty());
    Object ref = this.spec.getAdditionalProperties().get("workloadRef");
    if (ref instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) ref;
      this.workloadRefName = Optional.ofNullable(m.get("name")).map(String::valueOf);
      this.workloadRefPodGroup = Optional.ofNullable(m.get("podGroup")).map(String::valueOf);
    } else {
      this.workloadRefName = Optional.empty();
      this.workloadRefPodGroup = Optional.empty();
    }
    this.schedulerName =
        this.spec.getSchedulerName() == null || this.spec.getSchedulerName().isEmpty()
            ? GangKeys.DEFAULT_SCHEDULER
            : this.spec.getSchedulerName();
  }

  public static PodMarkers of(ObjectMeta meta, PodSpec spec) {
    return new PodMarkers(meta, spec);
  }

  public Map<String, String> labels() {
    return labels;
  }

  public Map<String, String> annotations() {
    return annotations;
  }

  public PodSpec spec() {
    return spec;
  }

  /** {@code spec.schedulingGroup.podGroupName} (1.36+). */
  public Optional<String> nativePodGroup() {
    return nativePodGroup;
  }

  /** {@code spec.workloadRef.name} (1.35). */
  public Optional<String> workloadRefName() {
    return workloadRefName;
  }

  /** {@code spec.workloadRef.podGroup} (1.35). */
  public Optional<String> workloadRefPodGroup() {
    return workloadRefPodGroup;
  }

  public Optional<String> volcanoGroup() {
    return Optional.ofNullable(annotations.get(GangKeys.VOLCANO_GROUP_NAME));
  }

  public Optional<String> volcanoTask() {
    return Optional.ofNullable(annotations.get(GangKeys.VOLCANO_TASK_SPEC));
  }

  public Optional<String> coschedulingGroup() {
    return Optional.ofNullable(labels.get(GangKeys.COSCHEDULING_POD_GROUP_LABEL));
  }

  /** The Kueue pod group: the label, or (Kueue 0.18+) the annotation of the same name. */
  public Optional<String> kueuePodGroup() {
    String l = labels.get(GangKeys.KUEUE_POD_GROUP_NAME);
    return Optional.ofNullable(l != null ? l : annotations.get(GangKeys.KUEUE_POD_GROUP_NAME));
  }

  public Optional<String> kueueTotalCount() {
    return Optional.ofNullable(annotations.get(GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT));
  }

  public Optional<String> kueueQueue() {
    return Optional.ofNullable(labels.get(GangKeys.KUEUE_QUEUE_NAME));
  }

  /** The scheduler, {@code default-scheduler} when unset. */
  public String schedulerName() {
    return schedulerName;
  }

  /**
   * The gang systems this pod declares membership of by its own markers (a Kueue-managed Job's pods
   * join through their owner and are not listed here).
   */
  public List<System> systems() {
    List<System> out = new ArrayList<>();
    if (nativePodGroup.isPresent() || workloadRefName.isPresent()) {
      out.add(System.WORKLOAD);
    }
    if (volcanoGroup().isPresent()) {
      out.add(System.VOLCANO);
    }
    if (coschedulingGroup().isPresent()) {
      out.add(System.COSCHEDULING);
    }
    if (kueuePodGroup().isPresent()) {
      out.add(System.KUEUE);
    }
    return out;
  }

  /**
   * The role within its gang: AIConform's role label, Volcano's task, JobSet's replicated Job, or
   * LeaderWorkerSet's leader/worker; empty when the pod says none.
   */
  public Optional<String> role() {
    String r = labels.get(GangKeys.ROLE_LABEL);
    if (r == null) r = annotations.get(GangKeys.VOLCANO_TASK_SPEC);
    if (r == null) r = labels.get(GangKeys.JOBSET_REPLICATED_JOB_NAME);
    if (r == null && labels.containsKey(GangKeys.LWS_WORKER_INDEX)) {
      r = "0".equals(labels.get(GangKeys.LWS_WORKER_INDEX)) ? "leader" : "worker";
    }
    return Optional.ofNullable(r);
  }

  /**
   * The node label within one value of which all members must run, from a required pod affinity
   * term that selects the pod itself (the way gangs are kept in one rack), or from Kueue's {@code
   * podset-required-topology}.
   */
  public Optional<String> requiredTopology() {
    String kueue = annotations.get(GangKeys.KUEUE_REQUIRED_TOPOLOGY);
    if (kueue != null) {
      return Optional.of(kueue);
    }
    Affinity a = spec.getAffinity();
    if (a == null
        || a.getPodAffinity() == null
        || a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return Optional.empty();
    }
    for (PodAffinityTerm t :
        a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()) {
      if (t.getTopologyKey() != null
          && t.getLabelSelector() != null
          && (t.getLabelSelector().getMatchExpressions() == null
              || t.getLabelSelector().getMatchExpressions().isEmpty())
          && t.getLabelSelector().getMatchLabels() != null
          && !t.getLabelSelector().getMatchLabels().isEmpty()
          && t.getLabelSelector().getMatchLabels().entrySet().stream()
              .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
        return Optional.of(t.getTopologyKey());
      }
    }
    return Optional.empty();
  }
}
