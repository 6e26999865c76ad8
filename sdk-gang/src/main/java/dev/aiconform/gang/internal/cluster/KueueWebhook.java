package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.MutatingAdmission;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.members.PodMarkers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kueue's mutating webhooks: a Job or JobSet created with {@code kueue.x-k8s.io/queue-name} is
 * suspended until Kueue admits it; a plain pod (grouped or not) bound for a queue, and a pod of a
 * queued LeaderWorkerSet, gets the scheduling gate {@code kueue.x-k8s.io/admission}, removed on
 * admission ({@link KueueAdmissionController}).
 */
final class KueueWebhook implements MutatingAdmission {
  // kueue pkg/controller/jobs/pod/constants: SchedulingGateName
  static final String ADMISSION_GATE = "kueue.x-k8s.io/admission";

  @Override
  public void admit(HasMetadata object, Operation operation, ClusterState state) {
    if (operation != Operation.CREATE) {
      return;
    }
    boolean queued = Owners.labels(object).containsKey(GangKeys.KUEUE_QUEUE_NAME);
    if (object instanceof Job && queued && Owners.controllerOf(object).isEmpty()) {
      Job job = (Job) object;
      if (job.getSpec() != null) {
        job.getSpec().setSuspend(true);
      }
    } else if (GangKeys.JOBSET.matches(object)
        && queued
        && object instanceof GenericKubernetesResource) {
      Object spec = ((GenericKubernetesResource) object).getAdditionalProperties().get("spec");
      if (spec instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) spec);
        s.put("suspend", true);
        ((GenericKubernetesResource) object).setAdditionalProperty("spec", s);
      }
    } else if (object instanceof Pod) {
      Pod pod = (Pod) object;
      PodMarkers k = PodMarkers.of(pod.getMetadata(), pod.getSpec());
      boolean plain =
          (k.kueuePodGroup().isPresent() || k.kueueQueue().isPresent())
              && Owners.controllerOf(pod).isEmpty();
      boolean lwsMember =
          Owners.owner(pod, GangKeys.LEADER_WORKER_SET, state)
              .map(lws -> Owners.labels(lws).containsKey(GangKeys.KUEUE_QUEUE_NAME))
              .orElse(false);
      if ((plain || lwsMember) && pod.getSpec() != null) {
        List<PodSchedulingGate> gates =
            pod.getSpec().getSchedulingGates() == null
                ? new ArrayList<>()
                : new ArrayList<>(pod.getSpec().getSchedulingGates());
        if (gates.stream().noneMatch(g -> ADMISSION_GATE.equals(g.getName()))) {
          gates.add(new PodSchedulingGate(ADMISSION_GATE));
        }
        pod.getSpec().setSchedulingGates(gates);
      }
    }
  }
}
