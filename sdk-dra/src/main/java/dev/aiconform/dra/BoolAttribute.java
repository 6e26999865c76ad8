package dev.aiconform.dra;

/**
 * A boolean device attribute, such as the example driver's {@code partitionable}.
 *
 * <pre>{@code
 * ExampleGpu.PARTITIONABLE.isTrue();
 * }</pre>
 */
public final class BoolAttribute extends Attribute {
  BoolAttribute(String domain, String id, String description, String removedIn) {
    super(domain, id, Type.BOOL, description, removedIn);
  }

  public static BoolAttribute of(String domain, String id) {
    return new BoolAttribute(domain, id, "", null);
  }

  public DeviceSelector isTrue() {
    return guarded(celPath() + " == true");
  }

  public DeviceSelector isFalse() {
    return guarded(celPath() + " == false");
  }
}
