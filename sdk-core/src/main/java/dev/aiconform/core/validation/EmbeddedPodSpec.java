package dev.aiconform.core.validation;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pod spec inside an object and where it sits: a Pod's own {@code spec}, the pod template of a
 * Deployment, ReplicaSet, DaemonSet, StatefulSet, ReplicationController, PodTemplate, Job or
 * CronJob ({@link #of}), and with {@link #all} also the templates of the AI workload custom
 * resources: a JobSet's replicated Jobs, a LeaderWorkerSet's leader and worker templates, a Volcano
 * Job's tasks. Rules use it to check pod specs wherever one appears and to report the field path
 * the API server reports ({@code spec.template.spec.containers[0].image}); the single place that
 * knows which kinds embed a pod template and how to reach it.
 *
 * <pre>{@code
 * EmbeddedPodSpec.of(job).ifPresent(p ->
 *     p.specPath().child("containers").index(0)); // spec.template.spec.containers[0]
 * EmbeddedPodSpec.all(jobSet); // spec.replicatedJobs[0].template.spec.template, ...
 * }</pre>
 */
public final class EmbeddedPodSpec {
  /** What kind of object holds the pod spec: it decides which restart policies are allowed. */
  public enum Holder {
    POD("", "Pod"),
    POD_TEMPLATE("", "PodTemplate"),
    DEPLOYMENT("apps", "Deployment"),
    REPLICA_SET("apps", "ReplicaSet"),
    DAEMON_SET("apps", "DaemonSet"),
    STATEFUL_SET("apps", "StatefulSet"),
    REPLICATION_CONTROLLER("", "ReplicationController"),
    JOB("batch", "Job"),
    CRON_JOB("batch", "CronJob"),
    /** A custom resource (JobSet, LeaderWorkerSet, Volcano Job): only {@link #all} finds these. */
    CUSTOM_RESOURCE(null, null);

    private final GroupKind kind;

    Holder(String group, String kind) {
      this.kind = kind == null ? null : GroupKind.of(group, kind);
    }

    /** The built-in kind; empty for {@link #CUSTOM_RESOURCE}. */
    public Optional<GroupKind> kind() {
      return Optional.ofNullable(kind);
    }
  }

  /** The built-in kinds whose objects hold a pod spec: what {@link #of} reads. */
  public static final Set<GroupKind> BUILTIN_KINDS = builtinKinds();

  /**
   * Where the AI workload custom resources keep their pod templates ({@code [*]}: every element of
   * the list). Core's apply order and readiness, sdk-gang's members and sdk-autoscale's scale
   * targets all read these kinds; a module or a user's own kind without an entry has no template
   * that {@link #all} finds.
   */
  private static final Map<GroupKind, List<String>> CUSTOM_RESOURCE_TEMPLATES =
      Map.of(
          // sigs.k8s.io/jobset api/jobset/v1alpha2: ReplicatedJob.Template is a batch
          // JobTemplateSpec
          GroupKind.of("jobset.x-k8s.io", "JobSet"),
          List.of("spec.replicatedJobs[*].template.spec.template"),
          // sigs.k8s.io/lws api/leaderworkerset/v1: LeaderWorkerTemplate (leader optional)
          GroupKind.of("leaderworkerset.x-k8s.io", "LeaderWorkerSet"),
          List.of(
              "spec.leaderWorkerTemplate.leaderTemplate",
              "spec.leaderWorkerTemplate.workerTemplate"),
          // volcano.sh/apis pkg/apis/batch/v1alpha1: TaskSpec.Template
          GroupKind.of("batch.volcano.sh", "Job"),
          List.of("spec.tasks[*].template"));

  private final Holder holder;
  private final FieldPath templatePath;
  private final PodSpec spec;
  private final ObjectMeta templateMetadata;

  private EmbeddedPodSpec(
      Holder holder, FieldPath templatePath, PodSpec spec, ObjectMeta templateMetadata) {
    this.holder = holder;
    this.templatePath = templatePath;
    this.spec = spec;
    this.templateMetadata = templateMetadata;
  }

  /**
   * The pod spec of {@code object}; empty when the object holds none, or when its template or spec
   * is missing (the kind's own rules report that).
   */
  public static Optional<EmbeddedPodSpec> of(HasMetadata object) {
    if (object instanceof Pod) {
      PodSpec spec = ((Pod) object).getSpec();
      return spec == null
          ? Optional.empty()
          : Optional.of(new EmbeddedPodSpec(Holder.POD, null, spec, null));
    }
    if (object instanceof PodTemplate) {
      return template(
          Holder.POD_TEMPLATE, FieldPath.of("template"), ((PodTemplate) object).getTemplate());
    }
    FieldPath specTemplate = FieldPath.of("spec", "template");
    if (object instanceof Deployment) {
      Deployment d = (Deployment) object;
      return d.getSpec() == null
          ? Optional.empty()
          : template(Holder.DEPLOYMENT, specTemplate, d.getSpec().getTemplate());
    }
    if (object instanceof ReplicaSet) {
      ReplicaSet r = (ReplicaSet) object;
      return r.getSpec() == null
          ? Optional.empty()
          : template(Holder.REPLICA_SET, specTemplate, r.getSpec().getTemplate());
    }
    if (object instanceof DaemonSet) {
      DaemonSet d = (DaemonSet) object;
      return d.getSpec() == null
          ? Optional.empty()
          : template(Holder.DAEMON_SET, specTemplate, d.getSpec().getTemplate());
    }
    if (object instanceof StatefulSet) {
      StatefulSet s = (StatefulSet) object;
      return s.getSpec() == null
          ? Optional.empty()
          : template(Holder.STATEFUL_SET, specTemplate, s.getSpec().getTemplate());
    }
    if (object instanceof ReplicationController) {
      ReplicationController r = (ReplicationController) object;
      return r.getSpec() == null
          ? Optional.empty()
          : template(Holder.REPLICATION_CONTROLLER, specTemplate, r.getSpec().getTemplate());
    }
    if (object instanceof Job) {
      Job j = (Job) object;
      return j.getSpec() == null
          ? Optional.empty()
          : template(Holder.JOB, specTemplate, j.getSpec().getTemplate());
    }
    if (object instanceof CronJob) {
      CronJob c = (CronJob) object;
      if (c.getSpec() == null
          || c.getSpec().getJobTemplate() == null
          || c.getSpec().getJobTemplate().getSpec() == null) {
        return Optional.empty();
      }
      return template(
          Holder.CRON_JOB,
          FieldPath.of("spec", "jobTemplate", "spec", "template"),
          c.getSpec().getJobTemplate().getSpec().getTemplate());
    }
    return Optional.empty();
  }

  /**
   * Every pod spec of {@code object}, in the order the object lists them: the one {@link #of} finds
   * for a built-in kind, or each template of a JobSet ({@code
   * spec.replicatedJobs[i].template.spec.template}), LeaderWorkerSet (leader, then worker) or
   * Volcano Job ({@code spec.tasks[i].template}). Templates without a spec, or that do not read as
   * a pod template, are left out (validation of the kind reports them).
   */
  public static List<EmbeddedPodSpec> all(HasMetadata object) {
    Optional<EmbeddedPodSpec> builtin = of(object);
    if (builtin.isPresent()) {
      return List.of(builtin.get());
    }
    if (!(object instanceof GenericKubernetesResource)) {
      return List.of();
    }
    List<String> paths = CUSTOM_RESOURCE_TEMPLATES.get(GroupKind.of(object));
    if (paths == null) {
      return List.of();
    }
    Map<String, Object> root = ((GenericKubernetesResource) object).getAdditionalProperties();
    List<EmbeddedPodSpec> out = new ArrayList<>();
    for (String path : paths) {
      collect(root, List.of(path.split("\\.")), 0, FieldPath.root(), out);
    }
    return out;
  }

  private static void collect(
      Object node, List<String> steps, int step, FieldPath at, List<EmbeddedPodSpec> out) {
    if (step == steps.size()) {
      if (node != null) {
        customTemplate(node, at).ifPresent(out::add);
      }
      return;
    }
    if (!(node instanceof Map)) {
      return;
    }
    String s = steps.get(step);
    boolean every = s.endsWith("[*]");
    String field = every ? s.substring(0, s.length() - 3) : s;
    Object next = ((Map<?, ?>) node).get(field);
    if (!every) {
      collect(next, steps, step + 1, at.child(field), out);
    } else if (next instanceof List) {
      List<?> list = (List<?>) next;
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), steps, step + 1, at.child(field).index(i), out);
      }
    }
  }

  private static Optional<EmbeddedPodSpec> customTemplate(Object template, FieldPath at) {
    PodTemplateSpec spec;
    try {
      spec = KubeSerialization.get().convertValue(template, PodTemplateSpec.class);
    } catch (RuntimeException notAPodTemplate) {
      return Optional.empty();
    }
    return template(Holder.CUSTOM_RESOURCE, at, spec);
  }

  private static Set<GroupKind> builtinKinds() {
    Set<GroupKind> kinds = new LinkedHashSet<>();
    for (Holder h : Holder.values()) {
      h.kind().ifPresent(kinds::add);
    }
    return Collections.unmodifiableSet(kinds);
  }

  private static Optional<EmbeddedPodSpec> template(
      Holder holder, FieldPath path, PodTemplateSpec template) {
    if (template == null || template.getSpec() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new EmbeddedPodSpec(holder, path, template.getSpec(), template.getMetadata()));
  }

  public Holder holder() {
    return holder;
  }

  public PodSpec spec() {
    return spec;
  }

  /** {@code spec} for a Pod, {@code spec.template.spec} for a Deployment, and so on. */
  public FieldPath specPath() {
    return templatePath == null ? FieldPath.of("spec") : templatePath.child("spec");
  }

  /** Where the pod template sits ({@code spec.template}); empty for a Pod. */
  public Optional<FieldPath> templatePath() {
    return Optional.ofNullable(templatePath);
  }

  /** The pod template's metadata (labels, annotations); empty for a Pod or when unset. */
  public Optional<ObjectMeta> templateMetadata() {
    return Optional.ofNullable(templateMetadata);
  }

  public boolean isPod() {
    return holder == Holder.POD;
  }
}
