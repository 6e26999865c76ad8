package dev.aiconform.autoscale.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.autoscale.internal.rules.AutoscaleRules;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.ValidationReport;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's catalogue examples do what they say: the failing one fails, the fixed one passes.
 */
class RuleCatalogueTest {
  static Stream<Rule> rules() {
    return new AutoscaleRules().rules().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theFailingExampleIsReportedOnSomeVersion(Rule rule) {
    assertThat(rule.info().failingExample()).as(rule.info().id()).isPresent();
    boolean reported =
        Arrays.stream(TargetVersion.values())
            .filter(v -> rule.info().versions().contains(v))
            .anyMatch(
                v ->
                    !Checks.validate(rule.info().failingExample().get(), v)
                        .ofRule(rule.info().id())
                        .isEmpty());
    assertThat(reported)
        .as(
            "%s reports its failing example:%n%s",
            rule.info().id(), rule.info().failingExample().get())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theFixedExampleIsNotReportedOnAnyVersion(Rule rule) {
    assertThat(rule.info().fixedExample()).as(rule.info().id()).isPresent();
    for (TargetVersion v : TargetVersion.values()) {
      ValidationReport r = Checks.validate(rule.info().fixedExample().get(), v);
      assertThat(r.ofRule(rule.info().id()))
          .as("%s on %s for its fixed example:%n%s", rule.info().id(), v, Checks.describe(r))
          .isEmpty();
    }
  }
}
