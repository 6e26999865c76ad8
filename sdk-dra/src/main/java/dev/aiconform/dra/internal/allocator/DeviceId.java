package dev.aiconform.dra.internal.allocator;

/** A device as allocation results name it: driver, pool, device. */
public record DeviceId(String driver, String pool, String device) {
  @Override
  public String toString() {
    return driver + "/" + pool + "/" + device;
  }
}
