package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** kube-controller-manager's workload controllers, as the in-memory cluster runs them. */
class ControllersTest {
  /** A pod name suffix as Kubernetes generates it: five characters of its vowel-free alphabet. */
  static final String SUFFIX = "[bcdfghjklmnpqrstvwxz2456789]{5}";

  static InMemoryCluster cluster(int nodes, int gpusPerNode) {
    return InMemoryCluster.builder()
        .extensions(List.of())
        .objects(
            Nodes.named("node-%d")
                .count(nodes)
                .allocatable("nvidia.com/gpu", Integer.toString(gpusPerNode))
                .build())
        .build();
  }

  static String job(String name, String extraSpec) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %s
          namespace: ml
        spec:
        %s
          template:
            metadata:
              labels: {app: trainer}
            spec:
              restartPolicy: Never
              containers:
              - name: trainer
                image: trainer:1
                resources:
                  limits: {nvidia.com/gpu: "1"}
        """
        .formatted(name, extraSpec.indent(2).stripTrailing());
  }

  /** The completion-index labels of the Job's pods, sorted. */
  static List<String> completionIndexLabels(InMemoryCluster cluster, String job) {
    return podsOf(cluster, job).stream()
        .map(p -> p.getMetadata().getLabels().get("batch.kubernetes.io/job-completion-index"))
        .sorted()
        .collect(Collectors.toList());
  }

  static List<Pod> podsOf(InMemoryCluster cluster, String ownerName) {
    return cluster.pods().stream()
        .filter(
            p ->
                p.getMetadata().getOwnerReferences().stream()
                    .anyMatch(r -> r.getName().equals(ownerName)))
        .collect(Collectors.toList());
  }

  static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toList());
  }

  @Nested
  class Jobs {
    @Test
    void aNonIndexedJobRunsParallelismPodsNamedAfterIt() {
      InMemoryCluster cluster = cluster(4, 1);
      cluster.apply(Yaml.bundle(job("train", "parallelism: 3")));

      List<Pod> pods = podsOf(cluster, "train");
      assertThat(pods).hasSize(3);
      assertThat(names(pods)).allMatch(n -> n.matches("train-" + SUFFIX));
      Job job = (Job) cluster.get(ObjectRef.of("batch/v1", "Job", "ml", "train")).orElseThrow();
      String uid = job.getMetadata().getUid();
      assertThat(job.getSpec().getSelector().getMatchLabels())
          .containsExactly(java.util.Map.entry("batch.kubernetes.io/controller-uid", uid));
      Pod pod = pods.get(0);
      assertThat(pod.getMetadata().getLabels())
          .containsEntry("app", "trainer")
          .containsEntry("batch.kubernetes.io/controller-uid", uid)
          .containsEntry("batch.kubernetes.io/job-name", "train")
          .containsEntry("controller-uid", uid)
          .containsEntry("job-name", "train");
      OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
      assertThat(owner.getKind()).isEqualTo("Job");
      assertThat(owner.getApiVersion()).isEqualTo("batch/v1");
      assertThat(owner.getUid()).isEqualTo(uid);
      assertThat(owner.getController()).isTrue();
      assertThat(owner.getBlockOwnerDeletion()).isTrue();
      assertThat(pod.getMetadata().getFinalizers()).contains("batch.kubernetes.io/job-tracking");
      assertThat(job.getStatus().getActive()).isEqualTo(3);
      assertThat(job.getStatus().getReady()).isEqualTo(3);
      assertThat(job.getStatus().getStartTime()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void runsMinOfParallelismAndCompletions() {
      InMemoryCluster cluster = cluster(4, 1);
      cluster.apply(Yaml.bundle(job("train", "parallelism: 4\ncompletions: 2")));

      assertThat(podsOf(cluster, "train")).hasSize(2);
    }

    @Test
    void defaultsToOnePod() {
      InMemoryCluster cluster = cluster(1, 1);
      cluster.apply(Yaml.bundle(job("once", "backoffLimit: 0")));

      assertThat(podsOf(cluster, "once")).hasSize(1);
      Job job = (Job) cluster.get(ObjectRef.of("batch/v1", "Job", "ml", "once")).orElseThrow();
      assertThat(job.getSpec().getParallelism()).isEqualTo(1);
      assertThat(job.getSpec().getCompletions()).isEqualTo(1);
      assertThat(job.getSpec().getCompletionMode()).isEqualTo("NonIndexed");
    }

    @Test
    void anIndexedJobGivesEachPodItsCompletionIndex() {
      InMemoryCluster cluster = cluster(4, 1);
      cluster.apply(
          Yaml.bundle(job("train", "completionMode: Indexed\ncompletions: 4\nparallelism: 4")));

      List<Pod> pods = podsOf(cluster, "train");
      assertThat(pods).hasSize(4);
      for (Pod pod : pods) {
        String index =
            pod.getMetadata().getAnnotations().get("batch.kubernetes.io/job-completion-index");
        assertThat(pod.getMetadata().getName()).matches("train-" + index + "-" + SUFFIX);
        assertThat(pod.getMetadata().getLabels())
            .containsEntry("batch.kubernetes.io/job-completion-index", index);
        assertThat(pod.getSpec().getHostname()).isEqualTo("train-" + index);
        EnvVar env =
            pod.getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("JOB_COMPLETION_INDEX"))
                .findFirst()
                .orElseThrow();
        assertThat(env.getValueFrom().getFieldRef().getFieldPath())
            .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
      }
      assertThat(
              pods.stream()
                  .map(
                      p ->
                          p.getMetadata()
                              .getAnnotations()
                              .get("batch.kubernetes.io/job-completion-index"))
                  .sorted())
          .containsExactly("0", "1", "2", "3");
    }

    @Test
    void anIndexedJobStartsTheLowestIndexesFirst() {
      InMemoryCluster cluster = cluster(4, 1);
      cluster.apply(
          Yaml.bundle(job("train", "completionMode: Indexed\ncompletions: 6\nparallelism: 2")));

      assertThat(completionIndexLabels(cluster, "train")).containsExactly("0", "1");
    }

    @Test
    void scalesWithParallelism() {
      InMemoryCluster cluster = cluster(8, 1);
      cluster.apply(
          Yaml.bundle(job("train", "completionMode: Indexed\ncompletions: 8\nparallelism: 2")));
      cluster.apply(
          Yaml.bundle(job("train", "completionMode: Indexed\ncompletions: 8\nparallelism: 5")));
      assertThat(podsOf(cluster, "train")).hasSize(5);

      cluster.apply(
          Yaml.bundle(job("train", "completionMode: Indexed\ncompletions: 8\nparallelism: 3")));
      assertThat(completionIndexLabels(cluster, "train")).containsExactly("0", "1", "2");
    }

    @Test
    void aSuspendedJobHasNoPodsUntilItIsResumed() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(Yaml.bundle(job("train", "parallelism: 2\nsuspend: true")));
      assertThat(podsOf(cluster, "train")).isEmpty();
      Job job = (Job) cluster.get(ObjectRef.of("batch/v1", "Job", "ml", "train")).orElseThrow();
      assertThat(job.getStatus().getConditions())
          .anySatisfy(
              c -> {
                assertThat(c.getType()).isEqualTo("Suspended");
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getReason()).isEqualTo("JobSuspended");
              });

      cluster.apply(Yaml.bundle(job("train", "parallelism: 2\nsuspend: false")));
      assertThat(podsOf(cluster, "train")).hasSize(2);

      cluster.apply(Yaml.bundle(job("train", "parallelism: 2\nsuspend: true")));
      assertThat(podsOf(cluster, "train")).isEmpty();
      assertThat(cluster.report().pods()).isEmpty();
    }

    @Test
    void leavesJobsManagedByAnotherControllerAlone() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(Yaml.bundle(job("remote", "managedBy: kueue.x-k8s.io/multikueue")));

      assertThat(podsOf(cluster, "remote")).isEmpty();
    }

    @Test
    void createsAtMost500PodsPerRoundAndTheRestInLaterRounds() {
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of())
              .objects(Nodes.named("big").pods(1000).cpu("1000").build())
              .build();
      cluster.apply(
          Yaml.bundle(
              job("wide", "parallelism: 600").replace("nvidia.com/gpu: \"1\"", "cpu: 100m")));

      assertThat(podsOf(cluster, "wide")).hasSize(600);
      assertThat(cluster.report().bound()).isEqualTo(600);
    }

    @Test
    void pendingPodsOfAJobSayWhy() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(Yaml.bundle(job("train", "parallelism: 3")));

      SimulationReport report = cluster.report();
      assertThat(report.bound()).isEqualTo(2);
      assertThat(report.pods())
          .filteredOn(p -> p.phase() == Phase.PENDING)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.owner()).contains(new SimulationReport.Owner("Job", "train"));
                assertThat(p.reason())
                    .contains("0/2 nodes are available: 2 Insufficient nvidia.com/gpu.");
              });
    }
  }

  @Nested
  class Deployments {
    static String deployment(int replicas, String image) {
      return """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: llm, namespace: serve}
          spec:
            replicas: %d
            selector:
              matchLabels: {app: llm}
            template:
              metadata:
                labels: {app: llm}
              spec:
                containers:
                - name: server
                  image: %s
                  resources:
                    limits: {nvidia.com/gpu: "1"}
          """
          .formatted(replicas, image);
    }

    static List<ReplicaSet> replicaSets(InMemoryCluster cluster) {
      return cluster.list(GroupKind.of("apps", "ReplicaSet"), "serve").stream()
          .map(ReplicaSet.class::cast)
          .collect(Collectors.toList());
    }

    @Test
    void aDeploymentRunsItsPodsThroughAReplicaSetNamedByTemplateHash() {
      InMemoryCluster cluster = cluster(4, 1);
      cluster.apply(Yaml.bundle(deployment(3, "vllm:0.9")));

      List<ReplicaSet> sets = replicaSets(cluster);
      assertThat(sets).hasSize(1);
      ReplicaSet rs = sets.get(0);
      String hash = rs.getMetadata().getLabels().get("pod-template-hash");
      assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{6,10}");
      assertThat(rs.getMetadata().getName()).isEqualTo("llm-" + hash);
      assertThat(rs.getSpec().getSelector().getMatchLabels())
          .containsEntry("pod-template-hash", hash);
      assertThat(rs.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Deployment");
      assertThat(rs.getMetadata().getAnnotations())
          .containsEntry("deployment.kubernetes.io/revision", "1");
      List<Pod> pods = podsOf(cluster, rs.getMetadata().getName());
      assertThat(pods).hasSize(3);
      assertThat(names(pods)).allMatch(n -> n.matches("llm-" + hash + "-" + SUFFIX));
      assertThat(pods)
          .allSatisfy(
              p ->
                  assertThat(p.getMetadata().getLabels()).containsEntry("pod-template-hash", hash));

      Deployment d =
          (Deployment)
              cluster.get(ObjectRef.of("apps/v1", "Deployment", "serve", "llm")).orElseThrow();
      assertThat(d.getStatus().getReplicas()).isEqualTo(3);
      assertThat(d.getStatus().getReadyReplicas()).isEqualTo(3);
      assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(3);
      assertThat(d.getStatus().getConditions())
          .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("MinimumReplicasAvailable"))
          .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("NewReplicaSetAvailable"));
    }

    @Test
    void scalesUpAndDownWithReplicasDeletingPendingPodsFirst() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(Yaml.bundle(deployment(2, "vllm:0.9")));
      cluster.apply(Yaml.bundle(deployment(4, "vllm:0.9")));
      assertThat(cluster.report().bound()).isEqualTo(2);
      assertThat(cluster.report().pending()).isEqualTo(2);

      cluster.apply(Yaml.bundle(deployment(2, "vllm:0.9")));
      assertThat(cluster.report().pods()).hasSize(2).allMatch(p -> p.phase() == Phase.BOUND);
    }

    @Test
    void aNewTemplateRollsOutToANewReplicaSet() {
      InMemoryCluster cluster = cluster(4, 1);
      cluster.apply(Yaml.bundle(deployment(2, "vllm:0.9")));
      cluster.apply(Yaml.bundle(deployment(2, "vllm:0.10")));

      List<ReplicaSet> sets = replicaSets(cluster);
      assertThat(sets).hasSize(2);
      assertThat(sets.stream().map(rs -> rs.getSpec().getReplicas()).sorted())
          .containsExactly(0, 2);
      ReplicaSet current =
          sets.stream().filter(rs -> rs.getSpec().getReplicas() == 2).findFirst().orElseThrow();
      assertThat(current.getMetadata().getAnnotations())
          .containsEntry("deployment.kubernetes.io/revision", "2");
      assertThat(cluster.pods())
          .hasSize(2)
          .allSatisfy(
              p ->
                  assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("vllm:0.10"));
    }

    @Test
    void followsReplicasChangedByAController() {
      AtomicBoolean scaled = new AtomicBoolean();
      Controller autoscaler =
          new Controller() {
            @Override
            public String name() {
              return "test-autoscaler";
            }

            @Override
            public boolean reconcile(ClusterState state) {
              if (scaled.get()) {
                return false;
              }
              Deployment d = state.get(Deployment.class, "serve", "llm").orElseThrow();
              d.getSpec().setReplicas(3);
              state.update(d);
              scaled.set(true);
              return true;
            }
          };
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of(setup -> setup.addController(autoscaler)))
              .objects(Nodes.named("node-%d").count(2).allocatable("nvidia.com/gpu", "1").build())
              .build();
      cluster.apply(Yaml.bundle(deployment(1, "vllm:0.9")));

      SimulationReport report = cluster.report();
      assertThat(report.pods()).hasSize(3);
      assertThat(report.bound()).isEqualTo(2);
      Deployment d =
          (Deployment)
              cluster.get(ObjectRef.of("apps/v1", "Deployment", "serve", "llm")).orElseThrow();
      assertThat(d.getMetadata().getGeneration()).isEqualTo(2L);
      assertThat(d.getStatus().getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void deletingADeploymentDeletesItsReplicaSetsAndPods() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(Yaml.bundle(deployment(2, "vllm:0.9")));

      assertThat(cluster.delete(ObjectRef.of("apps/v1", "Deployment", "serve", "llm"))).isTrue();

      assertThat(replicaSets(cluster)).isEmpty();
      assertThat(cluster.pods()).isEmpty();
    }
  }

  @Nested
  class StatefulSets {
    static String statefulSet(int replicas, String policy, int gpus) {
      return """
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db, namespace: data}
          spec:
            serviceName: db
            replicas: %d
            podManagementPolicy: %s
            selector:
              matchLabels: {app: db}
            template:
              metadata:
                labels: {app: db}
              spec:
                containers:
                - name: db
                  image: postgres:16
                  resources:
                    limits: {nvidia.com/gpu: "%d"}
          """
          .formatted(replicas, policy, gpus);
    }

    @Test
    void namesPodsByOrdinalWithTheirIdentityLabels() {
      InMemoryCluster cluster = cluster(3, 1);
      cluster.apply(Yaml.bundle(statefulSet(3, "OrderedReady", 1)));

      List<Pod> pods = podsOf(cluster, "db");
      assertThat(names(pods)).containsExactly("db-0", "db-1", "db-2");
      Pod pod = pods.get(1);
      assertThat(pod.getMetadata().getLabels())
          .containsEntry("statefulset.kubernetes.io/pod-name", "db-1")
          .containsEntry("apps.kubernetes.io/pod-index", "1")
          .containsKey("controller-revision-hash");
      assertThat(pod.getSpec().getHostname()).isEqualTo("db-1");
      assertThat(pod.getSpec().getSubdomain()).isEqualTo("db");
      StatefulSet set =
          (StatefulSet)
              cluster.get(ObjectRef.of("apps/v1", "StatefulSet", "data", "db")).orElseThrow();
      assertThat(set.getStatus().getReplicas()).isEqualTo(3);
      assertThat(set.getStatus().getReadyReplicas()).isEqualTo(3);
    }

    @Test
    void orderedReadyWaitsForEachPodBeforeTheNext() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(Yaml.bundle(statefulSet(4, "OrderedReady", 1)));

      // db-2 cannot be placed, so db-3 is never created.
      assertThat(names(podsOf(cluster, "db"))).containsExactly("db-0", "db-1", "db-2");
      assertThat(cluster.report().pod("data", "db-2").orElseThrow().phase())
          .isEqualTo(Phase.PENDING);
    }

    @Test
    void parallelCreatesEveryPodAtOnce() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(Yaml.bundle(statefulSet(4, "Parallel", 1)));

      assertThat(names(podsOf(cluster, "db"))).containsExactly("db-0", "db-1", "db-2", "db-3");
    }

    @Test
    void scalesDownFromTheHighestOrdinal() {
      InMemoryCluster cluster = cluster(4, 1);
      cluster.apply(Yaml.bundle(statefulSet(4, "OrderedReady", 1)));
      cluster.apply(Yaml.bundle(statefulSet(2, "OrderedReady", 1)));

      assertThat(names(podsOf(cluster, "db"))).containsExactly("db-0", "db-1");
    }

    @Test
    void startsAtTheFirstOrdinalItIsGiven() {
      InMemoryCluster cluster = cluster(2, 1);
      cluster.apply(
          Yaml.bundle(
              statefulSet(2, "Parallel", 1)
                  .replace("  serviceName: db", "  serviceName: db\n  ordinals: {start: 5}")));

      assertThat(names(podsOf(cluster, "db"))).containsExactly("db-5", "db-6");
    }
  }
}
