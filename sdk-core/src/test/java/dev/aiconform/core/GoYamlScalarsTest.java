package dev.aiconform.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.internal.yaml.GoYamlScalars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain scalars mean what they mean to kubectl (go-yaml v2 resolution, then JSON). */
class GoYamlScalarsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "yes|true",
        "Y|true",
        "on|true",
        "OFF|false",
        "n|false",
        "True|true",
        "~|null",
        "null|null",
        "0644|420",
        "0x1F|31",
        "0o17|15",
        "0b101|5",
        "-0b11|-3",
        "1_000|1000",
        "08|8",
        "1e3|1000",
        "+12|12",
        "0.5|0.5",
        ".5|0.5",
        "9223372036854775807|9223372036854775807",
        "18446744073709551615|18446744073709551615",
        "2001-12-14|\"2001-12-14\"",
        "1.2.3|\"1.2.3\"",
        "500m|\"500m\"",
        "1Gi|\"1Gi\"",
        "10.0.0.1|\"10.0.0.1\"",
        "-|\"-\"",
        "yes please|\"yes please\"",
        ".inf|Infinity"
      })
  void resolvesAsKubectl(String plain, String json) {
    String resolved = GoYamlScalars.resolvePlain(plain).toString();
    if (json.equals("Infinity")) {
      assertThat(GoYamlScalars.resolvePlain(plain).asDouble()).isInfinite();
    } else {
      assertThat(resolved).isEqualTo(json);
    }
  }

  @ParameterizedTest
  @CsvSource({"yes", "0644", "1e3", "2001-12-14", "1:20", "<<", "~", "08"})
  void writerQuotesWhatWouldNotReadBackAsAString(String text) {
    assertThat(GoYamlScalars.readsBackAsString(text)).isFalse();
  }
}
