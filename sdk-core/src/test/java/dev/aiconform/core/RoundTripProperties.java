package dev.aiconform.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.fixtures.BundleArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What the writer writes, the reader reads back unchanged. */
class RoundTripProperties {
  @Property(tries = 300)
  void yamlRoundTripsEveryBundle(@ForAll("bundles") ManifestBundle bundle) {
    String yaml = ManifestWriter.yaml().write(bundle);
    ReadResult read = ManifestReader.defaults().readString(yaml, "rendered.yaml");
    assertThat(read.diagnostics()).as(yaml).isEmpty();
    assertThat(read.bundle()).as(yaml).isEqualTo(bundle);
  }

  @Property(tries = 100)
  void jsonRoundTripsEveryBundle(@ForAll("bundles") ManifestBundle bundle) {
    String json = ManifestWriter.json().write(bundle);
    ReadResult read = ManifestReader.defaults().readString(json, "rendered.json");
    assertThat(read.diagnostics()).as(json).isEmpty();
    assertThat(read.bundle()).as(json).isEqualTo(bundle);
  }

  @Property(tries = 100)
  void writingIsDeterministic(@ForAll("bundles") ManifestBundle bundle) {
    assertThat(ManifestWriter.yaml().write(bundle)).isEqualTo(ManifestWriter.yaml().write(bundle));
  }

  @Provide
  Arbitrary<ManifestBundle> bundles() {
    return BundleArbitraries.bundles();
  }
}
