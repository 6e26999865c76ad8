package dev.aiconform.dra.internal.cel;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code device.attributes} / {@code device.capacity}: looking up a domain the device does not have
 * yields an empty map (so {@code device.attributes["other.vendor.com"].x} fails on {@code x}, not
 * on the domain), while {@code "other.vendor.com" in device.attributes} stays false — both as in
 * dynamic-resource-allocation/cel's map-with-default.
 */
final class DomainMap extends AbstractMap<String, Object> {
  private final Map<String, Object> domains;

  DomainMap(Map<String, Object> domains) {
    this.domains = domains;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return domains.entrySet();
  }

  @Override
  public Object get(Object key) {
    Object v = domains.get(key);
    return v == null ? Map.of() : v;
  }

  @Override
  public boolean containsKey(Object key) {
    return domains.containsKey(key);
  }

  @Override
  public int size() {
    return domains.size();
  }
}
