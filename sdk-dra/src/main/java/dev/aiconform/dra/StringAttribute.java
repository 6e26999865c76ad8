package dev.aiconform.dra;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A string-valued device attribute (at most 64 bytes), such as NVIDIA's {@code productName}.
 *
 * <pre>{@code
 * NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100");
 * NvidiaGpu.ARCHITECTURE.is("Hopper");
 * }</pre>
 */
public final class StringAttribute extends Attribute {
  StringAttribute(String domain, String id, String description, String removedIn) {
    super(domain, id, Type.STRING, description, removedIn);
  }

  /** A string attribute outside the built-in vocabularies. */
  public static StringAttribute of(String domain, String id) {
    return new StringAttribute(domain, id, "", null);
  }

  public DeviceSelector is(String value) {
    return guarded(celPath() + " == " + Cel.quote(value));
  }

  public DeviceSelector isOneOf(String... values) {
    return guarded(
        celPath()
            + " in ["
            + Arrays.stream(values).map(Cel::quote).collect(Collectors.joining(", "))
            + "]");
  }

  public DeviceSelector startsWith(String prefix) {
    return guarded(celPath() + ".startsWith(" + Cel.quote(prefix) + ")");
  }

  public DeviceSelector endsWith(String suffix) {
    return guarded(celPath() + ".endsWith(" + Cel.quote(suffix) + ")");
  }

  public DeviceSelector contains(String part) {
    return guarded(celPath() + ".contains(" + Cel.quote(part) + ")");
  }

  /** Case-insensitive substring match ({@code lowerAscii().contains(...)}). */
  public DeviceSelector containsIgnoringCase(String part) {
    return guarded(
        celPath()
            + ".lowerAscii().contains("
            + Cel.quote(part.toLowerCase(java.util.Locale.ROOT))
            + ")");
  }

  /** RE2 regular expression match, as CEL's {@code matches}. */
  public DeviceSelector matches(String regex) {
    return guarded(celPath() + ".matches(" + Cel.quote(regex) + ")");
  }
}
