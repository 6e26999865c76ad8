package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.OwnerReferences;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Quantities;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Volcano's job controller, simplified: a {@code batch.volcano.sh/v1alpha1} Job gets the PodGroup
 * {@code <job>-<uid>} (minMember = {@code spec.minAvailable}, defaulted as Volcano's webhook does
 * to the tasks' minimums or replicas; minTaskMember from tasks that set {@code minAvailable}) and
 * pods {@code <job>-<task>-<index>} carrying the group and task annotations and the job's
 * scheduler. Not modelled: lifecycle policies, plugins (ssh, svc, env), retries.
 */
final class VolcanoJobController implements Controller {
  private static final GroupKind POD = GroupKind.of("", "Pod");

  @Override
  public String name() {
    return "volcano-job-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    Map<String, List<Pod>> owned = OwnerReferences.byController(state.list(Pod.class));
    boolean changed = false;
    for (HasMetadata job : state.list(GangKeys.VOLCANO_JOB)) {
      changed |= sync(job, owned.getOrDefault(job.getMetadata().getUid(), List.of()), state);
    }
    return changed;
  }

  static String podGroupName(HasMetadata job) {
    return Metadata.name(job) + "-" + job.getMetadata().getUid();
  }

  private boolean sync(HasMetadata job, List<Pod> pods, ClusterState state) {
    Tree spec = Tree.of(job).get("spec");
    String ns = Metadata.namespace(job);
    String pgName = podGroupName(job);
    String scheduler = spec.get("schedulerName").string(GangKeys.VOLCANO_SCHEDULER_NAME);
    List<Tree> tasks = spec.get("tasks").list();
    boolean changed = false;
    if (state.get(GangKeys.VOLCANO_POD_GROUP, ns, pgName).isEmpty()) {
      changed |= !state.create(podGroup(job, spec, tasks, pgName)).action().isFailure();
    }
    Map<String, Pod> byName = new LinkedHashMap<>();
    pods.forEach(p -> byName.put(Metadata.name(p), p));
    List<String> wanted = new ArrayList<>();
    for (int t = 0; t < tasks.size(); t++) {
      Tree task = tasks.get(t);
      String taskName = task.get("name").string("default" + t);
      Optional<PodTemplateSpec> template = task.get("template").podTemplate();
      if (template.isEmpty()) {
        continue;
      }
      long replicas = task.get("replicas").integer(0);
      for (int i = 0; i < replicas; i++) {
        String podName = Metadata.name(job) + "-" + taskName + "-" + i;
        wanted.add(podName);
        if (!byName.containsKey(podName)) {
          changed |= create(job, template.get(), podName, taskName, pgName, scheduler, i, state);
        }
      }
    }
    for (Pod p : pods) {
      if (!wanted.contains(Metadata.name(p))) {
        changed |= state.delete(POD, Metadata.namespace(p), Metadata.name(p));
      }
    }
    return changed;
  }

  private static GenericKubernetesResource podGroup(
      HasMetadata job, Tree spec, List<Tree> tasks, String name) {
    long defaultMin = 0;
    Map<String, Object> minTask = new LinkedHashMap<>();
    Map<String, BigDecimal> minResources = new TreeMap<>();
    for (int t = 0; t < tasks.size(); t++) {
      Tree task = tasks.get(t);
      long replicas = task.get("replicas").integer(0);
      Optional<Long> min = task.get("minAvailable").integer();
      defaultMin += min.orElse(replicas);
      min.ifPresent(m -> minTask.put(task.get("name").string(""), m));
      PodSpec ps = task.get("template").podTemplate().map(PodTemplateSpec::getSpec).orElse(null);
      Quantities.addTimes(minResources, Quantities.podRequests(ps), min.orElse(replicas));
    }
    long minAvailable = spec.get("minAvailable").integer(0);
    Map<String, Object> pgSpec = new LinkedHashMap<>();
    pgSpec.put("minMember", minAvailable > 0 ? minAvailable : defaultMin);
    if (!minTask.isEmpty()) {
      pgSpec.put("minTaskMember", minTask);
    }
    if (!minResources.isEmpty()) {
      pgSpec.put("minResources", Quantities.formatAll(minResources));
    }
    pgSpec.put("queue", spec.get("queue").string(GangKeys.VOLCANO_DEFAULT_QUEUE));
    spec.get("priorityClassName").string().ifPresent(p -> pgSpec.put("priorityClassName", p));
    GenericKubernetesResource pg = new GenericKubernetesResource();
    pg.setApiVersion(GangKeys.VOLCANO_SCHEDULING_V1BETA1);
    pg.setKind("PodGroup");
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(Metadata.namespace(job));
    meta.setOwnerReferences(List.of(OwnerReferences.controllerRef(job)));
    Map<String, String> annotations = new LinkedHashMap<>();
    Metadata.annotations(job)
        .forEach(
            (k, v) -> {
              if (k.startsWith(GangKeys.ROLE_MIN_PREFIX) || k.equals(GangKeys.SCHEDULE_TIMEOUT)) {
                annotations.put(k, v);
              }
            });
    meta.setAnnotations(annotations.isEmpty() ? null : annotations);
    pg.setMetadata(meta);
    pg.setAdditionalProperty("spec", pgSpec);
    return pg;
  }

  private static boolean create(
      HasMetadata job,
      PodTemplateSpec template,
      String podName,
      String task,
      String podGroup,
      String scheduler,
      int index,
      ClusterState state) {
    ObjectMeta tm = template.getMetadata();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(podName);
    meta.setNamespace(Metadata.namespace(job));
    Map<String, String> labels = new LinkedHashMap<>();
    if (tm != null && tm.getLabels() != null) {
      labels.putAll(tm.getLabels());
    }
    labels.put("volcano.sh/job-name", Metadata.name(job));
    labels.put("volcano.sh/job-namespace", Metadata.namespace(job));
    labels.put("volcano.sh/task-spec", task);
    labels.put("volcano.sh/task-index", Integer.toString(index));
    meta.setLabels(labels);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (tm != null && tm.getAnnotations() != null) {
      annotations.putAll(tm.getAnnotations());
    }
    annotations.put(GangKeys.VOLCANO_GROUP_NAME, podGroup);
    annotations.put(GangKeys.VOLCANO_TASK_SPEC, task);
    annotations.put("volcano.sh/job-name", Metadata.name(job));
    meta.setAnnotations(annotations);
    meta.setOwnerReferences(List.of(OwnerReferences.controllerRef(job)));
    Pod pod = new Pod();
    pod.setMetadata(meta);
    PodSpec spec =
        template.getSpec() == null
            ? new PodSpec()
            : KubeSerialization.get().clone(template.getSpec());
    spec.setSchedulerName(scheduler);
    spec.setHostname(podName);
    pod.setSpec(spec);
    return !state.create(pod).action().isFailure();
  }
}
