package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the SDK renders passes the gang rules of the version it was rendered for. */
class GangValidationTest {
  static Validator validator(TargetVersion v, boolean genericWorkload) {
    return Validator.builder()
        .targetVersion(v)
        .featureGate("GenericWorkload", genericWorkload)
        .featureGate("GangScheduling", genericWorkload)
        .build();
  }

  static List<String> findings(ValidationReport r, Severity s) {
    return r.withSeverity(s).stream()
        .filter(d -> d.rule().startsWith("gang."))
        .map(Diagnostic::toString)
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(GangBackend.class)
  void renderedGangsHaveNoErrorsOrWarnings(GangBackend backend) {
    GangGroup g = GangFixtures.train().kueueQueues(KueueQueueSetup.defaults()).build();
    ValidationReport r =
        validator(TargetVersion.V1_37, true).validate(g.render(backend, TargetVersion.V1_37));
    assertThat(findings(r, Severity.ERROR)).isEmpty();
    if (backend == GangBackend.NATIVE) {
      // the topology constraint needs an alpha gate: the only warning, and it says so
      assertThat(findings(r, Severity.WARNING))
          .allMatch(f -> f.contains("gang.native.dropped-fields"))
          .hasSize(2);
    } else {
      assertThat(findings(r, Severity.WARNING)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.35", "1.36", "1.37"})
  void nativeRenderingMatchesEachVersion(String version) {
    TargetVersion v = TargetVersion.parse(version);
    ManifestBundle b = GangFixtures.train().build().render(GangBackend.NATIVE, v);
    ValidationReport r = validator(v, true).validate(b);
    assertThat(findings(r, Severity.ERROR)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(WorkloadShape.class)
  void everyShapeValidatesOnVolcano(WorkloadShape shape) {
    GangGroup g =
        GangGroup.named("s")
            .namespace("ml")
            .role("leader", 1, GangFixtures.template("i", "1", 0))
            .role("worker", 3, 2, GangFixtures.template("i", "1", 1))
            .shape(shape)
            .build();
    ValidationReport r =
        validator(TargetVersion.V1_37, true)
            .validate(g.render(GangBackend.VOLCANO, TargetVersion.V1_37));
    assertThat(findings(r, Severity.ERROR)).isEmpty();
    assertThat(findings(r, Severity.WARNING)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void warnsThatTheBetaGateIsOffByDefaultOn137() {
    ValidationReport r =
        validator(TargetVersion.V1_37, false)
            .validate(GangFixtures.train().build().render(GangBackend.NATIVE, TargetVersion.V1_37));
    assertThat(r.ofRule("gang.native.feature-gate"))
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.message()).contains("beta in 1.37").contains("off by default");
              assertThat(d.hint()).contains("--feature-gates=GenericWorkload=true");
            });
  }
}
