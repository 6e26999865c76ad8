package dev.aiconform.gang.internal.cluster;

import dev.aiconform.gang.internal.members.PodMarkers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One gang of a running cluster: its members, its overall and per-role minimums, the topology
 * domain it must share, and why it cannot be scheduled yet (its PodGroup is missing, Kueue has not
 * admitted it, not all its pods exist).
 */
final class Gang {
  private final ClusterGangs.Key key;
  private final List<Pod> members;
  private final int minCount;
  private final Map<String, Integer> roleMinimums;
  private final String topologyKey;
  private final int timeoutSeconds;
  private final String problem;
  private final boolean unresolvable;
  private final HasMetadata groupObject;
  private final HasMetadata kueueWorkload;
  private final int expectedMembers;

  private Gang(Builder b) {
    this.key = b.key;
    this.members = List.copyOf(b.members);
    this.minCount = b.minCount;
    this.roleMinimums = Map.copyOf(b.roleMinimums);
    this.topologyKey = b.topologyKey;
    this.timeoutSeconds = b.timeoutSeconds;
    this.problem = b.problem;
    this.unresolvable = b.unresolvable;
    this.groupObject = b.groupObject;
    this.kueueWorkload = b.kueueWorkload;
    this.expectedMembers = b.expectedMembers;
  }

  ClusterGangs.Key key() {
    return key;
  }

  String name() {
    return key.name();
  }

  /** Active members, sorted by name. */
  List<Pod> members() {
    return members;
  }

  int minCount() {
    return minCount;
  }

  /** Role → pods of that role that must be placed together. */
  Map<String, Integer> roleMinimums() {
    return roleMinimums;
  }

  Optional<String> topologyKey() {
    return Optional.ofNullable(topologyKey);
  }

  /** How long the backend lets a partly placed gang wait; 0 when it has no timeout. */
  int timeoutSeconds() {
    return timeoutSeconds;
  }

  /** Why no member can be scheduled now, if something outside placement stops the gang. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** The problem cannot go away by itself (a missing group object). */
  boolean unresolvable() {
    return unresolvable;
  }

  Optional<HasMetadata> groupObject() {
    return Optional.ofNullable(groupObject);
  }

  Optional<HasMetadata> kueueWorkload() {
    return Optional.ofNullable(kueueWorkload);
  }

  /** How many members the gang's workload will have (0: unknown). */
  int expectedMembers() {
    return expectedMembers;
  }

  PodMarkers.System system() {
    return key.system();
  }

  /**
   * The member's role: its role label, Volcano task, replicated Job or LWS position; "" if none.
   */
  static String roleOf(Pod pod) {
    return PodMarkers.of(pod.getMetadata(), pod.getSpec()).role().orElse("");
  }

  /** The roles of the members, in order of first appearance, with how many members each has. */
  Map<String, Integer> roleSizes() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Pod p : members) {
      out.merge(roleOf(p), 1, Integer::sum);
    }
    return out;
  }

  int boundCount() {
    return (int) members.stream().filter(Owners::isBound).count();
  }

  /** Whether the bound members meet every minimum (the gang was admitted by the scheduler). */
  boolean isSatisfiedBy(List<Pod> placed) {
    if (placed.size() < minCount) {
      return false;
    }
    Map<String, Integer> byRole = new LinkedHashMap<>();
    for (Pod p : placed) {
      byRole.merge(roleOf(p), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : roleMinimums.entrySet()) {
      if (byRole.getOrDefault(e.getKey(), 0) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  boolean isScheduled() {
    List<Pod> bound = new ArrayList<>();
    for (Pod p : members) {
      if (Owners.isBound(p)) {
        bound.add(p);
      }
    }
    return isSatisfiedBy(bound);
  }

  @Override
  public String toString() {
    return "gang " + key + " (" + key.system().id() + ", min " + minCount + ")";
  }

  /** Collects what the cluster says about a gang. */
  static final class Builder {
    private final ClusterGangs.Key key;
    private final List<Pod> members;
    private int minCount = 1;
    private Map<String, Integer> roleMinimums = new LinkedHashMap<>();
    private String topologyKey;
    private int timeoutSeconds;
    private String problem;
    private boolean unresolvable;
    private HasMetadata groupObject;
    private HasMetadata kueueWorkload;
    private int expectedMembers;

    Builder(ClusterGangs.Key key, List<Pod> members) {
      this.key = key;
      this.members = members;
    }

    void minCount(int n) {
      this.minCount = n;
    }

    void roleMinimums(Map<String, Integer> roles) {
      this.roleMinimums = new LinkedHashMap<>(roles);
      this.roleMinimums.values().removeIf(v -> v <= 0);
    }

    void topologyKey(String key) {
      this.topologyKey = key;
    }

    String topologyKey() {
      return topologyKey;
    }

    void timeoutSeconds(int seconds) {
      this.timeoutSeconds = seconds;
    }

    void problem(String why, boolean unresolvable) {
      if (this.problem == null) {
        this.problem = why;
        this.unresolvable = unresolvable;
      }
    }

    void groupObject(HasMetadata o) {
      this.groupObject = o;
    }

    void kueueWorkload(HasMetadata o) {
      this.kueueWorkload = o;
    }

    void expectedMembers(int n) {
      this.expectedMembers = n;
    }

    Gang build() {
      return new Gang(this);
    }
  }
}
