package dev.aiconform.core.internal.cluster.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pods and node names in insertion order, looked up by the pod's namespace and name. fabric8 pods
 * compare by value (and change as they are scheduled), so a plain HashMap would lose them.
 */
final class PodNodeMap extends AbstractMap<Pod, String> {
  private final LinkedHashMap<PodKey, Map.Entry<Pod, String>> entries = new LinkedHashMap<>();

  @Override
  public String put(Pod pod, String node) {
    Map.Entry<Pod, String> old = entries.put(PodKey.of(pod), new SimpleImmutableEntry<>(pod, node));
    return old == null ? null : old.getValue();
  }

  @Override
  public String get(Object key) {
    Map.Entry<Pod, String> e = key instanceof Pod ? entries.get(PodKey.of((Pod) key)) : null;
    return e == null ? null : e.getValue();
  }

  String get(PodKey key) {
    Map.Entry<Pod, String> e = entries.get(key);
    return e == null ? null : e.getValue();
  }

  Pod pod(PodKey key) {
    Map.Entry<Pod, String> e = entries.get(key);
    return e == null ? null : e.getKey();
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof Pod && entries.containsKey(PodKey.of((Pod) key));
  }

  boolean containsKey(PodKey key) {
    return entries.containsKey(key);
  }

  @Override
  public String remove(Object key) {
    Map.Entry<Pod, String> e = key instanceof Pod ? entries.remove(PodKey.of((Pod) key)) : null;
    return e == null ? null : e.getValue();
  }

  String remove(PodKey key) {
    Map.Entry<Pod, String> e = entries.remove(key);
    return e == null ? null : e.getValue();
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public void clear() {
    entries.clear();
  }

  @Override
  public Set<Map.Entry<Pod, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<Pod, String>> iterator() {
        Iterator<Map.Entry<Pod, String>> it = entries.values().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Map.Entry<Pod, String> next() {
            return it.next();
          }
        };
      }

      @Override
      public int size() {
        return entries.size();
      }
    };
  }
}
