package dev.aiconform.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example's YAML is a golden file under {@code src/test/resources/golden/}. After an intended
 * change, regenerate them with {@code ./mvnw -pl examples -am test -Dgolden.update=true} and review
 * the diff.
 */
class ExampleYamlTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Arguments> examples() {
    return Stream.of(
        example("fine-tuning/workload-api.yaml", FineTuning::workloadApi),
        example("fine-tuning/kueue.yaml", FineTuning::kueue),
        example("inference/hpa.yaml", LlmInference::withHpa),
        example("inference/keda.yaml", LlmInference::withKeda));
  }

  static Arguments example(String golden, Supplier<ManifestBundle> bundle) {
    return Arguments.of(golden, bundle);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void rendersItsGoldenYaml(String golden, Supplier<ManifestBundle> bundle) throws IOException {
    String yaml = ManifestWriter.yaml().write(bundle.get());
    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file (regenerate with -Dgolden.update=true)").exists();
    assertThat(yaml).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
