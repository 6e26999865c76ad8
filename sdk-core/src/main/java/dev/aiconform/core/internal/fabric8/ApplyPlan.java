package dev.aiconform.core.internal.fabric8;

import dev.aiconform.core.ApplyOrder;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The order a bundle is applied in and what each object depends on inside the bundle, so that a
 * workload is never created when its gang object, its device claim (template), its namespace or its
 * CRD failed: that would leave a partial gang, or pods that cannot get their devices.
 *
 * <p>The order is the bundle's {@link ManifestBundle#inApplyOrder() apply order}, refined so every
 * object comes after what it depends on. Membership is read from the objects themselves:
 *
 * <ul>
 *   <li>pods and pod templates naming a group: {@code spec.schedulingGroup.podGroupName} (native
 *       PodGroup), {@code spec.workloadRef.name} (native Workload, 1.35), label or annotation
 *       {@code scheduling.k8s.io/group-name} (Volcano), {@code scheduling.x-k8s.io/pod-group}
 *       (scheduler-plugins); {@code kueue.x-k8s.io/pod-group-name} names a group without an object
 *       in the bundle (Kueue creates it);
 *   <li>native PodGroups naming their Workload ({@code spec.workloadRef.workloadName});
 *   <li>any {@code resourceClaims[]} entry naming a ResourceClaim or ResourceClaimTemplate;
 *   <li>namespaced objects in a Namespace of the bundle; custom resources of a CRD of the bundle.
 * </ul>
 */
public final class ApplyPlan {
  // Pod membership keys of the gang schedulers (see the class comment for the sources).
  public static final String VOLCANO_GROUP_KEY = "scheduling.k8s.io/group-name";
  public static final String COSCHEDULING_GROUP_KEY = "scheduling.x-k8s.io/pod-group";
  public static final String KUEUE_POD_GROUP_KEY = "kueue.x-k8s.io/pod-group-name";

  private static final GroupKind NATIVE_POD_GROUP = GroupKind.of("scheduling.k8s.io", "PodGroup");
  private static final GroupKind NATIVE_WORKLOAD = GroupKind.of("scheduling.k8s.io", "Workload");
  private static final GroupKind VOLCANO_POD_GROUP =
      GroupKind.of("scheduling.volcano.sh", "PodGroup");
  private static final GroupKind COSCHEDULING_POD_GROUP =
      GroupKind.of("scheduling.x-k8s.io", "PodGroup");
  private static final GroupKind CLAIM = GroupKind.of("resource.k8s.io", "ResourceClaim");
  private static final GroupKind CLAIM_TEMPLATE =
      GroupKind.of("resource.k8s.io", "ResourceClaimTemplate");
  private static final GroupKind NAMESPACE = GroupKind.of("", "Namespace");
  private static final GroupKind CRD =
      GroupKind.of("apiextensions.k8s.io", "CustomResourceDefinition");

  /** Why one object needs another. */
  public enum Relation {
    GANG("gang object"),
    CLAIM("device claim"),
    NAMESPACE("namespace"),
    DEFINITION("CustomResourceDefinition");

    private final String label;

    Relation(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An object of the bundle this step needs first. */
  public record Dependency(ObjectRef ref, Relation relation) {}

  /** One object to apply: its manifest, its ref (namespace filled in) and what it needs. */
  public record Step(Manifest manifest, ObjectRef ref, List<Dependency> dependsOn) {
    public HasMetadata object() {
      return manifest.object();
    }
  }

  private final List<Step> steps;

  private ApplyPlan(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  public List<Step> steps() {
    return steps;
  }

  /**
   * Plans {@code bundle}.
   *
   * @param refOf the ref an object is applied as (its namespace filled in when namespaced)
   */
  public static ApplyPlan of(ManifestBundle bundle, Function<HasMetadata, ObjectRef> refOf) {
    List<Manifest> ordered = bundle.inApplyOrder().manifests();
    Map<Key, Integer> index = new HashMap<>();
    List<ObjectRef> refs = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      ObjectRef ref = refOf.apply(ordered.get(i).object());
      refs.add(ref);
      index.putIfAbsent(new Key(ref.groupKind(), ref.namespace(), ref.name()), i);
    }
    Map<GroupKind, Integer> crds = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      HasMetadata o = ordered.get(i).object();
      if (CRD.matches(o)) {
        Map<String, Object> spec = map(tree(o).get("spec"));
        Map<String, Object> names = map(spec.get("names"));
        if (spec.get("group") instanceof String && names.get("kind") instanceof String) {
          crds.putIfAbsent(GroupKind.of((String) spec.get("group"), (String) names.get("kind")), i);
        }
      }
    }
    List<List<Integer>> deps = new ArrayList<>();
    List<List<Dependency>> depRefs = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      ObjectRef ref = refs.get(i);
      Set<Integer> found = new LinkedHashSet<>();
      List<Dependency> dl = new ArrayList<>();
      // Only gang objects and workloads name other objects of a bundle; reading the rest is waste.
      int rank = ApplyOrder.rank(ref.groupKind());
      List<Needed> needed =
          rank == ApplyOrder.GANG_OBJECTS || rank == ApplyOrder.WORKLOADS
              ? needs(ordered.get(i).object(), ref)
              : List.of();
      for (Needed n : needed) {
        Integer j = index.get(n.key);
        if (j != null && j != i && found.add(j)) {
          dl.add(new Dependency(refs.get(j), n.relation));
        }
      }
      if (!ref.namespace().isEmpty()) {
        Integer j = index.get(new Key(NAMESPACE, "", ref.namespace()));
        if (j != null && found.add(j)) {
          dl.add(new Dependency(refs.get(j), Relation.NAMESPACE));
        }
      }
      Integer crd = crds.get(ref.groupKind());
      if (crd != null && crd != i && found.add(crd)) {
        dl.add(new Dependency(refs.get(crd), Relation.DEFINITION));
      }
      deps.add(new ArrayList<>(found));
      depRefs.add(dl);
    }
    // Stable topological order (Kahn's algorithm with the earliest ready object first): each object
    // goes as early in apply order as its dependencies allow; a cycle, which Kubernetes objects
    // should not have, is broken at its earliest object.
    int n = ordered.size();
    int[] waitingOn = new int[n];
    List<List<Integer>> dependants = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dependants.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      waitingOn[i] = deps.get(i).size();
      for (int d : deps.get(i)) {
        dependants.get(d).add(i);
      }
    }
    java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waitingOn[i] == 0) {
        ready.add(i);
      }
    }
    boolean[] placed = new boolean[n];
    int earliestUnplaced = 0;
    List<Step> steps = new ArrayList<>();
    while (steps.size() < n) {
      Integer next = ready.poll();
      if (next == null) {
        while (placed[earliestUnplaced]) {
          earliestUnplaced++;
        }
        next = earliestUnplaced; // only a cycle leaves nothing ready
      } else if (placed[next]) {
        continue;
      }
      placed[next] = true;
      steps.add(new Step(ordered.get(next), refs.get(next), depRefs.get(next)));
      for (int dependant : dependants.get(next)) {
        if (--waitingOn[dependant] == 0 && !placed[dependant]) {
          ready.add(dependant);
        }
      }
    }
    return new ApplyPlan(steps);
  }

  /** Whether a kind is a gang object (applied before member workloads). */
  public static boolean isGangObject(GroupKind kind) {
    return ApplyOrder.rank(kind) == ApplyOrder.GANG_OBJECTS;
  }

  /**
   * The gang groups an object's pods belong to, as {@code key=name} ({@code
   * kueue.x-k8s.io/pod-group-name=train}), for messages.
   */
  public static Set<String> groupNames(HasMetadata object) {
    Set<String> out = new LinkedHashSet<>();
    for (PodTemplate t : podTemplates(tree(object), object.getKind())) {
      for (String key : List.of(VOLCANO_GROUP_KEY, COSCHEDULING_GROUP_KEY, KUEUE_POD_GROUP_KEY)) {
        String v = labelOrAnnotation(t.metadata, key);
        if (v != null) {
          out.add(key + "=" + v);
        }
      }
      String native_ = string(map(t.spec.get("schedulingGroup")).get("podGroupName"));
      if (native_ != null) {
        out.add("spec.schedulingGroup.podGroupName=" + native_);
      }
    }
    return out;
  }

  private record Key(GroupKind kind, String namespace, String name) {}

  private record Needed(Key key, Relation relation) {}

  private static List<Needed> needs(HasMetadata object, ObjectRef ref) {
    String ns = ref.namespace();
    List<Needed> out = new ArrayList<>();
    Map<String, Object> tree = tree(object);
    for (PodTemplate t : podTemplates(tree, object.getKind())) {
      String group = string(map(t.spec.get("schedulingGroup")).get("podGroupName"));
      if (group != null) {
        out.add(new Needed(new Key(NATIVE_POD_GROUP, ns, group), Relation.GANG));
      }
      String workload = string(map(t.spec.get("workloadRef")).get("name"));
      if (workload != null) {
        out.add(new Needed(new Key(NATIVE_WORKLOAD, ns, workload), Relation.GANG));
      }
      String volcano = labelOrAnnotation(t.metadata, VOLCANO_GROUP_KEY);
      if (volcano != null) {
        out.add(new Needed(new Key(VOLCANO_POD_GROUP, ns, volcano), Relation.GANG));
      }
      String cosched = labelOrAnnotation(t.metadata, COSCHEDULING_GROUP_KEY);
      if (cosched != null) {
        out.add(new Needed(new Key(COSCHEDULING_POD_GROUP, ns, cosched), Relation.GANG));
      }
    }
    if (NATIVE_POD_GROUP.matches(object)) {
      String workload = string(map(map(tree.get("spec")).get("workloadRef")).get("workloadName"));
      if (workload != null) {
        out.add(new Needed(new Key(NATIVE_WORKLOAD, ns, workload), Relation.GANG));
      }
    }
    collectClaims(tree, ns, out);
    return out;
  }

  private static void collectClaims(Object node, String ns, List<Needed> out) {
    if (node instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
        if ("resourceClaims".equals(e.getKey()) && e.getValue() instanceof List) {
          for (Object c : (List<?>) e.getValue()) {
            Map<String, Object> claim = map(c);
            String name = string(claim.get("resourceClaimName"));
            if (name != null) {
              out.add(new Needed(new Key(CLAIM, ns, name), Relation.CLAIM));
            }
            String template = string(claim.get("resourceClaimTemplateName"));
            if (template != null) {
              out.add(new Needed(new Key(CLAIM_TEMPLATE, ns, template), Relation.CLAIM));
            }
          }
        } else {
          collectClaims(e.getValue(), ns, out);
        }
      }
    } else if (node instanceof List) {
      for (Object o : (List<?>) node) {
        collectClaims(o, ns, out);
      }
    }
  }

  /** A pod's metadata and spec: the Pod itself, or a template inside a workload. */
  private record PodTemplate(Map<String, Object> metadata, Map<String, Object> spec) {}

  private static List<PodTemplate> podTemplates(Map<String, Object> tree, String kind) {
    List<PodTemplate> out = new ArrayList<>();
    if ("Pod".equals(kind)) {
      out.add(new PodTemplate(map(tree.get("metadata")), map(tree.get("spec"))));
      return out;
    }
    findTemplates(tree, out, 0);
    return out;
  }

  // A pod template is a map whose "spec" holds "containers"; workloads nest them (JobSet → Job →
  // pod).
  private static void findTemplates(Object node, List<PodTemplate> out, int depth) {
    if (depth > 32) {
      return;
    }
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      Map<String, Object> spec = map(m.get("spec"));
      if (spec.get("containers") instanceof List) {
        out.add(new PodTemplate(map(m.get("metadata")), spec));
      }
      for (Object v : m.values()) {
        findTemplates(v, out, depth + 1);
      }
    } else if (node instanceof List) {
      for (Object v : (List<?>) node) {
        findTemplates(v, out, depth + 1);
      }
    }
  }

  private static String labelOrAnnotation(Map<String, Object> metadata, String key) {
    String v = string(map(metadata.get("labels")).get(key));
    return v != null ? v : string(map(metadata.get("annotations")).get(key));
  }

  /**
   * The object as plain maps and lists. A generic resource already holds them (only its labels and
   * annotations are copied from the metadata); a fabric8 model goes through Jackson.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(HasMetadata object) {
    if (object instanceof GenericKubernetesResource
        && plain(((GenericKubernetesResource) object).getAdditionalProperties(), 0)) {
      Map<String, Object> m =
          new LinkedHashMap<>(((GenericKubernetesResource) object).getAdditionalProperties());
      ObjectMeta meta = object.getMetadata();
      if (meta != null) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("labels", meta.getLabels() == null ? Map.of() : meta.getLabels());
        md.put("annotations", meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
        m.put("metadata", md);
      }
      return m;
    }
    // The common workload models: read what membership needs through their getters (a Jackson
    // round trip of a whole pod spec costs as much as the request that applies it).
    if (object instanceof Pod) {
      return podTree(object.getMetadata(), ((Pod) object).getSpec());
    }
    PodTemplateSpec template = null;
    if (object instanceof Job && ((Job) object).getSpec() != null) {
      template = ((Job) object).getSpec().getTemplate();
    } else if (object instanceof Deployment && ((Deployment) object).getSpec() != null) {
      template = ((Deployment) object).getSpec().getTemplate();
    } else if (object instanceof StatefulSet && ((StatefulSet) object).getSpec() != null) {
      template = ((StatefulSet) object).getSpec().getTemplate();
    } else if (object instanceof ReplicaSet && ((ReplicaSet) object).getSpec() != null) {
      template = ((ReplicaSet) object).getSpec().getTemplate();
    } else if (object instanceof DaemonSet && ((DaemonSet) object).getSpec() != null) {
      template = ((DaemonSet) object).getSpec().getTemplate();
    }
    if (template != null) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("template", podTree(template.getMetadata(), template.getSpec()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("spec", spec);
      return m;
    }
    return Objects.requireNonNullElse(
        KubeSerialization.get().convertValue(object, Map.class), Map.of());
  }

  /** A pod's metadata and spec reduced to what membership reads, in the API's field names. */
  private static Map<String, Object> podTree(ObjectMeta meta, PodSpec podSpec) {
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("labels", meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels());
    md.put(
        "annotations",
        meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("containers", List.of()); // what marks a pod spec
    if (podSpec != null) {
      if (podSpec.getSchedulingGroup() != null) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("podGroupName", podSpec.getSchedulingGroup().getPodGroupName());
        spec.put("schedulingGroup", group);
      }
      Object workloadRef = podSpec.getAdditionalProperties().get("workloadRef");
      if (workloadRef != null && plain(workloadRef, 0)) {
        spec.put("workloadRef", workloadRef);
      }
      List<Object> claims = new ArrayList<>();
      if (podSpec.getResourceClaims() != null) {
        for (PodResourceClaim c : podSpec.getResourceClaims()) {
          Map<String, Object> claim = new LinkedHashMap<>();
          claim.put("resourceClaimName", c.getResourceClaimName());
          claim.put("resourceClaimTemplateName", c.getResourceClaimTemplateName());
          claims.add(claim);
        }
      }
      spec.put("resourceClaims", claims);
    }
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("metadata", md);
    pod.put("spec", spec);
    return pod;
  }

  /** Only maps, lists, strings, numbers and booleans (a builder may have put fabric8 models in). */
  private static boolean plain(Object o, int depth) {
    if (depth > 64) {
      return false;
    }
    if (o instanceof Map) {
      for (Object v : ((Map<?, ?>) o).values()) {
        if (!plain(v, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (o instanceof List) {
      for (Object v : (List<?>) o) {
        if (!plain(v, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return o == null || o instanceof String || o instanceof Number || o instanceof Boolean;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  static String string(Object o) {
    return o instanceof String && !((String) o).isEmpty() ? (String) o : null;
  }
}
