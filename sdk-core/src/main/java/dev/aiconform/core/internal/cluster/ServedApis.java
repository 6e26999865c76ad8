package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.TargetVersion;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The group-versions a Kubernetes API server serves out of the box: the GA groups of 1.34–1.37
 * (beta APIs introduced since 1.24 are off by default, so none is listed), plus the native Workload
 * API when the GenericWorkload gate is on: {@code scheduling.k8s.io/v1alpha1} in 1.35, {@code
 * v1alpha2} in 1.36, {@code v1beta1} in 1.37.
 */
final class ServedApis {
  private static final List<String> GA =
      List.of(
          "v1",
          "admissionregistration.k8s.io/v1",
          "apiextensions.k8s.io/v1",
          "apiregistration.k8s.io/v1",
          "apps/v1",
          "authentication.k8s.io/v1",
          "authorization.k8s.io/v1",
          "autoscaling/v1",
          "autoscaling/v2",
          "batch/v1",
          "certificates.k8s.io/v1",
          "coordination.k8s.io/v1",
          "discovery.k8s.io/v1",
          "events.k8s.io/v1",
          "flowcontrol.apiserver.k8s.io/v1",
          "networking.k8s.io/v1",
          "node.k8s.io/v1",
          "policy/v1",
          "rbac.authorization.k8s.io/v1",
          "resource.k8s.io/v1",
          "scheduling.k8s.io/v1",
          "storage.k8s.io/v1");

  private ServedApis() {}

  static Set<String> core(TargetVersion version, boolean genericWorkload) {
    Set<String> out = new TreeSet<>(GA);
    if (genericWorkload) {
      switch (version) {
        case V1_34:
          break;
        case V1_35:
          out.add("scheduling.k8s.io/v1alpha1");
          break;
        case V1_36:
          out.add("scheduling.k8s.io/v1alpha2");
          break;
        default:
          out.add("scheduling.k8s.io/v1beta1");
      }
    }
    return out;
  }
}
