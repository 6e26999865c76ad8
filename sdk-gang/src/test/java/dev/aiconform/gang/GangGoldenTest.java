package dev.aiconform.gang;

import dev.aiconform.core.TargetVersion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same training gang, rendered for every backend and shape, against golden YAML. */
class GangGoldenTest {
  static Stream<Arguments> renderings() {
    GangGroup train = GangFixtures.train().build();
    GangGroup trainWithQueues =
        GangFixtures.train().kueueQueues(KueueQueueSetup.defaults()).build();
    GangGroup draTrain =
        GangGroup.named("dra-train")
            .namespace("ml")
            .role(
                GangRole.of(
                        "worker", 2, GangFixtures.template("ghcr.io/example/trainer:1.0", "8", 0))
                    .withClaimTemplate(GangFixtures.gpuClaims("worker-gpus", 4)))
            .queue("team-a")
            .kueueQueues(KueueQueueSetup.defaults())
            .build();
    GangGroup leaderWorkers =
        GangGroup.named("serve")
            .namespace("ml")
            .role("leader", 1, GangFixtures.template("ghcr.io/example/vllm:1.0", "4", 8))
            .role("worker", 3, GangFixtures.template("ghcr.io/example/vllm:1.0", "4", 8))
            .shape(WorkloadShape.LEADER_WORKER_SET)
            .build();
    GangGroup indexed =
        GangGroup.named("sweep")
            .namespace("ml")
            .role("trial", 8, 6, GangFixtures.template("ghcr.io/example/trial:1.0", "1", 1))
            .scheduleTimeout(java.time.Duration.ofSeconds(90))
            .shape(WorkloadShape.INDEXED_JOB)
            .build();
    GangGroup jobSetPolicies =
        GangFixtures.train()
            .jobSet(
                JobSetPolicy.builder()
                    .addSuccessTarget("launcher")
                    .maxRestarts(2)
                    .putDependsOn(
                        "worker",
                        JobSetPolicy.DependsOn.of("launcher", JobSetPolicy.Condition.READY))
                    .exclusiveTopology("cloud.provider.com/topology-block")
                    .build())
            .build();
    return Stream.of(
        Arguments.of("native-v1beta1", train, GangBackend.NATIVE, TargetVersion.V1_37),
        Arguments.of("native-v1alpha2", train, GangBackend.NATIVE, TargetVersion.V1_36),
        Arguments.of("native-v1alpha1", train, GangBackend.NATIVE, TargetVersion.V1_35),
        Arguments.of("kueue", trainWithQueues, GangBackend.KUEUE, TargetVersion.V1_37),
        Arguments.of(
            "kueue-pods",
            GangFixtures.train().shape(WorkloadShape.PODS).build(),
            GangBackend.KUEUE,
            TargetVersion.V1_37),
        Arguments.of("kueue-dra", draTrain, GangBackend.KUEUE, TargetVersion.V1_37),
        Arguments.of("volcano", train, GangBackend.VOLCANO, TargetVersion.V1_37),
        Arguments.of(
            "volcano-job",
            GangFixtures.train().shape(WorkloadShape.VOLCANO_JOB).build(),
            GangBackend.VOLCANO,
            TargetVersion.V1_37),
        Arguments.of("coscheduling", train, GangBackend.COSCHEDULING, TargetVersion.V1_37),
        Arguments.of("native-lws", leaderWorkers, GangBackend.NATIVE, TargetVersion.V1_37),
        Arguments.of(
            "kueue-lws",
            GangGroup.builder().from(leaderWorkers).queue("serving").build(),
            GangBackend.KUEUE,
            TargetVersion.V1_37),
        Arguments.of(
            "coscheduling-indexed-job", indexed, GangBackend.COSCHEDULING, TargetVersion.V1_37),
        Arguments.of(
            "native-jobset-policies", jobSetPolicies, GangBackend.NATIVE, TargetVersion.V1_37));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void rendersAsTheGoldenFileSays(
      String name, GangGroup group, GangBackend backend, TargetVersion version) {
    Golden.assertMatches(name, Golden.yaml(group.render(backend, version)));
  }
}
