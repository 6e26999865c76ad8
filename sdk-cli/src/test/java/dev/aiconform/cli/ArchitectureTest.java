package dev.aiconform.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.aiconform.core.internal.KubeSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module boundaries of DESIGN.md, checked on the main classes of every module (sdk-cli's test
 * class path holds them all): the feature modules do not know each other, libraries do not print,
 * nothing reaches into another module's {@code internal} packages, and Jackson 2 is nowhere.
 *
 * <p>One exception: {@code dev.aiconform.core.internal.KubeSerialization}, the one fabric8
 * serialization of the SDK (COMMON.md names it as shared), may be used by the sdk-* feature modules
 * and sdk-testing; the CLI and the examples use public API only. Each module's own classes may use
 * its internal packages (core's {@code CoreRules} registers rules from {@code
 * dev.aiconform.core.internal.rules}).
 */
class ArchitectureTest {
  static JavaClasses classes;

  /** Main classes only: not test classes, nor the test fixtures of sdk-core's test jar. */
  static final ImportOption MAIN_CLASSES_ONLY =
      location ->
          ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
              && !location.contains("-tests.jar");

  @BeforeAll
  static void importClasses() throws IOException {
    // Our modules' class directories (test phase) or jars (verify phase) only: scanning every jar
    // of fabric8 for the package would take most of the test's time and find nothing more.
    List<Location> modules = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (isAiconformModule(path)) {
        modules.add(
            Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile())));
      }
    }
    classes = new ClassFileImporter().withImportOption(MAIN_CLASSES_ONLY).importLocations(modules);
  }

  private static boolean isAiconformModule(Path entry) {
    String s = entry.toString().replace('\\', '/');
    return s.matches(".*/(sdk-[a-z]+|examples)/target/classes/?")
        || s.matches(".*/(sdk-[a-z]+|examples)-[^/]*\\.jar") && !s.endsWith("-tests.jar");
  }

  @ParameterizedTest(name = "{0} knows none of the other feature modules")
  @ValueSource(strings = {"dra", "gang", "autoscale"})
  void featureModulesDoNotDependOnEachOther(String module) {
    String[] others =
        java.util.stream.Stream.of("dra", "gang", "autoscale")
            .filter(m -> !m.equals(module))
            .map(m -> "dev.aiconform." + m + "..")
            .toArray(String[]::new);
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.aiconform." + module + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(others)
            .because(
                "sdk-" + module + " depends on sdk-core only; modules meet through ServiceLoader")
            .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void importsTheClassesOfEveryModule() {
    org.assertj.core.api.Assertions.assertThat(
            classes.contain("dev.aiconform.core.validation.Validator"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.contain("dev.aiconform.cli.Aiconform"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.contain("dev.aiconform.examples.FineTuning"))
        .isTrue();
  }

  @Test
  void coreDependsOnNoFeatureModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.aiconform.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.aiconform.dra..",
            "dev.aiconform.gang..",
            "dev.aiconform.autoscale..",
            "dev.aiconform.cli..")
        .because("data flows one way: feature modules build on sdk-core")
        .check(classes);
  }

  @Test
  void librariesWriteNothingToStandardStreams() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.aiconform.core..",
            "dev.aiconform.dra..",
            "dev.aiconform.gang..",
            "dev.aiconform.autoscale..",
            "dev.aiconform.testing..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .because("library code reports through diagnostics and SLF4J, never stdout/stderr")
        .check(classes);
  }

  @Test
  void theStreamsRuleCatchesAClassThatPrints() {
    // The CLI's main method hands System.out to picocli: the rule must see that, or it checks
    // nothing.
    ArchRule onCli =
        noClasses()
            .that()
            .resideInAPackage("dev.aiconform.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> onCli.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Aiconform.main");
  }

  @ParameterizedTest(name = "only {0} uses dev.aiconform.{0}.internal")
  @ValueSource(strings = {"core", "dra", "gang", "autoscale", "testing", "cli"})
  void nothingOutsideAModuleUsesItsInternalPackages(String module) {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.aiconform." + module + "..")
        .and(module.equals("core") ? notAFeatureModule() : DescribedPredicate.alwaysTrue())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.aiconform." + module + ".internal..")
        .because("internal packages are not API; use the public types of sdk-" + module)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void featureModulesUseOnlyTheSharedSerializationOfCoresInternals() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURE_MODULES)
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("dev.aiconform.core.internal..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.belongToAnyOf(KubeSerialization.class))))
        .because("only KubeSerialization, the SDK's one fabric8 serialization, is shared")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theCliAndExamplesUseNoInternalsAtAll() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.aiconform.cli..", "dev.aiconform.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.aiconform.core.internal..",
            "dev.aiconform.dra.internal..",
            "dev.aiconform.gang.internal..",
            "dev.aiconform.autoscale.internal..",
            "dev.aiconform.testing.internal..")
        .check(classes);
  }

  static final String[] FEATURE_MODULES = {
    "dev.aiconform.dra..",
    "dev.aiconform.gang..",
    "dev.aiconform.autoscale..",
    "dev.aiconform.testing.."
  };

  /**
   * Classes outside the feature modules and sdk-testing (their use of core internals is checked
   * apart).
   */
  private static DescribedPredicate<JavaClass> notAFeatureModule() {
    return DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(FEATURE_MODULES));
  }

  @Test
  void noJackson2Anywhere() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson.databind..")
        .because(
            "fabric8 8 uses Jackson 3 (tools.jackson); a Jackson 2 mapper must never touch its models")
        .check(classes);
  }
}
