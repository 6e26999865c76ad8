package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.NameFormat;
import java.util.Map;
import java.util.Set;

/**
 * What the API server knows about kinds that the object-metadata rules need: the name format each
 * kind's validation passes to ValidateObjectMeta, which kinds are cluster-scoped, and which API
 * groups are built in (validated by pkg/apis/core's ValidateObjectMeta, with its finalizer check).
 */
final class BuiltinKinds {
  /** Kinds whose names are not held to the default DNS-1123 subdomain. */
  private static final Map<GroupKind, NameFormat> NAME_FORMATS =
      Map.of(
          // pkg/apis/core/validation/validation.go: ValidateNamespaceName (NameIsDNSLabel)
          GroupKind.of("", "Namespace"), NameFormat.DNS1123_LABEL,
          // pkg/apis/core/validation/validation.go: ValidateServiceName (NameIsDNS1035Label)
          GroupKind.of("", "Service"), NameFormat.DNS1035_LABEL,
          // pkg/apis/apps/validation/validation.go: ValidateStatefulSetName (NameIsDNSLabel)
          GroupKind.of("apps", "StatefulSet"), NameFormat.DNS1123_LABEL,
          // pkg/apis/rbac/validation/validation.go: ValidateRBACName (path.ValidatePathSegmentName)
          GroupKind.of("rbac.authorization.k8s.io", "Role"), NameFormat.PATH_SEGMENT,
          GroupKind.of("rbac.authorization.k8s.io", "ClusterRole"), NameFormat.PATH_SEGMENT,
          GroupKind.of("rbac.authorization.k8s.io", "RoleBinding"), NameFormat.PATH_SEGMENT,
          GroupKind.of("rbac.authorization.k8s.io", "ClusterRoleBinding"), NameFormat.PATH_SEGMENT,
          // pkg/apis/policy/validation: no name function, only rest.BeforeCreate's path segment
          GroupKind.of("policy", "PodDisruptionBudget"), NameFormat.PATH_SEGMENT,
          // pkg/apis/scheduling/validation ValidatePodGroup: ValidatePodGroupName (NameIsDNSLabel)
          GroupKind.of("scheduling.k8s.io", "PodGroup"), NameFormat.DNS1123_LABEL);

  private static final Set<GroupKind> CLUSTER_SCOPED =
      Set.of(
          GroupKind.of("", "Namespace"),
          GroupKind.of("", "Node"),
          GroupKind.of("", "PersistentVolume"),
          GroupKind.of("", "ComponentStatus"),
          GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
          GroupKind.of("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
          GroupKind.of("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
          GroupKind.of("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
          GroupKind.of("admissionregistration.k8s.io", "MutatingAdmissionPolicy"),
          GroupKind.of("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
          GroupKind.of("apiextensions.k8s.io", "CustomResourceDefinition"),
          GroupKind.of("apiregistration.k8s.io", "APIService"),
          GroupKind.of("certificates.k8s.io", "CertificateSigningRequest"),
          GroupKind.of("certificates.k8s.io", "ClusterTrustBundle"),
          GroupKind.of("flowcontrol.apiserver.k8s.io", "FlowSchema"),
          GroupKind.of("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
          GroupKind.of("networking.k8s.io", "IngressClass"),
          GroupKind.of("networking.k8s.io", "IPAddress"),
          GroupKind.of("networking.k8s.io", "ServiceCIDR"),
          GroupKind.of("node.k8s.io", "RuntimeClass"),
          GroupKind.of("rbac.authorization.k8s.io", "ClusterRole"),
          GroupKind.of("rbac.authorization.k8s.io", "ClusterRoleBinding"),
          GroupKind.of("resource.k8s.io", "DeviceClass"),
          GroupKind.of("resource.k8s.io", "ResourceSlice"),
          GroupKind.of("resource.k8s.io", "DeviceTaintRule"),
          GroupKind.of("scheduling.k8s.io", "PriorityClass"),
          GroupKind.of("storage.k8s.io", "StorageClass"),
          GroupKind.of("storage.k8s.io", "CSIDriver"),
          GroupKind.of("storage.k8s.io", "CSINode"),
          GroupKind.of("storage.k8s.io", "VolumeAttachment"),
          GroupKind.of("storage.k8s.io", "VolumeAttributesClass"),
          GroupKind.of("storagemigration.k8s.io", "StorageVersionMigration"),
          // Cluster-scoped custom resources AI workloads bring along.
          GroupKind.of("kueue.x-k8s.io", "ClusterQueue"),
          GroupKind.of("kueue.x-k8s.io", "ResourceFlavor"),
          GroupKind.of("kueue.x-k8s.io", "Cohort"),
          GroupKind.of("kueue.x-k8s.io", "Topology"),
          GroupKind.of("kueue.x-k8s.io", "AdmissionCheck"),
          GroupKind.of("kueue.x-k8s.io", "WorkloadPriorityClass"),
          GroupKind.of("kueue.x-k8s.io", "MultiKueueCluster"),
          GroupKind.of("kueue.x-k8s.io", "MultiKueueConfig"),
          GroupKind.of("scheduling.volcano.sh", "Queue"),
          GroupKind.of("scheduling.run.ai", "Queue"),
          GroupKind.of("gateway.networking.k8s.io", "GatewayClass"),
          GroupKind.of("keda.sh", "ClusterTriggerAuthentication"),
          GroupKind.of("trainer.kubeflow.org", "ClusterTrainingRuntime"));

  /** Groups served by kube-apiserver itself (not custom resources). */
  private static final Set<String> BUILTIN_GROUPS =
      Set.of(
          "",
          "admissionregistration.k8s.io",
          "apiextensions.k8s.io",
          "apiregistration.k8s.io",
          "apps",
          "autoscaling",
          "batch",
          "certificates.k8s.io",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "events.k8s.io",
          "flowcontrol.apiserver.k8s.io",
          "networking.k8s.io",
          "node.k8s.io",
          "policy",
          "rbac.authorization.k8s.io",
          "resource.k8s.io",
          "scheduling.k8s.io",
          "storage.k8s.io",
          "storagemigration.k8s.io");

  /**
   * Documents that look like objects (apiVersion and kind) but are never sent to an API server:
   * component configuration files and conformance reports. Metadata rules do not apply to them.
   */
  private static final Set<GroupKind> NOT_API_OBJECTS =
      Set.of(
          GroupKind.of("gateway.networking.k8s.io", "ConformanceReport"),
          GroupKind.of("audit.k8s.io", "Policy"));

  private BuiltinKinds() {}

  /**
   * Whether documents of {@code kind} are API objects: not component configuration (any group
   * ending in {@code config.k8s.io}, such as KubeSchedulerConfiguration) or a report format.
   */
  static boolean isApiObject(GroupKind kind) {
    return !kind.group().endsWith("config.k8s.io") && !NOT_API_OBJECTS.contains(kind);
  }

  /** The name format of {@code kind}; custom resources and most kinds use a DNS-1123 subdomain. */
  static NameFormat nameFormat(GroupKind kind) {
    return NAME_FORMATS.getOrDefault(kind, NameFormat.DNS1123_SUBDOMAIN);
  }

  /** Whether {@code kind} is known to be cluster-scoped; unknown kinds are assumed namespaced. */
  static boolean isClusterScoped(GroupKind kind) {
    return CLUSTER_SCOPED.contains(kind);
  }

  static boolean isBuiltinGroup(String group) {
    return BUILTIN_GROUPS.contains(group);
  }
}
