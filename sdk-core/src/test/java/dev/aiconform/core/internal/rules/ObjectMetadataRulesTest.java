package dev.aiconform.core.internal.rules;

import static dev.aiconform.core.internal.rules.CoreRuleCheck.findings;
import static dev.aiconform.core.internal.rules.CoreRuleCheck.pathsAndReasons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectMetadataRulesTest {

  private static String configMap(String metadata) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n" + metadata;
  }

  @Nested
  class Name {
    @Test
    void requiresNameOrGenerateName() {
      List<Diagnostic> d = findings("core.metadata.name", configMap("  namespace: ml\n"));

      assertThat(pathsAndReasons(d)).containsExactly("metadata.name FieldValueRequired");
      assertThat(d.get(0).message()).contains("name or generateName is required");
      assertThat(d.get(0).category()).isEqualTo(Category.API);
      assertThat(d.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void leavesComponentConfigurationFilesAlone() {
      String yaml =
          "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n";

      assertThat(findings(yaml)).isEmpty();
    }

    @Test
    void acceptsGenerateNameInsteadOfName() {
      assertThat(findings("core.metadata.name", configMap("  generateName: train-\n"))).isEmpty();
    }

    @Test
    void checksGenerateNameAsAPrefixAndTheNameTheServerGeneratesFromIt() {
      // rest.BeforeCreate sets name = generateName + 5 random characters before validating, so an
      // invalid prefix makes the generated name invalid too: the server reports both.
      List<Diagnostic> d = findings("core.metadata.name", configMap("  generateName: Train_\n"));

      assertThat(pathsAndReasons(d))
          .containsExactly(
              "metadata.generateName FieldValueInvalid", "metadata.name FieldValueInvalid");
    }

    @Test
    void truncatesALongGenerateNameTo58CharactersBeforeAddingTheSuffix() {
      // names.SimpleNameGenerator: the prefix is cut to 58 characters, so the generated name of a
      // label-named kind is valid even though the prefix alone is too long.
      String yaml =
          "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  generateName: "
              + "s".repeat(70)
              + "\n";

      assertThat(pathsAndReasons(findings("core.metadata.name", yaml)))
          .containsExactly("metadata.generateName FieldValueInvalid");
    }

    @Test
    void limitsTheGeneratedNameOfACronJobTo52Characters() {
      // A 50-character prefix gives a 55-character name: ValidateCronJobCreate rejects it.
      String yaml =
          "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  generateName: "
              + "c".repeat(50)
              + "\n";

      assertThat(pathsAndReasons(findings("core.metadata.name", yaml)))
          .containsExactly("metadata.name FieldValueInvalid");
    }

    @ParameterizedTest(name = "{0} ''{1}'' valid: {2}")
    @CsvSource({
      "v1, ConfigMap, llm.settings, true",
      "v1, ConfigMap, LLM, false",
      "v1, Namespace, ml.team, false",
      "v1, Namespace, ml-team, true",
      "apps/v1, StatefulSet, llm.server, false",
      "apps/v1, StatefulSet, llm-server, true",
      "apps/v1, Deployment, llm.server, true",
      "v1, Service, 1-llm, false",
      "v1, Service, llm-1, true",
      "rbac.authorization.k8s.io/v1, ClusterRole, system:gpu-reader, true",
      "rbac.authorization.k8s.io/v1, Role, a/b, false",
      "resource.k8s.io/v1, DeviceClass, gpu.nvidia.com, true",
      "kueue.x-k8s.io/v1beta2, ClusterQueue, Team_A, false",
      "scheduling.k8s.io/v1beta1, PodGroup, train.workers, false",
      "scheduling.k8s.io/v1beta1, PodGroup, train-workers, true",
      "scheduling.k8s.io/v1beta1, Workload, train.v2, true"
    })
    void checksTheNameFormatOfEachKind(String apiVersion, String kind, String name, boolean valid) {
      String yaml =
          "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: '" + name + "'\n";

      List<Diagnostic> d = findings("core.metadata.name", yaml);

      if (valid) {
        assertThat(d).isEmpty();
      } else {
        assertThat(pathsAndReasons(d))
            .isNotEmpty()
            .allMatch(s -> s.equals("metadata.name FieldValueInvalid"));
      }
    }

    @Test
    void rejectsSubdomainsLongerThan253Characters() {
      String name = "a".repeat(254);

      List<Diagnostic> d = findings("core.metadata.name", configMap("  name: " + name + "\n"));

      assertThat(d)
          .singleElement()
          .satisfies(
              x -> assertThat(x.message()).contains("no more than 253 characters, found 254"));
    }

    @Test
    void suggestsAValidName() {
      List<Diagnostic> d = findings("core.metadata.name", configMap("  name: LLM_Settings\n"));

      assertThat(d).singleElement().satisfies(x -> assertThat(x.hint()).contains("'llm-settings'"));
    }

    @Test
    void limitsCronJobNamesTo52Characters() {
      String yaml =
          "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: " + "c".repeat(53) + "\n";

      assertThat(pathsAndReasons(findings("core.metadata.name", yaml)))
          .containsExactly("metadata.name FieldValueInvalid");
    }

    @Test
    void reportsAJobNameLongerThanALabelValueAtTheTemplateLabels() {
      String yaml =
          "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: "
              + "j".repeat(64)
              + "\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
              + "      containers:\n      - {name: c, image: busybox}\n";

      assertThat(pathsAndReasons(findings("core.metadata.name", yaml)))
          .containsExactly("spec.template.labels FieldValueInvalid");
    }

    @Test
    void acceptsALongJobNameWithAManualSelector() {
      String yaml =
          "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: "
              + "j".repeat(64)
              + "\nspec:\n  manualSelector: true\n";

      assertThat(findings("core.metadata.name", yaml)).isEmpty();
    }

    @Test
    void relaxedServiceNamesFollowTheFeatureGate() {
      String yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1-llm\n";
      var validator =
          dev.aiconform.core.validation.Validator.builder()
              .targetVersion(TargetVersion.V1_37)
              .rules(new dev.aiconform.core.validation.CoreRules().rules())
              .defaulters(List.of())
              .featureGate("RelaxedServiceNameValidation", true)
              .build();

      assertThat(validator.validate(CoreRuleCheck.parse(yaml)).ofRule("core.metadata.name"))
          .isEmpty();
    }
  }

  @Nested
  class Namespace {
    @Test
    void rejectsANamespaceThatIsNotALabel() {
      List<Diagnostic> d =
          findings("core.metadata.namespace", configMap("  name: a\n  namespace: ML_Team\n"));

      assertThat(pathsAndReasons(d)).containsExactly("metadata.namespace FieldValueInvalid");
    }

    @Test
    void doesNotRequireANamespaceTheClientFillsIn() {
      assertThat(findings("core.metadata.namespace", configMap("  name: a\n"))).isEmpty();
    }

    @Test
    void warnsThatClusterScopedObjectsIgnoreTheirNamespace() {
      String yaml =
          "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\n  namespace: ml\n";

      List<Diagnostic> d = findings(yaml);

      assertThat(d)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.rule()).isEqualTo("core.metadata.namespace-ignored");
                assertThat(x.severity()).isEqualTo(Severity.WARNING);
                assertThat(x.category()).isEqualTo(Category.PRACTICE);
                assertThat(x.path()).isEqualTo("metadata.namespace");
                assertThat(x.reason()).isEmpty();
              });
    }
  }

  @Nested
  class Labels {
    @Test
    void reportsBadKeysAndValuesAtTheLabelMap() {
      String yaml =
          configMap(
              "  name: a\n  labels:\n    team: ML Platform\n    /bad: x\n    good.example.com/app: llm\n");

      List<Diagnostic> d = findings("core.metadata.labels", yaml);

      assertThat(pathsAndReasons(d))
          .containsExactly(
              "metadata.labels FieldValueInvalid", "metadata.labels FieldValueInvalid");
      assertThat(d)
          .extracting(Diagnostic::message)
          .anySatisfy(m -> assertThat(m).contains("prefix part must not be empty"))
          .anySatisfy(m -> assertThat(m).contains("'ML Platform'"));
    }

    @Test
    void rejectsValuesLongerThan63Characters() {
      List<Diagnostic> d =
          findings(
              "core.metadata.labels",
              configMap("  name: a\n  labels:\n    v: " + "x".repeat(64) + "\n"));

      assertThat(d)
          .singleElement()
          .satisfies(x -> assertThat(x.message()).contains("no more than 63 characters, found 64"));
    }

    @Test
    void checksPodTemplateLabelsAtSpecTemplateLabels() {
      String yaml =
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n"
              + "    metadata:\n      labels:\n        app: 'web server'\n    spec:\n"
              + "      containers:\n      - {name: web, image: nginx}\n";

      assertThat(pathsAndReasons(findings("core.metadata.labels", yaml)))
          .containsExactly("spec.template.labels FieldValueInvalid");
    }
  }

  @Nested
  class Annotations {
    @Test
    void ignoresTheCaseOfAnnotationKeys() {
      assertThat(
              findings(
                  "core.metadata.annotations",
                  configMap("  name: a\n  annotations:\n    Example.COM/Owner: me\n")))
          .isEmpty();
    }

    @Test
    void rejectsKeysThatAreNotQualifiedNames() {
      List<Diagnostic> d =
          findings(
              "core.metadata.annotations",
              configMap("  name: a\n  annotations:\n    'owner email': me\n"));

      assertThat(pathsAndReasons(d)).containsExactly("metadata.annotations FieldValueInvalid");
    }

    @Test
    void limitsTheTotalSizeTo256KiB() {
      String big = "x".repeat(256 * 1024);

      List<Diagnostic> d =
          findings(
              "core.metadata.annotations",
              configMap("  name: a\n  annotations:\n    k: " + big + "\n"));

      assertThat(pathsAndReasons(d)).containsExactly("metadata.annotations FieldValueTooLong");
      assertThat(d.get(0).message()).contains("found 262145");
    }

    @Test
    void acceptsExactly256KiB() {
      String fits = "x".repeat(256 * 1024 - 1);

      assertThat(
              findings(
                  "core.metadata.annotations",
                  configMap("  name: a\n  annotations:\n    k: " + fits + "\n")))
          .isEmpty();
    }
  }

  @Nested
  class Finalizers {
    @Test
    void requiresADomainOnNonStandardFinalizersOfBuiltinKinds() {
      List<Diagnostic> d =
          findings(
              "core.metadata.finalizers",
              configMap("  name: a\n  finalizers:\n  - kubernetes\n  - cleanup\n"));

      assertThat(pathsAndReasons(d)).containsExactly("metadata.finalizers[1] FieldValueInvalid");
    }

    @Test
    void acceptsUnqualifiedFinalizersOnCustomResources() {
      String yaml =
          "apiVersion: kueue.x-k8s.io/v1beta2\nkind: LocalQueue\nmetadata:\n  name: q\n  finalizers:\n  - cleanup\n";

      assertThat(findings("core.metadata.finalizers", yaml)).isEmpty();
    }

    @Test
    void rejectsOrphanTogetherWithForegroundDeletion() {
      List<Diagnostic> d =
          findings(
              "core.metadata.finalizers",
              configMap("  name: a\n  finalizers:\n  - orphan\n  - foregroundDeletion\n"));

      assertThat(pathsAndReasons(d)).containsExactly("metadata.finalizers FieldValueInvalid");
    }
  }

  @Nested
  class OwnerReferences {
    private String owned(String refs) {
      return configMap("  name: settings\n  ownerReferences:\n" + refs);
    }

    @Test
    void acceptsACompleteReference() {
      String yaml =
          owned(
              "  - {apiVersion: batch/v1, kind: Job, name: train, uid: 6c1b2e0a, controller: true}\n");

      assertThat(findings("core.metadata.owner-references", yaml)).isEmpty();
    }

    @Test
    void reportsEachMissingFieldWithoutTheListIndex() {
      List<Diagnostic> d =
          findings("core.metadata.owner-references", owned("  - {apiVersion: '', kind: ''}\n"));

      assertThat(pathsAndReasons(d))
          .containsExactly(
              "metadata.ownerReferences.apiVersion FieldValueInvalid",
              "metadata.ownerReferences.kind FieldValueInvalid",
              "metadata.ownerReferences.name FieldValueInvalid",
              "metadata.ownerReferences.uid FieldValueInvalid");
    }

    @Test
    void reportsAnOmittedApiVersionOrKindThoughFabric8sModelHasDefaultsForThem() {
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.metadata.owner-references",
                      owned("  - {kind: Job, name: train, uid: u1}\n"))))
          .containsExactly("metadata.ownerReferences.apiVersion FieldValueInvalid");
      assertThat(
              pathsAndReasons(
                  findings(
                      "core.metadata.owner-references",
                      owned("  - {apiVersion: batch/v1, name: train, uid: u1}\n"))))
          .containsExactly("metadata.ownerReferences.kind FieldValueInvalid");
    }

    @Test
    void requiresAVersionInTheApiVersion() {
      String yaml = owned("  - {apiVersion: batch/, kind: Job, name: train, uid: u1}\n");

      assertThat(pathsAndReasons(findings("core.metadata.owner-references", yaml)))
          .containsExactly("metadata.ownerReferences.apiVersion FieldValueInvalid");
    }

    @Test
    void allowsOneControllerOnly() {
      String yaml =
          owned(
              "  - {apiVersion: batch/v1, kind: Job, name: a, uid: u1, controller: true}\n"
                  + "  - {apiVersion: batch/v1, kind: Job, name: b, uid: u2, controller: true}\n");

      assertThat(pathsAndReasons(findings("core.metadata.owner-references", yaml)))
          .containsExactly("metadata.ownerReferences FieldValueInvalid");
    }

    @Test
    void rejectsAnEventAsOwner() {
      String yaml = owned("  - {apiVersion: v1, kind: Event, name: e, uid: u1}\n");

      assertThat(pathsAndReasons(findings("core.metadata.owner-references", yaml)))
          .containsExactly("metadata.ownerReferences FieldValueInvalid");
    }
  }
}
