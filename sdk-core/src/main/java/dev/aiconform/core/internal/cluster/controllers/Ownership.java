package dev.aiconform.core.internal.cluster.controllers;

import dev.aiconform.core.cluster.OwnerReferences;
import dev.aiconform.core.cluster.PodLifecycle;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Pods made from templates, as kube-controller-manager's controller utilities make them
 * (controller_utils.go); controller references are {@link OwnerReferences}, pod states {@link
 * PodLifecycle}.
 */
public final class Ownership {
  private Ownership() {}

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
    meta.setOwnerReferences(new ArrayList<>(List.of(OwnerReferences.controllerRef(owner))));
    pod.setMetadata(meta);
    PodSpec spec =
        template == null || template.getSpec() == null
            ? new PodSpec()
            : KubeSerialization.get().clone(template.getSpec());
    pod.setSpec(spec);
    return pod;
  }

  /** Whether the pod has a node (the scheduler bound it). */
  public static boolean isAssigned(Pod pod) {
    return pod.getSpec() != null
        && pod.getSpec().getNodeName() != null
        && !pod.getSpec().getNodeName().isEmpty()
        && PodLifecycle.isReady(pod);
  }

  /** The canonical JSON of a template, what template hashes are computed from. */
  public static String canonical(Object template) {
    return KubeSerialization.get().asJson(template);
  }
}
