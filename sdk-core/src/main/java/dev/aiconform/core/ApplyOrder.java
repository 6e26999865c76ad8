package dev.aiconform.core;

import java.util.HashMap;
import java.util.Map;

/**
 * The order in which kinds are applied to a cluster, so that what an object refers to exists before
 * it: namespaces and cluster-wide objects (CRDs, DeviceClasses, queues), then configuration, device
 * claims and templates, gang objects, workloads, and last autoscalers and monitors.
 *
 * <pre>{@code
 * ApplyOrder.rank(GroupKind.of("resource.k8s.io", "DeviceClass")) < ApplyOrder.rank(GroupKind.of("", "Pod"))
 * }</pre>
 */
public final class ApplyOrder {
  /** Phases, in order. Unknown kinds go to {@link #WORKLOADS}, after what they may refer to. */
  public static final int NAMESPACES = 0;

  public static final int DEFINITIONS = 1;
  public static final int CLUSTER_OBJECTS = 2;
  public static final int CONFIGURATION = 3;
  public static final int DEVICE_CLAIMS = 4;
  public static final int GANG_OBJECTS = 5;
  public static final int WORKLOADS = 6;
  public static final int SERVICES = 7;
  public static final int AUTOSCALERS = 8;

  private static final Map<GroupKind, Integer> RANKS = new HashMap<>();

  static {
    put(NAMESPACES, "", "Namespace");
    put(DEFINITIONS, "apiextensions.k8s.io", "CustomResourceDefinition");
    put(DEFINITIONS, "apiregistration.k8s.io", "APIService");
    put(CLUSTER_OBJECTS, "", "Node");
    put(CLUSTER_OBJECTS, "scheduling.k8s.io", "PriorityClass");
    put(CLUSTER_OBJECTS, "resource.k8s.io", "DeviceClass");
    put(CLUSTER_OBJECTS, "resource.k8s.io", "ResourceSlice");
    put(CLUSTER_OBJECTS, "resource.k8s.io", "DeviceTaintRule");
    put(CLUSTER_OBJECTS, "node.k8s.io", "RuntimeClass");
    put(CLUSTER_OBJECTS, "storage.k8s.io", "StorageClass");
    put(CLUSTER_OBJECTS, "rbac.authorization.k8s.io", "ClusterRole");
    put(CLUSTER_OBJECTS, "rbac.authorization.k8s.io", "ClusterRoleBinding");
    put(CLUSTER_OBJECTS, "kueue.x-k8s.io", "ResourceFlavor");
    put(CLUSTER_OBJECTS, "kueue.x-k8s.io", "Topology");
    put(CLUSTER_OBJECTS, "kueue.x-k8s.io", "Cohort");
    put(CLUSTER_OBJECTS, "kueue.x-k8s.io", "AdmissionCheck");
    put(CLUSTER_OBJECTS, "kueue.x-k8s.io", "ClusterQueue");
    put(CLUSTER_OBJECTS, "kueue.x-k8s.io", "WorkloadPriorityClass");
    put(CLUSTER_OBJECTS, "scheduling.volcano.sh", "Queue");
    put(CONFIGURATION, "kueue.x-k8s.io", "LocalQueue");
    put(CONFIGURATION, "", "ServiceAccount");
    put(CONFIGURATION, "", "ConfigMap");
    put(CONFIGURATION, "", "Secret");
    put(CONFIGURATION, "", "LimitRange");
    put(CONFIGURATION, "", "ResourceQuota");
    put(CONFIGURATION, "", "PersistentVolume");
    put(CONFIGURATION, "", "PersistentVolumeClaim");
    put(CONFIGURATION, "rbac.authorization.k8s.io", "Role");
    put(CONFIGURATION, "rbac.authorization.k8s.io", "RoleBinding");
    put(DEVICE_CLAIMS, "resource.k8s.io", "ResourceClaim");
    put(DEVICE_CLAIMS, "resource.k8s.io", "ResourceClaimTemplate");
    put(GANG_OBJECTS, "scheduling.k8s.io", "Workload");
    put(GANG_OBJECTS, "scheduling.k8s.io", "PodGroup");
    put(GANG_OBJECTS, "scheduling.volcano.sh", "PodGroup");
    put(GANG_OBJECTS, "scheduling.x-k8s.io", "PodGroup");
    put(SERVICES, "", "Service");
    put(SERVICES, "networking.k8s.io", "Ingress");
    put(SERVICES, "gateway.networking.k8s.io", "Gateway");
    put(SERVICES, "gateway.networking.k8s.io", "HTTPRoute");
    put(SERVICES, "inference.networking.k8s.io", "InferencePool");
    put(SERVICES, "policy", "PodDisruptionBudget");
    put(AUTOSCALERS, "autoscaling", "HorizontalPodAutoscaler");
    put(AUTOSCALERS, "keda.sh", "ScaledObject");
    put(AUTOSCALERS, "keda.sh", "ScaledJob");
    put(CONFIGURATION, "keda.sh", "TriggerAuthentication");
    put(CONFIGURATION, "keda.sh", "ClusterTriggerAuthentication");
    put(AUTOSCALERS, "monitoring.coreos.com", "ServiceMonitor");
    put(AUTOSCALERS, "monitoring.coreos.com", "PodMonitor");
    put(AUTOSCALERS, "monitoring.coreos.com", "PrometheusRule");
  }

  private ApplyOrder() {}

  private static void put(int rank, String group, String kind) {
    RANKS.put(GroupKind.of(group, kind), rank);
  }

  /** The phase of {@code kind}; kinds not listed are workloads. */
  public static int rank(GroupKind kind) {
    return RANKS.getOrDefault(kind, WORKLOADS);
  }
}
