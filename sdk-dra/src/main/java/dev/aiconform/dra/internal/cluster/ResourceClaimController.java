package dev.aiconform.dra.internal.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodResourceClaimStatus;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimConsumerReference;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes' resource claim controller (pkg/controller/resourceclaim) for the in-memory cluster:
 * creates a ResourceClaim from its template for every template claim of a pod ({@code
 * <pod>-<claim>-<suffix>}, owned by the pod, annotated with the pod claim name) and records it in
 * the pod's {@code status.resourceClaimStatuses}; drops {@code reservedFor} entries of pods that
 * are gone or done, deallocates claims nobody reserves any more, and deletes the generated claims
 * of finished pods.
 */
final class ResourceClaimController implements Controller {
  // pkg/controller/resourceclaim: podResourceClaimAnnotation
  static final String POD_CLAIM_NAME_ANNOTATION = "resource.kubernetes.io/pod-claim-name";
  // pkg/controller/resourceclaim: generated names leave room for "-" and 5 random characters
  static final int MAX_BASE_NAME_LENGTH = 57;

  private static final Logger LOG = LoggerFactory.getLogger(ResourceClaimController.class);
  private static final GroupKind RESOURCE_CLAIM = GroupKind.of("resource.k8s.io", "ResourceClaim");

  @Override
  public String name() {
    return "resource-claim-controller";
  }

  @Override
  public boolean reconcile(ClusterState state) {
    boolean changed = false;
    List<Pod> pods = state.list(Pod.class);
    Map<String, Pod> podsByName = new HashMap<>();
    for (Pod p : pods) {
      podsByName.put(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), p);
    }
    Map<String, List<ResourceClaim>> claimsByOwner = null;
    for (Pod pod : pods) {
      List<PodResourceClaim> podClaims = ClusterDevices.podClaims(pod);
      if (podClaims.isEmpty() || isDone(pod) || pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      for (PodResourceClaim podClaim : podClaims) {
        if (podClaim.getResourceClaimTemplateName() == null || hasStatus(pod, podClaim)) continue;
        if (claimsByOwner == null) claimsByOwner = claimsByOwner(state);
        String claimName = existingClaim(claimsByOwner, pod, podClaim);
        if (claimName == null) claimName = createClaim(state, pod, podClaim);
        if (claimName == null) continue;
        PodStatus st = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        List<PodResourceClaimStatus> statuses =
            st.getResourceClaimStatuses() == null
                ? new ArrayList<>()
                : new ArrayList<>(st.getResourceClaimStatuses());
        statuses.add(new PodResourceClaimStatus(podClaim.getName(), claimName));
        st.setResourceClaimStatuses(statuses);
        pod.setStatus(st);
        state.update(pod);
        changed = true;
      }
    }
    for (ResourceClaim claim : state.list(ResourceClaim.class)) {
      changed |= cleanUp(state, claim, podsByName);
    }
    return changed;
  }

  private static boolean isDone(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean hasStatus(Pod pod, PodResourceClaim podClaim) {
    if (pod.getStatus() == null || pod.getStatus().getResourceClaimStatuses() == null) return false;
    for (PodResourceClaimStatus s : pod.getStatus().getResourceClaimStatuses()) {
      if (Objects.equals(s.getName(), podClaim.getName())) return true;
    }
    return false;
  }

  private static Map<String, List<ResourceClaim>> claimsByOwner(ClusterState state) {
    Map<String, List<ResourceClaim>> out = new HashMap<>();
    for (ResourceClaim c : state.list(ResourceClaim.class)) {
      OwnerReference owner = controller(c);
      if (owner != null && owner.getUid() != null) {
        out.computeIfAbsent(owner.getUid(), k -> new ArrayList<>()).add(c);
      }
    }
    return out;
  }

  private static OwnerReference controller(ResourceClaim c) {
    if (c.getMetadata().getOwnerReferences() == null) return null;
    for (OwnerReference r : c.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(r.getController())) return r;
    }
    return null;
  }

  /** A claim created earlier for this pod claim whose name never reached the pod status. */
  private static String existingClaim(
      Map<String, List<ResourceClaim>> byOwner, Pod pod, PodResourceClaim podClaim) {
    for (ResourceClaim c : byOwner.getOrDefault(pod.getMetadata().getUid(), List.of())) {
      Map<String, String> ann = c.getMetadata().getAnnotations();
      if (ann != null && podClaim.getName().equals(ann.get(POD_CLAIM_NAME_ANNOTATION))) {
        return c.getMetadata().getName();
      }
    }
    return null;
  }

  private static String createClaim(ClusterState state, Pod pod, PodResourceClaim podClaim) {
    String ns = pod.getMetadata().getNamespace();
    Optional<ResourceClaimTemplate> template =
        state.get(ResourceClaimTemplate.class, ns, podClaim.getResourceClaimTemplateName());
    if (template.isEmpty()) {
      LOG.debug(
          "pod {}/{}: resource claim template {} not found",
          ns,
          pod.getMetadata().getName(),
          podClaim.getResourceClaimTemplateName());
      return null;
    }
    var tspec = template.get().getSpec();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(ns);
    meta.setGenerateName(generateName(pod.getMetadata().getName(), podClaim.getName()));
    meta.setOwnerReferences(
        List.of(
            new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withName(pod.getMetadata().getName())
                .withUid(pod.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build()));
    Map<String, String> annotations = new LinkedHashMap<>();
    if (tspec != null
        && tspec.getMetadata() != null
        && tspec.getMetadata().getAnnotations() != null) {
      annotations.putAll(tspec.getMetadata().getAnnotations());
    }
    annotations.put(POD_CLAIM_NAME_ANNOTATION, podClaim.getName());
    meta.setAnnotations(annotations);
    if (tspec != null && tspec.getMetadata() != null && tspec.getMetadata().getLabels() != null) {
      meta.setLabels(new LinkedHashMap<>(tspec.getMetadata().getLabels()));
    }
    ResourceClaim claim = new ResourceClaim();
    claim.setApiVersion("resource.k8s.io/v1");
    claim.setKind("ResourceClaim");
    claim.setMetadata(meta);
    claim.setSpec(
        tspec == null || tspec.getSpec() == null
            ? new ResourceClaimSpec()
            : KubeSerialization.get().convertValue(tspec.getSpec(), ResourceClaimSpec.class));
    ObjectOutcome outcome = state.create(claim);
    if (outcome.action().isFailure()) {
      LOG.warn(
          "pod {}/{}: creating the ResourceClaim for {} failed: {}",
          ns,
          pod.getMetadata().getName(),
          podClaim.getName(),
          outcome);
      return null;
    }
    return outcome.ref().name();
  }

  /**
   * The generated name's base: {@code <pod>-<claim>-}, or both parts cut in proportion to their
   * length when longer than 57 characters (so the claim name keeps part of both).
   */
  static String generateName(String pod, String claim) {
    String base = pod + "-" + claim + "-";
    if (base.length() > MAX_BASE_NAME_LENGTH) {
      int len = base.length();
      base =
          pod.substring(0, pod.length() * MAX_BASE_NAME_LENGTH / len)
              + "-"
              + claim.substring(0, claim.length() * MAX_BASE_NAME_LENGTH / len);
    }
    return base;
  }

  private static boolean cleanUp(ClusterState state, ResourceClaim claim, Map<String, Pod> pods) {
    String ns = claim.getMetadata().getNamespace();
    boolean changed = false;
    var st = claim.getStatus();
    List<ResourceClaimConsumerReference> reserved =
        st == null || st.getReservedFor() == null ? List.of() : st.getReservedFor();
    if (!reserved.isEmpty()) {
      List<ResourceClaimConsumerReference> valid = new ArrayList<>();
      for (ResourceClaimConsumerReference r : reserved) {
        boolean isPod =
            "pods".equals(r.getResource())
                && (r.getApiGroup() == null || r.getApiGroup().isEmpty());
        if (!isPod) {
          valid.add(r);
          continue;
        }
        Pod p = pods.get(ns + "/" + r.getName());
        if (p != null && Objects.equals(p.getMetadata().getUid(), r.getUid()) && !isDone(p)) {
          valid.add(r);
        }
      }
      if (valid.size() != reserved.size()) {
        st.setReservedFor(valid.isEmpty() ? null : valid);
        if (valid.isEmpty()) {
          // Nobody uses the claim any more: free its devices for others.
          st.setAllocation(null);
          st.setDevices(null);
          List<String> finalizers = claim.getMetadata().getFinalizers();
          if (finalizers != null && finalizers.contains(DynamicResourcesPlugin.FINALIZER)) {
            List<String> rest = new ArrayList<>(finalizers);
            rest.remove(DynamicResourcesPlugin.FINALIZER);
            claim.getMetadata().setFinalizers(rest.isEmpty() ? null : rest);
          }
        }
        state.update(claim);
        changed = true;
      }
    }
    OwnerReference owner = controller(claim);
    boolean generated =
        owner != null
            && "Pod".equals(owner.getKind())
            && claim.getMetadata().getAnnotations() != null
            && claim.getMetadata().getAnnotations().containsKey(POD_CLAIM_NAME_ANNOTATION);
    boolean unreserved =
        claim.getStatus() == null
            || claim.getStatus().getReservedFor() == null
            || claim.getStatus().getReservedFor().isEmpty();
    if (generated && unreserved) {
      Pod p = pods.get(ns + "/" + owner.getName());
      if (p != null && Objects.equals(p.getMetadata().getUid(), owner.getUid()) && isDone(p)) {
        changed |= state.delete(RESOURCE_CLAIM, ns, claim.getMetadata().getName());
      }
    }
    return changed;
  }
}
