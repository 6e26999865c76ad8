package dev.aiconform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.Accelerators;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.conformance.ConformanceVersion;
import dev.aiconform.core.conformance.Requirement;
import dev.aiconform.core.conformance.RequirementCatalogue;
import dev.aiconform.core.conformance.RequirementLevel;
import dev.aiconform.core.fixtures.TrainJob;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code of docs/core-validation.md, compiled and run: the guide includes the tagged regions
 * ({@code <!-- include: path#tag -->}).
 */
class CoreValidationGuideTest {

  static final String TRAIN_YAML = TrainJob.WITHOUT_GPU_LIMIT;

  @Test
  void validateWhatWasRead() {
    // tag::validate[]
    ReadResult read = ManifestReader.defaults().readString(TRAIN_YAML, "train.yaml");
    ValidationReport report = Validator.forVersion(TargetVersion.V1_37).validate(read.bundle());
    Diagnostic missingLimit = report.ofRule("core.pod.resources").get(0);
    // missingLimit.path()   → "spec.template.spec.containers[0].resources.limits"
    // missingLimit.reason() → Optional[FieldValueRequired]
    // end::validate[]

    assertThat(missingLimit.path()).isEqualTo("spec.template.spec.containers[0].resources.limits");
    assertThat(missingLimit.reason()).contains(Reason.REQUIRED);
    assertThat(missingLimit.source().get().line()).isEqualTo(13);
  }

  @Test
  void onlyTheCoreRules() {
    ReadResult read = ManifestReader.defaults().readString(TRAIN_YAML, "train.yaml");
    // tag::core-only[]
    Validator coreApiOnly =
        Validator.builder()
            .targetVersion(TargetVersion.V1_35)
            .rules(new CoreRules().rules())
            .categories(Category.API)
            .build();
    List<Diagnostic> errors = coreApiOnly.validate(read.bundle()).errors();
    // end::core-only[]

    assertThat(errors).extracting(Diagnostic::rule).containsExactly("core.pod.resources");
  }

  @Test
  void theRequirementCatalogue() {
    // tag::catalogue[]
    RequirementCatalogue v137 = RequirementCatalogue.forTarget(TargetVersion.V1_37);
    Requirement access = v137.require("secure_accelerator_access"); // MUST, security
    List<Requirement> shoulds = v137.withLevel(RequirementLevel.SHOULD); // 7 in 1.37
    boolean draIsMust =
        RequirementCatalogue.of(ConformanceVersion.V1_35).require("dra_support").isMust(); // true
    boolean draIn136 =
        RequirementCatalogue.of(ConformanceVersion.V1_36).contains("dra_support"); // false
    boolean conditional =
        v137.require("cluster_autoscaling").conditional(); // true: "If the platform provides…"
    // end::catalogue[]

    assertThat(access.level()).isEqualTo(RequirementLevel.MUST);
    assertThat(access.category()).isEqualTo("security");
    assertThat(shoulds).hasSize(7);
    assertThat(draIsMust).isTrue();
    assertThat(draIn136).isFalse();
    assertThat(conditional).isTrue();
  }

  @Test
  void theHelpersOtherModulesUse() {
    // tag::helpers[]
    List<String> problems = NameFormat.DNS1123_LABEL.problems("llm.server");
    // ["must not contain dots: it must be a single RFC 1123 label"]
    boolean gpu = Accelerators.isAcceleratorResource("nvidia.com/mig-1g.10gb"); // true
    List<String> keyProblems = LabelSyntax.keyProblems("example.com/team"); // []
    // end::helpers[]

    assertThat(problems)
        .containsExactly("must not contain dots: it must be a single RFC 1123 label");
    assertThat(gpu).isTrue();
    assertThat(keyProblems).isEmpty();
  }
}
