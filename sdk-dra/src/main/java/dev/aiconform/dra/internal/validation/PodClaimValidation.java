package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pod side of claims (pkg/apis/core/validation: validatePodResourceClaims and the container
 * {@code resources.claims} checks), for Pods and the pod templates of workload controllers.
 */
public final class PodClaimValidation {
  private PodClaimValidation() {}

  /** A pod spec inside an object, with the path that leads to it. */
  public record PodSpecAt(PodSpec spec, FieldPath path) {}

  /** The pod spec of a Pod or of a workload's template. */
  public static Optional<PodSpecAt> podSpec(HasMetadata o) {
    if (o instanceof Pod) {
      return Optional.ofNullable(((Pod) o).getSpec())
          .map(s -> new PodSpecAt(s, FieldPath.of("spec")));
    }
    PodTemplateSpec t = null;
    FieldPath p = FieldPath.of("spec", "template");
    if (o instanceof Deployment && ((Deployment) o).getSpec() != null)
      t = ((Deployment) o).getSpec().getTemplate();
    else if (o instanceof StatefulSet && ((StatefulSet) o).getSpec() != null)
      t = ((StatefulSet) o).getSpec().getTemplate();
    else if (o instanceof DaemonSet && ((DaemonSet) o).getSpec() != null)
      t = ((DaemonSet) o).getSpec().getTemplate();
    else if (o instanceof ReplicaSet && ((ReplicaSet) o).getSpec() != null)
      t = ((ReplicaSet) o).getSpec().getTemplate();
    else if (o instanceof Job && ((Job) o).getSpec() != null) t = ((Job) o).getSpec().getTemplate();
    else if (o instanceof CronJob
        && ((CronJob) o).getSpec() != null
        && ((CronJob) o).getSpec().getJobTemplate() != null
        && ((CronJob) o).getSpec().getJobTemplate().getSpec() != null) {
      t = ((CronJob) o).getSpec().getJobTemplate().getSpec().getTemplate();
      p = FieldPath.of("spec", "jobTemplate", "spec", "template");
    }
    if (t == null || t.getSpec() == null) return Optional.empty();
    return Optional.of(new PodSpecAt(t.getSpec(), p.child("spec")));
  }

  public static List<ResourceApiValidation.Finding> validate(HasMetadata o) {
    List<ResourceApiValidation.Finding> out = new ArrayList<>();
    podSpec(o).ifPresent(at -> validate(at.spec(), at.path(), out));
    return out;
  }

  private static void validate(PodSpec spec, FieldPath p, List<ResourceApiValidation.Finding> out) {
    List<PodResourceClaim> claims = ResourceApiValidation.nn(spec.getResourceClaims());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < claims.size(); i++) {
      PodResourceClaim c = claims.get(i);
      FieldPath cp = p.child("resourceClaims").index(i);
      String name = c.getName() == null ? "" : c.getName();
      if (name.isEmpty()) {
        out.add(
            new ResourceApiValidation.Finding(
                Rules.POD_RESOURCE_CLAIM,
                cp.child("name"),
                Reason.REQUIRED,
                "a pod claim needs a name",
                "name it; containers refer to it in resources.claims"));
      } else {
        if (!names.add(name)) {
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_RESOURCE_CLAIM,
                  cp.child("name"),
                  Reason.DUPLICATE,
                  "Duplicate value: \"" + name + "\"",
                  "use each pod claim name once"));
        }
        for (String m : Names.dnsLabel(name))
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_RESOURCE_CLAIM,
                  cp.child("name"),
                  Reason.INVALID,
                  "'" + name + "': " + m,
                  "pod claim names are DNS labels"));
      }
      boolean byName = c.getResourceClaimName() != null;
      boolean byTemplate = c.getResourceClaimTemplateName() != null;
      if (!byName && !byTemplate) {
        out.add(
            new ResourceApiValidation.Finding(
                Rules.POD_RESOURCE_CLAIM,
                cp,
                Reason.INVALID,
                "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`",
                "reference a ResourceClaim or a ResourceClaimTemplate"));
      } else if (byName && byTemplate) {
        out.add(
            new ResourceApiValidation.Finding(
                Rules.POD_RESOURCE_CLAIM,
                cp,
                Reason.INVALID,
                "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified",
                "keep one of them"));
      } else if (byName) {
        for (String m : Names.dnsSubdomain(c.getResourceClaimName()))
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_RESOURCE_CLAIM,
                  cp.child("resourceClaimName"),
                  Reason.INVALID,
                  "'" + c.getResourceClaimName() + "': " + m,
                  "ResourceClaim names are DNS subdomains"));
      } else {
        for (String m : Names.dnsSubdomain(c.getResourceClaimTemplateName()))
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_RESOURCE_CLAIM,
                  cp.child("resourceClaimTemplateName"),
                  Reason.INVALID,
                  "'" + c.getResourceClaimTemplateName() + "': " + m,
                  "template names are DNS subdomains"));
      }
    }
    containers(
        ResourceApiValidation.nn(spec.getInitContainers()), p.child("initContainers"), names, out);
    containers(ResourceApiValidation.nn(spec.getContainers()), p.child("containers"), names, out);
  }

  private static void containers(
      List<Container> cs,
      FieldPath p,
      Set<String> podClaims,
      List<ResourceApiValidation.Finding> out) {
    for (int i = 0; i < cs.size(); i++) {
      Container c = cs.get(i);
      if (c.getResources() == null) continue;
      List<ResourceClaim> claims = ResourceApiValidation.nn(c.getResources().getClaims());
      FieldPath cp = p.index(i).child("resources", "claims");
      Set<String> whole = new HashSet<>();
      Set<String> perRequest = new HashSet<>();
      for (int j = 0; j < claims.size(); j++) {
        ResourceClaim rc = claims.get(j);
        FieldPath rp = cp.index(j);
        String name = rc.getName() == null ? "" : rc.getName();
        String request = rc.getRequest() == null ? "" : rc.getRequest();
        if (name.isEmpty()) {
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_CONTAINER_CLAIM,
                  rp.child("name"),
                  Reason.REQUIRED,
                  "the name of a pod claim is required",
                  "name one of spec.resourceClaims"));
          continue;
        }
        boolean dup;
        if (request.isEmpty()) {
          dup = whole.contains(name) || perRequest.stream().anyMatch(k -> k.startsWith(name + "/"));
          whole.add(name);
        } else {
          dup = whole.contains(name) || perRequest.contains(name + "/" + request);
          perRequest.add(name + "/" + request);
          for (String m : Names.dnsLabel(request))
            out.add(
                new ResourceApiValidation.Finding(
                    Rules.POD_CONTAINER_CLAIM,
                    rp.child("request"),
                    Reason.INVALID,
                    "'" + request + "': " + m,
                    "request names are DNS labels"));
        }
        if (dup) {
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_CONTAINER_CLAIM,
                  rp,
                  Reason.DUPLICATE,
                  "Duplicate value: \"" + name + (request.isEmpty() ? "" : "/" + request) + "\"",
                  "reference a claim either whole or per request, once"));
        }
        if (!podClaims.contains(name)) {
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_CONTAINER_CLAIM,
                  rp,
                  Reason.NOT_FOUND,
                  "Not found: \""
                      + name
                      + "\": must be one of the names in pod.spec.resourceClaims"
                      + (podClaims.isEmpty()
                          ? " which is empty"
                          : ": " + String.join(", ", new java.util.TreeSet<>(podClaims))),
                  "add it to spec.resourceClaims or fix the name"));
        }
      }
    }
  }
}
