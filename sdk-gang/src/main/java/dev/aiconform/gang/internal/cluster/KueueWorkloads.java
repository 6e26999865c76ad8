package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.gang.internal.DeviceCounts;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Quantities;
import dev.aiconform.gang.internal.Tree;
import dev.aiconform.gang.internal.members.PodMarkers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The workloads Kueue manages in a cluster, found the way Kueue's integrations find them: Jobs,
 * JobSets and LeaderWorkerSet groups labelled {@code kueue.x-k8s.io/queue-name}, plain pod groups
 * ({@code kueue.x-k8s.io/pod-group-name}) and single queued pods; each named as Kueue names its
 * {@code Workload} object.
 */
final class KueueWorkloads {
  static final GroupKind WORKLOAD = GroupKind.of(GangKeys.KUEUE_GROUP, "Workload");

  private KueueWorkloads() {}

  /** A Kueue workload as a pod refers to it. */
  record Ref(String namespace, String name, String queue) {}

  /** A workload Kueue would admit or not, with what it asks for. */
  record Candidate(
      Ref ref,
      Optional<HasMetadata> owner,
      Instant created,
      int pods,
      Map<String, BigDecimal> requests,
      Optional<String> notReady) {}

  // kueue pkg/controller/jobframework/workload_names.go: hashLength
  private static final int HASH_LENGTH = 5;

  /**
   * Kueue's Workload name for an owner: {@code <kind>-<name>-<first 5 hex of sha1(kind, group,
   * name, uid)>} (pkg/controller/jobframework GetWorkloadNameForOwnerWithGVK).
   */
  static String workloadName(String kind, String group, String ownerName, String uid) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      for (String part : new String[] {kind, group, ownerName}) {
        sha1.update(part.getBytes(StandardCharsets.UTF_8));
        sha1.update((byte) '\n');
      }
      sha1.update((uid == null ? "" : uid).getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(sha1.digest()).substring(0, HASH_LENGTH);
      return kind.toLowerCase(java.util.Locale.ROOT) + "-" + ownerName + "-" + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }

  private static String uid(HasMetadata o) {
    return o.getMetadata().getUid();
  }

  /** The Kueue workload a pod belongs to, if Kueue manages it. */
  static Optional<Ref> workloadOf(Pod pod, ClusterState state) {
    PodMarkers k = PodMarkers.of(pod.getMetadata(), pod.getSpec());
    String ns = Owners.namespace(pod);
    if (k.kueuePodGroup().isPresent()) {
      return Optional.of(new Ref(ns, k.kueuePodGroup().get(), k.kueueQueue().orElse("")));
    }
    Optional<HasMetadata> job = Owners.owner(pod, GangKeys.JOB, state);
    if (job.isPresent()) {
      Optional<HasMetadata> js = Owners.owner(job.get(), GangKeys.JOBSET, state);
      if (js.isPresent()) {
        return queue(js.get()).map(q -> new Ref(ns, jobSetWorkload(js.get()), q));
      }
      return queue(job.get()).map(q -> new Ref(ns, jobWorkload(job.get()), q));
    }
    Optional<HasMetadata> lws = Owners.owner(pod, GangKeys.LEADER_WORKER_SET, state);
    if (lws.isPresent()) {
      String group = Owners.labels(pod).getOrDefault(GangKeys.LWS_GROUP_INDEX, "0");
      return queue(lws.get()).map(q -> new Ref(ns, lwsWorkload(lws.get(), group), q));
    }
    if (k.kueueQueue().isPresent()) {
      return Optional.of(
          new Ref(ns, workloadName("Pod", "", Owners.name(pod), uid(pod)), k.kueueQueue().get()));
    }
    return Optional.empty();
  }

  private static Optional<String> queue(HasMetadata o) {
    return Optional.ofNullable(Owners.labels(o).get(GangKeys.KUEUE_QUEUE_NAME));
  }

  static String jobSetWorkload(HasMetadata js) {
    return workloadName("JobSet", "jobset.x-k8s.io", Owners.name(js), uid(js));
  }

  static String jobWorkload(HasMetadata job) {
    return workloadName("Job", "batch", Owners.name(job), uid(job));
  }

  static String lwsWorkload(HasMetadata lws, String groupIndex) {
    return workloadName(
        "LeaderWorkerSet",
        "leaderworkerset.x-k8s.io",
        Owners.name(lws) + "-" + groupIndex,
        uid(lws));
  }

  /** Every workload Kueue manages, oldest first (then by namespace and name). */
  static List<Candidate> candidates(ClusterState state) {
    List<Candidate> out = new ArrayList<>();
    for (HasMetadata js : state.list(GangKeys.JOBSET)) {
      Optional<String> q = queue(js);
      if (q.isEmpty()) {
        continue;
      }
      Map<String, BigDecimal> req = new TreeMap<>();
      int pods = 0;
      for (Tree rj : Tree.of(js).at("spec", "replicatedJobs").list()) {
        int n = (int) (rj.get("replicas").integer(1) * jobPods(rj.at("template", "spec")));
        pods += n;
        addTemplate(req, rj.at("template", "spec", "template"), n, Owners.namespace(js), state);
      }
      out.add(
          new Candidate(
              new Ref(Owners.namespace(js), jobSetWorkload(js), q.get()),
              Optional.of(js),
              created(js),
              pods,
              req,
              Optional.empty()));
    }
    for (Job job : state.list(Job.class)) {
      Optional<String> q = queue(job);
      if (q.isEmpty() || Owners.owner(job, GangKeys.JOBSET, state).isPresent()) {
        continue;
      }
      Tree spec = Tree.of(job).get("spec");
      int n = (int) jobPods(spec);
      Map<String, BigDecimal> req = new TreeMap<>();
      addTemplate(req, spec.get("template"), n, Owners.namespace(job), state);
      out.add(
          new Candidate(
              new Ref(Owners.namespace(job), jobWorkload(job), q.get()),
              Optional.of(job),
              created(job),
              n,
              req,
              Optional.empty()));
    }
    for (HasMetadata lws : state.list(GangKeys.LEADER_WORKER_SET)) {
      Optional<String> q = queue(lws);
      if (q.isEmpty()) {
        continue;
      }
      Tree spec = Tree.of(lws).get("spec");
      long replicas = spec.get("replicas").integer(1);
      Tree lwt = spec.get("leaderWorkerTemplate");
      int size = (int) lwt.get("size").integer(1);
      Tree leader =
          lwt.get("leaderTemplate").exists()
              ? lwt.get("leaderTemplate")
              : lwt.get("workerTemplate");
      for (long g = 0; g < replicas; g++) {
        Map<String, BigDecimal> req = new TreeMap<>();
        addTemplate(req, leader, 1, Owners.namespace(lws), state);
        addTemplate(req, lwt.get("workerTemplate"), size - 1, Owners.namespace(lws), state);
        out.add(
            new Candidate(
                new Ref(Owners.namespace(lws), lwsWorkload(lws, Long.toString(g)), q.get()),
                Optional.of(lws),
                created(lws),
                size,
                req,
                Optional.empty()));
      }
    }
    Map<Ref, List<Pod>> groups = new LinkedHashMap<>();
    for (Pod pod : state.list(Pod.class)) {
      PodMarkers k = PodMarkers.of(pod.getMetadata(), pod.getSpec());
      if (!Owners.isActive(pod) || k.kueueQueue().isEmpty()) {
        continue;
      }
      if (k.kueuePodGroup().isPresent()) {
        groups
            .computeIfAbsent(
                new Ref(Owners.namespace(pod), k.kueuePodGroup().get(), k.kueueQueue().get()),
                r -> new ArrayList<>())
            .add(pod);
      } else if (Owners.controllerOf(pod).isEmpty()) {
        Map<String, BigDecimal> req = new TreeMap<>();
        addPod(req, pod.getSpec(), 1, Owners.namespace(pod), state);
        out.add(
            new Candidate(
                workloadOf(pod, state).get(),
                Optional.empty(),
                created(pod),
                1,
                req,
                Optional.empty()));
      }
    }
    for (Map.Entry<Ref, List<Pod>> e : groups.entrySet()) {
      List<Pod> pods = e.getValue();
      long total =
          PodMarkers.of(pods.get(0).getMetadata(), pods.get(0).getSpec())
              .kueueTotalCount()
              .flatMap(c -> Tree.ofValue(c).integer())
              .orElse(-1L);
      Map<String, BigDecimal> req = new TreeMap<>();
      Instant created = Instant.MAX;
      for (Pod p : pods) {
        addPod(req, p.getSpec(), 1, e.getKey().namespace(), state);
        Instant c = created(p);
        created = c.isBefore(created) ? c : created;
      }
      Optional<String> notReady =
          total <= 0
              ? Optional.of(
                  "its pods' kueue.x-k8s.io/pod-group-total-count is not a positive integer")
              : pods.size() < total
                  ? Optional.of(
                      "Kueue waits for all "
                          + total
                          + " pods of the group ("
                          + pods.size()
                          + " exist)")
                  : Optional.empty();
      out.add(new Candidate(e.getKey(), Optional.empty(), created, pods.size(), req, notReady));
    }
    out.sort(
        Comparator.comparing(Candidate::created)
            .thenComparing(c -> c.ref().namespace())
            .thenComparing(c -> c.ref().name()));
    return out;
  }

  /** Pods a Job runs at once: min(parallelism, completions), parallelism defaulting to 1. */
  private static long jobPods(Tree jobSpec) {
    long parallelism = jobSpec.get("parallelism").integer(1);
    Optional<Long> completions = jobSpec.get("completions").integer();
    return completions.map(c -> Math.min(c, parallelism)).orElse(parallelism);
  }

  private static void addTemplate(
      Map<String, BigDecimal> req, Tree template, int pods, String ns, ClusterState state) {
    Optional<PodTemplateSpec> t = template.podTemplate();
    if (t.isPresent() && pods > 0) {
      addPod(req, t.get().getSpec(), pods, ns, state);
    }
  }

  /** A pod's resource requests and its claim templates' devices, {@code pods} times. */
  private static void addPod(
      Map<String, BigDecimal> req, PodSpec spec, int pods, String ns, ClusterState state) {
    Quantities.addTimes(req, Quantities.podRequests(spec), pods);
    if (spec != null && spec.getResourceClaims() != null) {
      for (PodResourceClaim c : spec.getResourceClaims()) {
        if (c.getResourceClaimTemplateName() != null) {
          state
              .get(ResourceClaimTemplate.class, ns, c.getResourceClaimTemplateName())
              .ifPresent(t -> Quantities.addTimes(req, DeviceCounts.of(t), pods));
        }
      }
    }
  }

  static Instant created(HasMetadata o) {
    String ts = o.getMetadata() == null ? null : o.getMetadata().getCreationTimestamp();
    try {
      return ts == null ? Instant.EPOCH : Instant.parse(ts);
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
