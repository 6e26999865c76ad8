package dev.aiconform.core.internal.fabric8;

import static dev.aiconform.core.internal.fabric8.ApplyPlan.map;
import static dev.aiconform.core.internal.fabric8.ApplyPlan.string;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ReadinessReport.Stage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads how far a live object got ({@link Stage}) from its status, the way a person would with
 * {@code kubectl describe}: pods by their conditions and node, Jobs/JobSets/LeaderWorkerSets and
 * Deployments by their pods, claims by their allocation, pod groups by their phase, Kueue Workloads
 * by their conditions, anything else by a Ready/Available/Established condition.
 */
public final class ReadinessProbe {
  /** What an object shows now. */
  public record Observation(Stage stage, boolean failed, String detail) {
    static Observation at(Stage stage, String detail) {
      return new Observation(stage, false, detail);
    }

    static Observation failure(Stage stage, String detail) {
      return new Observation(stage, true, detail);
    }

    /** Ends the wait for this object: ready, or failed for good. */
    public boolean isFinal() {
      return failed || stage == Stage.READY;
    }
  }

  /** Lists pods of a namespace by label selector, as maps. */
  @FunctionalInterface
  public interface Pods {
    List<Map<String, Object>> list(String namespace, String labelSelector);
  }

  public static final String KUEUE_QUEUE_LABEL = "kueue.x-k8s.io/queue-name";

  private ReadinessProbe() {}

  public static Observation observe(GroupKind kind, Map<String, Object> live, Pods pods) {
    String group = kind.group();
    switch (kind.kind()) {
      case "Pod":
        if (group.isEmpty()) {
          return pod(live);
        }
        break;
      case "Job":
        if (group.equals("batch")) {
          return job(live, pods);
        }
        if (group.equals("batch.volcano.sh")) {
          return podsOf(live, pods, "volcano.sh/job-name=" + name(live), volcanoTasks(live), "");
        }
        break;
      case "JobSet":
        return jobSet(live, pods);
      case "LeaderWorkerSet":
        return withPods(
            live,
            pods,
            "leaderworkerset.sigs.k8s.io/name=" + name(live),
            integer(spec(live).get("replicas"), 1)
                * integer(map(spec(live).get("leaderWorkerTemplate")).get("size"), 1));
      case "Deployment":
      case "StatefulSet":
      case "ReplicaSet":
        return replicated(live, pods);
      case "ResourceClaim":
        return map(status(live)).get("allocation") != null
            ? Observation.at(Stage.READY, "allocated")
            : Observation.at(
                Stage.ADMITTED, "not allocated yet (allocated when a pod using it is scheduled)");
      case "PodGroup":
        return podGroup(group, live);
      case "Workload":
        if (group.equals("kueue.x-k8s.io")) {
          return kueueWorkload(live);
        }
        break;
      case "Namespace":
        // A namespace serves as soon as it exists, until it is being deleted.
        return "Terminating".equals(string(status(live).get("phase")))
            ? Observation.failure(Stage.APPLIED, "namespace is terminating")
            : Observation.at(Stage.READY, "");
      default:
        break;
    }
    return byConditions(live);
  }

  private static Observation pod(Map<String, Object> pod) {
    Map<String, Object> status = status(pod);
    String phase = string(status.get("phase"));
    if ("Failed".equals(phase)) {
      return Observation.failure(
          Stage.BOUND,
          "pod failed" + suffix(string(status.get("reason")), string(status.get("message"))));
    }
    if ("Succeeded".equals(phase)) {
      return Observation.at(Stage.READY, "completed");
    }
    if (conditionTrue(status, "Ready")) {
      return Observation.at(Stage.READY, "");
    }
    String node = string(spec(pod).get("nodeName"));
    if (node != null) {
      return Observation.at(Stage.BOUND, "on node " + node + containerWaiting(status));
    }
    List<?> gates =
        spec(pod).get("schedulingGates") instanceof List
            ? (List<?>) spec(pod).get("schedulingGates")
            : List.of();
    if (!gates.isEmpty()) {
      return Observation.at(
          Stage.APPLIED,
          "waiting for admission: scheduling gates "
              + gates.stream()
                  .map(g -> string(map(g).get("name")))
                  .collect(Collectors.joining(", ")));
    }
    Optional<Map<String, Object>> scheduled = condition(status, "PodScheduled");
    if (scheduled.isPresent() && "False".equals(scheduled.get().get("status"))) {
      return Observation.at(
          Stage.ADMITTED,
          "not scheduled"
              + suffix(
                  string(scheduled.get().get("reason")), string(scheduled.get().get("message"))));
    }
    return Observation.at(Stage.ADMITTED, "waiting to be scheduled");
  }

  private static Observation job(Map<String, Object> job, Pods pods) {
    Map<String, Object> status = status(job);
    if (conditionTrue(status, "Failed")) {
      Map<String, Object> c = condition(status, "Failed").orElse(Map.of());
      return Observation.failure(
          Stage.BOUND, "Job failed" + suffix(string(c.get("reason")), string(c.get("message"))));
    }
    if (conditionTrue(status, "Complete")) {
      return Observation.at(Stage.READY, "complete");
    }
    if (Boolean.TRUE.equals(spec(job).get("suspend"))) {
      return suspended(job);
    }
    int parallelism = integer(spec(job).get("parallelism"), 1);
    Object completions = spec(job).get("completions");
    int expected =
        completions == null ? parallelism : Math.min(parallelism, integer(completions, 1));
    return podsOf(job, pods, "batch.kubernetes.io/job-name=" + name(job), expected, "");
  }

  private static Observation jobSet(Map<String, Object> jobSet, Pods pods) {
    Map<String, Object> status = status(jobSet);
    if (conditionTrue(status, "Failed")) {
      Map<String, Object> c = condition(status, "Failed").orElse(Map.of());
      return Observation.failure(
          Stage.BOUND, "JobSet failed" + suffix(string(c.get("reason")), string(c.get("message"))));
    }
    if (conditionTrue(status, "Completed")) {
      return Observation.at(Stage.READY, "completed");
    }
    if (Boolean.TRUE.equals(spec(jobSet).get("suspend"))) {
      return suspended(jobSet);
    }
    int expected = 0;
    Object rjs = spec(jobSet).get("replicatedJobs");
    if (rjs instanceof List) {
      for (Object rj : (List<?>) rjs) {
        Map<String, Object> jobSpec = map(map(map(rj).get("template")).get("spec"));
        expected += integer(map(rj).get("replicas"), 1) * integer(jobSpec.get("parallelism"), 1);
      }
    }
    return podsOf(jobSet, pods, "jobset.sigs.k8s.io/jobset-name=" + name(jobSet), expected, "");
  }

  private static Observation replicated(Map<String, Object> live, Pods pods) {
    Map<String, Object> matchLabels = map(map(spec(live).get("selector")).get("matchLabels"));
    String selector =
        new TreeMap<>(matchLabels)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    return withPods(live, pods, selector, integer(spec(live).get("replicas"), 1));
  }

  private static Observation withPods(
      Map<String, Object> live, Pods pods, String selector, int expected) {
    int readyReplicas = integer(status(live).get("readyReplicas"), 0);
    if (expected > 0 && readyReplicas >= expected) {
      return Observation.at(Stage.READY, readyReplicas + "/" + expected + " ready");
    }
    return podsOf(live, pods, selector, expected, "");
  }

  private static Observation podsOf(
      Map<String, Object> owner, Pods pods, String selector, int expected, String prefix) {
    if (expected <= 0) {
      return Observation.at(Stage.READY, prefix + "no pods expected");
    }
    if (selector.isEmpty()) {
      return byConditions(owner);
    }
    List<Map<String, Object>> list =
        new java.util.ArrayList<>(pods.list(namespace(owner), selector));
    list.sort(java.util.Comparator.comparing(p -> String.valueOf(name(p))));
    int bound = 0;
    int ready = 0;
    String waiting = "";
    String failed = null;
    for (Map<String, Object> p : list) {
      Observation o = pod(p);
      if (o.failed() && failed == null) {
        failed = "pod " + name(p) + ": " + o.detail();
      }
      if (o.stage() == Stage.READY) {
        ready++;
        bound++;
      } else if (o.stage() == Stage.BOUND) {
        bound++;
      } else if (waiting.isEmpty()) {
        waiting = "; pod " + name(p) + " " + o.detail();
      }
    }
    String counts =
        prefix + bound + "/" + expected + " pods bound, " + ready + "/" + expected + " ready";
    if (ready >= expected) {
      return Observation.at(Stage.READY, counts);
    }
    if (failed != null) {
      counts += "; " + failed;
    }
    if (bound >= expected) {
      return Observation.at(Stage.BOUND, counts);
    }
    return Observation.at(Stage.ADMITTED, counts + waiting);
  }

  private static Observation suspended(Map<String, Object> live) {
    String queue = string(map(map(live.get("metadata")).get("labels")).get(KUEUE_QUEUE_LABEL));
    return Observation.at(
        Stage.APPLIED,
        queue == null ? "suspended" : "suspended until Kueue admits it from LocalQueue " + queue);
  }

  private static int volcanoTasks(Map<String, Object> job) {
    int n = 0;
    Object tasks = spec(job).get("tasks");
    if (tasks instanceof List) {
      for (Object t : (List<?>) tasks) {
        n += integer(map(t).get("replicas"), 1);
      }
    }
    return n;
  }

  private static Observation podGroup(String group, Map<String, Object> live) {
    Map<String, Object> status = status(live);
    String phase = string(status.get("phase"));
    if (group.equals("scheduling.k8s.io")) {
      return conditionTrue(status, "PodGroupInitiallyScheduled")
          ? Observation.at(Stage.READY, "scheduled")
          : Observation.at(Stage.APPLIED, "waiting for its pods to be scheduled together");
    }
    if (phase == null) {
      return Observation.at(Stage.APPLIED, "no phase yet");
    }
    switch (phase) {
      case "Inqueue":
      case "Scheduling":
        return Observation.at(Stage.ADMITTED, "phase " + phase);
      case "Scheduled":
        return Observation.at(Stage.BOUND, "phase " + phase);
      case "Running":
      case "Completed":
      case "Finished":
        return Observation.at(Stage.READY, "phase " + phase);
      case "Failed":
        return Observation.failure(Stage.APPLIED, "phase Failed");
      default:
        return Observation.at(Stage.APPLIED, "phase " + phase);
    }
  }

  private static Observation kueueWorkload(Map<String, Object> live) {
    Map<String, Object> status = status(live);
    if (conditionTrue(status, "Finished") || conditionTrue(status, "PodsReady")) {
      return Observation.at(
          Stage.READY, conditionTrue(status, "Finished") ? "finished" : "pods ready");
    }
    if (conditionTrue(status, "Admitted")) {
      return Observation.at(Stage.ADMITTED, "admitted, waiting for pods");
    }
    Map<String, Object> q = condition(status, "QuotaReserved").orElse(Map.of());
    return Observation.at(
        Stage.APPLIED, "not admitted" + suffix(string(q.get("reason")), string(q.get("message"))));
  }

  private static Observation byConditions(Map<String, Object> live) {
    Map<String, Object> status = status(live);
    for (String type : List.of("Ready", "Available", "Established")) {
      Optional<Map<String, Object>> c = condition(status, type);
      if (c.isPresent()) {
        return "True".equals(c.get().get("status"))
            ? Observation.at(Stage.READY, "")
            : Observation.at(
                Stage.APPLIED,
                type
                    + " is "
                    + c.get().get("status")
                    + suffix(string(c.get().get("reason")), string(c.get().get("message"))));
      }
    }
    return Observation.at(Stage.READY, "");
  }

  private static String containerWaiting(Map<String, Object> status) {
    Object cs = status.get("containerStatuses");
    if (cs instanceof List) {
      for (Object c : (List<?>) cs) {
        Map<String, Object> waiting = map(map(map(c).get("state")).get("waiting"));
        String reason = string(waiting.get("reason"));
        if (reason != null) {
          return ", container " + string(map(c).get("name")) + " " + reason;
        }
      }
    }
    return "";
  }

  private static String suffix(String reason, String message) {
    if (reason == null && message == null) {
      return "";
    }
    return ": " + (reason == null ? message : message == null ? reason : reason + ": " + message);
  }

  static boolean conditionTrue(Map<String, Object> status, String type) {
    return condition(status, type).map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  static Optional<Map<String, Object>> condition(Map<String, Object> status, String type) {
    Object cs = status.get("conditions");
    if (cs instanceof List) {
      for (Object c : (List<?>) cs) {
        if (type.equals(map(c).get("type"))) {
          return Optional.of(map(c));
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> spec(Map<String, Object> o) {
    return map(o.get("spec"));
  }

  private static Map<String, Object> status(Map<String, Object> o) {
    return map(o.get("status"));
  }

  private static String name(Map<String, Object> o) {
    return string(map(o.get("metadata")).get("name"));
  }

  private static String namespace(Map<String, Object> o) {
    String ns = string(map(o.get("metadata")).get("namespace"));
    return ns == null ? "" : ns;
  }

  private static int integer(Object o, int dflt) {
    if (o instanceof Number) {
      return ((Number) o).intValue();
    }
    return dflt;
  }
}
