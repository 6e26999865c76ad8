package dev.aiconform.dra.internal.allocator;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;

/**
 * A device attribute as matchAttribute / distinctAttribute constraints compare it: typed scalar
 * values are equal when type and value are; versions compare as strings (semver 2.0.0 requires the
 * minimal form). List values (DRAListTypeAttributes) have no scalar value: a constraint can take
 * such a device only as its first one, as in the allocator's incubating channel.
 */
record AttributeValue(Type type, Object value) {
  enum Type {
    STRING,
    INT,
    BOOL,
    VERSION,
    OTHER
  }

  static AttributeValue of(DeviceAttribute a) {
    if (a == null) return null;
    if (a.getString() != null) return new AttributeValue(Type.STRING, a.getString());
    if (a.getInt() != null) return new AttributeValue(Type.INT, a.getInt());
    if (a.getBool() != null) return new AttributeValue(Type.BOOL, a.getBool());
    if (a.getVersion() != null) return new AttributeValue(Type.VERSION, a.getVersion());
    return new AttributeValue(Type.OTHER, null);
  }

  /** Whether both are the same typed scalar value. */
  boolean sameAs(AttributeValue other) {
    return type != Type.OTHER && other.type == type && value.equals(other.value);
  }

  @Override
  public String toString() {
    return type == Type.OTHER ? "(list)" : String.valueOf(value);
  }
}
