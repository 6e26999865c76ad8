package dev.aiconform.core;

import io.fabric8.kubernetes.api.Pluralize;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API resources this project touches, as {@code kubectl api-resources} lists them: for each
 * group and kind, its plural resource name and whether its objects live in a namespace. The
 * in-memory cluster uses it to place objects (a namespaced object without a namespace goes to
 * {@code default}; a cluster-scoped one loses the namespace it was given) and to word its errors
 * ({@code resourceclaims.resource.k8s.io "gpus" already exists}).
 *
 * <p>The table covers the Kubernetes groups of 1.34–1.37 that AI workloads use and the CRDs of the
 * ecosystem (Kueue, Volcano, scheduler-plugins, JobSet, LeaderWorkerSet, KEDA, Prometheus operator,
 * Gateway API and its inference extension, Kubeflow, KubeRay, KServe, NVIDIA operators). A kind it
 * does not list is treated as namespaced, which is what most CRDs are; the in-memory cluster
 * prefers the scope an installed CustomResourceDefinition declares.
 *
 * <pre>{@code
 * ApiResources.isNamespaced(GroupKind.of("resource.k8s.io", "DeviceClass")); // false
 * ApiResources.plural(GroupKind.of("kueue.x-k8s.io", "ClusterQueue"));   // "clusterqueues"
 * }</pre>
 */
public final class ApiResources {
  /** One row of the table. */
  public record ApiResource(GroupKind kind, String plural, boolean namespaced) {
    public ApiResource {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(plural, "plural");
    }

    /** {@code "resourceclaims.resource.k8s.io"}, {@code "pods"}: the API server's resource name. */
    public String qualifiedResource() {
      return kind.group().isEmpty() ? plural : plural + "." + kind.group();
    }
  }

  private static final Map<GroupKind, ApiResource> TABLE = new TreeMap<>();

  static {
    // Core group.
    ns("", "Pod", "ConfigMap", "Secret", "Service", "ServiceAccount", "PersistentVolumeClaim");
    ns("", "Endpoints", "Event", "LimitRange", "ResourceQuota", "ReplicationController");
    ns("", "PodTemplate", "Binding");
    cluster("", "Node", "Namespace", "PersistentVolume", "ComponentStatus");
    ns("apps", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ControllerRevision");
    ns("batch", "Job", "CronJob");
    ns("autoscaling", "HorizontalPodAutoscaler");
    ns("policy", "PodDisruptionBudget");
    ns("rbac.authorization.k8s.io", "Role", "RoleBinding");
    cluster("rbac.authorization.k8s.io", "ClusterRole", "ClusterRoleBinding");
    ns("networking.k8s.io", "Ingress", "NetworkPolicy");
    cluster("networking.k8s.io", "IngressClass", "IPAddress", "ServiceCIDR");
    ns("discovery.k8s.io", "EndpointSlice");
    ns("coordination.k8s.io", "Lease", "LeaseCandidate");
    ns("events.k8s.io", "Event");
    cluster("storage.k8s.io", "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment");
    cluster("storage.k8s.io", "VolumeAttributesClass");
    ns("storage.k8s.io", "CSIStorageCapacity");
    cluster("scheduling.k8s.io", "PriorityClass");
    ns("scheduling.k8s.io", "Workload", "PodGroup", "CompositePodGroup");
    cluster("node.k8s.io", "RuntimeClass");
    cluster("apiextensions.k8s.io", "CustomResourceDefinition");
    cluster("apiregistration.k8s.io", "APIService");
    cluster("admissionregistration.k8s.io", "MutatingWebhookConfiguration");
    cluster("admissionregistration.k8s.io", "ValidatingWebhookConfiguration");
    cluster("admissionregistration.k8s.io", "ValidatingAdmissionPolicy");
    cluster("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding");
    cluster("admissionregistration.k8s.io", "MutatingAdmissionPolicy");
    cluster("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding");
    cluster("certificates.k8s.io", "CertificateSigningRequest", "ClusterTrustBundle");
    cluster("flowcontrol.apiserver.k8s.io", "FlowSchema", "PriorityLevelConfiguration");
    // Dynamic Resource Allocation.
    cluster("resource.k8s.io", "DeviceClass", "ResourceSlice", "DeviceTaintRule");
    ns("resource.k8s.io", "ResourceClaim", "ResourceClaimTemplate");
    // Kueue.
    cluster("kueue.x-k8s.io", "ClusterQueue", "ResourceFlavor", "Cohort", "Topology");
    cluster("kueue.x-k8s.io", "AdmissionCheck", "WorkloadPriorityClass", "MultiKueueCluster");
    cluster("kueue.x-k8s.io", "MultiKueueConfig", "ProvisioningRequestConfig");
    ns("kueue.x-k8s.io", "LocalQueue", "Workload");
    // Volcano.
    cluster("scheduling.volcano.sh", "Queue");
    ns("scheduling.volcano.sh", "PodGroup");
    ns("batch.volcano.sh", "Job");
    ns("bus.volcano.sh", "Command");
    ns("flow.volcano.sh", "JobFlow", "JobTemplate");
    cluster("topology.volcano.sh", "HyperNode");
    cluster("nodeinfo.volcano.sh", "Numatopology");
    // scheduler-plugins (coscheduling, capacity scheduling) and KAI.
    ns("scheduling.x-k8s.io", "PodGroup", "ElasticQuota");
    ns("scheduling.sigs.k8s.io", "PodGroup", "ElasticQuota");
    ns("scheduling.incubator.k8s.io", "PodGroup");
    ns("scheduling.run.ai", "PodGroup");
    cluster("scheduling.run.ai", "Queue");
    // Workload shapes.
    ns("jobset.x-k8s.io", "JobSet");
    ns("leaderworkerset.x-k8s.io", "LeaderWorkerSet");
    ns("disaggregatedset.x-k8s.io", "DisaggregatedSet");
    ns("kubeflow.org", "PyTorchJob", "TFJob", "MPIJob", "XGBoostJob", "PaddleJob", "JAXJob");
    ns("kubeflow.org", "Notebook");
    ns("trainer.kubeflow.org", "TrainJob", "TrainingRuntime");
    cluster("trainer.kubeflow.org", "ClusterTrainingRuntime");
    ns("ray.io", "RayCluster", "RayJob", "RayService");
    ns("workload.codeflare.dev", "AppWrapper");
    ns("sparkoperator.k8s.io", "SparkApplication", "ScheduledSparkApplication");
    // Autoscaling and monitoring.
    ns("keda.sh", "ScaledObject", "ScaledJob", "TriggerAuthentication");
    cluster("keda.sh", "ClusterTriggerAuthentication");
    ns("keda.k8s.io", "ScaledObject");
    ns("eventing.keda.sh", "CloudEventSource");
    cluster("eventing.keda.sh", "ClusterCloudEventSource");
    ns("monitoring.coreos.com", "ServiceMonitor", "PodMonitor", "PrometheusRule", "Probe");
    ns("monitoring.coreos.com", "Prometheus", "PrometheusAgent", "Alertmanager");
    ns("monitoring.coreos.com", "AlertmanagerConfig", "ScrapeConfig", "ThanosRuler");
    // Serving and networking.
    ns("gateway.networking.k8s.io", "Gateway", "HTTPRoute", "GRPCRoute", "ReferenceGrant");
    ns("gateway.networking.k8s.io", "TLSRoute", "TCPRoute", "UDPRoute", "BackendTLSPolicy");
    cluster("gateway.networking.k8s.io", "GatewayClass");
    ns("inference.networking.k8s.io", "InferencePool");
    ns("inference.networking.x-k8s.io", "InferencePool", "InferenceModel", "InferenceObjective");
    ns("serving.kserve.io", "InferenceService", "ServingRuntime", "InferenceGraph");
    cluster("serving.kserve.io", "ClusterServingRuntime", "ClusterStorageContainer");
    // Accelerator operators.
    cluster("nvidia.com", "ClusterPolicy", "NVIDIADriver");
    ns("resource.nvidia.com", "ComputeDomain");
    cluster("gpu.resource.nvidia.com", "DeviceClassParameters");
    ns("gpu.resource.nvidia.com", "GpuClaimParameters", "MigDeviceClaimParameters");
  }

  private ApiResources() {}

  private static void ns(String group, String... kinds) {
    for (String kind : kinds) {
      put(group, kind, true);
    }
  }

  private static void cluster(String group, String... kinds) {
    for (String kind : kinds) {
      put(group, kind, false);
    }
  }

  private static void put(String group, String kind, boolean namespaced) {
    GroupKind gk = GroupKind.of(group, kind);
    TABLE.put(gk, new ApiResource(gk, pluralOf(kind), namespaced));
  }

  /** The row of {@code kind}, if the table lists it. */
  public static Optional<ApiResource> find(GroupKind kind) {
    return Optional.ofNullable(TABLE.get(kind));
  }

  /** Every row, sorted by group and kind. */
  public static Collection<ApiResource> all() {
    return Collections.unmodifiableCollection(TABLE.values());
  }

  /** Whether objects of {@code kind} live in a namespace; unknown kinds are namespaced. */
  public static boolean isNamespaced(GroupKind kind) {
    ApiResource r = TABLE.get(kind);
    return r == null || r.namespaced();
  }

  /** The plural resource name, such as {@code "deviceclasses"}; guessed for unknown kinds. */
  public static String plural(GroupKind kind) {
    ApiResource r = TABLE.get(kind);
    return r == null ? pluralOf(kind.kind()) : r.plural();
  }

  /** The resource as the API server names it in errors: {@code "jobs.batch"}, {@code "pods"}. */
  public static String qualifiedResource(GroupKind kind) {
    String plural = plural(kind);
    return kind.group().isEmpty() ? plural : plural + "." + kind.group();
  }

  private static String pluralOf(String kind) {
    // The API server's plurals are the lower-cased kind, pluralised the English way.
    return Pluralize.toPlural(kind.toLowerCase(Locale.ROOT));
  }
}
