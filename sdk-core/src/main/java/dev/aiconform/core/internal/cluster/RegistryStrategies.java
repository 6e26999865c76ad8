package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.internal.cluster.scheduler.ResourceAmounts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API server's registry does to an object before it is validated and stored, for the kinds
 * the in-memory cluster runs (the {@code PrepareForCreate} / {@code PrepareForUpdate} of their REST
 * strategies, and the defaults that controllers rely on):
 *
 * <ul>
 *   <li>Pod: status reset to Pending with its QoS class; {@code schedulerName} defaults to {@code
 *       default-scheduler}.
 *   <li>Job: {@code parallelism}/{@code completions} defaults, {@code completionMode}, {@code
 *       suspend}, {@code backoffLimit}; unless {@code manualSelector}, the generated selector on
 *       {@code batch.kubernetes.io/controller-uid} and the four job labels on the pod template.
 *   <li>Deployment, ReplicaSet, StatefulSet: {@code replicas} defaults to 1; status reset.
 *   <li>CustomResourceDefinition: established at once (Established and NamesAccepted True).
 * </ul>
 *
 * On update the status of these kinds is the stored one: their controllers own it.
 */
final class RegistryStrategies {
  static final String JOB_CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String JOB_NAME = "batch.kubernetes.io/job-name";
  static final String LEGACY_CONTROLLER_UID = "controller-uid";
  static final String LEGACY_JOB_NAME = "job-name";

  /** pkg/apis/batch/v1/defaults.go: BackoffLimit defaults to 6. */
  static final int DEFAULT_BACKOFF_LIMIT = 6;

  private RegistryStrategies() {}

  static void prepareForCreate(HasMetadata object, String uid, String timestamp) {
    if (object instanceof Pod) {
      Pod pod = (Pod) object;
      if (pod.getSpec() != null && isEmpty(pod.getSpec().getSchedulerName())) {
        pod.getSpec().setSchedulerName("default-scheduler");
      }
      PodStatus status = new PodStatus();
      status.setPhase("Pending");
      status.setQosClass(qosClass(pod.getSpec()));
      pod.setStatus(status);
    } else if (object instanceof Job) {
      prepareJob((Job) object, uid);
    } else if (object instanceof Deployment) {
      Deployment d = (Deployment) object;
      if (d.getSpec() != null && d.getSpec().getReplicas() == null) {
        d.getSpec().setReplicas(1);
      }
      d.setStatus(null);
    } else if (object instanceof ReplicaSet) {
      ReplicaSet rs = (ReplicaSet) object;
      if (rs.getSpec() != null && rs.getSpec().getReplicas() == null) {
        rs.getSpec().setReplicas(1);
      }
      rs.setStatus(null);
    } else if (object instanceof StatefulSet) {
      StatefulSet s = (StatefulSet) object;
      if (s.getSpec() != null && s.getSpec().getReplicas() == null) {
        s.getSpec().setReplicas(1);
      }
      s.setStatus(null);
    } else if (object instanceof CustomResourceDefinition) {
      establish((CustomResourceDefinition) object, timestamp);
    }
  }

  static void prepareForUpdate(HasMetadata object, HasMetadata stored) {
    if (object instanceof Pod && stored instanceof Pod) {
      ((Pod) object).setStatus(((Pod) stored).getStatus());
    } else if (object instanceof Job && stored instanceof Job) {
      ((Job) object).setStatus(((Job) stored).getStatus());
    } else if (object instanceof Deployment && stored instanceof Deployment) {
      ((Deployment) object).setStatus(((Deployment) stored).getStatus());
    } else if (object instanceof ReplicaSet && stored instanceof ReplicaSet) {
      ((ReplicaSet) object).setStatus(((ReplicaSet) stored).getStatus());
    } else if (object instanceof StatefulSet && stored instanceof StatefulSet) {
      ((StatefulSet) object).setStatus(((StatefulSet) stored).getStatus());
    } else if (object instanceof CustomResourceDefinition
        && stored instanceof CustomResourceDefinition) {
      ((CustomResourceDefinition) object)
          .setStatus(((CustomResourceDefinition) stored).getStatus());
    }
  }

  /** Node IPAM: a node without a pod CIDR gets the next /24 of 10.244.0.0/16 and beyond. */
  static void assignPodCidr(Node node, int index) {
    if (node.getSpec() == null) {
      node.setSpec(new io.fabric8.kubernetes.api.model.NodeSpec());
    }
    if (isEmpty(node.getSpec().getPodCIDR())) {
      int block = 244 * 256 + index;
      String cidr = "10." + ((block / 256) % 256) + "." + (block % 256) + ".0/24";
      node.getSpec().setPodCIDR(cidr);
      node.getSpec().setPodCIDRs(List.of(cidr));
    }
  }

  private static void prepareJob(Job job, String uid) {
    JobSpec spec = job.getSpec();
    job.setStatus(new JobStatus());
    if (spec == null) {
      return;
    }
    if (spec.getCompletions() == null && spec.getParallelism() == null) {
      spec.setCompletions(1);
      spec.setParallelism(1);
    }
    if (spec.getParallelism() == null) {
      spec.setParallelism(1);
    }
    if (spec.getCompletionMode() == null) {
      spec.setCompletionMode("NonIndexed");
    }
    if (spec.getSuspend() == null) {
      spec.setSuspend(false);
    }
    if (spec.getBackoffLimit() == null && spec.getBackoffLimitPerIndex() == null) {
      spec.setBackoffLimit(DEFAULT_BACKOFF_LIMIT);
    }
    if (Boolean.TRUE.equals(spec.getManualSelector())) {
      return;
    }
    // pkg/registry/batch/job/strategy.go: generateSelector.
    String name = job.getMetadata().getName();
    PodTemplateSpec template = spec.getTemplate();
    if (template == null) {
      template = new PodTemplateSpec();
      spec.setTemplate(template);
    }
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    Map<String, String> labels =
        template.getMetadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(template.getMetadata().getLabels());
    labels.put(JOB_CONTROLLER_UID, uid);
    labels.put(JOB_NAME, name);
    labels.put(LEGACY_CONTROLLER_UID, uid);
    labels.put(LEGACY_JOB_NAME, name);
    template.getMetadata().setLabels(labels);
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(new LinkedHashMap<>(Map.of(JOB_CONTROLLER_UID, uid)));
    spec.setSelector(selector);
  }

  private static void establish(CustomResourceDefinition crd, String timestamp) {
    CustomResourceDefinitionStatus status = new CustomResourceDefinitionStatus();
    List<CustomResourceDefinitionCondition> conditions = new ArrayList<>();
    for (String type : List.of("NamesAccepted", "Established")) {
      CustomResourceDefinitionCondition c = new CustomResourceDefinitionCondition();
      c.setType(type);
      c.setStatus("True");
      c.setReason(type.equals("Established") ? "InitialNamesAccepted" : "NoConflicts");
      c.setLastTransitionTime(timestamp);
      conditions.add(c);
    }
    status.setConditions(conditions);
    if (crd.getSpec() != null) {
      status.setAcceptedNames(crd.getSpec().getNames());
      if (crd.getSpec().getVersions() != null) {
        List<String> stored = new ArrayList<>();
        crd.getSpec()
            .getVersions()
            .forEach(
                v -> {
                  if (Boolean.TRUE.equals(v.getStorage())) {
                    stored.add(v.getName());
                  }
                });
        status.setStoredVersions(stored);
      }
    }
    crd.setStatus(status);
  }

  /** pkg/apis/core/helper/qos: Guaranteed, Burstable or BestEffort. */
  static String qosClass(PodSpec spec) {
    if (spec == null) {
      return "BestEffort";
    }
    List<Container> all = new ArrayList<>();
    if (spec.getInitContainers() != null) {
      all.addAll(spec.getInitContainers());
    }
    if (spec.getContainers() != null) {
      all.addAll(spec.getContainers());
    }
    boolean any = false;
    boolean guaranteed = true;
    for (Container c : all) {
      Map<String, Quantity> requests =
          c.getResources() == null || c.getResources().getRequests() == null
              ? Map.of()
              : c.getResources().getRequests();
      Map<String, Quantity> limits =
          c.getResources() == null || c.getResources().getLimits() == null
              ? Map.of()
              : c.getResources().getLimits();
      for (String r : List.of(ResourceAmounts.CPU, ResourceAmounts.MEMORY)) {
        boolean hasRequest =
            requests.containsKey(r) && ResourceAmounts.of(r, requests.get(r)).signum() > 0;
        boolean hasLimit =
            limits.containsKey(r) && ResourceAmounts.of(r, limits.get(r)).signum() > 0;
        any |= hasRequest || hasLimit;
        if (!hasLimit) {
          guaranteed = false;
        } else if (hasRequest
            && ResourceAmounts.of(r, requests.get(r))
                    .compareTo(ResourceAmounts.of(r, limits.get(r)))
                != 0) {
          guaranteed = false;
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
