package dev.aiconform.core.validation;

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
import java.util.Optional;

/**
 * The pod spec inside a built-in object and where it sits: a Pod's own {@code spec}, or the pod
 * template of a Deployment, ReplicaSet, DaemonSet, StatefulSet, ReplicationController, PodTemplate,
 * Job or CronJob. Rules use it to check pod specs wherever one appears and to report the field path
 * the API server reports ({@code spec.template.spec.containers[0].image}).
 *
 * <pre>{@code
 * EmbeddedPodSpec.of(job).ifPresent(p ->
 *     p.specPath().child("containers").index(0)); // spec.template.spec.containers[0]
 * }</pre>
 */
public final class EmbeddedPodSpec {
  /** What kind of object holds the pod spec: it decides which restart policies are allowed. */
  public enum Holder {
    POD,
    POD_TEMPLATE,
    DEPLOYMENT,
    REPLICA_SET,
    DAEMON_SET,
    STATEFUL_SET,
    REPLICATION_CONTROLLER,
    JOB,
    CRON_JOB
  }

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
