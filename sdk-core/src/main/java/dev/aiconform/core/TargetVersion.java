package dev.aiconform.core;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Kubernetes minor version the SDK validates and renders for. Each rule declares the versions it
 * applies to; the default target is the newest supported.
 *
 * <pre>{@code
 * Validator validator = Validator.forVersion(TargetVersion.parse("1.36"));
 * }</pre>
 */
public enum TargetVersion {
  V1_34(34),
  V1_35(35),
  V1_36(36),
  V1_37(37);

  private final int minor;

  TargetVersion(int minor) {
    this.minor = minor;
  }

  /** The newest supported version, the default target. */
  public static TargetVersion latest() {
    return V1_37;
  }

  /** The oldest supported version. */
  public static TargetVersion oldest() {
    return V1_34;
  }

  public int major() {
    return 1;
  }

  public int minor() {
    return minor;
  }

  /** {@code "1.37"}. */
  public String label() {
    return "1." + minor;
  }

  public boolean atLeast(TargetVersion other) {
    return compareTo(other) >= 0;
  }

  public boolean before(TargetVersion other) {
    return compareTo(other) < 0;
  }

  /**
   * Reads {@code "1.37"}, {@code "v1.37"} or {@code "1.37.2"} (the patch level is ignored).
   *
   * @throws IllegalArgumentException naming the supported versions when the text is not one of them
   */
  public static TargetVersion parse(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unsupported Kubernetes version '"
                        + text
                        + "': expected one of "
                        + supportedLabels()));
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<TargetVersion> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.startsWith("v") || t.startsWith("V")) {
      t = t.substring(1);
    }
    String[] parts = t.split("\\.");
    if (parts.length < 2 || !parts[0].equals("1")) {
      return Optional.empty();
    }
    String minorText = parts[1].replaceAll("[^0-9].*$", "");
    for (TargetVersion v : values()) {
      if (String.valueOf(v.minor).equals(minorText)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** {@code "1.34, 1.35, 1.36, 1.37"}. */
  public static String supportedLabels() {
    return Arrays.stream(values()).map(TargetVersion::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label();
  }
}
