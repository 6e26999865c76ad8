package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the gang projects' own admission webhooks and CRD schemas refuse (JobSet, LeaderWorkerSet,
 * Kueue, Volcano, coscheduling), one specification each, with the upstream source in the test's
 * comment.
 */
class GangUpstreamWebhookTest {
  private static List<Diagnostic> of(String rule, String yaml) {
    return Validator.builder()
        .targetVersion(TargetVersion.V1_37)
        .build()
        .validate(Yamls.bundle(yaml))
        .ofRule(rule);
  }

  private static String jobSet(String name, String replicatedJob, String jobSpec) {
    return "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: "
        + name
        + "\nspec:\n  replicatedJobs:\n  - name: "
        + replicatedJob
        + "\n    replicas: 2\n    template:\n      spec:\n"
        + jobSpec
        + "        template:\n          spec:\n            containers: [{name: c, image: i}]\n";
  }

  // jobset pkg/webhooks/jobset_webhook.go: Default() sets completionMode Indexed before the
  // validator checks the longest pod name
  @Test
  void jobSetPodNamesAreCheckedUnderTheDefaultIndexedCompletionMode() {
    String name = "x".repeat(45); // job 'x…x-workers-1' has 55 characters, pod 'job-63-abcde' 64
    assertThat(of("gang.name.length", jobSet(name, "workers", "        completions: 64\n")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.replicatedJobs[0].name");
              assertThat(d.message()).contains("pod names generated for this JobSet will exceed");
            });
    assertThat(
            of(
                "gang.name.length",
                jobSet(
                    name,
                    "workers",
                    "        completionMode: NonIndexed\n        completions: 64\n")))
        .isEmpty();
  }

  // jobset pkg/webhooks/jobset_webhook.go: the longest generated Job name must be a DNS-1035
  // label, so a JobSet named with a dot or a leading digit (valid object names) is refused
  @Test
  void jobSetGeneratedJobNamesMustBeDns1035Labels() {
    assertThat(of("gang.name.length", jobSet("llama-3.1-train", "workers", "")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("metadata.name");
              assertThat(d.message()).contains("'llama-3.1-train'").contains("DNS-1035");
            });
    assertThat(of("gang.name.length", jobSet("7b-train", "workers", ""))).hasSize(1);
    assertThat(of("gang.name.length", jobSet("train", "Workers", "")))
        .singleElement()
        .extracting(Diagnostic::path)
        .isEqualTo("spec.replicatedJobs[0].name");
    assertThat(of("gang.name.length", jobSet("llama-3-train", "workers", ""))).isEmpty();
  }

  private static String queuedJob(String queue) {
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\n  labels:\n"
        + "    kueue.x-k8s.io/queue-name: "
        + queue
        + "\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
        + "      containers: [{name: c, image: i}]\n";
  }

  // kueue pkg/controller/jobframework/validation.go: ValidateQueueName checks the label's value
  // as a DNS-1123 subdomain (a LocalQueue's name), stricter than a label value
  @Test
  void kueueQueueNameLabelNamesALocalQueue() {
    assertThat(of("gang.kueue.queue-name", queuedJob("Team_A")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("metadata.labels[kueue.x-k8s.io/queue-name]");
              assertThat(d.reason()).contains(Reason.INVALID);
              assertThat(d.message()).contains("'Team_A'");
            });
    assertThat(of("gang.kueue.queue-name", queuedJob("team-a.gpu"))).isEmpty();
  }

  private static String lws(String name, String spec) {
    return "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n  name: "
        + name
        + "\nspec:\n"
        + spec;
  }

  private static final String WORKERS =
      "    workerTemplate:\n      spec:\n        containers: [{name: vllm, image: vllm}]\n";

  // lws pkg/webhooks/leaderworkerset_webhook.go: the name is checked as a DNS-1035 label (it names
  // the headless Service), size ≥ 1, replicas 0..1000000
  @Test
  void leaderWorkerSetNameSizeAndReplicasPassTheWebhook() {
    assertThat(of("gang.lws.spec", lws("llama-3.1-70b", "  leaderWorkerTemplate:\n" + WORKERS)))
        .singleElement()
        .extracting(Diagnostic::path)
        .isEqualTo("metadata.name");
    assertThat(
            of(
                "gang.lws.spec",
                lws("serve", "  replicas: -1\n  leaderWorkerTemplate:\n    size: 0\n" + WORKERS)))
        .extracting(Diagnostic::path)
        .containsExactlyInAnyOrder("spec.replicas", "spec.leaderWorkerTemplate.size");
    assertThat(of("gang.lws.spec", lws("serve", "  leaderWorkerTemplate:\n    size: 4\n")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.leaderWorkerTemplate.workerTemplate");
              assertThat(d.reason()).contains(Reason.REQUIRED);
            });
    assertThat(
            of(
                "gang.lws.spec",
                lws("serve", "  replicas: 3\n  leaderWorkerTemplate:\n    size: 4\n" + WORKERS)))
        .isEmpty();
  }

  // lws pkg/webhooks/leaderworkerset_webhook.go: validateUpdateSubGroupPolicy
  @Test
  void subGroupSizeDividesTheGroup() {
    String eight = "  leaderWorkerTemplate:\n    size: 8\n" + WORKERS + "    subGroupPolicy:\n";
    assertThat(of("gang.lws.spec", lws("serve", eight + "      subGroupSize: 3\n")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path())
                  .isEqualTo("spec.leaderWorkerTemplate.subGroupPolicy.subGroupSize");
              assertThat(d.message()).contains("size or size - 1 must be divisible");
            });
    assertThat(of("gang.lws.spec", lws("serve", eight + "      subGroupSize: 4\n"))).isEmpty();
    assertThat(of("gang.lws.spec", lws("serve", eight + "      subGroupSize: 7\n"))).isEmpty();
    assertThat(
            of(
                "gang.lws.spec",
                lws(
                    "serve",
                    eight + "      subGroupPolicyType: LeaderExcluded\n      subGroupSize: 4\n")))
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("LeaderExcluded");
    assertThat(of("gang.lws.spec", lws("serve", eight + "      subGroupSize: 16\n")))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("cannot be larger than size"));
  }

  // lws pkg/webhooks/leaderworkerset_webhook.go: maxUnavailable and maxSurge are ints or
  // percentages ≤ 100 %, not both 0; the subgroup topology annotation needs a subGroupPolicy
  @Test
  void rolloutAndSubgroupTopologyPassTheWebhook() {
    String rollout =
        "  replicas: 2\n  leaderWorkerTemplate:\n"
            + WORKERS
            + "  rolloutStrategy:\n    type: RollingUpdate\n    rollingUpdateConfiguration:\n";
    assertThat(of("gang.lws.spec", lws("serve", rollout + "      maxUnavailable: 0\n")))
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("must not be 0 when `maxSurge` is 0");
    assertThat(
            of(
                "gang.lws.spec",
                lws("serve", rollout + "      maxUnavailable: 0\n      maxSurge: 1\n")))
        .isEmpty();
    assertThat(
            of(
                "gang.lws.spec",
                lws("serve", rollout + "      maxUnavailable: 10%\n      maxSurge: 150%\n")))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("must not be greater than 100%"));
    assertThat(of("gang.lws.spec", lws("serve", rollout + "      maxUnavailable: 25%\n")))
        .as("25 % of 2 groups rounds down to 0, and maxSurge defaults to 0")
        .hasSize(1);
    String annotated =
        "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n"
            + "  name: serve\n  annotations:\n"
            + "    leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology: cloud.google.com/gke-nodepool\n"
            + "spec:\n  leaderWorkerTemplate:\n"
            + WORKERS;
    assertThat(of("gang.lws.spec", annotated))
        .singleElement()
        .extracting(Diagnostic::path)
        .isEqualTo("metadata.annotations[leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology]");
  }

  private static String clusterQueue(String spec) {
    return "apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata:\n  name: cq\n"
        + "spec:\n"
        + spec;
  }

  private static String twoResources(String first, String second, String more) {
    return clusterQueue(
        "  resourceGroups:\n  - coveredResources: [cpu, nvidia.com/gpu]\n    flavors:\n"
            + "    - name: a100\n      resources:\n"
            + "      - {name: "
            + first
            + ", nominalQuota: 8}\n"
            + "      - {name: "
            + second
            + ", nominalQuota: 8}\n"
            + more);
  }

  // kueue apis/kueue/v1beta2/clusterqueue_types.go: ResourceGroup's CEL rule (every flavor lists
  // as many resources as coveredResources), checked with the schema before any webhook runs;
  // pkg/webhooks/clusterqueue_webhook.go validateFlavorQuotas (the k-th resource is the k-th
  // covered resource)
  @Test
  void clusterQueueFlavorsQuoteTheCoveredResourcesInOrder() {
    String h100 = "    - name: h100\n      resources:\n      - {name: cpu, nominalQuota: 96}\n";
    assertThat(of("gang.kueue.cluster-queue", twoResources("cpu", "nvidia.com/gpu", h100)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.resourceGroups[0]");
              assertThat(d.message())
                  .contains(
                      "flavors must have the same number of resources as the"
                          + " coveredResources");
            });
    assertThat(of("gang.kueue.cluster-queue", twoResources("nvidia.com/gpu", "cpu", "")))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.resourceGroups[0].flavors[0].resources[0].name",
            "spec.resourceGroups[0].flavors[0].resources[1].name");
    assertThat(of("gang.kueue.cluster-queue", twoResources("cpu", "nvidia.com/gpu", ""))).isEmpty();
  }

  // kueue apis/kueue/v1beta2/clusterqueue_types.go: ClusterQueueSpec's CEL rule on borrowingLimit;
  // pkg/webhooks/clusterqueue_webhook.go: validateResourceGroups (a resource and a flavor belong
  // to one group), validateResourceQuantity, validateLimit and validateLendingLimit
  @Test
  void clusterQueueResourcesFlavorsAndLimitsAreConsistent() {
    String borrowing =
        clusterQueue(
            "  resourceGroups:\n  - coveredResources: [cpu]\n    flavors:\n"
                + "    - name: default\n      resources:\n"
                + "      - {name: cpu, nominalQuota: 9, borrowingLimit: 1}\n");
    assertThat(of("gang.kueue.cluster-queue", borrowing))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec");
              assertThat(d.message()).contains("borrowingLimit must be nil when cohort is empty");
            });
    String cq =
        clusterQueue(
            "  resourceGroups:\n  - coveredResources: [cpu]\n    flavors:\n"
                + "    - name: default\n      resources:\n"
                + "      - {name: cpu, nominalQuota: 9, lendingLimit: 10}\n"
                + "  - coveredResources: [cpu]\n    flavors:\n"
                + "    - name: default\n      resources:\n"
                + "      - {name: cpu, nominalQuota: -1}\n");
    assertThat(of("gang.kueue.cluster-queue", cq))
        .extracting(d -> d.reason().map(Reason::wireName).orElse("") + " " + d.path())
        .containsExactlyInAnyOrder(
            "FieldValueInvalid spec.resourceGroups[0].flavors[0].resources[0].lendingLimit",
            "FieldValueInvalid spec.resourceGroups[0].flavors[0].resources[0].lendingLimit",
            "FieldValueDuplicate spec.resourceGroups[1].coveredResources[0]",
            "FieldValueDuplicate spec.resourceGroups[1].flavors[0].name",
            "FieldValueInvalid spec.resourceGroups[1].flavors[0].resources[0].nominalQuota");
    assertThat(
            of(
                "gang.kueue.cluster-queue",
                clusterQueue(
                    "  cohortName: org\n  resourceGroups:\n  - coveredResources: [cpu]\n"
                        + "    flavors:\n    - name: default\n      resources:\n"
                        + "      - {name: cpu, nominalQuota: 9, borrowingLimit: 1,"
                        + " lendingLimit: 9}\n")))
        .isEmpty();
  }

  private static String volcanoJob(String name, String plugins) {
    return "apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata:\n  name: "
        + name
        + "\nspec:\n  minAvailable: 16\n"
        + plugins
        + "  tasks:\n  - name: worker\n    replicas: 16\n    template:\n      spec:\n"
        + "        containers: [{name: c, image: i}]\n";
  }

  // volcano pkg/webhooks/admission/jobs/validate/admit_job.go: validateK8sPodNameLength checks
  // <job>-<task>-<task index> as a qualified name (≤ 63); the svc plugin
  // (pkg/controllers/job/plugins/svc/svc.go) makes each pod's hostname its name, which must then
  // be a DNS label for every replica index
  @Test
  void volcanoPodNamesAreCheckedAsTheWebhookAndTheSvcPluginDo() {
    String name = "x".repeat(54); // 'x…x-worker-0' has 63 characters, 'x…x-worker-15' 64
    assertThat(of("gang.name.length", volcanoJob(name, ""))).isEmpty();
    assertThat(of("gang.name.length", volcanoJob(name, "  plugins:\n    svc: []\n")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.tasks[0].name");
              assertThat(d.message()).contains("-worker-15");
            });
    assertThat(of("gang.name.length", volcanoJob("x".repeat(55), "")))
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("-worker-0");
  }

  private static String mpiJob(String plugins) {
    return "apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata:\n  name: mpi\nspec:\n"
        + "  minAvailable: 3\n  plugins:\n"
        + plugins
        + "  tasks:\n  - name: launcher\n    replicas: 1\n"
        + "    template: {spec: {containers: [{name: c, image: i}]}}\n"
        + "  - name: worker\n    replicas: 2\n"
        + "    template: {spec: {containers: [{name: c, image: i}]}}\n";
  }

  // volcano pkg/webhooks/admission/jobs/validate/admit_job.go: validateJobCreate refuses a plugin
  // it has no builder for (pkg/controllers/job/plugins/factory.go) and an mpi plugin whose master
  // task (--master, 'master' by default) is not among the tasks
  @Test
  void volcanoJobPluginsExistAndMpiFindsItsMaster() {
    assertThat(of("gang.volcano.job", mpiJob("    mpi: []\n    ssh: []\n")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.plugins[mpi]");
              assertThat(d.message()).contains("master task 'master'");
            });
    assertThat(of("gang.volcano.job", mpiJob("    mpi: [\"--master=launcher\"]\n    ssh: []\n")))
        .isEmpty();
    assertThat(of("gang.volcano.job", mpiJob("    mpi: [--master, launcher]\n"))).isEmpty();
    assertThat(of("gang.volcano.job", mpiJob("    mpi: [--master=launcher]\n    sshd: []\n")))
        .singleElement()
        .extracting(Diagnostic::path)
        .isEqualTo("spec.plugins[sshd]");
  }

  private static final String RJ_TEMPLATE =
      "    template: {spec: {template: {spec: {containers: [{name: c, image: i}]}}}}\n";

  // jobset api/jobset/v1alpha2/jobset_types.go: replicatedJobs is a map list keyed by name, and
  // the spec's CEL rule keeps startupPolicy InOrder and dependsOn apart
  @Test
  void jobSetReplicatedJobNamesAreUnique() {
    String yaml =
        "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: train\nspec:\n"
            + "  replicatedJobs:\n  - name: workers\n"
            + RJ_TEMPLATE
            + "  - name: workers\n"
            + RJ_TEMPLATE;
    assertThat(of("gang.jobset.spec", yaml))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("spec.replicatedJobs[1]");
              assertThat(d.reason()).contains(Reason.DUPLICATE);
            });
  }

  // jobset pkg/webhooks/jobset_webhook.go: ValidateCreate's dependsOn and policy target checks
  @Test
  void jobSetPoliciesAndDependenciesNameItsReplicatedJobs() {
    String yaml =
        "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: train\nspec:\n"
            + "  successPolicy: {operator: Any, targetReplicatedJobs: [driver]}\n"
            + "  failurePolicy:\n    rules:\n    - action: FailJobSet\n"
            + "      targetReplicatedJobs: [launcher]\n"
            + "  replicatedJobs:\n  - name: launcher\n"
            + RJ_TEMPLATE
            + "  - name: workers\n    dependsOn: [{name: driver, status: Ready}]\n"
            + RJ_TEMPLATE;
    assertThat(of("gang.jobset.spec", yaml))
        .extracting(Diagnostic::path)
        .containsExactlyInAnyOrder(
            "spec.replicatedJobs[1].dependsOn[0].name",
            "spec.successPolicy.targetReplicatedJobs[0]");
  }
}
