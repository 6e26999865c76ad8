package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gang_scheduling conformance rules and gang practice rules, one specification each. */
class GangConformanceRulesTest {
  private static ValidationReport validate(TargetVersion v, String yaml) {
    return Validator.builder()
        .targetVersion(v)
        .featureGate("GenericWorkload", true)
        .build()
        .validate(Yamls.bundle(yaml));
  }

  private static List<Diagnostic> of(String rule, String yaml) {
    return validate(TargetVersion.V1_37, yaml).ofRule(rule);
  }

  private static String pod(String name, String meta, String spec) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: "
        + name
        + "\n"
        + meta
        + "spec:\n"
        + spec
        + "  containers: [{name: main, image: trainer}]\n";
  }

  @Test
  void aPodJoinsExactlyOneGang() {
    List<Diagnostic> d =
        of(
            "gang.member.one-gang",
            pod(
                "w-0",
                "  labels: {scheduling.x-k8s.io/pod-group: train}\n"
                    + "  annotations: {scheduling.k8s.io/group-name: train}\n",
                "  schedulerName: volcano\n"));
    assertThat(d)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.requirement()).contains("gang_scheduling");
              assertThat(x.message())
                  .contains("joins 2 gangs")
                  .contains("volcano train")
                  .contains("coscheduling train");
            });
  }

  @Test
  void warnsWhenTheNamedPodGroupIsNotInTheBundle() {
    assertThat(
            of(
                "gang.member.group-exists",
                pod("w-0", "", "  schedulingGroup: {podGroupName: train}\n")))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.path()).isEqualTo("spec.schedulingGroup.podGroupName");
            });
  }

  @Test
  void volcanoMembersMustUseTheVolcanoScheduler() {
    assertThat(
            of(
                "gang.member.scheduler-name",
                pod("w-0", "  annotations: {scheduling.k8s.io/group-name: train}\n", "")))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.path()).isEqualTo("spec.schedulerName");
              assertThat(x.hint()).contains("schedulerName: volcano");
            });
  }

  @Test
  void membersOfOneGangShareOneScheduler() {
    String yaml =
        pod("a", "  labels: {scheduling.x-k8s.io/pod-group: g}\n", "  schedulerName: s1\n")
            + "---\n"
            + pod("b", "  labels: {scheduling.x-k8s.io/pod-group: g}\n", "  schedulerName: s2\n");
    assertThat(of("gang.member.scheduler-name", yaml))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .contains("different schedulers")
                    .contains("s1 (a)")
                    .contains("s2 (b)"));
  }

  @Test
  void warnsWhenGangMembersShareOneResourceClaim() {
    String job =
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: train}\nspec:\n  parallelism: 4\n"
            + "  template:\n    metadata:\n      labels: {scheduling.x-k8s.io/pod-group: train}\n"
            + "    spec:\n      schedulerName: scheduler-plugins-scheduler\n"
            + "      restartPolicy: Never\n"
            + "      resourceClaims: [{name: gpus, resourceClaimName: train-gpus}]\n"
            + "      containers: [{name: main, image: t}]\n";
    assertThat(of("gang.claims.shared", job))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path())
                  .isEqualTo("spec.template.spec.resourceClaims[0].resourceClaimName");
              assertThat(x.message()).contains("4 gang members share");
              assertThat(x.hint()).contains("resourceClaimTemplateName");
            });
  }

  @Test
  void aMinimumAboveTheMembersCanNeverBeMet() {
    String yaml =
        "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata: {name: train}\n"
            + "spec: {minMember: 8}\n---\n"
            + "apiVersion: batch/v1\nkind: Job\nmetadata: {name: train}\nspec:\n  parallelism: 4\n"
            + "  template:\n    metadata:\n      labels: {scheduling.x-k8s.io/pod-group: train}\n"
            + "    spec:\n      schedulerName: scheduler-plugins-scheduler\n      restartPolicy: Never\n"
            + "      containers: [{name: main, image: t}]\n";
    assertThat(of("gang.min.members", yaml))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path()).isEqualTo("spec.minMember");
              assertThat(x.message()).contains("minMember is 8 but only 4 pods");
            });
  }

  @Test
  void coschedulingMinMemberMustBePositive() {
    assertThat(
            of(
                "gang.min.members",
                "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata: {name: g}\n"
                    + "spec: {minMember: 0}\n"))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void roleMinimumsMustBeReachableAndAddUp() {
    String yaml =
        "apiVersion: scheduling.volcano.sh/v1beta1\nkind: PodGroup\nmetadata: {name: train}\n"
            + "spec:\n  minMember: 4\n  minTaskMember: {launcher: 1, worker: 4}\n---\n"
            + pod(
                "l",
                "  annotations: {scheduling.k8s.io/group-name: train, volcano.sh/task-spec: launcher}\n",
                "  schedulerName: volcano\n")
            + "---\n"
            + "apiVersion: batch/v1\nkind: Job\nmetadata: {name: w}\nspec:\n  parallelism: 3\n"
            + "  template:\n    metadata:\n      annotations: {scheduling.k8s.io/group-name: train,"
            + " volcano.sh/task-spec: worker}\n"
            + "    spec:\n      schedulerName: volcano\n      restartPolicy: Never\n"
            + "      containers: [{name: main, image: t}]\n";
    List<Diagnostic> d = of("gang.min.roles", yaml);
    assertThat(d)
        .extracting(Diagnostic::path)
        .containsExactly("spec.minTaskMember[worker]", "spec.minMember");
    assertThat(d.get(0).message())
        .contains("role 'worker' needs 4 pods placed together but only 3");
    assertThat(d.get(1).severity()).isEqualTo(Severity.WARNING);
    assertThat(d.get(1).message()).contains("add up to 5");
  }

  @Test
  void kueuePodGroupsAgreeOnTheirTotalCountAndHaveThatManyPods() {
    String meta =
        "  labels: {kueue.x-k8s.io/queue-name: q, kueue.x-k8s.io/pod-group-name: g}\n"
            + "  annotations: {kueue.x-k8s.io/pod-group-total-count: \"3\"}\n";
    List<Diagnostic> d =
        of("gang.kueue.pod-group", pod("a", meta, "") + "---\n" + pod("b", meta, ""));
    assertThat(d).hasSize(2).allSatisfy(x -> assertThat(x.message()).contains("says 3 pods but 2"));
    String other =
        "  labels: {kueue.x-k8s.io/queue-name: q, kueue.x-k8s.io/pod-group-name: g}\n"
            + "  annotations: {kueue.x-k8s.io/pod-group-total-count: \"2\"}\n";
    assertThat(of("gang.kueue.pod-group", pod("a", meta, "") + "---\n" + pod("b", other, "")))
        .allSatisfy(x -> assertThat(x.message()).contains("disagree on the total count: [2, 3]"));
    assertThat(
            of(
                "gang.kueue.pod-group",
                pod("a", "  labels: {kueue.x-k8s.io/pod-group-name: g}\n", "")))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.path())
                    .isEqualTo("metadata.annotations[kueue.x-k8s.io/pod-group-total-count]"));
  }

  @Test
  void kueueAdmitsAtMostEighteenPodSets() {
    StringBuilder js =
        new StringBuilder(
            "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: js\n"
                + "  labels: {kueue.x-k8s.io/queue-name: q}\nspec:\n  replicatedJobs:\n");
    for (int i = 0; i < 19; i++) {
      js.append("  - name: r")
          .append(i)
          .append(
              "\n    template: {spec: {template: {spec: {containers: [{name: c, image: i}]}}}}\n");
    }
    assertThat(of("gang.kueue.pod-sets", js.toString()))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("at most 18 pod sets").contains("has 19"));
  }

  @Test
  void aPodTemplateAsksForOneTopologyKind() {
    assertThat(
            of(
                "gang.kueue.topology",
                pod(
                    "a",
                    "  annotations: {kueue.x-k8s.io/podset-required-topology: rack,"
                        + " kueue.x-k8s.io/podset-preferred-topology: zone}\n",
                    "")))
        .hasSize(1);
  }

  @Test
  void theNamedQueueExistsWhenTheBundleDefinesQueues() {
    String yaml =
        "apiVersion: kueue.x-k8s.io/v1beta2\nkind: LocalQueue\nmetadata: {name: team-a, namespace: ml}\n"
            + "spec: {clusterQueue: cq}\n---\n"
            + "apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata: {name: other}\nspec: {}\n---\n"
            + "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\n  namespace: ml\n"
            + "  labels: {kueue.x-k8s.io/queue-name: team-b}\n"
            + "spec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: i}]\n";
    assertThat(of("gang.queue.exists", yaml))
        .extracting(Diagnostic::path)
        .containsExactly("spec.clusterQueue", "metadata.labels[kueue.x-k8s.io/queue-name]");
  }

  @Test
  void jobSetNamesStayWithin63Characters() {
    String yaml =
        "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n"
            + "  name: a-very-long-jobset-name-for-the-llama-pretraining-run-x\nspec:\n"
            + "  replicatedJobs:\n  - name: workers\n    replicas: 16\n"
            + "    template: {spec: {template: {spec: {containers: [{name: c, image: i}]}}}}\n";
    assertThat(of("gang.name.length", yaml))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path()).isEqualTo("spec.replicatedJobs[0].name");
              assertThat(x.message())
                  .contains("job names generated for this JobSet will exceed 63");
            });
    String lws =
        "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n"
            + "  name: "
            + "x".repeat(60)
            + "\nspec:\n  replicas: 1\n  leaderWorkerTemplate: {size: 4}\n";
    assertThat(of("gang.name.length", lws)).hasSize(1);
  }

  @Test
  void theNativeShapeMustBeServedByTheTargetVersion() {
    String v1beta1 =
        "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata: {name: g}\n"
            + "spec: {schedulingPolicy: {gang: {minCount: 1}}}\n";
    assertThat(validate(TargetVersion.V1_36, v1beta1).ofRule("gang.native.version"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.message())
                  .contains("serves the Workload API as scheduling.k8s.io/v1alpha2");
            });
    assertThat(validate(TargetVersion.V1_34, v1beta1).ofRule("gang.native.version"))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("has no Workload API"));
    assertThat(validate(TargetVersion.V1_37, v1beta1).ofRule("gang.native.version")).isEmpty();
    String workloadRef = pod("p", "", "  workloadRef: {name: w, podGroup: g}\n");
    assertThat(validate(TargetVersion.V1_37, workloadRef).ofRule("gang.native.version"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path()).isEqualTo("spec.workloadRef");
              assertThat(x.message()).contains("only in Kubernetes 1.35");
            });
    String group = pod("p", "", "  schedulingGroup: {podGroupName: g}\n");
    assertThat(validate(TargetVersion.V1_35, group).ofRule("gang.native.version"))
        .singleElement()
        .satisfies(x -> assertThat(x.hint()).contains("spec.workloadRef"));
  }

  @Test
  void podWorkloadRefIsAKnownFieldOnlyOn135() {
    String pod = pod("p", "", "  workloadRef: {name: w, podGroup: g}\n");
    assertThat(validate(TargetVersion.V1_35, pod).ofRule("yaml.unknown-field")).isEmpty();
    assertThat(validate(TargetVersion.V1_36, pod).ofRule("yaml.unknown-field"))
        .singleElement()
        .satisfies(x -> assertThat(x.path()).isEqualTo("spec.workloadRef"));
  }

  @Test
  void warnsThatDisabledGatesDropTopologyAndClaims() {
    String pg =
        "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata: {name: g}\n"
            + "spec:\n  schedulingPolicy: {gang: {minCount: 1}}\n"
            + "  schedulingConstraints: {topology: [{key: rack}]}\n"
            + "  resourceClaims: [{name: c, resourceClaimTemplateName: t}]\n";
    assertThat(of("gang.native.dropped-fields", pg))
        .extracting(Diagnostic::path)
        .containsExactly("spec.schedulingConstraints", "spec.resourceClaims");
  }

  @Test
  void warnsThatOn136TheDisabledPreemptionGateDropsPriorityAndDisruptionMode() {
    String workload =
        "apiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\nmetadata: {name: w}\n"
            + "spec:\n  podGroupTemplates:\n  - name: g\n    schedulingPolicy: {gang: {minCount: 1}}\n"
            + "    priorityClassName: training\n    disruptionMode: PodGroup\n";
    assertThat(validate(TargetVersion.V1_36, workload).ofRule("gang.native.dropped-fields"))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.podGroupTemplates[0].disruptionMode",
            "spec.podGroupTemplates[0].priorityClassName");
  }
}
