package dev.aiconform.dra;

/**
 * An integer-valued device attribute, such as {@code resource.kubernetes.io/numaNode} or a TPU's
 * {@code chipCount}.
 *
 * <pre>{@code
 * GoogleTpu.CHIP_COUNT.atLeast(4);
 * }</pre>
 */
public final class IntAttribute extends Attribute {
  IntAttribute(String domain, String id, String description, String removedIn) {
    super(domain, id, Type.INT, description, removedIn);
  }

  public static IntAttribute of(String domain, String id) {
    return new IntAttribute(domain, id, "", null);
  }

  public DeviceSelector is(long value) {
    return guarded(celPath() + " == " + value);
  }

  public DeviceSelector atLeast(long value) {
    return guarded(celPath() + " >= " + value);
  }

  public DeviceSelector atMost(long value) {
    return guarded(celPath() + " <= " + value);
  }

  public DeviceSelector between(long min, long max) {
    return guarded(celPath() + " >= " + min + " && " + celPath() + " <= " + max);
  }
}
