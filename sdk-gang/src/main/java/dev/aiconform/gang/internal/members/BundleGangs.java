package dev.aiconform.gang.internal.members;

import dev.aiconform.core.ManifestBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gangs a bundle's member templates declare, by the group each names: what rules about a whole
 * gang (minimums against members, one scheduler, one total count) look at. Computed once per bundle
 * and reused by every rule checking that bundle.
 */
public final class BundleGangs {
  /** A gang as a bundle names it: system, namespace ("" when unset) and group name. */
  public record Ref(PodMarkers.System system, String namespace, String name) {
    @Override
    public String toString() {
      return system.id() + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }

  private static final AtomicReference<BundleGangs> LAST = new AtomicReference<>();

  private final ManifestBundle bundle;
  private final List<MemberTemplate> members;
  private final Map<Ref, List<MemberTemplate>> gangs = new LinkedHashMap<>();

  private BundleGangs(ManifestBundle bundle) {
    this.bundle = bundle;
    this.members = MemberTemplate.of(bundle);
    for (MemberTemplate m : members) {
      for (Ref r : refs(m)) {
        gangs.computeIfAbsent(r, k -> new ArrayList<>()).add(m);
      }
    }
  }

  /** The gangs of {@code bundle} (cached for the bundle last asked about). */
  public static BundleGangs of(ManifestBundle bundle) {
    BundleGangs last = LAST.get();
    if (last != null && last.bundle == bundle) {
      return last;
    }
    BundleGangs fresh = new BundleGangs(bundle);
    LAST.set(fresh);
    return fresh;
  }

  public List<MemberTemplate> members() {
    return members;
  }

  public Map<Ref, List<MemberTemplate>> gangs() {
    return gangs;
  }

  public List<MemberTemplate> membersOf(Ref ref) {
    return gangs.getOrDefault(ref, List.of());
  }

  /** How many pods join {@code ref}. */
  public int podCount(Ref ref) {
    return membersOf(ref).stream().mapToInt(MemberTemplate::count).sum();
  }

  /** The gangs a member template names by its own markers. */
  public static List<Ref> refs(MemberTemplate m) {
    PodMarkers k = m.markers();
    String ns = m.namespace();
    List<Ref> out = new ArrayList<>();
    k.nativePodGroup().ifPresent(n -> out.add(new Ref(PodMarkers.System.WORKLOAD, ns, n)));
    if (k.nativePodGroup().isEmpty() && k.workloadRefName().isPresent()) {
      out.add(
          new Ref(
              PodMarkers.System.WORKLOAD,
              ns,
              nativeV1alpha1GroupName(
                  k.workloadRefName().get(), k.workloadRefPodGroup().orElse(""))));
    }
    k.volcanoGroup().ifPresent(n -> out.add(new Ref(PodMarkers.System.VOLCANO, ns, n)));
    k.coschedulingGroup().ifPresent(n -> out.add(new Ref(PodMarkers.System.COSCHEDULING, ns, n)));
    k.kueuePodGroup().ifPresent(n -> out.add(new Ref(PodMarkers.System.KUEUE, ns, n)));
    return out;
  }

  /**
   * A 1.35 gang has no PodGroup object: it is named after its Workload, or {@code
   * <workload>-<podGroup>} when the pod group is named otherwise.
   */
  public static String nativeV1alpha1GroupName(String workload, String podGroup) {
    return podGroup.isEmpty() || podGroup.equals(workload) ? workload : workload + "-" + podGroup;
  }
}
