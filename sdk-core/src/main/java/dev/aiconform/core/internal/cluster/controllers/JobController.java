package dev.aiconform.core.internal.cluster.controllers;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.internal.GeneratedNames;
import dev.aiconform.core.internal.Timestamps;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Job controller (pkg/controller/job), simplified: pods never finish in the simulation (nothing
 * runs in them), so a Job keeps {@code min(parallelism, completions)} pods active, or {@code
 * parallelism} when it has no completions. NonIndexed pods are named {@code <job>-<suffix>};
 * Indexed pods {@code <job>-<index>-<suffix>}, for the lowest indexes without a pod, with the
 * completion index as annotation and label, hostname {@code <job>-<index>} and the {@code
 * JOB_COMPLETION_INDEX} variable. A suspended Job has no pods; a Job managed by another controller
 * ({@code spec.managedBy}) is left alone; at most 500 pods are created or deleted per Job per
 * round.
 */
public final class JobController implements Controller {
  /** pkg/controller/job: MaxPodCreateDeletePerSync. */
  static final int MAX_POD_CREATE_DELETE_PER_SYNC = 500;

  static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
  static final String TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
  static final String COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";
  static final String JOB_CONTROLLER_NAME = "kubernetes.io/job-controller";

  private static final GroupKind POD = GroupKind.of("", "Pod");

  @Override
  public String name() {
    return "job-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    Map<String, List<Pod>> pods = Ownership.byController(state.list(Pod.class));
    boolean changed = false;
    for (Job job : state.list(Job.class)) {
      changed |= sync(job, pods.getOrDefault(job.getMetadata().getUid(), List.of()), state);
    }
    return changed;
  }

  private boolean sync(Job job, List<Pod> owned, ClusterState state) {
    JobSpec spec = job.getSpec();
    if (spec == null || isFinished(job)) {
      return false;
    }
    if (spec.getManagedBy() != null && !JOB_CONTROLLER_NAME.equals(spec.getManagedBy())) {
      return false;
    }
    List<Pod> active = new ArrayList<>();
    owned.forEach(
        p -> {
          if (Ownership.isActive(p)) {
            active.add(p);
          }
        });
    boolean changed = false;
    JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
    String before = Ownership.canonical(status);
    String now = Timestamps.format(state.now());
    if (Boolean.TRUE.equals(spec.getSuspend())) {
      for (Pod p : active) {
        changed |= delete(p, state);
      }
      active.clear();
      status.setStartTime(null);
      setCondition(status, "Suspended", "True", "JobSuspended", "Job suspended", now);
    } else {
      if (status.getStartTime() == null) {
        status.setStartTime(now);
      }
      if (hasCondition(status, "Suspended", "True")) {
        setCondition(status, "Suspended", "False", "JobResumed", "Job resumed", now);
      }
      int parallelism = spec.getParallelism() == null ? 1 : Math.max(0, spec.getParallelism());
      Integer completions = spec.getCompletions();
      int want = completions == null ? parallelism : Math.min(parallelism, completions);
      if ("Indexed".equals(spec.getCompletionMode())) {
        if (completions != null) {
          changed |= syncIndexed(job, active, want, completions, state);
        }
      } else {
        changed |= syncNonIndexed(job, active, want, state);
      }
    }
    status.setActive(active.size());
    status.setReady((int) active.stream().filter(Ownership::isReady).count());
    job.setStatus(status);
    if (!before.equals(Ownership.canonical(status))) {
      state.update(job);
      changed = true;
    }
    return changed;
  }

  private boolean syncNonIndexed(Job job, List<Pod> active, int want, ClusterState state) {
    boolean changed = false;
    if (active.size() > want) {
      int excess = Math.min(active.size() - want, MAX_POD_CREATE_DELETE_PER_SYNC);
      for (Pod p : PodRemoval.firstToRemove(active, excess)) {
        changed |= delete(p, state);
        active.remove(p);
      }
    } else {
      int missing = Math.min(want - active.size(), MAX_POD_CREATE_DELETE_PER_SYNC);
      for (int i = 0; i < missing; i++) {
        Pod pod = newPod(job, -1);
        pod.getMetadata().setGenerateName(podsPrefix(job.getMetadata().getName()));
        changed |= create(pod, active, state);
      }
    }
    return changed;
  }

  private boolean syncIndexed(
      Job job, List<Pod> active, int want, int completions, ClusterState state) {
    boolean changed = false;
    // Pods without a valid index, or a second pod for an index, go first.
    TreeMap<Integer, Pod> byIndex = new TreeMap<>();
    List<Pod> invalid = new ArrayList<>();
    active.sort(Comparator.comparing((Pod p) -> p.getMetadata().getName()));
    for (Pod p : active) {
      int index = completionIndex(p);
      if (index < 0 || index >= completions || byIndex.containsKey(index)) {
        invalid.add(p);
      } else {
        byIndex.put(index, p);
      }
    }
    for (Pod p : invalid) {
      changed |= delete(p, state);
      active.remove(p);
    }
    if (byIndex.size() > want) {
      int excess = Math.min(byIndex.size() - want, MAX_POD_CREATE_DELETE_PER_SYNC);
      for (int i = 0; i < excess; i++) {
        Pod p = byIndex.pollLastEntry().getValue();
        changed |= delete(p, state);
        active.remove(p);
      }
      return changed;
    }
    int missing = Math.min(want - byIndex.size(), MAX_POD_CREATE_DELETE_PER_SYNC);
    for (int index = 0; index < completions && missing > 0; index++) {
      if (byIndex.containsKey(index)) {
        continue;
      }
      Pod pod = newPod(job, index);
      pod.getMetadata().setGenerateName(generateNameWithIndex(job.getMetadata().getName(), index));
      changed |= create(pod, active, state);
      missing--;
    }
    return changed;
  }

  private Pod newPod(Job job, int index) {
    Pod pod = Ownership.podFromTemplate(job.getSpec().getTemplate(), job);
    List<String> finalizers =
        pod.getMetadata().getFinalizers() == null
            ? new ArrayList<>()
            : pod.getMetadata().getFinalizers();
    if (!finalizers.contains(TRACKING_FINALIZER)) {
      finalizers.add(TRACKING_FINALIZER);
    }
    pod.getMetadata().setFinalizers(finalizers);
    if (index >= 0) {
      String value = Integer.toString(index);
      pod.getMetadata().getAnnotations().put(COMPLETION_INDEX, value);
      pod.getMetadata().getLabels().put(COMPLETION_INDEX, value);
      pod.getSpec().setHostname(job.getMetadata().getName() + "-" + index);
      addCompletionIndexEnv(pod.getSpec().getContainers());
      addCompletionIndexEnv(pod.getSpec().getInitContainers());
    }
    return pod;
  }

  private static void addCompletionIndexEnv(List<Container> containers) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      List<EnvVar> env = c.getEnv() == null ? new ArrayList<>() : new ArrayList<>(c.getEnv());
      if (env.stream().noneMatch(e -> COMPLETION_INDEX_ENV.equals(e.getName()))) {
        env.add(
            new EnvVarBuilder()
                .withName(COMPLETION_INDEX_ENV)
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.annotations['" + COMPLETION_INDEX + "']")
                .endFieldRef()
                .endValueFrom()
                .build());
      }
      c.setEnv(env);
    }
  }

  /** pkg/controller/job: podGenerateNameWithIndex. */
  static String generateNameWithIndex(String jobName, int index) {
    String appendIndex = "-" + index + "-";
    String prefix = jobName + appendIndex;
    if (prefix.length() > GeneratedNames.MAX_GENERATED_NAME_LENGTH) {
      prefix =
          prefix.substring(0, GeneratedNames.MAX_GENERATED_NAME_LENGTH - appendIndex.length())
              + appendIndex;
    }
    return prefix;
  }

  /** controller_utils getPodsPrefix: the controller's name and a dash. */
  static String podsPrefix(String controllerName) {
    return controllerName + "-";
  }

  static int completionIndex(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String v = annotations == null ? null : annotations.get(COMPLETION_INDEX);
    if (v == null) {
      return -1;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean create(Pod pod, List<Pod> active, ClusterState state) {
    ObjectOutcome outcome = state.create(pod);
    if (outcome.action().isFailure()) {
      return false;
    }
    // The API server named the pod (generateName): the outcome says how.
    state.get(Pod.class, outcome.ref().namespace(), outcome.ref().name()).ifPresent(active::add);
    return true;
  }

  private static boolean delete(Pod pod, ClusterState state) {
    return state.delete(POD, pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  private static boolean isFinished(Job job) {
    JobStatus s = job.getStatus();
    return s != null && (hasCondition(s, "Complete", "True") || hasCondition(s, "Failed", "True"));
  }

  private static boolean hasCondition(JobStatus s, String type, String value) {
    return s.getConditions() != null
        && s.getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && value.equals(c.getStatus()));
  }

  /** ensureJobConditionStatus: changes a condition only when its status, reason or message do. */
  private static void setCondition(
      JobStatus s, String type, String value, String reason, String message, String now) {
    List<JobCondition> conditions =
        s.getConditions() == null ? new ArrayList<>() : new ArrayList<>(s.getConditions());
    for (JobCondition c : conditions) {
      if (type.equals(c.getType())) {
        if (!value.equals(c.getStatus())
            || !Objects.equals(reason, c.getReason())
            || !Objects.equals(message, c.getMessage())) {
          c.setStatus(value);
          c.setReason(reason);
          c.setMessage(message);
          c.setLastProbeTime(now);
          c.setLastTransitionTime(now);
        }
        s.setConditions(conditions);
        return;
      }
    }
    if (!"False".equals(value)) {
      JobCondition c = new JobCondition();
      c.setType(type);
      c.setStatus(value);
      c.setReason(reason);
      c.setMessage(message);
      c.setLastProbeTime(now);
      c.setLastTransitionTime(now);
      conditions.add(c);
      s.setConditions(conditions);
    }
  }
}
