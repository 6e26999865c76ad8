package dev.aiconform.core;

import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes feature gate and its default state per target version, as the API server and
 * scheduler of that version ship it. Rules and plugins ask {@code context.isEnabled(gate)}; users
 * may override defaults (for example {@code --feature-gates DRAListTypeAttributes=true}).
 *
 * <pre>{@code
 * static final FeatureGate CONSUMABLE_CAPACITY =
 *     FeatureGate.of("DRAConsumableCapacity").enabledSince(TargetVersion.V1_36);
 * }</pre>
 */
public final class FeatureGate {
  private final String name;
  private final TargetVersion enabledSince;

  private FeatureGate(String name, TargetVersion enabledSince) {
    this.name = Objects.requireNonNull(name, "name");
    this.enabledSince = enabledSince;
  }

  /** A gate that is off by default in every supported version (alpha, or beta off by default). */
  public static FeatureGate of(String name) {
    return new FeatureGate(name, null);
  }

  /** The same gate, on by default from {@code version} (beta on by default, or GA). */
  public FeatureGate enabledSince(TargetVersion version) {
    return new FeatureGate(name, Objects.requireNonNull(version, "version"));
  }

  public String name() {
    return name;
  }

  public boolean enabledByDefault(TargetVersion version) {
    return enabledSince != null && version.atLeast(enabledSince);
  }

  /**
   * Whether the gate is on in {@code version} given the user's {@code settings} (gate name → on),
   * as {@code --feature-gates} works: a setting for this gate wins over the version's default.
   */
  public boolean isEnabled(TargetVersion version, Map<String, Boolean> settings) {
    Boolean set = settings.get(name);
    return set != null ? set : enabledByDefault(version);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureGate && ((FeatureGate) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
