package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.OwnerReferences;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Tree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JobSet controller, simplified: each replicated Job {@code rj} with {@code replicas: n} gets
 * Jobs {@code <jobset>-<rj>-0 … n-1}, labelled (and their pod templates too) with the JobSet's
 * {@code jobset.sigs.k8s.io/*} keys; the Job controller makes their pods. A suspended JobSet's Jobs
 * are suspended. A replicated Job that {@code dependsOn} another starts once that one's Jobs are
 * all {@code Ready} (pods never complete here, so {@code Complete} never comes). Not modelled:
 * success and failure policies (nothing fails), the headless Service, exclusive placement.
 */
final class JobSetController implements Controller {
  @Override
  public String name() {
    return "jobset-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    Map<String, List<Job>> owned = OwnerReferences.byController(state.list(Job.class));
    boolean changed = false;
    for (HasMetadata js : state.list(GangKeys.JOBSET)) {
      changed |= sync(js, owned.getOrDefault(js.getMetadata().getUid(), List.of()), state);
    }
    return changed;
  }

  private boolean sync(HasMetadata js, List<Job> jobs, ClusterState state) {
    Tree spec = Tree.of(js).get("spec");
    boolean suspend = Boolean.TRUE.equals(spec.get("suspend").raw());
    String name = Metadata.name(js);
    Map<String, Job> byName = new LinkedHashMap<>();
    jobs.forEach(j -> byName.put(Metadata.name(j), j));
    Map<String, Boolean> ready = new HashMap<>();
    boolean changed = false;
    int globalIndex = 0;
    List<String> wanted = new ArrayList<>();
    for (Tree rj : spec.get("replicatedJobs").list()) {
      String rjName = rj.get("name").string("");
      int replicas = (int) rj.get("replicas").integer(1);
      boolean depsMet = true;
      for (Tree dep : rj.get("dependsOn").list()) {
        String on = dep.get("name").string("");
        String status = dep.get("status").string("Ready");
        depsMet &= "Ready".equals(status) && ready.getOrDefault(on, false);
      }
      boolean allReady = true;
      for (int i = 0; i < replicas; i++, globalIndex++) {
        String jobName = name + "-" + rjName + "-" + i;
        wanted.add(jobName);
        Job existing = byName.get(jobName);
        if (existing == null) {
          allReady = false;
          if (depsMet) {
            changed |=
                !state
                    .create(newJob(js, rj, rjName, replicas, i, globalIndex, suspend))
                    .action()
                    .isFailure();
          }
          continue;
        }
        allReady &= isReady(existing);
        if (!Objects.equals(existing.getSpec().getSuspend(), suspend)) {
          existing.getSpec().setSuspend(suspend);
          state.update(existing);
          changed = true;
        }
      }
      ready.put(rjName, allReady && replicas > 0);
    }
    for (Job j : jobs) {
      if (!wanted.contains(Metadata.name(j))) {
        changed |= state.delete(GangKeys.JOB, Metadata.namespace(j), Metadata.name(j));
      }
    }
    return changed;
  }

  /** Every pod the Job wants is ready (the Job controller counts them in status.ready). */
  private static boolean isReady(Job job) {
    JobSpec spec = job.getSpec();
    int parallelism = spec.getParallelism() == null ? 1 : spec.getParallelism();
    int want =
        spec.getCompletions() == null ? parallelism : Math.min(parallelism, spec.getCompletions());
    Integer ready = job.getStatus() == null ? null : job.getStatus().getReady();
    return ready != null && ready >= want;
  }

  private static Job newJob(
      HasMetadata js,
      Tree rj,
      String rjName,
      int replicas,
      int index,
      int globalIndex,
      boolean suspend) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(GangKeys.JOBSET_NAME, Metadata.name(js));
    keys.put(GangKeys.JOBSET_REPLICATED_JOB_NAME, rjName);
    keys.put(GangKeys.JOBSET_REPLICATED_JOB_REPLICAS, Integer.toString(replicas));
    keys.put(GangKeys.JOBSET_JOB_INDEX, Integer.toString(index));
    keys.put(GangKeys.JOBSET_JOB_GLOBAL_INDEX, Integer.toString(globalIndex));
    Tree template = rj.get("template");
    ObjectMeta meta = template.get("metadata").metadata().orElseGet(ObjectMeta::new);
    meta.setName(Metadata.name(js) + "-" + rjName + "-" + index);
    meta.setNamespace(Metadata.namespace(js));
    meta.setLabels(merged(meta.getLabels(), keys));
    Map<String, String> annotations = merged(meta.getAnnotations(), keys);
    String exclusive = Metadata.annotations(js).get(GangKeys.JOBSET_EXCLUSIVE_TOPOLOGY);
    if (exclusive != null) {
      annotations.putIfAbsent(GangKeys.JOBSET_EXCLUSIVE_TOPOLOGY, exclusive);
    }
    meta.setAnnotations(annotations);
    meta.setOwnerReferences(List.of(OwnerReferences.controllerRef(js)));
    meta.setResourceVersion(null);
    meta.setUid(null);
    JobSpec spec = template.get("spec").as(JobSpec.class).orElseGet(JobSpec::new);
    PodTemplateSpec pt = spec.getTemplate() == null ? new PodTemplateSpec() : spec.getTemplate();
    ObjectMeta pm = pt.getMetadata() == null ? new ObjectMeta() : pt.getMetadata();
    pm.setLabels(merged(pm.getLabels(), keys));
    pm.setAnnotations(merged(pm.getAnnotations(), keys));
    pt.setMetadata(pm);
    spec.setTemplate(pt);
    spec.setSuspend(suspend);
    Job job = new Job();
    job.setMetadata(meta);
    job.setSpec(KubeSerialization.get().clone(spec));
    return job;
  }

  private static Map<String, String> merged(Map<String, String> base, Map<String, String> more) {
    Map<String, String> out = new LinkedHashMap<>();
    if (base != null) {
      out.putAll(base);
    }
    out.putAll(more);
    return out;
  }
}
