package dev.aiconform.dra.internal.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0) as Kubernetes' CEL semver library and DRA {@code version}
 * attributes use it: strict parsing, precedence ordering (build metadata ignored), optional
 * normalization ({@code v1.2} → {@code 1.2.0}) when asked for.
 */
public final class KubeSemver implements Comparable<KubeSemver> {
  // semver.org 2.0.0; the same grammar pkg/apis/resource/validation accepts for version attributes
  private static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  private final long major;
  private final long minor;
  private final long patch;
  private final List<String> pre;
  private final String text;

  private KubeSemver(long major, long minor, long patch, List<String> pre, String text) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.text = text;
  }

  /** Parses a strict semantic version; throws with a reason otherwise. */
  public static KubeSemver parse(String text) {
    Objects.requireNonNull(text, "text");
    var m = SEMVER.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("could not parse semver '" + text + "'");
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    try {
      return new KubeSemver(
          Long.parseLong(m.group(1)),
          Long.parseLong(m.group(2)),
          Long.parseLong(m.group(3)),
          pre,
          text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("could not parse semver '" + text + "': number too large");
    }
  }

  /**
   * Parses leniently, as {@code semver(s, true)}: a leading {@code v} is dropped, missing minor and
   * patch become 0 and leading zeros are removed.
   */
  public static KubeSemver parseNormalized(String text) {
    String s = text.startsWith("v") ? text.substring(1) : text;
    String rest = "";
    int cut = indexOfAny(s, '-', '+');
    if (cut >= 0) {
      rest = s.substring(cut);
      s = s.substring(0, cut);
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("could not parse semver '" + text + "'");
    }
    List<String> nums = new ArrayList<>();
    for (String p : parts) {
      if (!p.matches("\\d+")) {
        throw new IllegalArgumentException("could not parse semver '" + text + "'");
      }
      nums.add(p.replaceFirst("^0+(?=\\d)", ""));
    }
    while (nums.size() < 3) nums.add("0");
    return parse(String.join(".", nums) + rest);
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) return i;
    }
    return -1;
  }

  public static boolean isSemver(String text, boolean normalize) {
    try {
      if (normalize) parseNormalized(text);
      else parse(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public long major() {
    return major;
  }

  public long minor() {
    return minor;
  }

  public long patch() {
    return patch;
  }

  @Override
  public int compareTo(KubeSemver o) {
    int c = Long.compare(major, o.major);
    if (c == 0) c = Long.compare(minor, o.minor);
    if (c == 0) c = Long.compare(patch, o.patch);
    if (c != 0) return c;
    if (pre.isEmpty() || o.pre.isEmpty()) {
      return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
    }
    for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
      String a = pre.get(i);
      String b = o.pre.get(i);
      boolean an = a.matches("\\d+");
      boolean bn = b.matches("\\d+");
      int d;
      if (an && bn) d = new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
      else if (an) d = -1;
      else if (bn) d = 1;
      else d = a.compareTo(b);
      if (d != 0) return d;
    }
    return Integer.compare(pre.size(), o.pre.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubeSemver && compareTo((KubeSemver) o) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, pre);
  }

  @Override
  public String toString() {
    return text;
  }
}
