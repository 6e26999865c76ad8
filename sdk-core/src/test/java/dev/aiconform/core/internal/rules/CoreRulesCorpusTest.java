package dev.aiconform.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.CoreRules;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The upstream corpus is written by people who ran it against real API servers: the core rules must
 * not report an API error on any of it, and the accelerator warnings they do report are the
 * expected ones (device plugins and drivers mount device paths).
 */
class CoreRulesCorpusTest {

  /** Every object of the corpus that parses as a Kubernetes object, by file. */
  static Map<String, List<HasMetadata>> corpus() throws IOException {
    Map<String, List<HasMetadata>> objects = new TreeMap<>();
    for (Path file : Corpus.yamlFiles()) {
      List<HasMetadata> parsed = new ArrayList<>();
      Load load = new Load(LoadSettings.builder().build());
      try {
        for (Object document : load.loadAllFromString(Files.readString(file))) {
          if (document instanceof Map
              && ((Map<?, ?>) document).containsKey("kind")
              && ((Map<?, ?>) document).containsKey("apiVersion")) {
            String json = KubeSerialization.get().asJson(document);
            parsed.add(KubeSerialization.get().unmarshal(json));
          }
        }
      } catch (RuntimeException e) {
        // Not YAML this test can read (templates, non-Kubernetes files): the reader's tests own
        // those.
        continue;
      }
      objects.put(Corpus.name(file), parsed);
    }
    return objects;
  }

  @ParameterizedTest
  @EnumSource(TargetVersion.class)
  void reportsNoApiErrorOnTheUpstreamCorpus(TargetVersion version) throws IOException {
    Validator validator =
        Validator.builder()
            .targetVersion(version)
            .rules(new CoreRules().rules())
            .defaulters(List.of())
            .build();
    List<String> apiErrors = new ArrayList<>();
    int objects = 0;
    for (Map.Entry<String, List<HasMetadata>> file : corpus().entrySet()) {
      objects += file.getValue().size();
      for (Diagnostic d : validator.validate(ManifestBundle.of(file.getValue())).diagnostics()) {
        if (d.category() == Category.API || d.severity() == Severity.ERROR) {
          apiErrors.add(file.getKey() + ": " + d);
        }
      }
    }

    assertThat(objects).as("objects read from the corpus").isGreaterThan(250);
    assertThat(apiErrors).isEmpty();
  }

  @Test
  void coversTheKindsThisModuleChecks() throws IOException {
    Set<String> kinds =
        corpus().values().stream()
            .flatMap(List::stream)
            .map(HasMetadata::getKind)
            .collect(Collectors.toSet());

    assertThat(kinds)
        .contains("Pod", "Job", "Deployment", "DaemonSet", "Service", "ConfigMap", "Namespace");
  }

  @Test
  void findsNoAcceleratorAccessBypassInTheCorpus() throws IOException {
    // Every GPU pod of the corpus requests its GPUs; the DRA driver DaemonSet mounts kubelet plugin
    // directories, not device nodes; dcgm-exporter mounts pod-resources, not device-plugins.
    Validator validator =
        Validator.builder().rules(new CoreRules().rules()).defaulters(List.of()).build();
    List<String> warned =
        corpus().entrySet().stream()
            .flatMap(
                f ->
                    validator.validate(ManifestBundle.of(f.getValue())).diagnostics().stream()
                        .filter(d -> d.category() == Category.CONFORMANCE)
                        .map(d -> f.getKey() + " " + d.rule() + " " + d.path()))
            .collect(Collectors.toList());

    assertThat(warned).isEmpty();
  }
}
