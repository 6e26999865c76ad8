package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.conformance.RequirementCatalogue;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.CoreRules;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.RuleSet;
import dev.aiconform.core.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rule registered by any module (all are on sdk-cli's class path) is consistent with the
 * requirement catalogue: a conformance rule names a requirement that exists in the checklist of
 * every Kubernetes version the rule applies to.
 */
class RuleCatalogueConsistencyTest {

  /**
   * Violations known in other modules, each to be fixed by its owner. The tests fail on any other
   * violation, and also when a listed one is fixed, so this list only shrinks: delete the entry
   * then.
   */
  static final Set<String> KNOWN_REQUIREMENT_GAPS = Set.of();

  static List<RuleInfo> allRules() {
    List<RuleInfo> rules = new ArrayList<>();
    for (RuleSet set : Validator.registeredRuleSets()) {
      for (Rule r : set.rules()) {
        rules.add(r.info());
      }
      rules.addAll(set.otherFindings());
    }
    return rules;
  }

  @Test
  void everyRequirementExistsInTheCatalogueOfEveryVersionTheRuleAppliesTo() {
    List<String> missing = new ArrayList<>();
    for (RuleInfo rule : allRules()) {
      if (rule.requirement().isEmpty()) {
        continue;
      }
      for (TargetVersion v : rule.versions().versions()) {
        if (!RequirementCatalogue.forTarget(v).contains(rule.requirement().get())) {
          missing.add(
              rule.id() + " → " + rule.requirement().get() + " is not in AI conformance " + v);
        }
      }
    }

    assertThat(missing).containsExactlyInAnyOrderElementsOf(KNOWN_REQUIREMENT_GAPS);
  }

  @Test
  void conformanceRulesNameARequirementAndOthersDoNot() {
    for (RuleInfo rule : allRules()) {
      assertThat(rule.requirement().isPresent())
          .as("%s (%s) has a requirement", rule.id(), rule.category())
          .isEqualTo(rule.category() == Category.CONFORMANCE);
    }
  }

  @Test
  void ruleIdsAreUniqueAcrossModules() {
    Set<String> seen = new HashSet<>();
    for (RuleInfo rule : allRules()) {
      assertThat(seen.add(rule.id())).as("duplicate rule id %s", rule.id()).isTrue();
    }
  }

  @Test
  void everyCoreRuleHasAFailingAndAFixedExampleForTheCatalogue() {
    for (Rule r : new CoreRules().rules()) {
      assertThat(r.info().failingExample()).as("%s failing example", r.info().id()).isPresent();
      assertThat(r.info().fixedExample()).as("%s fixed example", r.info().id()).isPresent();
    }
  }

  @Test
  void theCoreRulesNeedNoException() {
    assertThat(KNOWN_REQUIREMENT_GAPS).noneMatch(s -> s.startsWith("core."));
  }

  @Test
  void coreRulesAreRegistered() {
    assertThat(allRules())
        .extracting(RuleInfo::id)
        .contains("core.metadata.name", "core.accelerator.privileged", "yaml.parse");
  }
}
