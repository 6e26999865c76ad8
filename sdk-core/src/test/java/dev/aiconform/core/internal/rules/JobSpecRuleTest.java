package dev.aiconform.core.internal.rules;

import static dev.aiconform.core.internal.rules.CoreRuleCheck.findings;
import static dev.aiconform.core.internal.rules.CoreRuleCheck.pathsAndReasons;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** core.job.spec: pkg/apis/batch/validation validateJobSpec and ValidateJob. */
class JobSpecRuleTest {
  private static String job(String name, String spec) {
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: "
        + name
        + "\nspec:\n"
        + spec
        + "  template:\n    spec:\n      restartPolicy: Never\n"
        + "      containers:\n      - {name: t, image: busybox}\n";
  }

  private static java.util.List<String> check(String yaml) {
    return pathsAndReasons(findings("core.job.spec", yaml));
  }

  @Test
  void acceptsAnIndexedTrainingJob() {
    assertThat(
            check(
                job(
                    "train",
                    "  completionMode: Indexed\n  completions: 8\n  parallelism: 8\n"
                        + "  backoffLimitPerIndex: 1\n  maxFailedIndexes: 2\n"
                        + "  managedBy: kueue.x-k8s.io/multikueue\n")))
        .isEmpty();
  }

  @Test
  void acceptsAnIndexedJobWithNeitherCompletionsNorParallelismAsTheServerDefaultsBoth() {
    assertThat(check(job("train", "  completionMode: Indexed\n"))).isEmpty();
  }

  @Test
  void requiresCompletionsOnAnIndexedJobWithParallelism() {
    assertThat(check(job("train", "  completionMode: Indexed\n  parallelism: 8\n")))
        .containsExactly("spec.completions FieldValueRequired");
  }

  @Test
  void requiresCompletionsOnAnIndexedCronJobTemplateWhichIsNotDefaulted() {
    String yaml =
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n"
            + "  schedule: '0 1 * * *'\n  jobTemplate:\n    spec:\n      completionMode: Indexed\n"
            + "      template:\n        spec:\n          restartPolicy: Never\n"
            + "          containers:\n          - {name: t, image: busybox}\n";

    assertThat(check(yaml)).containsExactly("spec.jobTemplate.spec.completions FieldValueRequired");
  }

  @Test
  void rejectsNegativeCountsAndDurations() {
    assertThat(
            check(
                job(
                    "train",
                    "  parallelism: -1\n  completions: -1\n  backoffLimit: -1\n"
                        + "  activeDeadlineSeconds: -5\n  ttlSecondsAfterFinished: -1\n")))
        .containsExactly(
            "spec.parallelism FieldValueInvalid",
            "spec.completions FieldValueInvalid",
            "spec.activeDeadlineSeconds FieldValueInvalid",
            "spec.backoffLimit FieldValueInvalid",
            "spec.ttlSecondsAfterFinished FieldValueInvalid");
  }

  @Test
  void perIndexBackoffNeedsIndexedModeAndMaxFailedIndexesNeedsPerIndexBackoff() {
    assertThat(check(job("train", "  maxFailedIndexes: 1\n")))
        .containsExactly(
            "spec.backoffLimitPerIndex FieldValueRequired",
            "spec.maxFailedIndexes FieldValueInvalid");
    assertThat(check(job("train", "  backoffLimitPerIndex: 1\n")))
        .containsExactly("spec.backoffLimitPerIndex FieldValueInvalid");
  }

  @Test
  void boundsMaxFailedIndexesByCompletions() {
    assertThat(
            check(
                job(
                    "train",
                    "  completionMode: Indexed\n  completions: 4\n  backoffLimitPerIndex: 1\n"
                        + "  maxFailedIndexes: 5\n")))
        .containsExactly("spec.maxFailedIndexes FieldValueInvalid");
  }

  @Test
  void limitsParallelismOfIndexedJobs() {
    assertThat(
            check(job("t", "  completionMode: Indexed\n  completions: 8\n  parallelism: 100001\n")))
        .containsExactly("spec.parallelism FieldValueInvalid");
  }

  @Test
  void rejectsAnUnknownCompletionMode() {
    assertThat(check(job("train", "  completionMode: Ordered\n")))
        .containsExactly("spec.completionMode FieldValueNotSupported");
  }

  @Test
  void requiresIndexedModeForASuccessPolicy() {
    assertThat(check(job("train", "  successPolicy:\n    rules:\n    - succeededCount: 1\n")))
        .containsExactly("spec.successPolicy FieldValueInvalid");
  }

  @Test
  void onlyFailedReplacementWithAPodFailurePolicy() {
    assertThat(
            check(
                job(
                    "train",
                    "  podReplacementPolicy: TerminatingOrFailed\n  podFailurePolicy:\n    rules:\n"
                        + "    - action: FailJob\n      onExitCodes: {operator: In, values: [42]}\n")))
        .containsExactly("spec.podReplacementPolicy FieldValueNotSupported");
  }

  @Test
  void checksManagedByAsAShortDomainPrefixedPath() {
    assertThat(check(job("train", "  managedBy: kueue\n")))
        .containsExactly("spec.managedBy FieldValueInvalid");
    assertThat(check(job("train", "  managedBy: example.com/" + "c".repeat(60) + "\n")))
        .containsExactly("spec.managedBy FieldValueTooLong");
  }

  @Test
  void rejectsAnIndexedJobWhosePodHostnamesAreNotDnsLabels() {
    // ValidateJob: the last pod's hostname is <name>-<completions-1>
    String name = "j".repeat(61);

    assertThat(check(job(name, "  completionMode: Indexed\n  completions: 11\n")))
        .containsExactly("metadata.name FieldValueInvalid");
    assertThat(check(job(name, "  completionMode: Indexed\n  completions: 10\n"))).isEmpty();
  }

  private static String withFailurePolicy(String rules) {
    return job("train", "  podFailurePolicy:\n    rules:\n" + rules);
  }

  @Test
  void acceptsACommonPodFailurePolicy() {
    assertThat(
            check(
                withFailurePolicy(
                    "    - action: FailJob\n      onExitCodes: {containerName: t, operator: In,"
                        + " values: [1, 42]}\n"
                        + "    - action: Ignore\n      onPodConditions: [{type: DisruptionTarget}]\n")))
        .isEmpty();
  }

  @Test
  void checksPodFailurePolicyActions() {
    assertThat(
            check(
                withFailurePolicy(
                    "    - onExitCodes: {operator: In, values: [1]}\n"
                        + "    - action: Retry\n      onExitCodes: {operator: In, values: [1]}\n"
                        + "    - action: FailIndex\n      onExitCodes: {operator: In, values: [1]}\n")))
        .contains(
            "spec.podFailurePolicy.rules[0].action FieldValueRequired",
            "spec.podFailurePolicy.rules[1].action FieldValueNotSupported",
            "spec.podFailurePolicy.rules[2].action FieldValueInvalid");
  }

  @Test
  void checksExitCodeRequirements() {
    assertThat(
            check(
                withFailurePolicy(
                    "    - action: FailJob\n      onExitCodes: {containerName: nope, operator: In,"
                        + " values: [3, 0, 3]}\n")))
        .containsExactly(
            "spec.podFailurePolicy.rules[0].onExitCodes.containerName FieldValueInvalid",
            "spec.podFailurePolicy.rules[0].onExitCodes.values[1] FieldValueInvalid",
            "spec.podFailurePolicy.rules[0].onExitCodes.values[2] FieldValueDuplicate",
            "spec.podFailurePolicy.rules[0].onExitCodes.values FieldValueInvalid");
  }

  @Test
  void requiresExactlyOneMatcherPerRule() {
    assertThat(
            check(
                withFailurePolicy(
                    "    - action: FailJob\n"
                        + "    - action: Ignore\n      onExitCodes: {operator: NotIn, values: [0]}\n"
                        + "      onPodConditions: [{type: DisruptionTarget, status: Maybe}]\n")))
        .containsExactly(
            "spec.podFailurePolicy.rules[0] FieldValueInvalid",
            "spec.podFailurePolicy.rules[1].onPodConditions[0].status FieldValueNotSupported",
            "spec.podFailurePolicy.rules[1] FieldValueInvalid");
  }
}
