package dev.aiconform.gang.internal.members;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pod, or a pod template of a workload in a bundle, with how many pods it stands for: how
 * validation rules see the members of gangs before any controller ran.
 *
 * @param manifest the object holding the template
 * @param path where the template is ({@code spec.replicatedJobs[0].template.spec.template}); the
 *     root for a Pod
 * @param markers the template's gang markers
 * @param count pods it stands for at once (replicas × parallelism)
 * @param role the role its workload gives it (replicated Job, Volcano task, leader/worker)
 */
public record MemberTemplate(
    Manifest manifest, FieldPath path, PodMarkers markers, int count, Optional<String> role) {

  private static final GroupKind DEPLOYMENT = GroupKind.of("apps", "Deployment");
  private static final GroupKind STATEFUL_SET = GroupKind.of("apps", "StatefulSet");

  public String namespace() {
    return manifest.ref().namespace();
  }

  /** Whether {@code other} is this template (of this object, at this path), however found. */
  public boolean isSameTemplate(MemberTemplate other) {
    return manifest.ref().equals(other.manifest.ref()) && path.equals(other.path);
  }

  /** The role: what the workload says, else what the template's own markers say. */
  public Optional<String> effectiveRole() {
    Optional<String> own = markers.role();
    return own.isPresent() ? own : role;
  }

  /** The path of a field inside the template's pod spec. */
  public FieldPath specPath(String field, String... more) {
    FieldPath spec = path.isRoot() ? FieldPath.of("spec") : path.child("spec");
    return spec.child(field, more);
  }

  /** The path of the template's metadata field. */
  public FieldPath metadataPath(String field, String... more) {
    FieldPath meta = path.isRoot() ? FieldPath.of("metadata") : path.child("metadata");
    return meta.child(field, more);
  }

  /** Every member template of every object of the bundle, in bundle order. */
  public static List<MemberTemplate> of(ManifestBundle bundle) {
    List<MemberTemplate> out = new ArrayList<>();
    for (Manifest m : bundle) {
      out.addAll(of(m));
    }
    return out;
  }

  /**
   * The member templates of the object a rule checks: every gang rule asks, and reading them
   * converts each pod template, so the rules of one object share one reading.
   */
  public static List<MemberTemplate> of(RuleContext ctx) {
    return ctx.shared(MemberTemplate.class, () -> List.copyOf(of(ctx.manifest())));
  }

  /** The member templates of one object (empty for kinds without pod templates). */
  public static List<MemberTemplate> of(Manifest m) {
    HasMetadata o = m.object();
    List<MemberTemplate> out = new ArrayList<>();
    if (o instanceof Pod) {
      Pod p = (Pod) o;
      out.add(
          new MemberTemplate(
              m,
              FieldPath.root(),
              PodMarkers.of(p.getMetadata(), p.getSpec()),
              1,
              Optional.empty()));
      return out;
    }
    Tree t = Tree.of(o);
    if (GangKeys.JOB.matches(o)) {
      int parallelism = (int) t.at("spec", "parallelism").integer(1);
      add(out, m, t.at("spec", "template"), FieldPath.of("spec", "template"), parallelism, null);
    } else if (GangKeys.JOBSET.matches(o)) {
      List<Tree> rjs = t.at("spec", "replicatedJobs").list();
      for (int i = 0; i < rjs.size(); i++) {
        Tree rj = rjs.get(i);
        int replicas = (int) rj.get("replicas").integer(1);
        int parallelism = (int) rj.at("template", "spec", "parallelism").integer(1);
        add(
            out,
            m,
            rj.at("template", "spec", "template"),
            FieldPath.of("spec", "replicatedJobs").index(i).child("template", "spec", "template"),
            replicas * parallelism,
            rj.get("name").string().orElse(null));
      }
    } else if (GangKeys.LEADER_WORKER_SET.matches(o)) {
      int replicas = (int) t.at("spec", "replicas").integer(1);
      Tree lwt = t.at("spec", "leaderWorkerTemplate");
      int size = (int) lwt.get("size").integer(1);
      FieldPath base = FieldPath.of("spec", "leaderWorkerTemplate");
      if (lwt.get("leaderTemplate").exists()) {
        add(out, m, lwt.get("leaderTemplate"), base.child("leaderTemplate"), replicas, "leader");
        add(
            out,
            m,
            lwt.get("workerTemplate"),
            base.child("workerTemplate"),
            replicas * Math.max(0, size - 1),
            "worker");
      } else {
        add(
            out,
            m,
            lwt.get("workerTemplate"),
            base.child("workerTemplate"),
            replicas * size,
            "worker");
      }
    } else if (GangKeys.VOLCANO_JOB.matches(o)) {
      List<Tree> tasks = t.at("spec", "tasks").list();
      for (int i = 0; i < tasks.size(); i++) {
        Tree task = tasks.get(i);
        add(
            out,
            m,
            task.get("template"),
            FieldPath.of("spec", "tasks").index(i).child("template"),
            (int) task.get("replicas").integer(1),
            task.get("name").string().orElse(null));
      }
    } else if (DEPLOYMENT.matches(o) || STATEFUL_SET.matches(o)) {
      add(
          out,
          m,
          t.at("spec", "template"),
          FieldPath.of("spec", "template"),
          (int) t.at("spec", "replicas").integer(1),
          null);
    }
    return out;
  }

  private static void add(
      List<MemberTemplate> out, Manifest m, Tree template, FieldPath path, int count, String role) {
    Optional<PodTemplateSpec> pt = template.podTemplate();
    if (pt.isEmpty()) {
      return;
    }
    ObjectMeta meta = pt.get().getMetadata();
    PodSpec spec = pt.get().getSpec();
    out.add(
        new MemberTemplate(m, path, PodMarkers.of(meta, spec), count, Optional.ofNullable(role)));
  }
}
