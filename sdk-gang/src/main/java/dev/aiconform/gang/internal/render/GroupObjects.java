package dev.aiconform.gang.internal.render;

import static dev.aiconform.gang.internal.render.GenericObjects.generic;
import static dev.aiconform.gang.internal.render.GenericObjects.ordered;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.gang.GangBackend;
import dev.aiconform.gang.GangGroup;
import dev.aiconform.gang.GangRole;
import dev.aiconform.gang.KueueQueueSetup;
import dev.aiconform.gang.TopologyHint;
import dev.aiconform.gang.WorkloadShape;
import dev.aiconform.gang.internal.DeviceCounts;
import dev.aiconform.gang.internal.GangKeys;
import dev.aiconform.gang.internal.Quantities;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.GangSchedulingPolicy;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroup;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupSchedulingConstraints;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupSchedulingPolicy;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupSpec;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.PodGroupTemplate;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.TopologyConstraint;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.TypedLocalObjectReference;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.Workload;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.WorkloadReference;
import io.fabric8.kubernetes.api.model.scheduling.v1beta1.WorkloadSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The backend's own objects for a gang: group objects and, for Kueue, queue objects. */
final class GroupObjects {
  private final GangGroup g;
  private final GangBackend backend;
  private final String nativeGroupVersion;
  private final Map<String, String> controllerRef;

  GroupObjects(
      GangGroup g,
      GangBackend backend,
      TargetVersion version,
      String nativeGroupVersion,
      Map<String, String> controllerRef) {
    this.g = g;
    this.backend = backend;
    this.nativeGroupVersion = nativeGroupVersion;
    this.controllerRef = controllerRef;
  }

  List<HasMetadata> groupObjects() {
    switch (backend) {
      case NATIVE:
        switch (nativeGroupVersion) {
          case GangKeys.NATIVE_V1BETA1:
            return List.of(nativeWorkloadV1beta1(), nativePodGroupV1beta1());
          case GangKeys.NATIVE_V1ALPHA2:
            return List.of(nativeWorkloadV1alpha2(), nativePodGroupV1alpha2());
          default:
            return List.of(nativeWorkloadV1alpha1());
        }
      case VOLCANO:
        return g.shape() == WorkloadShape.VOLCANO_JOB ? List.of() : List.of(volcanoPodGroup());
      case COSCHEDULING:
        return List.of(coschedulingPodGroup());
      default:
        return List.of();
    }
  }

  List<HasMetadata> queueObjects() {
    if (backend != GangBackend.KUEUE || g.kueueQueues().isEmpty()) {
      return List.of();
    }
    KueueQueueSetup setup = g.kueueQueues().get();
    List<HasMetadata> out = new ArrayList<>();
    Optional<TopologyHint> hint = g.topology();
    String topologyName = setup.clusterQueue() + "-topology";
    if (hint.isPresent()) {
      List<Object> levels = new ArrayList<>();
      levels.add(Map.of("nodeLabel", hint.get().key()));
      if (!hint.get().key().equals("kubernetes.io/hostname")) {
        levels.add(Map.of("nodeLabel", "kubernetes.io/hostname"));
      }
      GenericKubernetesResource topology =
          generic(GangKeys.KUEUE_V1BETA2, "Topology", clusterMeta(topologyName));
      topology.setAdditionalProperty("spec", Map.of("levels", levels));
      out.add(topology);
    }
    GenericKubernetesResource flavor =
        generic(GangKeys.KUEUE_V1BETA2, "ResourceFlavor", clusterMeta(setup.resourceFlavor()));
    if (hint.isPresent()) {
      flavor.setAdditionalProperty("spec", Map.of("topologyName", topologyName));
    }
    out.add(flavor);

    Map<String, String> quota =
        setup.nominalQuota().isEmpty()
            ? Quantities.formatAll(totalRequests())
            : new TreeMap<>(setup.nominalQuota());
    List<Object> resources = new ArrayList<>();
    quota.forEach((name, q) -> resources.add(ordered("name", name, "nominalQuota", q)));
    Map<String, Object> flavorQuota = new LinkedHashMap<>();
    flavorQuota.put("name", setup.resourceFlavor());
    flavorQuota.put("resources", resources);
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("coveredResources", new ArrayList<>(quota.keySet()));
    group.put("flavors", List.of(flavorQuota));
    Map<String, Object> cqSpec = new LinkedHashMap<>();
    cqSpec.put("namespaceSelector", Map.of());
    cqSpec.put("resourceGroups", List.of(group));
    GenericKubernetesResource cq =
        generic(GangKeys.KUEUE_V1BETA2, "ClusterQueue", clusterMeta(setup.clusterQueue()));
    cq.setAdditionalProperty("spec", cqSpec);
    out.add(cq);

    GenericKubernetesResource lq =
        generic(
            GangKeys.KUEUE_V1BETA2,
            "LocalQueue",
            new ObjectMetaBuilder().withName(g.queue().get()).withNamespace(g.namespace()).build());
    lq.setAdditionalProperty("spec", Map.of("clusterQueue", setup.clusterQueue()));
    out.add(lq);
    return out;
  }

  // ------------------------------------------------------------------ native

  private ObjectMeta groupMeta(boolean roleMinimums) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (roleMinimums) {
      for (GangRole r : g.roles()) {
        annotations.put(GangKeys.ROLE_MIN_PREFIX + r.name(), Integer.toString(r.minAvailable()));
      }
    }
    return new ObjectMetaBuilder()
        .withName(g.name())
        .withNamespace(g.namespace())
        .withLabels(labels())
        .withAnnotations(annotations.isEmpty() ? null : annotations)
        .build();
  }

  private ObjectMeta clusterMeta(String name) {
    return new ObjectMetaBuilder().withName(name).build();
  }

  private Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>(g.labels());
    labels.put(GangKeys.GROUP_LABEL, g.name());
    return labels;
  }

  /** Per-role minimums say more than the overall minimum when a role may not be all-or-some. */
  private boolean roleMinimumsMatter() {
    return g.roles().size() > 1 || g.roles().get(0).minAvailable() != g.minMember();
  }

  private boolean nativeTopology() {
    return g.topology().map(h -> h.mode() == TopologyHint.Mode.REQUIRED).orElse(false);
  }

  private Workload nativeWorkloadV1beta1() {
    PodGroupTemplate t = new PodGroupTemplate();
    t.setName(g.name());
    t.setSchedulingPolicy(gangPolicy());
    g.priorityClassName().ifPresent(t::setPriorityClassName);
    if (nativeTopology()) {
      t.setSchedulingConstraints(topologyConstraints());
    }
    WorkloadSpec spec = new WorkloadSpec();
    if (!controllerRef.isEmpty()) {
      spec.setControllerRef(
          new TypedLocalObjectReference(
              controllerRef.get("apiGroup"), controllerRef.get("kind"), controllerRef.get("name")));
    }
    spec.setPodGroupTemplates(List.of(t));
    Workload w = new Workload();
    w.setMetadata(groupMeta(false));
    w.setSpec(spec);
    return w;
  }

  private PodGroup nativePodGroupV1beta1() {
    PodGroupSpec spec = new PodGroupSpec();
    spec.setWorkloadRef(new WorkloadReference(g.name(), g.name()));
    spec.setSchedulingPolicy(gangPolicy());
    g.priorityClassName().ifPresent(spec::setPriorityClassName);
    if (nativeTopology()) {
      spec.setSchedulingConstraints(topologyConstraints());
    }
    PodGroup pg = new PodGroup();
    pg.setMetadata(groupMeta(roleMinimumsMatter()));
    pg.setSpec(spec);
    return pg;
  }

  private PodGroupSchedulingPolicy gangPolicy() {
    PodGroupSchedulingPolicy p = new PodGroupSchedulingPolicy();
    p.setGang(new GangSchedulingPolicy(g.minMember()));
    return p;
  }

  private PodGroupSchedulingConstraints topologyConstraints() {
    PodGroupSchedulingConstraints c = new PodGroupSchedulingConstraints();
    c.setTopology(List.of(new TopologyConstraint(g.topology().get().key())));
    return c;
  }

  private Map<String, Object> gangPolicyMap() {
    return Map.of("gang", Map.of("minCount", g.minMember()));
  }

  private Map<String, Object> topologyMap() {
    return Map.of("topology", List.of(Map.of("key", g.topology().get().key())));
  }

  private GenericKubernetesResource nativeWorkloadV1alpha2() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", g.name());
    t.put("schedulingPolicy", gangPolicyMap());
    g.priorityClassName().ifPresent(p -> t.put("priorityClassName", p));
    if (nativeTopology()) {
      t.put("schedulingConstraints", topologyMap());
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!controllerRef.isEmpty()) {
      spec.put("controllerRef", controllerRef);
    }
    spec.put("podGroupTemplates", List.of(t));
    GenericKubernetesResource w = generic(GangKeys.NATIVE_V1ALPHA2, "Workload", groupMeta(false));
    w.setAdditionalProperty("spec", spec);
    return w;
  }

  private GenericKubernetesResource nativePodGroupV1alpha2() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put(
        "podGroupTemplateRef",
        Map.of("workload", ordered("workloadName", g.name(), "podGroupTemplateName", g.name())));
    spec.put("schedulingPolicy", gangPolicyMap());
    g.priorityClassName().ifPresent(p -> spec.put("priorityClassName", p));
    if (nativeTopology()) {
      spec.put("schedulingConstraints", topologyMap());
    }
    GenericKubernetesResource pg =
        generic(GangKeys.NATIVE_V1ALPHA2, "PodGroup", groupMeta(roleMinimumsMatter()));
    pg.setAdditionalProperty("spec", spec);
    return pg;
  }

  private GenericKubernetesResource nativeWorkloadV1alpha1() {
    Map<String, Object> podGroup = new LinkedHashMap<>();
    podGroup.put("name", g.name());
    podGroup.put("policy", gangPolicyMap());
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!controllerRef.isEmpty()) {
      spec.put("controllerRef", controllerRef);
    }
    spec.put("podGroups", List.of(podGroup));
    GenericKubernetesResource w =
        generic(GangKeys.NATIVE_V1ALPHA1, "Workload", groupMeta(roleMinimumsMatter()));
    w.setAdditionalProperty("spec", spec);
    return w;
  }

  // ------------------------------------------------------------------ Volcano, coscheduling

  private GenericKubernetesResource volcanoPodGroup() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("minMember", g.minMember());
    Map<String, Object> minTask = new LinkedHashMap<>();
    for (GangRole r : g.roles()) {
      minTask.put(r.name(), r.minAvailable());
    }
    spec.put("minTaskMember", minTask);
    Map<String, String> minResources = Quantities.formatAll(minimumRequests());
    if (!minResources.isEmpty()) {
      spec.put("minResources", minResources);
    }
    g.queue().ifPresent(q -> spec.put("queue", q));
    g.priorityClassName().ifPresent(p -> spec.put("priorityClassName", p));
    ObjectMeta meta = groupMeta(false);
    timeoutAnnotation(meta);
    GenericKubernetesResource pg = generic(GangKeys.VOLCANO_SCHEDULING_V1BETA1, "PodGroup", meta);
    pg.setAdditionalProperty("spec", spec);
    return pg;
  }

  private void timeoutAnnotation(ObjectMeta meta) {
    g.scheduleTimeout()
        .ifPresent(
            t -> {
              Map<String, String> a =
                  meta.getAnnotations() == null
                      ? new LinkedHashMap<>()
                      : new LinkedHashMap<>(meta.getAnnotations());
              a.put(GangKeys.SCHEDULE_TIMEOUT, t.getSeconds() + "s");
              meta.setAnnotations(a);
            });
  }

  private GenericKubernetesResource coschedulingPodGroup() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("minMember", g.minMember());
    Map<String, String> minResources = Quantities.formatAll(minimumRequests());
    if (!minResources.isEmpty()) {
      spec.put("minResources", minResources);
    }
    g.scheduleTimeout().ifPresent(t -> spec.put("scheduleTimeoutSeconds", (int) t.getSeconds()));
    GenericKubernetesResource pg =
        generic(GangKeys.COSCHEDULING_V1ALPHA1, "PodGroup", groupMeta(roleMinimumsMatter()));
    pg.setAdditionalProperty("spec", spec);
    return pg;
  }

  // ------------------------------------------------------------------ resource sums

  /** What the minimum members request: each role's minimum times its pod's requests. */
  private Map<String, BigDecimal> minimumRequests() {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (GangRole r : g.roles()) {
      Quantities.addTimes(out, Quantities.podRequests(r.template().getSpec()), r.minAvailable());
    }
    return out;
  }

  /** What all members request, devices of claim templates counted per DeviceClass. */
  private Map<String, BigDecimal> totalRequests() {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (GangRole r : g.roles()) {
      Quantities.addTimes(out, Quantities.podRequests(r.template().getSpec()), r.replicas());
      for (ResourceClaimTemplate t : r.claimTemplates()) {
        Quantities.addTimes(out, DeviceCounts.of(t), r.replicas());
      }
    }
    return out;
  }
}
