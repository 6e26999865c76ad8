package dev.aiconform.core;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An inclusive range of {@link TargetVersion}s, for example the versions a rule applies to.
 *
 * <pre>{@code
 * VersionRange.since(TargetVersion.V1_36).contains(TargetVersion.V1_37); // true
 * }</pre>
 */
public final class VersionRange {
  private static final VersionRange ALL =
      new VersionRange(TargetVersion.oldest(), TargetVersion.latest());

  private final TargetVersion from;
  private final TargetVersion to;

  private VersionRange(TargetVersion from, TargetVersion to) {
    if (from.compareTo(to) > 0) {
      throw new IllegalArgumentException("version range start " + from + " is after its end " + to);
    }
    this.from = from;
    this.to = to;
  }

  public static VersionRange all() {
    return ALL;
  }

  public static VersionRange since(TargetVersion from) {
    return new VersionRange(from, TargetVersion.latest());
  }

  public static VersionRange until(TargetVersion to) {
    return new VersionRange(TargetVersion.oldest(), to);
  }

  public static VersionRange between(TargetVersion from, TargetVersion to) {
    return new VersionRange(from, to);
  }

  public static VersionRange only(TargetVersion version) {
    return new VersionRange(version, version);
  }

  public TargetVersion from() {
    return from;
  }

  public TargetVersion to() {
    return to;
  }

  public boolean contains(TargetVersion version) {
    return version.compareTo(from) >= 0 && version.compareTo(to) <= 0;
  }

  public Set<TargetVersion> versions() {
    return EnumSet.range(from, to);
  }

  /** {@code "1.34–1.37"}, {@code "1.37"}. */
  @Override
  public String toString() {
    return from == to ? from.label() : from.label() + "–" + to.label();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionRange
        && ((VersionRange) o).from == from
        && ((VersionRange) o).to == to;
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to);
  }
}
