package dev.aiconform.core.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * sdk-core talks to clusters through fabric8's client API only: the transport (the fabric8 client
 * implementation and its HTTP client) is the application's choice, and library code prints nothing.
 */
class Fabric8BoundaryTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.aiconform.core");

  @Test
  void usesTheFabric8ClientApiNotItsImplementationOrTransport() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.fabric8.kubernetes.client.impl..",
                "io.fabric8.kubernetes.client.dsl.internal..",
                "io.fabric8.kubernetes.client.vertx..",
                "io.fabric8.kubernetes.client.okhttp..",
                "io.fabric8.kubernetes.client.jdkhttp..",
                "io.vertx..",
                "okhttp3..")
            .because("the HTTP transport is the application's choice (kubernetes-client-api only)");
    rule.check(CORE);
  }

  @Test
  void realClusterClientPrintsNothing() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(
                "dev.aiconform.core.cluster..", "dev.aiconform.core.internal.fabric8..")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .because(
                "library code logs through SLF4J and reports through outcomes and ApplyProgress");
    rule.check(CORE);
  }
}
