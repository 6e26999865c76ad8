package dev.aiconform.core.conformance;

import dev.aiconform.core.TargetVersion;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A version of the CNCF Kubernetes AI Conformance checklist. There is one checklist per Kubernetes
 * minor version; each {@link TargetVersion} the SDK validates for is certified against the
 * checklist of the same minor version. 1.33 has a checklist but is no longer a validation target.
 *
 * <pre>{@code
 * ConformanceVersion.of(TargetVersion.V1_36);            // V1_36
 * RequirementCatalogue.of(ConformanceVersion.V1_33).size(); // 9
 * }</pre>
 */
public enum ConformanceVersion {
  V1_33(33),
  V1_34(34),
  V1_35(35),
  V1_36(36),
  V1_37(37);

  private final int minor;

  ConformanceVersion(int minor) {
    this.minor = minor;
  }

  /** The checklist a cluster of {@code target} is certified against. */
  public static ConformanceVersion of(TargetVersion target) {
    for (ConformanceVersion v : values()) {
      if (v.minor == target.minor()) {
        return v;
      }
    }
    // Every target version has a checklist; a new TargetVersion needs a new template here.
    throw new IllegalStateException(
        "no AI conformance checklist for Kubernetes " + target + "; supported: " + labels());
  }

  /** The target version of the same minor version; empty for 1.33, which is not a target. */
  public Optional<TargetVersion> targetVersion() {
    return TargetVersion.find(label());
  }

  /**
   * Reads {@code "1.35"} or {@code "v1.35"}.
   *
   * @throws IllegalArgumentException naming the known versions when the text is not one of them
   */
  public static ConformanceVersion parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith("v") || t.startsWith("V")) {
      t = t.substring(1);
    }
    for (ConformanceVersion v : values()) {
      if (v.label().equals(t)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown AI conformance version '" + text + "': expected one of " + labels());
  }

  public int minor() {
    return minor;
  }

  /** {@code "1.35"}. */
  public String label() {
    return "1." + minor;
  }

  /** The checklist template's resource name, {@code AIConformance-1.35.yaml}. */
  String resourceName() {
    return "AIConformance-" + label() + ".yaml";
  }

  private static String labels() {
    return Arrays.stream(values()).map(ConformanceVersion::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label();
  }
}
