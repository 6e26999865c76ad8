package dev.aiconform.gang.internal;

import dev.aiconform.core.FeatureGate;

/** The Kubernetes feature gates of the Workload API, with their defaults per version. */
public final class GangFeatureGates {
  private GangFeatureGates() {}

  // pkg/features/kube_features.go: alpha 1.35, beta 1.37 (off by default in both)
  public static final FeatureGate GENERIC_WORKLOAD = FeatureGate.of("GenericWorkload");
  // pkg/features/kube_features.go: alpha 1.35 (merged into GenericWorkload in 1.37)
  public static final FeatureGate GANG_SCHEDULING = FeatureGate.of("GangScheduling");
  // pkg/features/kube_features.go: alpha 1.36
  public static final FeatureGate TOPOLOGY_AWARE_WORKLOAD_SCHEDULING =
      FeatureGate.of("TopologyAwareWorkloadScheduling");
  // pkg/features/kube_features.go: alpha 1.36, beta 1.37 (off by default)
  public static final FeatureGate DRA_WORKLOAD_RESOURCE_CLAIMS =
      FeatureGate.of("DRAWorkloadResourceClaims");
  // pkg/features/kube_features.go: alpha 1.36 (gates disruptionMode, priorityClassName, priority)
  public static final FeatureGate WORKLOAD_AWARE_PREEMPTION =
      FeatureGate.of("WorkloadAwarePreemption");
  // pkg/features/kube_features.go: alpha 1.37
  public static final FeatureGate COMPOSITE_POD_GROUP = FeatureGate.of("CompositePodGroup");
  // pkg/features/kube_features.go: alpha 1.37
  public static final FeatureGate POD_GROUP_PREEMPTION_POLICY =
      FeatureGate.of("PodGroupPreemptionPolicy");
}
