package dev.aiconform.gang.internal.render;

import static dev.aiconform.gang.internal.render.GenericObjects.generic;
import static dev.aiconform.gang.internal.render.GenericObjects.map;
import static dev.aiconform.gang.internal.render.GenericObjects.ordered;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.gang.GangBackend;
import dev.aiconform.gang.GangGroup;
import dev.aiconform.gang.GangRenderException;
import dev.aiconform.gang.GangRole;
import dev.aiconform.gang.JobSetPolicy;
import dev.aiconform.gang.TopologyHint;
import dev.aiconform.gang.WorkloadShape;
import dev.aiconform.gang.internal.GangKeys;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSchedulingGroup;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link GangGroup}: per-role member pod templates carrying the backend's membership
 * markers, the backend's group objects ({@link GroupObjects}), and the workload shape around the
 * templates.
 */
public final class GangRenderer {
  private final GangGroup g;
  private final GangBackend backend;
  private final TargetVersion version;
  private final String nativeGroupVersion;

  private GangRenderer(GangGroup g, GangBackend backend, TargetVersion version) {
    this.g = g;
    this.backend = backend;
    this.version = version;
    this.nativeGroupVersion =
        backend == GangBackend.NATIVE ? GangBackend.nativeGroupVersion(version).orElse(null) : null;
  }

  public static ManifestBundle render(GangGroup g, GangBackend backend, TargetVersion version) {
    return new GangRenderer(g, backend, version).render();
  }

  private ManifestBundle render() {
    checkCombination();
    Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
    for (GangRole r : g.roles()) {
      templates.put(r.name(), memberTemplate(r));
    }
    ManifestBundle.Builder out = ManifestBundle.builder();
    for (GangRole r : g.roles()) {
      for (ResourceClaimTemplate t : r.claimTemplates()) {
        ResourceClaimTemplate copy = KubeSerialization.get().clone(t);
        if (copy.getMetadata() == null) {
          copy.setMetadata(new ObjectMeta());
        }
        if (copy.getMetadata().getNamespace() == null) {
          copy.getMetadata().setNamespace(g.namespace());
        }
        out.add(copy);
      }
    }
    GroupObjects groups =
        new GroupObjects(g, backend, version, nativeGroupVersion, controllerRef());
    out.addAll(groups.queueObjects());
    out.addAll(groups.groupObjects());
    out.addAll(workloads(templates));
    return out.build();
  }

  private void checkCombination() {
    WorkloadShape shape = g.shape();
    if (backend == GangBackend.NATIVE && nativeGroupVersion == null) {
      throw new GangRenderException(
          "gang '"
              + g.name()
              + "': the Kubernetes Workload API (scheduling.k8s.io Workload/PodGroup) exists from"
              + " 1.35 on, but the target version is "
              + version.label()
              + "; target 1.35 or newer, or render for KUEUE, VOLCANO or COSCHEDULING");
    }
    if (shape == WorkloadShape.VOLCANO_JOB && backend != GangBackend.VOLCANO) {
      throw new GangRenderException(
          "gang '"
              + g.name()
              + "': the VOLCANO_JOB shape (batch.volcano.sh/v1alpha1 Job) runs only on Volcano, not"
              + " on "
              + backend
              + "; choose the VOLCANO backend or another shape (JOBSET, INDEXED_JOB, PODS,"
              + " LEADER_WORKER_SET)");
    }
    if (backend == GangBackend.KUEUE) {
      if (g.queue().isEmpty()) {
        throw new GangRenderException(
            "gang '"
                + g.name()
                + "': Kueue admits workloads from a LocalQueue, named by the label "
                + GangKeys.KUEUE_QUEUE_NAME
                + ", but the gang names no queue; set queue(\"<local queue>\")");
      }
      if (shape == WorkloadShape.INDEXED_JOB && g.roles().size() > 1) {
        throw new GangRenderException(
            "gang '"
                + g.name()
                + "': Kueue admits each Job on its own, so "
                + g.roles().size()
                + " roles as separate Indexed Jobs would not start all together; use the JOBSET,"
                + " LEADER_WORKER_SET or PODS shape, which Kueue admits as one workload");
      }
    }
    if (shape == WorkloadShape.LEADER_WORKER_SET) {
      int n = g.roles().size();
      if (n > 2 || (n == 2 && g.roles().get(0).replicas() != 1)) {
        throw new GangRenderException(
            "gang '"
                + g.name()
                + "': a LeaderWorkerSet group has one leader pod and its workers, so the"
                + " LEADER_WORKER_SET shape takes a worker role, or a leader role with 1 replica"
                + " followed by a worker role; found roles "
                + roleSummary()
                + "; use the JOBSET shape for other compositions");
      }
    }
    if (shape == WorkloadShape.JOBSET && g.jobSet().isPresent()) {
      JobSetPolicy p = g.jobSet().get();
      for (Map.Entry<String, JobSetPolicy.DependsOn> d : p.dependsOn().entrySet()) {
        for (String role : List.of(d.getKey(), d.getValue().role())) {
          if (g.role(role).isEmpty()) {
            throw new GangRenderException(
                "gang '"
                    + g.name()
                    + "': dependsOn names role '"
                    + role
                    + "', which the gang does not have; roles are "
                    + roleSummary());
          }
        }
      }
    }
  }

  private String roleSummary() {
    List<String> parts = new ArrayList<>();
    for (GangRole r : g.roles()) {
      parts.add(r.name() + "×" + r.replicas());
    }
    return String.join(", ", parts);
  }

  // ---------------------------------------------------------------- member templates

  private PodTemplateSpec memberTemplate(GangRole role) {
    PodTemplateSpec t = KubeSerialization.get().clone(role.template());
    if (t.getMetadata() == null) {
      t.setMetadata(new ObjectMeta());
    }
    if (t.getSpec() == null) {
      t.setSpec(new PodSpec());
    }
    ObjectMeta meta = t.getMetadata();
    PodSpec spec = t.getSpec();
    Map<String, String> labels = new LinkedHashMap<>();
    if (meta.getLabels() != null) {
      labels.putAll(meta.getLabels());
    }
    g.labels().forEach(labels::putIfAbsent);
    labels.put(GangKeys.GROUP_LABEL, g.name());
    labels.put(GangKeys.ROLE_LABEL, role.name());
    meta.setLabels(labels);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (meta.getAnnotations() != null) {
      annotations.putAll(meta.getAnnotations());
    }

    addClaims(role, spec);
    if (g.priorityClassName().isPresent() && spec.getPriorityClassName() == null) {
      spec.setPriorityClassName(g.priorityClassName().get());
    }

    switch (backend) {
      case NATIVE:
        if (nativeGroupVersion.equals(GangKeys.NATIVE_V1ALPHA1)) {
          // 1.35: Pod.spec.workloadRef, tombstoned in 1.36 and absent from fabric8's model
          Map<String, Object> ref = new LinkedHashMap<>();
          ref.put("name", g.name());
          ref.put("podGroup", g.name());
          spec.setAdditionalProperty("workloadRef", ref);
        } else {
          spec.setSchedulingGroup(new PodSchedulingGroup(g.name()));
        }
        break;
      case KUEUE:
        if (g.shape() == WorkloadShape.PODS) {
          labels.put(GangKeys.KUEUE_QUEUE_NAME, g.queue().get());
          labels.put(GangKeys.KUEUE_POD_GROUP_NAME, g.name());
          annotations.put(GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT, Integer.toString(g.totalPods()));
        }
        break;
      case VOLCANO:
        if (g.shape() != WorkloadShape.VOLCANO_JOB) {
          annotations.put(GangKeys.VOLCANO_GROUP_NAME, g.name());
          annotations.put(GangKeys.VOLCANO_TASK_SPEC, role.name());
        }
        spec.setSchedulerName(GangKeys.VOLCANO_SCHEDULER_NAME);
        break;
      case COSCHEDULING:
        labels.put(GangKeys.COSCHEDULING_POD_GROUP_LABEL, g.name());
        spec.setSchedulerName(g.coschedulingSchedulerName());
        break;
      default:
        throw new IllegalStateException(backend.name());
    }
    g.topology().ifPresent(hint -> applyTopology(hint, spec, annotations));
    meta.setAnnotations(annotations.isEmpty() ? null : annotations);
    return t;
  }

  private void addClaims(GangRole role, PodSpec spec) {
    if (role.claimTemplates().isEmpty()) {
      return;
    }
    List<PodResourceClaim> claims =
        spec.getResourceClaims() == null
            ? new ArrayList<>()
            : new ArrayList<>(spec.getResourceClaims());
    Container first =
        spec.getContainers() == null || spec.getContainers().isEmpty()
            ? null
            : spec.getContainers().get(0);
    for (ResourceClaimTemplate rct : role.claimTemplates()) {
      String name = rct.getMetadata() == null ? null : rct.getMetadata().getName();
      if (name == null) {
        throw new GangRenderException(
            "gang '"
                + g.name()
                + "', role '"
                + role.name()
                + "': a ResourceClaimTemplate has no metadata.name; name it so pods can refer to"
                + " it");
      }
      if (claims.stream().noneMatch(c -> name.equals(c.getName()))) {
        claims.add(
            new PodResourceClaimBuilder()
                .withName(name)
                .withResourceClaimTemplateName(name)
                .build());
      }
      if (first != null) {
        ResourceRequirements res =
            first.getResources() == null ? new ResourceRequirements() : first.getResources();
        List<ResourceClaim> refs =
            res.getClaims() == null ? new ArrayList<>() : new ArrayList<>(res.getClaims());
        if (refs.stream().noneMatch(c -> name.equals(c.getName()))) {
          refs.add(new ResourceClaim(name, null));
        }
        res.setClaims(refs);
        first.setResources(res);
      }
    }
    spec.setResourceClaims(claims);
  }

  private void applyTopology(TopologyHint hint, PodSpec spec, Map<String, String> annotations) {
    if (backend == GangBackend.KUEUE) {
      switch (hint.mode()) {
        case REQUIRED:
          annotations.put(GangKeys.KUEUE_REQUIRED_TOPOLOGY, hint.key());
          break;
        case PREFERRED:
          annotations.put(GangKeys.KUEUE_PREFERRED_TOPOLOGY, hint.key());
          break;
        default:
          annotations.put(GangKeys.KUEUE_UNCONSTRAINED_TOPOLOGY, "true");
      }
      if (g.roles().size() > 1 && hint.mode() != TopologyHint.Mode.UNCONSTRAINED) {
        // PodSets of one group are placed in the same domain
        annotations.put(GangKeys.KUEUE_PODSET_GROUP_NAME, g.name());
      }
      return;
    }
    boolean nativeConstraint =
        backend == GangBackend.NATIVE
            && !nativeGroupVersion.equals(GangKeys.NATIVE_V1ALPHA1)
            && hint.mode() == TopologyHint.Mode.REQUIRED;
    if (nativeConstraint || hint.mode() == TopologyHint.Mode.UNCONSTRAINED) {
      return; // the PodGroup carries it, or there is nothing to say
    }
    PodAffinityTerm term =
        new PodAffinityTermBuilder()
            .withLabelSelector(
                new LabelSelectorBuilder().addToMatchLabels(GangKeys.GROUP_LABEL, g.name()).build())
            .withTopologyKey(hint.key())
            .build();
    Affinity affinity = spec.getAffinity() == null ? new Affinity() : spec.getAffinity();
    PodAffinity pa =
        affinity.getPodAffinity() == null ? new PodAffinity() : affinity.getPodAffinity();
    if (hint.mode() == TopologyHint.Mode.REQUIRED) {
      List<PodAffinityTerm> terms = new ArrayList<>();
      if (pa.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
        terms.addAll(pa.getRequiredDuringSchedulingIgnoredDuringExecution());
      }
      terms.add(term);
      pa.setRequiredDuringSchedulingIgnoredDuringExecution(terms);
    } else {
      List<WeightedPodAffinityTerm> terms = new ArrayList<>();
      if (pa.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
        terms.addAll(pa.getPreferredDuringSchedulingIgnoredDuringExecution());
      }
      terms.add(new WeightedPodAffinityTerm(term, 100));
      pa.setPreferredDuringSchedulingIgnoredDuringExecution(terms);
    }
    affinity.setPodAffinity(pa);
    spec.setAffinity(affinity);
  }

  // ---------------------------------------------------------------- workload shapes

  private Map<String, String> topLabels() {
    Map<String, String> labels = new LinkedHashMap<>(g.labels());
    labels.put(GangKeys.GROUP_LABEL, g.name());
    if (backend == GangBackend.KUEUE && g.shape() != WorkloadShape.PODS) {
      labels.put(GangKeys.KUEUE_QUEUE_NAME, g.queue().get());
    }
    return labels;
  }

  private ObjectMeta topMeta(String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(g.namespace())
        .withLabels(topLabels())
        .build();
  }

  /** The workload's {@code controllerRef} for the native Workload, when one object owns it. */
  private Map<String, String> controllerRef() {
    switch (g.shape()) {
      case JOBSET:
        return ordered("apiGroup", "jobset.x-k8s.io", "kind", "JobSet", "name", g.name());
      case LEADER_WORKER_SET:
        return ordered(
            "apiGroup", "leaderworkerset.x-k8s.io", "kind", "LeaderWorkerSet", "name", g.name());
      case INDEXED_JOB:
        if (g.roles().size() == 1) {
          return ordered("apiGroup", "batch", "kind", "Job", "name", jobName(g.roles().get(0)));
        }
        return Map.of();
      default:
        return Map.of();
    }
  }

  private String jobName(GangRole role) {
    return g.name() + "-" + role.name();
  }

  private List<HasMetadata> workloads(Map<String, PodTemplateSpec> templates) {
    List<HasMetadata> out = new ArrayList<>();
    switch (g.shape()) {
      case PODS:
        for (GangRole r : g.roles()) {
          PodTemplateSpec t = templates.get(r.name());
          for (int i = 0; i < r.replicas(); i++) {
            ObjectMeta meta = KubeSerialization.get().clone(t.getMetadata());
            meta.setName(g.name() + "-" + r.name() + "-" + i);
            meta.setNamespace(g.namespace());
            out.add(
                new PodBuilder()
                    .withMetadata(meta)
                    .withSpec(KubeSerialization.get().clone(t.getSpec()))
                    .build());
          }
        }
        break;
      case INDEXED_JOB:
        for (GangRole r : g.roles()) {
          Job job =
              new JobBuilder()
                  .withMetadata(topMeta(jobName(r)))
                  .withNewSpec()
                  .withCompletionMode("Indexed")
                  .withCompletions(r.replicas())
                  .withParallelism(r.replicas())
                  .withTemplate(jobTemplate(templates.get(r.name())))
                  .endSpec()
                  .build();
          out.add(job);
        }
        break;
      case JOBSET:
        out.add(jobSet(templates));
        break;
      case LEADER_WORKER_SET:
        out.add(leaderWorkerSet(templates));
        break;
      case VOLCANO_JOB:
        out.add(volcanoJob(templates));
        break;
      default:
        throw new IllegalStateException(g.shape().name());
    }
    return out;
  }

  /** A Job's pods must not restart in place: Never unless the template says otherwise. */
  private static PodTemplateSpec jobTemplate(PodTemplateSpec t) {
    PodTemplateSpec copy = KubeSerialization.get().clone(t);
    if (copy.getSpec().getRestartPolicy() == null) {
      copy.getSpec().setRestartPolicy("Never");
    }
    return copy;
  }

  private GenericKubernetesResource jobSet(Map<String, PodTemplateSpec> templates) {
    JobSetPolicy policy = g.jobSet().orElse(null);
    List<Object> rjs = new ArrayList<>();
    for (GangRole r : g.roles()) {
      Map<String, Object> jobSpec = new LinkedHashMap<>();
      jobSpec.put("completionMode", "Indexed");
      jobSpec.put("completions", r.replicas());
      jobSpec.put("parallelism", r.replicas());
      jobSpec.put("template", map(jobTemplate(templates.get(r.name()))));
      Map<String, Object> rj = new LinkedHashMap<>();
      rj.put("name", r.name());
      rj.put("replicas", 1);
      rj.put("template", Map.of("spec", jobSpec));
      if (policy != null && policy.dependsOn().containsKey(r.name())) {
        JobSetPolicy.DependsOn d = policy.dependsOn().get(r.name());
        rj.put("dependsOn", List.of(ordered("name", d.role(), "status", d.condition().wireName())));
      }
      rjs.add(rj);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicatedJobs", rjs);
    if (policy != null) {
      Map<String, Object> success = new LinkedHashMap<>();
      success.put("operator", policy.successOperator());
      if (!policy.successTargets().isEmpty()) {
        success.put("targetReplicatedJobs", policy.successTargets());
      }
      spec.put("successPolicy", success);
      policy.maxRestarts().ifPresent(m -> spec.put("failurePolicy", Map.of("maxRestarts", m)));
    }
    GenericKubernetesResource js = generic(GangKeys.JOBSET_V1ALPHA2, "JobSet", topMeta(g.name()));
    if (policy != null && policy.exclusiveTopology().isPresent()) {
      js.getMetadata()
          .setAnnotations(
              Map.of(GangKeys.JOBSET_EXCLUSIVE_TOPOLOGY, policy.exclusiveTopology().get()));
    }
    js.setAdditionalProperty("spec", spec);
    return js;
  }

  private GenericKubernetesResource leaderWorkerSet(Map<String, PodTemplateSpec> templates) {
    GangRole worker = g.roles().get(g.roles().size() - 1);
    Map<String, Object> lwt = new LinkedHashMap<>();
    int size = worker.replicas();
    if (g.roles().size() == 2) {
      GangRole leader = g.roles().get(0);
      lwt.put("leaderTemplate", map(templates.get(leader.name())));
      size += 1;
    }
    lwt.put("workerTemplate", map(templates.get(worker.name())));
    lwt.put("size", size);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", 1);
    spec.put("leaderWorkerTemplate", lwt);
    GenericKubernetesResource lws = generic(GangKeys.LWS_V1, "LeaderWorkerSet", topMeta(g.name()));
    lws.setAdditionalProperty("spec", spec);
    return lws;
  }

  private GenericKubernetesResource volcanoJob(Map<String, PodTemplateSpec> templates) {
    List<Object> tasks = new ArrayList<>();
    for (GangRole r : g.roles()) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("name", r.name());
      task.put("replicas", r.replicas());
      task.put("minAvailable", r.minAvailable());
      task.put("template", map(jobTemplate(templates.get(r.name()))));
      tasks.add(task);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("schedulerName", GangKeys.VOLCANO_SCHEDULER_NAME);
    spec.put("minAvailable", g.minMember());
    g.queue().ifPresent(q -> spec.put("queue", q));
    g.priorityClassName().ifPresent(p -> spec.put("priorityClassName", p));
    spec.put("tasks", tasks);
    ObjectMeta meta = topMeta(g.name());
    g.scheduleTimeout()
        .ifPresent(
            t -> meta.setAnnotations(Map.of(GangKeys.SCHEDULE_TIMEOUT, t.getSeconds() + "s")));
    GenericKubernetesResource job = generic(GangKeys.VOLCANO_BATCH_V1ALPHA1, "Job", meta);
    job.setAdditionalProperty("spec", spec);
    return job;
  }
}
