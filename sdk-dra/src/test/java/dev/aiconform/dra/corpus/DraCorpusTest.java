package dev.aiconform.dra.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The DRA manifests of the upstream corpus (testdata/corpus/upstream) against the validator of the
 * newest Kubernetes version: no error for what the API server accepts; the files judged broken
 * upstream (PROVENANCE.md, "Files judged broken, invalid or stale upstream") get exactly the errors
 * the API server would give, for the reason given here.
 *
 * <p>Not judged here: objects of API versions the target release no longer serves (v1alpha2 claims
 * and the driver's GpuClaimParameters) and cross-object problems the API server accepts (a pod
 * whose claim template lives in another namespace); both are listed in PROVENANCE.md.
 */
class DraCorpusTest {
  private static final Pattern DRA =
      Pattern.compile("resource\\.k8s\\.io|resourceClaimTemplateName|resourceClaimName");

  /** Broken upstream: file → the DRA errors it must get (rule, field path, reason), and why. */
  private static final Map<String, List<String>> BROKEN =
      Map.of(
          // The pre-1.31 shape spec.resourceClaims[].source.{resourceClaimName,...}: `source` is no
          // field of today's PodResourceClaim, so each claim names neither a claim nor a template.
          "kubernetes-sigs__dra-driver-nvidia-gpu/demo/specs/mig+mps/sharing-demo-job.yaml",
          List.of(
              "dra.pod.resource-claim spec.template.spec.resourceClaims[0] FieldValueInvalid",
              "dra.pod.resource-claim spec.template.spec.resourceClaims[1] FieldValueInvalid",
              "dra.pod.resource-claim spec.template.spec.resourceClaims[2] FieldValueInvalid",
              "dra.pod.resource-claim spec.template.spec.resourceClaims[3] FieldValueInvalid"),
          "kubernetes-sigs__dra-driver-nvidia-gpu/demo/specs/selectors/pods.yaml",
          List.of(
              "dra.pod.resource-claim spec.resourceClaims[0] FieldValueInvalid",
              "dra.pod.resource-claim spec.resourceClaims[0] FieldValueInvalid"),
          // Mis-indented selector: `expression` sits beside `cel`, which stays empty (fixed in the
          // website at 7a090ad7).
          "kubernetes__website/content/en/examples/dra/resourceclaim.yaml",
          List.of(
              "dra.selector.cel spec.devices.requests[0].exactly.selectors[0].cel"
                  + " FieldValueRequired"));

  /** Broken before validation: the reader refuses the document (no apiVersion). */
  private static final String NO_API_VERSION =
      "kubernetes-sigs__dra-example-driver/demo/examples/device-taints-tolerations/"
          + "device-taint-pod-noschedule/4-pod-not-scheduled.yaml";

  private static final Validator VALIDATOR = Validator.defaults();

  static List<Path> draFiles() {
    return Corpus.yamlFiles().stream()
        .filter(p -> DRA.matcher(read(p)).find())
        .collect(Collectors.toList());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String describe(Diagnostic d) {
    return d.rule() + " " + d.path() + " " + d.reason().map(Object::toString).orElse("");
  }

  @TestFactory
  Stream<DynamicTest> everyDraManifestGetsExactlyTheErrorsTheApiServerGives() {
    return draFiles().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    Corpus.name(file),
                    () -> {
                      String name = Corpus.name(file);
                      ReadResult read = ManifestReader.defaults().read(file);
                      if (name.equals(NO_API_VERSION)) {
                        assertThat(read.diagnostics())
                            .extracting(Diagnostic::rule)
                            .contains("yaml.missing-kind");
                        return;
                      }
                      List<String> draErrors =
                          VALIDATOR.validate(read.bundle()).errors().stream()
                              .filter(d -> d.rule().startsWith("dra."))
                              .map(DraCorpusTest::describe)
                              .collect(Collectors.toList());
                      assertThat(draErrors)
                          .as(name)
                          .containsExactlyInAnyOrderElementsOf(
                              BROKEN.getOrDefault(name, List.of()));
                      if (!BROKEN.containsKey(name)) {
                        assertThat(VALIDATOR.validate(read.bundle()).errors())
                            .as("no error of any rule for " + name)
                            .isEmpty();
                      }
                    }));
  }

  @Test
  void theCorpusReallyExercisesTheDraRules() {
    long v1Objects =
        draFiles().stream()
            .flatMap(p -> ManifestReader.defaults().read(p).bundle().manifests().stream())
            .map(Manifest::object)
            .filter(o -> "resource.k8s.io/v1".equals(o.getApiVersion()))
            .count();
    assertThat(draFiles()).hasSizeGreaterThan(50);
    assertThat(v1Objects).isGreaterThan(40);
    assertThat(BROKEN.keySet()).allSatisfy(f -> assertThat(Corpus.file(f)).exists());
    assertThat(BROKEN.keySet())
        .as("every DRA file the API server's strict field validation rejects")
        .containsAll(
            Corpus.UNKNOWN_FIELDS.keySet().stream()
                .filter(f -> DRA.matcher(read(Corpus.file(f))).find())
                .collect(Collectors.toList()));
  }
}
