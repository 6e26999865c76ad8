package dev.aiconform.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JunitReportTest {
  @Test
  void escapesMarkupAndDropsCharactersXmlCannotHold() {
    assertThat(JunitReport.attr("a<b & \"c\"\u0001\n"))
        .isEqualTo("a&lt;b &amp; &quot;c&quot;&#10;");
    assertThat(JunitReport.text("ok > \uD83D\uDE80")).isEqualTo("ok &gt; \uD83D\uDE80");
  }

  @Test
  void sarifUrisUseForwardSlashesAndPercentEncoding() {
    assertThat(SarifReport.uri("k8s\\my dir/train.yaml")).isEqualTo("k8s/my%20dir/train.yaml");
    assertThat(SarifReport.uri("<stdin>")).isEqualTo("%3Cstdin%3E");
  }
}
