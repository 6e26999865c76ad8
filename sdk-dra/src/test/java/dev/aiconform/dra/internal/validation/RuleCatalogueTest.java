package dev.aiconform.dra.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Validator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of sdk-dra, through the examples its catalogue entry shows: the failing example gets a
 * finding of that rule, the fixed example none. One dynamic test per rule id, so a rule without a
 * working example fails here.
 */
class RuleCatalogueTest {
  static List<String> findings(String yaml, String rule, TargetVersion version) {
    ReadResult read = ManifestReader.defaults().readString(yaml, rule + ".yaml");
    assertThat(read.diagnostics()).as("the example of %s reads cleanly:%n%s", rule, yaml).isEmpty();
    ManifestBundle bundle = read.bundle();
    assertThat(bundle.manifests()).as("the example of %s has objects", rule).isNotEmpty();
    // an example of an alpha feature says which gates it needs: "# feature-gates: A=true,B=true"
    Validator.Builder validator = Validator.builder().targetVersion(version);
    for (String line : yaml.split("\n")) {
      if (!line.startsWith("# feature-gates:")) continue;
      for (String gate : line.substring("# feature-gates:".length()).trim().split(",")) {
        String[] kv = gate.trim().split("=");
        validator.featureGate(kv[0], Boolean.parseBoolean(kv[1]));
      }
    }
    return validator.build().validate(bundle).diagnostics().stream()
        .filter(d -> d.rule().equals(rule))
        .map(Diagnostic::toString)
        .collect(Collectors.toList());
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFiresOnItsFailingExampleAndNotOnItsFix() {
    List<Rule> rules = new DraRuleSet().rules();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(28);
    return rules.stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.info().id(),
                    () -> {
                      RuleInfo info = rule.info();
                      TargetVersion newest =
                          info.versions().versions().stream()
                              .max(java.util.Comparator.naturalOrder())
                              .orElseThrow();
                      assertThat(info.failingExample()).as(info.id()).isPresent();
                      assertThat(info.fixedExample()).as(info.id()).isPresent();
                      assertThat(findings(info.failingExample().get(), info.id(), newest))
                          .as("%s fires on its failing example", info.id())
                          .isNotEmpty();
                      assertThat(findings(info.fixedExample().get(), info.id(), newest))
                          .as("%s is quiet on its fixed example", info.id())
                          .isEmpty();
                    }));
  }
}
