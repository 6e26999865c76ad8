package dev.aiconform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NameFormatProperties {

  @Provide
  Arbitrary<String> labels() {
    Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').range('0', '9');
    Arbitrary<String> middle =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .withChars('-')
            .ofMaxLength(61);
    return Combinators.combine(edge, middle, edge).as((a, m, b) -> a + m + b);
  }

  @Provide
  Arbitrary<String> nameLike() {
    return Arbitraries.strings().withChars("abcxyzAZ09-._/ ").ofMinLength(0).ofMaxLength(70);
  }

  /** The scanners agree with the regular expressions apimachinery uses. */
  @Property(tries = 3000)
  void matchesApimachineryRegexes(@ForAll("nameLike") String s) {
    String label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    assertThat(NameFormat.DNS1123_LABEL.accepts(s)).isEqualTo(s.length() <= 63 && s.matches(label));
    assertThat(NameFormat.DNS1123_SUBDOMAIN.accepts(s))
        .isEqualTo(s.length() <= 253 && s.matches(label + "(\\." + label + ")*"));
    assertThat(NameFormat.DNS1035_LABEL.accepts(s))
        .isEqualTo(s.length() <= 63 && s.matches("[a-z]([-a-z0-9]*[a-z0-9])?"));
    assertThat(LabelSyntax.valueProblems(s).isEmpty())
        .isEqualTo(s.length() <= 63 && s.matches("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?"));
  }

  @Property
  void everyGeneratedLabelIsALabelASubdomainAndAPathSegment(@ForAll("labels") String label) {
    assertThat(NameFormat.DNS1123_LABEL.problems(label)).isEmpty();
    assertThat(NameFormat.DNS1123_SUBDOMAIN.problems(label)).isEmpty();
    assertThat(NameFormat.PATH_SEGMENT.problems(label)).isEmpty();
  }

  @Property
  void labelsJoinedByDotsAreSubdomainsButNotLabels(
      @ForAll("labels") String a, @ForAll("labels") String b) {
    String subdomain = a + "." + b;

    assertThat(NameFormat.DNS1123_SUBDOMAIN.problems(subdomain)).isEmpty();
    assertThat(NameFormat.DNS1123_LABEL.problems(subdomain))
        .contains("must not contain dots: it must be a single RFC 1123 label");
  }

  @Property
  void upperCaseIsNeverAValidName(@ForAll("labels") String label) {
    String upper = "X" + label;

    assertThat(NameFormat.DNS1123_LABEL.accepts(upper)).isFalse();
    assertThat(NameFormat.DNS1123_SUBDOMAIN.accepts(upper)).isFalse();
    assertThat(NameFormat.DNS1035_LABEL.accepts(upper)).isFalse();
  }

  @Property
  void aTrailingDashIsFineInAGenerateNamePrefix(@ForAll("labels") String label) {
    String prefix = (label.length() > 60 ? label.substring(0, 60) : label) + "-";

    assertThat(NameFormat.DNS1123_LABEL.problemsAsPrefix(prefix)).isEmpty();
    assertThat(NameFormat.DNS1123_LABEL.problems(prefix)).isNotEmpty();
  }

  @Test
  void lengthLimitsCountUtf8BytesAsTheApiServerDoes() {
    assertThat(NameFormat.DNS1123_LABEL.problems("a".repeat(64)))
        .containsExactly("must be no more than 63 characters, found 64");
    assertThat(NameFormat.DNS1123_LABEL.problems("\u00e9".repeat(32)))
        .first()
        .isEqualTo("must be no more than 63 characters, found 64");
  }

  @Test
  void serviceNamesMustStartWithALetter() {
    assertThat(NameFormat.DNS1035_LABEL.accepts("llm-1")).isTrue();
    assertThat(NameFormat.DNS1035_LABEL.accepts("1-llm")).isFalse();
    assertThat(NameFormat.DNS1123_LABEL.accepts("1-llm")).isTrue();
  }

  @Test
  void pathSegmentsExcludeDotsSlashesAndPercent() {
    assertThat(NameFormat.PATH_SEGMENT.problems("..")).containsExactly("must not be '..'");
    assertThat(NameFormat.PATH_SEGMENT.problems("a/b%c"))
        .containsExactly("must not contain '/'", "must not contain '%'");
    assertThat(NameFormat.PATH_SEGMENT.problemsAsPrefix("..")).isEmpty();
    assertThat(NameFormat.PATH_SEGMENT.accepts("system:Admin")).isTrue();
  }
}
