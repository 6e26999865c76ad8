package dev.aiconform.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.TargetVersion;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RequirementCatalogueTest {

  @ParameterizedTest(name = "{0}: {1} MUST, {2} SHOULD")
  @CsvSource({"1.33, 8, 1", "1.34, 9, 0", "1.35, 9, 3", "1.36, 8, 6", "1.37, 8, 7"})
  void countsMustAndShouldRequirementsPerVersion(String version, int musts, int shoulds) {
    RequirementCatalogue catalogue = RequirementCatalogue.of(ConformanceVersion.parse(version));

    assertThat(catalogue.withLevel(RequirementLevel.MUST)).hasSize(musts);
    assertThat(catalogue.withLevel(RequirementLevel.SHOULD)).hasSize(shoulds);
    assertThat(catalogue.size()).isEqualTo(musts + shoulds);
  }

  @Test
  void draSupportIsShouldIn133MustIn134And135AndGoneFrom136() {
    assertThat(level(ConformanceVersion.V1_33, "dra_support")).isEqualTo(RequirementLevel.SHOULD);
    assertThat(level(ConformanceVersion.V1_34, "dra_support")).isEqualTo(RequirementLevel.MUST);
    assertThat(level(ConformanceVersion.V1_35, "dra_support")).isEqualTo(RequirementLevel.MUST);
    assertThat(RequirementCatalogue.of(ConformanceVersion.V1_36).contains("dra_support")).isFalse();
    assertThat(RequirementCatalogue.of(ConformanceVersion.V1_37).find("dra_support")).isEmpty();
  }

  @Test
  void workloadSandboxingArrivesAsShouldIn137() {
    assertThat(RequirementCatalogue.of(ConformanceVersion.V1_36).contains("workload_sandboxing"))
        .isFalse();
    Requirement sandboxing =
        RequirementCatalogue.of(ConformanceVersion.V1_37).require("workload_sandboxing");
    assertThat(sandboxing.level()).isEqualTo(RequirementLevel.SHOULD);
    assertThat(sandboxing.category()).isEqualTo("security");
    assertThat(sandboxing.version()).isEqualTo(ConformanceVersion.V1_37);
  }

  @ParameterizedTest
  @EnumSource(ConformanceVersion.class)
  void secureAcceleratorAccessAndGangSchedulingAreMustInEveryVersion(ConformanceVersion v) {
    assertThat(level(v, "secure_accelerator_access")).isEqualTo(RequirementLevel.MUST);
    assertThat(level(v, "gang_scheduling")).isEqualTo(RequirementLevel.MUST);
  }

  @Test
  void keepsTheTemplateOrderOfSectionsAndRequirements() {
    RequirementCatalogue v137 = RequirementCatalogue.of(ConformanceVersion.V1_37);

    assertThat(v137.categories())
        .containsExactly(
            "accelerators",
            "networking",
            "schedulingOrchestration",
            "observability",
            "security",
            "operator");
    assertThat(ids(v137))
        .containsExactly(
            "driver_runtime_management",
            "gpu_sharing",
            "virtualized_accelerator",
            "ai_inference",
            "advanced_inference_ingress",
            "high_performance_networking",
            "disaggregated_inference",
            "gang_scheduling",
            "cluster_autoscaling",
            "pod_autoscaling",
            "accelerator_metrics",
            "ai_service_metrics",
            "secure_accelerator_access",
            "workload_sandboxing",
            "robust_controller");
  }

  @Test
  void keepsRequirementTextUnchanged() {
    Requirement metrics =
        RequirementCatalogue.of(ConformanceVersion.V1_37).require("accelerator_metrics");
    // 1.37 carries an upstream typo that 1.36 does not; both are kept as written.
    assertThat(metrics.description()).contains("makes they available");
    assertThat(
            RequirementCatalogue.of(ConformanceVersion.V1_36)
                .require("accelerator_metrics")
                .description())
        .contains("makes them available");
  }

  @Test
  void derivesConditionalFromTheOpeningOfTheRequirementText() {
    List<String> conditional =
        RequirementCatalogue.of(ConformanceVersion.V1_37).requirements().stream()
            .filter(Requirement::conditional)
            .map(Requirement::id)
            .collect(Collectors.toList());

    assertThat(conditional)
        .containsExactlyInAnyOrder(
            "gpu_sharing",
            "virtualized_accelerator",
            "high_performance_networking",
            "cluster_autoscaling",
            "pod_autoscaling");
  }

  @Test
  void aScopeIsNotACondition() {
    assertThat(RequirementCatalogue.isConditional("For supported accelerator types, the platform"))
        .isFalse();
    assertThat(RequirementCatalogue.isConditional("If the platform supports the HPA, it must"))
        .isTrue();
    assertThat(RequirementCatalogue.isConditional("For accelerators that support vGPU, provide"))
        .isTrue();
    assertThat(RequirementCatalogue.isConditional("Support the Kubernetes Gateway API")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(TargetVersion.class)
  void everyTargetVersionHasTheChecklistOfItsMinorVersion(TargetVersion target) {
    RequirementCatalogue catalogue = RequirementCatalogue.forTarget(target);

    assertThat(catalogue.version().label()).isEqualTo(target.label());
    assertThat(catalogue.version().targetVersion()).contains(target);
  }

  @Test
  void v133IsAChecklistButNotATarget() {
    assertThat(ConformanceVersion.V1_33.targetVersion()).isEmpty();
  }

  @Test
  void requireNamesTheKnownIdsWhenOneIsMissing() {
    assertThatThrownBy(
            () -> RequirementCatalogue.of(ConformanceVersion.V1_36).require("dra_support"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.36 has no requirement 'dra_support'")
        .hasMessageContaining("gang_scheduling");
  }

  @Test
  void parsesVersionsWithOrWithoutTheLeadingV() {
    assertThat(ConformanceVersion.parse("v1.35")).isEqualTo(ConformanceVersion.V1_35);
    assertThat(ConformanceVersion.parse("1.33")).isEqualTo(ConformanceVersion.V1_33);
    assertThatThrownBy(() -> ConformanceVersion.parse("1.32"))
        .hasMessageContaining("expected one of 1.33, 1.34, 1.35, 1.36, 1.37");
  }

  private static RequirementLevel level(ConformanceVersion v, String id) {
    return RequirementCatalogue.of(v).require(id).level();
  }

  private static List<String> ids(RequirementCatalogue catalogue) {
    return catalogue.requirements().stream().map(Requirement::id).collect(Collectors.toList());
  }
}
