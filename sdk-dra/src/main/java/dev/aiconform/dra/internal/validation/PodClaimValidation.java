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
    // only a Pod has the name its template claims are generated from; templates pass no podMeta
    String podName =
        o instanceof Pod && o.getMetadata() != null && o.getMetadata().getName() != null
            ? o.getMetadata().getName()
            : "";
    podSpec(o).ifPresent(at -> validate(at.spec(), at.path(), podName, out));
    return out;
  }

  private static ResourceApiValidation.Finding finding(
      FieldPath p, Reason reason, String message, String hint) {
    return new ResourceApiValidation.Finding(Rules.POD_RESOURCE_CLAIM, p, reason, message, hint);
  }

  private static void validate(
      PodSpec spec, FieldPath p, String podName, List<ResourceApiValidation.Finding> out) {
    List<PodResourceClaim> claims = ResourceApiValidation.nn(spec.getResourceClaims());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < claims.size(); i++) {
      PodResourceClaim c = claims.get(i);
      FieldPath cp = p.child("resourceClaims").index(i);
      String name = c.getName() == null ? "" : c.getName();
      boolean byName = c.getResourceClaimName() != null;
      boolean byTemplate = c.getResourceClaimTemplateName() != null;
      // validatePodResourceClaim: a repeated name is only a Duplicate (its format is not checked)
      if (name.isEmpty()) {
        out.add(
            finding(
                cp.child("name"),
                Reason.REQUIRED,
                "a pod claim needs a name",
                "name it; containers refer to it in resources.claims"));
      } else if (names.contains(name)) {
        out.add(
            finding(
                cp.child("name"),
                Reason.DUPLICATE,
                "Duplicate value: \"" + name + "\"",
                "use each pod claim name once"));
      } else {
        List<String> invalid = Names.dnsLabel(name);
        for (String m : invalid)
          out.add(
              finding(
                  cp.child("name"),
                  Reason.INVALID,
                  "'" + name + "': " + m,
                  "pod claim names are DNS labels"));
        if (invalid.isEmpty() && byTemplate && !podName.isEmpty()) {
          String generated = podName + "-" + name;
          for (String m : Names.dnsSubdomain(generated))
            out.add(
                finding(
                    cp.child("name"),
                    Reason.INVALID,
                    "'" + generated + "': final ResourceClaim name: " + m,
                    "shorten the pod name or the claim name"));
        }
        names.add(name);
      }
      if (byName && byTemplate) {
        out.add(
            finding(
                cp,
                Reason.INVALID,
                "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified",
                "keep one of them"));
      }
      if (!byName && !byTemplate) {
        out.add(
            finding(
                cp,
                Reason.INVALID,
                "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`",
                "reference a ResourceClaim or a ResourceClaimTemplate"));
      }
      if (byName) {
        for (String m : Names.dnsSubdomain(c.getResourceClaimName()))
          out.add(
              finding(
                  cp.child("resourceClaimName"),
                  Reason.INVALID,
                  "'" + c.getResourceClaimName() + "': " + m,
                  "ResourceClaim names are DNS subdomains"));
      }
      if (byTemplate) {
        for (String m : Names.dnsSubdomain(c.getResourceClaimTemplateName()))
          out.add(
              finding(
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

  private static ResourceApiValidation.Finding duplicate(FieldPath p, String key) {
    return new ResourceApiValidation.Finding(
        Rules.POD_CONTAINER_CLAIM,
        p,
        Reason.DUPLICATE,
        "Duplicate value: \"" + key + "\"",
        "reference a claim either whole or per request, once");
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
      // validateResourceClaimNames: keys are "claim" (all of it) or "claim/request"
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < claims.size(); j++) {
        ResourceClaim rc = claims.get(j);
        FieldPath rp = cp.index(j);
        String name = rc.getName() == null ? "" : rc.getName();
        String request = rc.getRequest() == null ? "" : rc.getRequest();
        if (name.isEmpty()) {
          out.add(
              new ResourceApiValidation.Finding(
                  Rules.POD_CONTAINER_CLAIM,
                  rp,
                  Reason.REQUIRED,
                  "the name of a pod claim is required",
                  "name one of spec.resourceClaims"));
          continue;
        }
        if (seen.contains(name)) {
          // all of that claim is referenced already; the request is not looked at
          out.add(duplicate(rp, name));
        } else {
          String key = name;
          if (!request.isEmpty()) {
            for (String m : Names.dnsLabel(request))
              out.add(
                  new ResourceApiValidation.Finding(
                      Rules.POD_CONTAINER_CLAIM,
                      rp.child("request"),
                      Reason.INVALID,
                      "'" + request + "': " + m,
                      "request names are DNS labels"));
            key = name + "/" + request;
          }
          if (seen.contains(key)) {
            out.add(duplicate(rp, key));
          } else if (request.isEmpty()) {
            // the whole claim overlaps each of its requests referenced before
            for (String k : seen) {
              if (k.startsWith(name + "/")) out.add(duplicate(rp, name));
            }
          }
          seen.add(key);
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
