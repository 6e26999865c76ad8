package dev.aiconform.testing;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.testing.internal.Lines;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ManifestBundle}: what it holds, and its rendered YAML against a golden
 * file.
 *
 * <pre>{@code
 * assertThat(bundle).contains("Job", "train").yaml().isEqualToGolden("src/test/resources/golden/train.yaml");
 * }</pre>
 */
public final class BundleAssert extends AbstractAssert<BundleAssert, ManifestBundle> {
  BundleAssert(ManifestBundle actual) {
    super(actual, BundleAssert.class);
  }

  /** The bundle as {@link ManifestWriter#yaml()} writes it. */
  public YamlAssert yaml() {
    isNotNull();
    return new YamlAssert(ManifestWriter.yaml().write(actual));
  }

  public BundleAssert hasSize(int objects) {
    isNotNull();
    if (actual.size() != objects) {
      failWithMessage(
          "%nExpecting the bundle to hold %s object%s but it holds %s:%n%s",
          objects, objects == 1 ? "" : "s", actual.size(), Lines.indented(refs()));
    }
    return this;
  }

  /** An object of this kind (any group) and name. */
  public BundleAssert contains(String kind, String name) {
    isNotNull();
    boolean found =
        actual.stream().anyMatch(m -> m.ref().kind().equals(kind) && m.ref().name().equals(name));
    if (!found) {
      failWithMessage(
          "%nExpecting the bundle to contain%n%s%nbut it holds:%n%s",
          Lines.quoted(kind + " " + name), Lines.indented(refs()));
    }
    return this;
  }

  /** No object of this group and kind. */
  public BundleAssert doesNotContainKind(GroupKind kind) {
    isNotNull();
    if (!actual.manifestsOf(kind).isEmpty()) {
      failWithMessage(
          "%nExpecting the bundle to hold no %s but it holds:%n%s",
          kind,
          Lines.indented(
              actual.manifestsOf(kind).stream().map(m -> m.ref()).collect(Collectors.toList())));
    }
    return this;
  }

  private java.util.List<String> refs() {
    return actual.stream().map(m -> m.ref().toString()).collect(Collectors.toList());
  }
}
