package dev.aiconform.core.internal.cluster.controllers;

import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Controller references between workloads and what they create, and pods made from templates, as
 * kube-controller-manager's controller utilities do (controller_utils.go).
 */
public final class Ownership {
  private Ownership() {}

  /** metav1.NewControllerRef: controller and blockOwnerDeletion set. */
  public static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** The owner reference marked as controller, if any. */
  public static Optional<OwnerReference> controllerOf(HasMetadata object) {
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** The objects of {@code list} grouped by the uid of their controller. */
  public static <T extends HasMetadata> Map<String, List<T>> byController(List<T> list) {
    Map<String, List<T>> out = new HashMap<>();
    for (T o : list) {
      controllerOf(o)
          .ifPresent(r -> out.computeIfAbsent(r.getUid(), u -> new ArrayList<>()).add(o));
    }
    return out;
  }

  /** A pod from {@code template}: its labels, annotations, finalizers and a copy of its spec. */
  public static Pod podFromTemplate(PodTemplateSpec template, HasMetadata owner) {
    Pod pod = new Pod();
    pod.setApiVersion("v1");
    pod.setKind("Pod");
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(owner.getMetadata().getNamespace());
    ObjectMeta tm = template == null ? null : template.getMetadata();
    meta.setLabels(
        tm == null || tm.getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(tm.getLabels()));
    meta.setAnnotations(
        tm == null || tm.getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(tm.getAnnotations()));
    if (tm != null && tm.getFinalizers() != null) {
      meta.setFinalizers(new ArrayList<>(tm.getFinalizers()));
    }
    meta.setOwnerReferences(new ArrayList<>(List.of(controllerRef(owner))));
    pod.setMetadata(meta);
    PodSpec spec =
        template == null || template.getSpec() == null
            ? new PodSpec()
            : KubeSerialization.get().clone(template.getSpec());
    pod.setSpec(spec);
    return pod;
  }

  /** podutil.IsPodReady: the Ready condition is True. */
  public static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  /** A pod that still runs or may run: not Succeeded, not Failed, not being deleted. */
  public static boolean isActive(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase)
        && !"Failed".equals(phase)
        && pod.getMetadata().getDeletionTimestamp() == null;
  }

  /** Whether the pod has a node (the scheduler bound it). */
  public static boolean isAssigned(Pod pod) {
    return pod.getSpec() != null
        && pod.getSpec().getNodeName() != null
        && !pod.getSpec().getNodeName().isEmpty()
        && isReady(pod);
  }

  /** The canonical JSON of a template, what template hashes are computed from. */
  public static String canonical(Object template) {
    return KubeSerialization.get().asJson(template);
  }
}
