package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The 1.37 API server's validation of scheduling.k8s.io/v1beta1 Workload and PodGroup: the field
 * paths and reasons of pkg/apis/scheduling/v1beta1/zz_generated.validations.go.
 */
class WorkloadApiValidationTest {
  private static ValidationReport validate(String yaml, String... gatesOn) {
    Validator.Builder b =
        Validator.builder().targetVersion(TargetVersion.V1_37).categories(Category.API);
    for (String gate : gatesOn) {
      b.featureGate(gate, true);
    }
    return b.build().validate(Yamls.bundle(yaml));
  }

  private static List<Tuple> causes(ValidationReport r) {
    return r.diagnostics().stream()
        .filter(d -> d.rule().startsWith("gang.api."))
        .map(d -> tuple(d.path(), d.reason().orElse(null)))
        .toList();
  }

  private static final String WORKLOAD =
      "apiVersion: scheduling.k8s.io/v1beta1\nkind: Workload\nmetadata: {name: w, namespace: ml}\n";
  private static final String POD_GROUP =
      "apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata: {name: pg, namespace: ml}\n";

  @Test
  void acceptsAValidWorkloadAndPodGroup() {
    ValidationReport r =
        validate(
            WORKLOAD
                + "spec:\n  controllerRef: {apiGroup: jobset.x-k8s.io, kind: JobSet, name: js}\n"
                + "  podGroupTemplates:\n  - name: workers\n    schedulingPolicy: {gang: {minCount: 4}}\n"
                + "---\n"
                + POD_GROUP
                + "spec:\n  workloadRef: {workloadName: w, templateName: workers}\n"
                + "  schedulingPolicy: {gang: {minCount: 4}}\n");
    assertThat(causes(r)).isEmpty();
  }

  @Test
  void requiresOneOfPodGroupTemplatesAndCompositeTemplates() {
    assertThat(causes(validate(WORKLOAD + "spec: {}\n")))
        .containsExactly(tuple("spec", Reason.INVALID));
  }

  @Test
  void rejectsMoreThanEightTemplates() {
    StringBuilder sb = new StringBuilder(WORKLOAD + "spec:\n  podGroupTemplates:\n");
    for (int i = 0; i < 9; i++) {
      sb.append("  - name: g").append(i).append("\n    schedulingPolicy: {basic: {}}\n");
    }
    assertThat(causes(validate(sb.toString())))
        .containsExactly(tuple("spec.podGroupTemplates", Reason.TOO_MANY));
  }

  @Test
  void reportsDuplicateTemplateNamesAtTheLaterIndex() {
    assertThat(
            causes(
                validate(
                    WORKLOAD
                        + "spec:\n  podGroupTemplates:\n"
                        + "  - {name: a, schedulingPolicy: {basic: {}}}\n"
                        + "  - {name: a, schedulingPolicy: {basic: {}}}\n")))
        .containsExactly(tuple("spec.podGroupTemplates[1]", Reason.DUPLICATE));
  }

  @Test
  void templateNamesAreRequiredDnsLabels() {
    assertThat(
            causes(
                validate(
                    WORKLOAD
                        + "spec:\n  podGroupTemplates:\n"
                        + "  - {name: '', schedulingPolicy: {basic: {}}}\n"
                        + "  - {name: Workers, schedulingPolicy: {basic: {}}}\n")))
        .containsExactly(
            tuple("spec.podGroupTemplates[0].name", Reason.REQUIRED),
            tuple("spec.podGroupTemplates[1].name", Reason.INVALID));
  }

  @Test
  void schedulingPolicyIsAUnionOfBasicAndGang() {
    assertThat(
            causes(
                validate(
                    WORKLOAD
                        + "spec:\n  podGroupTemplates:\n"
                        + "  - {name: a, schedulingPolicy: {}}\n"
                        + "  - {name: b, schedulingPolicy: {basic: {}, gang: {minCount: 2}}}\n")))
        .containsExactly(
            tuple("spec.podGroupTemplates[0].schedulingPolicy", Reason.INVALID),
            tuple("spec.podGroupTemplates[1].schedulingPolicy", Reason.INVALID));
  }

  @Test
  void minCountZeroIsRequiredAndNegativeIsInvalid() {
    assertThat(
            causes(
                validate(
                    WORKLOAD
                        + "spec:\n  podGroupTemplates:\n"
                        + "  - {name: a, schedulingPolicy: {gang: {minCount: 0}}}\n"
                        + "  - {name: b, schedulingPolicy: {gang: {minCount: -1}}}\n")))
        .containsExactly(
            tuple("spec.podGroupTemplates[0].schedulingPolicy.gang.minCount", Reason.REQUIRED),
            tuple("spec.podGroupTemplates[1].schedulingPolicy.gang.minCount", Reason.INVALID));
  }

  @Test
  void templatesMustShareOnePriority() {
    assertThat(
            causes(
                validate(
                    WORKLOAD
                        + "spec:\n  podGroupTemplates:\n"
                        + "  - {name: a, priorityClassName: high, schedulingPolicy: {basic: {}}}\n"
                        + "  - {name: b, schedulingPolicy: {basic: {}}}\n")))
        .containsExactly(tuple("spec", Reason.INVALID));
  }

  @Test
  void priorityIsAtMostOneBillion() {
    assertThat(
            causes(
                validate(
                    WORKLOAD
                        + "spec:\n  podGroupTemplates:\n"
                        + "  - {name: a, priority: 1000000001, schedulingPolicy: {basic: {}}}\n")))
        .containsExactly(tuple("spec.podGroupTemplates[0].priority", Reason.INVALID));
  }

  @Test
  void controllerRefNeedsKindAndName() {
    assertThat(
            causes(
                validate(
                    WORKLOAD
                        + "spec:\n  controllerRef: {apiGroup: Not_A_Group}\n"
                        + "  podGroupTemplates: [{name: a, schedulingPolicy: {basic: {}}}]\n")))
        .containsExactly(
            tuple("spec.controllerRef.apiGroup", Reason.INVALID),
            tuple("spec.controllerRef.kind", Reason.REQUIRED),
            tuple("spec.controllerRef.name", Reason.REQUIRED));
  }

  @Test
  void compositeTemplatesAreForbiddenWithoutTheirGate() {
    String yaml =
        WORKLOAD
            + "spec:\n  compositePodGroupTemplates:\n  - name: c\n"
            + "    schedulingPolicy: {gang: {minGroupCount: 1}}\n"
            + "    podGroupTemplates: [{name: a, schedulingPolicy: {basic: {}}}]\n";
    assertThat(causes(validate(yaml)))
        .containsExactly(tuple("spec.compositePodGroupTemplates", Reason.FORBIDDEN));
    assertThat(causes(validate(yaml, "CompositePodGroup"))).isEmpty();
  }

  @Test
  void preemptionPolicyIsForbiddenWithoutItsGateAndAnEnumWithIt() {
    String yaml =
        WORKLOAD
            + "spec:\n  podGroupTemplates:\n"
            + "  - {name: a, preemptionPolicy: Sometimes, schedulingPolicy: {basic: {}}}\n";
    assertThat(causes(validate(yaml)))
        .containsExactly(tuple("spec.podGroupTemplates[0].preemptionPolicy", Reason.FORBIDDEN));
    assertThat(causes(validate(yaml, "PodGroupPreemptionPolicy")))
        .containsExactly(tuple("spec.podGroupTemplates[0].preemptionPolicy", Reason.NOT_SUPPORTED));
  }

  @Test
  void topologyConstraintsAreCheckedWhenTheirGateIsOn() {
    String yaml =
        POD_GROUP
            + "spec:\n  schedulingPolicy: {gang: {minCount: 2}}\n"
            + "  schedulingConstraints:\n    topology: [{key: 'rack'}, {key: 'zone'}]\n";
    assertThat(causes(validate(yaml))).isEmpty(); // dropped: the practice rule warns
    assertThat(causes(validate(yaml, "TopologyAwareWorkloadScheduling")))
        .containsExactly(tuple("spec.schedulingConstraints.topology", Reason.TOO_MANY));
    String badKey =
        POD_GROUP
            + "spec:\n  schedulingPolicy: {gang: {minCount: 2}}\n"
            + "  schedulingConstraints:\n    topology: [{key: 'not a key'}]\n";
    assertThat(causes(validate(badKey, "TopologyAwareWorkloadScheduling")))
        .containsExactly(tuple("spec.schedulingConstraints.topology[0].key", Reason.INVALID));
  }

  @Test
  void resourceClaimsNameExactlyOneSourceWhenTheirGateIsOn() {
    String yaml =
        POD_GROUP
            + "spec:\n  schedulingPolicy: {gang: {minCount: 2}}\n  resourceClaims:\n"
            + "  - {name: a}\n"
            + "  - {name: b, resourceClaimName: x, resourceClaimTemplateName: tmpl}\n"
            + "  - {name: a, resourceClaimName: z}\n";
    assertThat(causes(validate(yaml, "DRAWorkloadResourceClaims")))
        .containsExactly(
            tuple("spec.resourceClaims[2]", Reason.DUPLICATE),
            tuple("spec.resourceClaims[0]", Reason.INVALID),
            tuple("spec.resourceClaims[1]", Reason.INVALID));
  }

  @Test
  void podGroupWorkloadRefNeedsBothNames() {
    assertThat(
            causes(
                validate(
                    POD_GROUP
                        + "spec:\n  workloadRef: {workloadName: ''}\n"
                        + "  schedulingPolicy: {gang: {minCount: 1}}\n")))
        .containsExactly(
            tuple("spec.workloadRef.workloadName", Reason.REQUIRED),
            tuple("spec.workloadRef.templateName", Reason.REQUIRED));
  }

  @Test
  void disruptionModeDefaultsToSingleAndMustNotSetBoth() {
    assertThat(causes(validate(POD_GROUP + "spec:\n  schedulingPolicy: {gang: {minCount: 1}}\n")))
        .isEmpty();
    assertThat(
            causes(
                validate(
                    POD_GROUP
                        + "spec:\n  schedulingPolicy: {gang: {minCount: 1}}\n"
                        + "  disruptionMode: {single: {}, all: {}}\n")))
        .containsExactly(tuple("spec.disruptionMode", Reason.INVALID));
  }

  @Test
  void parentCompositePodGroupNameIsForbiddenWithoutItsGate() {
    assertThat(
            causes(
                validate(
                    POD_GROUP
                        + "spec:\n  parentCompositePodGroupName: parent\n"
                        + "  schedulingPolicy: {gang: {minCount: 1}}\n")))
        .containsExactly(tuple("spec.parentCompositePodGroupName", Reason.FORBIDDEN));
  }

  @Test
  void appliesOnlyToV1beta1On137() {
    String alpha =
        "apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: pg}\nspec: {}\n";
    assertThat(causes(validate(alpha))).isEmpty();
    ValidationReport on136 =
        Validator.builder()
            .targetVersion(TargetVersion.V1_36)
            .categories(Category.API)
            .build()
            .validate(Yamls.bundle(POD_GROUP + "spec: {}\n"));
    assertThat(on136.diagnostics())
        .extracting(Diagnostic::rule)
        .doesNotContain("gang.api.podgroup");
  }

  @Test
  void messagesSayWhatWasExpectedAndFound() {
    Diagnostic d =
        validate(
                WORKLOAD
                    + "spec:\n  podGroupTemplates:\n"
                    + "  - {name: a, schedulingPolicy: {gang: {minCount: -3}}}\n")
            .ofRule("gang.api.workload")
            .get(0);
    assertThat(d.message()).contains("greater than or equal to 1").contains("-3");
    assertThat(d.hint()).isNotEmpty();
  }

  // ------------------------------------------------------------ 1.35: scheduling.k8s.io/v1alpha1

  private static List<Tuple> causes135(String yaml) {
    return causes(
        Validator.builder()
            .targetVersion(TargetVersion.V1_35)
            .categories(Category.API)
            .build()
            .validate(Yamls.bundle(yaml)));
  }

  private static final String WORKLOAD_135 =
      "apiVersion: scheduling.k8s.io/v1alpha1\nkind: Workload\nmetadata: {name: w, namespace: ml}\n";

  @Test
  void v1alpha1AcceptsAValidWorkload() {
    assertThat(
            causes135(
                WORKLOAD_135
                    + "spec:\n  controllerRef: {apiGroup: batch, kind: Job, name: train}\n"
                    + "  podGroups:\n  - {name: workers, policy: {gang: {minCount: 4}}}\n"
                    + "  - {name: driver, policy: {basic: {}}}\n"))
        .isEmpty();
  }

  @Test
  void v1alpha1RequiresAtLeastOnePodGroupAndAtMostEight() {
    assertThat(causes135(WORKLOAD_135 + "spec: {}\n"))
        .containsExactly(tuple("spec.podGroups", Reason.REQUIRED));
    StringBuilder nine = new StringBuilder(WORKLOAD_135 + "spec:\n  podGroups:\n");
    for (int i = 0; i < 9; i++) {
      nine.append("  - {name: g").append(i).append(", policy: {basic: {}}}\n");
    }
    assertThat(causes135(nine.toString()))
        .containsExactly(tuple("spec.podGroups", Reason.TOO_MANY));
  }

  @Test
  void v1alpha1PodGroupNamesAreUniqueDnsLabelsAndAnEmptyOneIsInvalid() {
    assertThat(
            causes135(
                WORKLOAD_135
                    + "spec:\n  podGroups:\n  - {name: a, policy: {basic: {}}}\n"
                    + "  - {name: a, policy: {basic: {}}}\n  - {name: A.b, policy: {basic: {}}}\n"
                    + "  - {policy: {basic: {}}}\n"))
        .containsExactly(
            tuple("spec.podGroups[1].name", Reason.DUPLICATE),
            tuple("spec.podGroups[2].name", Reason.INVALID),
            tuple("spec.podGroups[3].name", Reason.INVALID));
  }

  @Test
  void v1alpha1PolicyNeedsExactlyOneOfBasicAndGang() {
    assertThat(
            causes135(
                WORKLOAD_135
                    + "spec:\n  podGroups:\n  - {name: a, policy: {}}\n"
                    + "  - {name: b, policy: {basic: {}, gang: {minCount: 2}}}\n"))
        .containsExactly(
            tuple("spec.podGroups[0].policy", Reason.REQUIRED),
            tuple("spec.podGroups[1].policy", Reason.INVALID));
  }

  @Test
  void v1alpha1MinCountMustBePositive() {
    assertThat(
            causes135(
                WORKLOAD_135
                    + "spec:\n  podGroups:\n  - {name: a, policy: {gang: {minCount: 0}}}\n"
                    + "  - {name: b, policy: {gang: {minCount: -1}}}\n"))
        .containsExactly(
            tuple("spec.podGroups[0].policy.gang.minCount", Reason.INVALID),
            tuple("spec.podGroups[1].policy.gang.minCount", Reason.INVALID));
  }

  @Test
  void v1alpha1ControllerRefNeedsKindAndName() {
    assertThat(
            causes135(
                WORKLOAD_135
                    + "spec:\n  controllerRef: {apiGroup: Bad_Group}\n"
                    + "  podGroups:\n  - {name: a, policy: {basic: {}}}\n"))
        .containsExactly(
            tuple("spec.controllerRef.apiGroup", Reason.INVALID),
            tuple("spec.controllerRef.kind", Reason.REQUIRED),
            tuple("spec.controllerRef.name", Reason.REQUIRED));
  }

  // ------------------------------------------------------------ 1.36: scheduling.k8s.io/v1alpha2

  private static List<Tuple> causes136(String yaml, String... gatesOn) {
    Validator.Builder b =
        Validator.builder().targetVersion(TargetVersion.V1_36).categories(Category.API);
    for (String gate : gatesOn) {
      b.featureGate(gate, true);
    }
    return causes(b.build().validate(Yamls.bundle(yaml)));
  }

  private static final String WORKLOAD_136 =
      "apiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\nmetadata: {name: w, namespace: ml}\n";
  private static final String POD_GROUP_136 =
      "apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: pg, namespace: ml}\n";

  @Test
  void v1alpha2AcceptsAValidWorkloadAndPodGroupWithGatedFieldsDropped() {
    // schedulingConstraints and priorityClassName are dropped by the strategy while their alpha
    // gates are off, so they are not validated
    assertThat(
            causes136(
                WORKLOAD_136
                    + "spec:\n  controllerRef: {apiGroup: jobset.x-k8s.io, kind: JobSet, name: js}\n"
                    + "  podGroupTemplates:\n  - name: workers\n    schedulingPolicy: {gang: {minCount: 4}}\n"
                    + "    priorityClassName: Not_A_Name\n"
                    + "    schedulingConstraints: {topology: [{key: a}, {key: b}]}\n"
                    + "---\n"
                    + POD_GROUP_136
                    + "spec:\n  podGroupTemplateRef: {workload: {workloadName: w, podGroupTemplateName:"
                    + " workers}}\n  schedulingPolicy: {gang: {minCount: 4}}\n"))
        .isEmpty();
  }

  @Test
  void v1alpha2TemplatesAreRequiredUniqueAndNamed() {
    assertThat(causes136(WORKLOAD_136 + "spec: {}\n"))
        .containsExactly(tuple("spec.podGroupTemplates", Reason.REQUIRED));
    assertThat(
            causes136(
                WORKLOAD_136
                    + "spec:\n  podGroupTemplates:\n  - {name: a, schedulingPolicy: {basic: {}}}\n"
                    + "  - {name: a, schedulingPolicy: {basic: {}}}\n"
                    + "  - {schedulingPolicy: {basic: {}}}\n"
                    + "  - {name: A_1, schedulingPolicy: {basic: {}}}\n"))
        .containsExactly(
            tuple("spec.podGroupTemplates[1]", Reason.DUPLICATE),
            tuple("spec.podGroupTemplates[2].name", Reason.REQUIRED),
            tuple("spec.podGroupTemplates[3].name", Reason.INVALID));
  }

  @Test
  void v1alpha2PolicyIsAUnionAndMinCountAtLeastOne() {
    assertThat(
            causes136(
                WORKLOAD_136
                    + "spec:\n  podGroupTemplates:\n  - {name: a, schedulingPolicy: {}}\n"
                    + "  - {name: b, schedulingPolicy: {gang: {}}}\n"
                    + "  - {name: c, schedulingPolicy: {gang: {minCount: -2}}}\n"))
        .containsExactly(
            tuple("spec.podGroupTemplates[0].schedulingPolicy", Reason.INVALID),
            tuple("spec.podGroupTemplates[1].schedulingPolicy.gang.minCount", Reason.REQUIRED),
            tuple("spec.podGroupTemplates[2].schedulingPolicy.gang.minCount", Reason.INVALID));
  }

  @Test
  void v1alpha2PodGroupTemplateRefNeedsTheWorkloadAndTemplateNames() {
    assertThat(
            causes136(
                POD_GROUP_136
                    + "spec:\n  podGroupTemplateRef: {workload: {podGroupTemplateName: Bad.Name}}\n"
                    + "  schedulingPolicy: {basic: {}, gang: {minCount: 1}}\n"))
        .containsExactly(
            tuple("spec.podGroupTemplateRef.workload.workloadName", Reason.REQUIRED),
            tuple("spec.podGroupTemplateRef.workload.podGroupTemplateName", Reason.INVALID),
            tuple("spec.schedulingPolicy", Reason.INVALID));
    assertThat(
            causes136(
                POD_GROUP_136
                    + "spec:\n  podGroupTemplateRef: {}\n  schedulingPolicy: {basic: {}}\n"))
        .containsExactly(tuple("spec.podGroupTemplateRef", Reason.INVALID));
  }

  @Test
  void v1alpha2GatedFieldsAreCheckedWhenTheirGatesAreOn() {
    assertThat(
            causes136(
                POD_GROUP_136
                    + "spec:\n  schedulingPolicy: {basic: {}}\n  disruptionMode: All\n"
                    + "  priority: 2000000000\n"
                    + "  schedulingConstraints: {topology: [{key: a}, {key: b}]}\n"
                    + "  resourceClaims: [{name: gpus}]\n",
                "WorkloadAwarePreemption",
                "TopologyAwareWorkloadScheduling",
                "DRAWorkloadResourceClaims"))
        .containsExactly(
            tuple("spec.schedulingConstraints.topology", Reason.TOO_MANY),
            tuple("spec.resourceClaims[0]", Reason.INVALID),
            tuple("spec.disruptionMode", Reason.NOT_SUPPORTED),
            tuple("spec.priority", Reason.INVALID));
  }
}
