package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.Validator;
import dev.aiconform.gang.internal.rules.GangRules;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule catalogue's examples are real: each rule's failing example gets a finding of that rule,
 * its fixed example none. An example may start with {@code # target: 1.36} and {@code #
 * feature-gates: Name=true} lines saying how it is validated.
 */
class GangRuleCatalogueTest {
  private static final Pattern TARGET = Pattern.compile("(?m)^# target: (\\S+)");
  private static final Pattern GATES = Pattern.compile("(?m)^# feature-gates: (\\S+)");

  static Stream<Rule> rules() {
    return new GangRules().rules().stream();
  }

  static long findings(Rule rule, String example) {
    ReadResult read = ManifestReader.defaults().readString(example, rule.info().id() + ".yaml");
    assertThat(read.diagnostics()).as("%s example reads cleanly", rule.info().id()).isEmpty();
    ManifestBundle bundle = read.bundle();
    Matcher t = TARGET.matcher(example);
    Validator.Builder v =
        Validator.builder()
            .targetVersion(t.find() ? TargetVersion.parse(t.group(1)) : TargetVersion.V1_37)
            .rules(List.of(rule));
    Matcher g = GATES.matcher(example);
    if (g.find()) {
      for (String gate : g.group(1).split(",")) {
        String[] kv = gate.split("=");
        v.featureGate(kv[0], Boolean.parseBoolean(kv[1]));
      }
    }
    return v.build().validate(bundle).ofRule(rule.info().id()).size();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theFailingExampleIsReportedAndTheFixedOneIsNot(Rule rule) {
    assertThat(rule.info().failingExample()).isPresent();
    assertThat(rule.info().fixedExample()).isPresent();
    assertThat(findings(rule, rule.info().failingExample().get()))
        .as("%s reports its failing example", rule.info().id())
        .isPositive();
    assertThat(findings(rule, rule.info().fixedExample().get()))
        .as("%s accepts its fixed example", rule.info().id())
        .isZero();
  }
}
