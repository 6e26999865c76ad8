package dev.aiconform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSyntaxTest {

  @ParameterizedTest(name = "key ''{0}'' valid: {1}")
  @CsvSource({
    "app, true",
    "app.kubernetes.io/name, true",
    "My.Key_1, true",
    "nvidia.com/gpu.product, true",
    "/app, false",
    "example.com/, false",
    "a/b/c, false",
    "Example.com/app, false",
    "-app, false",
    "app-, false",
    "'', false"
  })
  void checksQualifiedNames(String key, boolean valid) {
    assertThat(LabelSyntax.keyProblems(key).isEmpty()).isEqualTo(valid);
  }

  @ParameterizedTest(name = "value ''{0}'' valid: {1}")
  @CsvSource({
    "'', true",
    "llm, true",
    "A-1_b.c, true",
    "has space, false",
    "-x, false",
    "x., false"
  })
  void checksValues(String value, boolean valid) {
    assertThat(LabelSyntax.valueProblems(value).isEmpty()).isEqualTo(valid);
  }

  @org.junit.jupiter.api.Test
  void limitsTheNamePartTo63Characters() {
    assertThat(LabelSyntax.keyProblems("example.com/" + "n".repeat(64)))
        .containsExactly("name part must be no more than 63 characters, found 64");
    assertThat(LabelSyntax.keyProblems("example.com/" + "n".repeat(63))).isEmpty();
  }
}
