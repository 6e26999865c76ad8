package dev.aiconform.dra;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;

/**
 * Wires claims into pods: {@code spec.resourceClaims} entries and each container's {@code
 * resources.claims} (optionally restricted to one request of the claim).
 *
 * <pre>{@code
 * PodClaims.useTemplate(podSpec, "gpus", "h100-pair");
 * PodClaims.attach(podSpec.getContainers().get(0), "gpus");
 * }</pre>
 */
public final class PodClaims {
  private PodClaims() {}

  /** Adds a pod claim generated per pod from a ResourceClaimTemplate. */
  public static PodSpec useTemplate(PodSpec spec, String podClaimName, String templateName) {
    return add(
        spec,
        new PodResourceClaimBuilder()
            .withName(podClaimName)
            .withResourceClaimTemplateName(templateName)
            .build());
  }

  /** Adds a pod claim that references an existing (shared) ResourceClaim. */
  public static PodSpec useClaim(PodSpec spec, String podClaimName, String claimName) {
    return add(
        spec,
        new PodResourceClaimBuilder()
            .withName(podClaimName)
            .withResourceClaimName(claimName)
            .build());
  }

  private static PodSpec add(PodSpec spec, PodResourceClaim claim) {
    if (spec.getResourceClaims() == null) spec.setResourceClaims(new ArrayList<>());
    spec.getResourceClaims().add(claim);
    return spec;
  }

  /** Gives a container access to all devices of a pod claim. */
  public static Container attach(Container container, String podClaimName) {
    return attach(container, podClaimName, null);
  }

  /** Gives a container access to the devices of one request of a pod claim. */
  public static Container attach(Container container, String podClaimName, String request) {
    if (container.getResources() == null) container.setResources(new ResourceRequirements());
    if (container.getResources().getClaims() == null) {
      container.getResources().setClaims(new ArrayList<>());
    }
    ResourceClaimBuilder c = new ResourceClaimBuilder().withName(podClaimName);
    if (request != null) c.withRequest(request);
    container.getResources().getClaims().add(c.build());
    return container;
  }

  /** Wires a claim into the pod and its first container in one step. */
  public static PodSpec useTemplateInFirstContainer(PodSpec spec, DeviceClaim claim) {
    useTemplate(spec, claim.name(), claim.name());
    attach(spec.getContainers().get(0), claim.name());
    return spec;
  }
}
