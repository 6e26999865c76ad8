package dev.aiconform.gang.internal;

import dev.aiconform.core.GroupKind;

/**
 * The labels, annotations, kinds and field names by which each gang backend recognises its members,
 * in one place. Each value carries the upstream source it was taken from.
 */
public final class GangKeys {
  private GangKeys() {}

  // --- Kubernetes native Workload API (KEP-4671) ---
  public static final String SCHEDULING_GROUP = "scheduling.k8s.io";
  // staging/src/k8s.io/api/scheduling/v1beta1/types.go (1.37)
  public static final String NATIVE_V1BETA1 = "scheduling.k8s.io/v1beta1";
  // staging/src/k8s.io/api/scheduling/v1alpha2/types.go (1.36)
  public static final String NATIVE_V1ALPHA2 = "scheduling.k8s.io/v1alpha2";
  // staging/src/k8s.io/api/scheduling/v1alpha1/types.go (1.35)
  public static final String NATIVE_V1ALPHA1 = "scheduling.k8s.io/v1alpha1";
  public static final GroupKind NATIVE_WORKLOAD = GroupKind.of(SCHEDULING_GROUP, "Workload");
  public static final GroupKind NATIVE_POD_GROUP = GroupKind.of(SCHEDULING_GROUP, "PodGroup");

  // --- Kueue (kubernetes-sigs/kueue pkg/controller/constants, jobs/pod/constants) ---
  public static final String KUEUE_GROUP = "kueue.x-k8s.io";
  public static final String KUEUE_V1BETA2 = "kueue.x-k8s.io/v1beta2";
  public static final String KUEUE_QUEUE_NAME = "kueue.x-k8s.io/queue-name";
  public static final String KUEUE_POD_GROUP_NAME = "kueue.x-k8s.io/pod-group-name";
  public static final String KUEUE_POD_GROUP_TOTAL_COUNT = "kueue.x-k8s.io/pod-group-total-count";
  public static final String KUEUE_PRIORITY_CLASS = "kueue.x-k8s.io/priority-class";
  // kueue apis/kueue/v1beta2: PodSet topology request annotations (TAS)
  public static final String KUEUE_REQUIRED_TOPOLOGY = "kueue.x-k8s.io/podset-required-topology";
  public static final String KUEUE_PREFERRED_TOPOLOGY = "kueue.x-k8s.io/podset-preferred-topology";
  public static final String KUEUE_UNCONSTRAINED_TOPOLOGY =
      "kueue.x-k8s.io/podset-unconstrained-topology";
  public static final String KUEUE_PODSET_GROUP_NAME = "kueue.x-k8s.io/podset-group-name";
  public static final GroupKind KUEUE_CLUSTER_QUEUE = GroupKind.of(KUEUE_GROUP, "ClusterQueue");
  public static final GroupKind KUEUE_LOCAL_QUEUE = GroupKind.of(KUEUE_GROUP, "LocalQueue");
  public static final GroupKind KUEUE_RESOURCE_FLAVOR = GroupKind.of(KUEUE_GROUP, "ResourceFlavor");
  public static final GroupKind KUEUE_TOPOLOGY = GroupKind.of(KUEUE_GROUP, "Topology");

  // --- Volcano (volcano-sh/apis pkg/apis/scheduling/v1beta1, batch/v1alpha1) ---
  public static final String VOLCANO_SCHEDULING_GROUP = "scheduling.volcano.sh";
  public static final String VOLCANO_SCHEDULING_V1BETA1 = "scheduling.volcano.sh/v1beta1";
  public static final String VOLCANO_BATCH_V1ALPHA1 = "batch.volcano.sh/v1alpha1";
  public static final GroupKind VOLCANO_POD_GROUP =
      GroupKind.of(VOLCANO_SCHEDULING_GROUP, "PodGroup");
  public static final GroupKind VOLCANO_QUEUE = GroupKind.of(VOLCANO_SCHEDULING_GROUP, "Queue");
  public static final GroupKind VOLCANO_JOB = GroupKind.of("batch.volcano.sh", "Job");
  // volcano-sh/apis pkg/apis/scheduling/v1beta1/labels.go: KubeGroupNameAnnotationKey
  public static final String VOLCANO_GROUP_NAME = "scheduling.k8s.io/group-name";
  // volcano-sh/apis pkg/apis/batch/v1alpha1/labels.go: TaskSpecKey
  public static final String VOLCANO_TASK_SPEC = "volcano.sh/task-spec";
  public static final String VOLCANO_SCHEDULER_NAME = "volcano";
  // Volcano creates the queue "default" at installation
  public static final String VOLCANO_DEFAULT_QUEUE = "default";

  // --- scheduler-plugins coscheduling (apis/scheduling/v1alpha1, pkg/util/podgroup.go) ---
  public static final String COSCHEDULING_GROUP = "scheduling.x-k8s.io";
  public static final String COSCHEDULING_V1ALPHA1 = "scheduling.x-k8s.io/v1alpha1";
  public static final GroupKind COSCHEDULING_POD_GROUP =
      GroupKind.of(COSCHEDULING_GROUP, "PodGroup");
  public static final String COSCHEDULING_POD_GROUP_LABEL = "scheduling.x-k8s.io/pod-group";
  // scheduler-plugins chart as-a-second-scheduler/values.yaml: scheduler.name
  public static final String COSCHEDULING_DEFAULT_SCHEDULER = "scheduler-plugins-scheduler";
  // scheduler-plugins apis/config/v1/defaults.go: PermitWaitingTimeSeconds
  public static final int COSCHEDULING_DEFAULT_PERMIT_WAIT_SECONDS = 60;

  // --- JobSet (kubernetes-sigs/jobset api/jobset/v1alpha2/jobset_types.go) ---
  public static final String JOBSET_V1ALPHA2 = "jobset.x-k8s.io/v1alpha2";
  public static final GroupKind JOBSET = GroupKind.of("jobset.x-k8s.io", "JobSet");
  public static final String JOBSET_NAME = "jobset.sigs.k8s.io/jobset-name";
  public static final String JOBSET_REPLICATED_JOB_NAME = "jobset.sigs.k8s.io/replicatedjob-name";
  public static final String JOBSET_REPLICATED_JOB_REPLICAS =
      "jobset.sigs.k8s.io/replicatedjob-replicas";
  public static final String JOBSET_JOB_INDEX = "jobset.sigs.k8s.io/job-index";
  public static final String JOBSET_JOB_GLOBAL_INDEX = "jobset.sigs.k8s.io/job-global-index";
  public static final String JOBSET_EXCLUSIVE_TOPOLOGY =
      "alpha.jobset.sigs.k8s.io/exclusive-topology";

  // --- LeaderWorkerSet (kubernetes-sigs/lws api/leaderworkerset/v1/leaderworkerset_types.go) ---
  public static final String LWS_V1 = "leaderworkerset.x-k8s.io/v1";
  public static final GroupKind LEADER_WORKER_SET =
      GroupKind.of("leaderworkerset.x-k8s.io", "LeaderWorkerSet");
  public static final String LWS_NAME = "leaderworkerset.sigs.k8s.io/name";
  public static final String LWS_GROUP_INDEX = "leaderworkerset.sigs.k8s.io/group-index";
  public static final String LWS_WORKER_INDEX = "leaderworkerset.sigs.k8s.io/worker-index";
  public static final String LWS_SIZE = "leaderworkerset.sigs.k8s.io/size";
  public static final String LWS_LEADER_NAME = "leaderworkerset.sigs.k8s.io/leader-name";
  public static final String LWS_EXCLUSIVE_TOPOLOGY =
      "leaderworkerset.sigs.k8s.io/exclusive-topology";

  // --- batch/v1 Job (k8s.io/api/batch/v1/types.go) ---
  public static final GroupKind JOB = GroupKind.of("batch", "Job");
  public static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  public static final String JOB_COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

  // --- AIConform's own keys: what no backend field can say (per-role minimums, timeouts) ---
  public static final String GROUP_LABEL = "gang.aiconform.dev/group";
  public static final String ROLE_LABEL = "gang.aiconform.dev/role";

  /** Annotation prefix on a group object: {@code role-min.gang.aiconform.dev/<role>: "16"}. */
  public static final String ROLE_MIN_PREFIX = "role-min.gang.aiconform.dev/";

  /** Annotation on a group object whose backend has no timeout field, e.g. {@code "300s"}. */
  public static final String SCHEDULE_TIMEOUT = "gang.aiconform.dev/schedule-timeout";

  public static final String DEFAULT_SCHEDULER = "default-scheduler";
}
