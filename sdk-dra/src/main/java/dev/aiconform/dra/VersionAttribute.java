package dev.aiconform.dra;

import dev.aiconform.dra.internal.cel.KubeSemver;

/**
 * A semantic-version device attribute, compared with Kubernetes' CEL semver library, such as
 * NVIDIA's {@code driverVersion}.
 *
 * <pre>{@code
 * NvidiaGpu.DRIVER_VERSION.atLeast("550.54.0");
 * }</pre>
 */
public final class VersionAttribute extends Attribute {
  VersionAttribute(String domain, String id, String description, String removedIn) {
    super(domain, id, Type.VERSION, description, removedIn);
  }

  public static VersionAttribute of(String domain, String id) {
    return new VersionAttribute(domain, id, "", null);
  }

  private static String semver(String version) {
    try {
      KubeSemver.parse(version);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "expected a semantic version such as 550.54.0 (semver.org 2.0.0), found '"
              + version
              + "'");
    }
    return "semver(" + Cel.quote(version) + ")";
  }

  public DeviceSelector is(String version) {
    return guarded(celPath() + ".compareTo(" + semver(version) + ") == 0");
  }

  public DeviceSelector atLeast(String version) {
    return guarded(celPath() + ".compareTo(" + semver(version) + ") >= 0");
  }

  public DeviceSelector lessThan(String version) {
    return guarded(celPath() + ".isLessThan(" + semver(version) + ")");
  }

  /** Same major version as {@code version}, at least {@code version}. */
  public DeviceSelector compatibleWith(String version) {
    KubeSemver v = KubeSemver.parse(version);
    return guarded(
        celPath()
            + ".major() == "
            + v.major()
            + " && "
            + celPath()
            + ".compareTo("
            + semver(version)
            + ") >= 0");
  }
}
