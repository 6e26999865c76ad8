package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.VersionRange;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.dra.Attribute;
import dev.aiconform.dra.DeviceAllocator;
import dev.aiconform.dra.DevicePlacement;
import dev.aiconform.dra.DriverVocabulary;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The DRA conformance and practice rules (issue section 4). */
final class DraPracticeRules {
  // device.attributes["domain"].id / device.capacity['domain'].id (also .?id and has(...))
  private static final Pattern REFERENCE =
      Pattern.compile(
          "device\\.(attributes|capacity)\\[\\s*[\"']([^\"']+)[\"']\\s*\\]\\s*\\.\\??([A-Za-z_][A-Za-z0-9_]*)");

  /** Accelerator extended resources requested by count (device plugins). */
  static final Set<String> ACCELERATOR_RESOURCES =
      Set.of(
          "nvidia.com/gpu",
          "amd.com/gpu",
          "gpu.intel.com/i915",
          "gpu.intel.com/xe",
          "google.com/tpu",
          "habana.ai/gaudi",
          "aws.amazon.com/neuron",
          "aws.amazon.com/neuroncore");

  private DraPracticeRules() {}

  static List<Rule> all() {
    return List.of(
        unknownAttribute(), removedAttribute(), sharedClaim(), extendedResource(), unsatisfiable());
  }

  /** Every selector of a claim, template or class with its path. */
  static void selectors(HasMetadata o, BiConsumer<FieldPath, String> each) {
    if (o instanceof DeviceClass && ((DeviceClass) o).getSpec() != null) {
      sel(((DeviceClass) o).getSpec().getSelectors(), FieldPath.of("spec", "selectors"), each);
      return;
    }
    ClaimDevices.of(o)
        .ifPresent(
            d -> {
              for (RequestedDevices r : d.requested())
                sel(r.selectors(), r.path().child("selectors"), each);
            });
  }

  private static void sel(
      List<DeviceSelector> ss, FieldPath p, BiConsumer<FieldPath, String> each) {
    ss = ResourceApiValidation.nn(ss);
    for (int i = 0; i < ss.size(); i++) {
      if (ss.get(i) != null
          && ss.get(i).getCel() != null
          && ss.get(i).getCel().getExpression() != null) {
        each.accept(p.index(i).child("cel", "expression"), ss.get(i).getCel().getExpression());
      }
    }
  }

  private record Ref(boolean capacity, String domain, String id) {}

  private static List<Ref> references(String expression) {
    List<Ref> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(expression);
    while (m.find()) out.add(new Ref(m.group(1).equals("capacity"), m.group(2), m.group(3)));
    return out;
  }

  private static Rule unknownAttribute() {
    RuleInfo info =
        RuleInfo.builder()
            .id("dra.practice.unknown-attribute")
            .category(Category.PRACTICE)
            .severity(Severity.WARNING)
            .kinds(DraRuleSet.CLAIMS_AND_CLASSES)
            .title("Selectors name attributes the driver publishes")
            .description(
                "Attribute ids are dynamic map keys, so the API server cannot catch a typo; at scheduling time the selector fails with 'no such key' on every device of that driver. Checked against the known vocabularies (NVIDIA, AMD, Intel, Google TPU, the example driver, resource.kubernetes.io).")
            .failingExample(
                "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: gpu, namespace: ml}\nspec:\n  devices:\n    requests:\n    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        selectors: [{cel: {expression: \"device.attributes['gpu.nvidia.com'].prodctName == 'NVIDIA H100 80GB HBM3'\"}}]\n")
            .fixedExample(
                "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: gpu, namespace: ml}\nspec:\n  devices:\n    requests:\n    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        selectors: [{cel: {expression: \"device.attributes['gpu.nvidia.com'].productName == 'NVIDIA H100 80GB HBM3'\"}}]\n")
            .build();
    return new SimpleRule(
        info,
        (o, ctx) ->
            selectors(
                o,
                (path, expr) -> {
                  for (Ref r : references(expr)) {
                    Optional<DriverVocabulary> v = DriverVocabulary.forDomain(r.domain());
                    if (v.isEmpty() || v.get().isOpen()) continue;
                    boolean known =
                        r.capacity()
                            ? v.get().capacity(r.id()).isPresent()
                            : v.get().attribute(r.id()).isPresent();
                    if (!known) {
                      List<String> names = new ArrayList<>();
                      if (r.capacity()) v.get().capacities().forEach(c -> names.add(c.id()));
                      else v.get().attributes().forEach(a -> names.add(a.id()));
                      ctx.report(
                          path,
                          null,
                          (r.capacity() ? "capacity '" : "attribute '")
                              + r.id()
                              + "' is not published by "
                              + r.domain()
                              + " ("
                              + v.get().source()
                              + "): the selector will fail at scheduling time with 'no such key'",
                          "known "
                              + (r.capacity() ? "capacities" : "attributes")
                              + ": "
                              + String.join(", ", names)
                              + (closest(r.id(), names)
                                  .map(c -> "; did you mean '" + c + "'?")
                                  .orElse("")));
                    }
                  }
                }));
  }

  private static Optional<String> closest(String id, List<String> names) {
    String best = null;
    int bestD = 3;
    for (String n : names) {
      int d = distance(id.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] =
            Math.min(
                Math.min(cur[j - 1] + 1, prev[j] + 1),
                prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  private static Rule removedAttribute() {
    RuleInfo info =
        RuleInfo.builder()
            .id("dra.practice.removed-attribute")
            .category(Category.PRACTICE)
            .severity(Severity.WARNING)
            .kinds(DraRuleSet.CLAIMS_AND_CLASSES)
            .title("Selectors avoid attributes drivers removed")
            .description(
                "The NVIDIA DRA driver stopped publishing 'index' and 'minor' in v25.8.0; selectors that still use them fail at scheduling time with 'no such key' on current drivers.")
            .failingExample(
                "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: gpu, namespace: ml}\nspec:\n  devices:\n    requests:\n    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        selectors: [{cel: {expression: \"device.attributes['gpu.nvidia.com'].index == 0\"}}]\n")
            .fixedExample(
                "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: gpu, namespace: ml}\nspec:\n  devices:\n    requests:\n    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        selectors: [{cel: {expression: \"device.attributes['resource.kubernetes.io'].pciBusID == '0000:18:00.0'\"}}]\n")
            .build();
    return new SimpleRule(
        info,
        (o, ctx) ->
            selectors(
                o,
                (path, expr) -> {
                  for (Ref r : references(expr)) {
                    if (r.capacity()) continue;
                    DriverVocabulary.forDomain(r.domain())
                        .flatMap(v -> v.attribute(r.id()))
                        .flatMap(Attribute::removedIn)
                        .ifPresent(
                            removed ->
                                ctx.report(
                                    path,
                                    null,
                                    "attribute '"
                                        + r.domain()
                                        + "/"
                                        + r.id()
                                        + "' was removed in driver "
                                        + removed
                                        + ": the selector fails with 'no such key' on current drivers",
                                    "select on uuid or resource.kubernetes.io/pciBusID instead"));
                  }
                }));
  }

  private static Rule sharedClaim() {
    RuleInfo info =
        RuleInfo.builder()
            .id("dra.practice.shared-claim-replicas")
            .category(Category.PRACTICE)
            .severity(Severity.WARNING)
            .kinds(
                Set.of(
                    GroupKind.of("apps", "Deployment"),
                    GroupKind.of("apps", "StatefulSet"),
                    GroupKind.of("apps", "ReplicaSet"),
                    GroupKind.of("batch", "Job")))
            .title("Replicated pods use claim templates, not one shared claim")
            .description(
                "A pod template that references a ResourceClaim by name makes every replica share the same allocated devices (and all replicas land where those devices are). Per-pod devices need resourceClaimTemplateName.")
            .failingExample(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: serve, namespace: ml}\nspec:\n  replicas: 4\n  selector: {matchLabels: {app: serve}}\n  template:\n    metadata: {labels: {app: serve}}\n    spec:\n      containers: [{name: c, image: vllm/vllm-openai, resources: {claims: [{name: gpu}]}}]\n      resourceClaims: [{name: gpu, resourceClaimName: gpu}]\n")
            .fixedExample(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: serve, namespace: ml}\nspec:\n  replicas: 4\n  selector: {matchLabels: {app: serve}}\n  template:\n    metadata: {labels: {app: serve}}\n    spec:\n      containers: [{name: c, image: vllm/vllm-openai, resources: {claims: [{name: gpu}]}}]\n      resourceClaims: [{name: gpu, resourceClaimTemplateName: gpu}]\n")
            .build();
    return new SimpleRule(
        info,
        (o, ctx) -> {
          int replicas = 1;
          if (o instanceof Deployment && ((Deployment) o).getSpec() != null)
            replicas = nz(((Deployment) o).getSpec().getReplicas(), 1);
          else if (o instanceof StatefulSet && ((StatefulSet) o).getSpec() != null)
            replicas = nz(((StatefulSet) o).getSpec().getReplicas(), 1);
          else if (o instanceof ReplicaSet && ((ReplicaSet) o).getSpec() != null)
            replicas = nz(((ReplicaSet) o).getSpec().getReplicas(), 1);
          else if (o instanceof Job && ((Job) o).getSpec() != null)
            replicas = nz(((Job) o).getSpec().getParallelism(), 1);
          if (replicas <= 1) return;
          int n = replicas;
          PodClaimValidation.podSpec(o)
              .ifPresent(
                  at -> {
                    var cs = ResourceApiValidation.nn(at.spec().getResourceClaims());
                    for (int i = 0; i < cs.size(); i++) {
                      if (cs.get(i).getResourceClaimName() != null) {
                        ctx.report(
                            at.path().child("resourceClaims").index(i).child("resourceClaimName"),
                            null,
                            "all "
                                + n
                                + " replicas share ResourceClaim "
                                + cs.get(i).getResourceClaimName()
                                + ": they get the same devices, not one set each",
                            "use resourceClaimTemplateName for per-pod devices (keep resourceClaimName only if sharing is intended)");
                      }
                    }
                  });
        });
  }

  private static Rule extendedResource() {
    RuleInfo info =
        RuleInfo.builder()
            .id("dra.conformance.extended-resource")
            .category(Category.CONFORMANCE)
            .requirement("dra_support")
            // dra_support is a requirement of AI conformance 1.34 and 1.35 only; from 1.36 base
            // conformance covers DRA.
            .versions(VersionRange.between(TargetVersion.V1_34, TargetVersion.V1_35))
            .severity(Severity.INFO)
            .kinds(DraRuleSet.POD_KINDS)
            .title("Accelerators requested by count could use DRA")
            .description(
                "Requesting accelerators as count-only extended resources (nvidia.com/gpu: 1) cannot say which device; DRA claims select by attribute. AI-conformance dra_support (MUST for 1.34–1.35 platforms) requires the platform to offer DRA; since 1.36 a DeviceClass with extendedResourceName can back the same resource name with DRA.")
            .failingExample(
                "apiVersion: v1\nkind: Pod\nmetadata: {name: train, namespace: ml}\nspec:\n  containers: [{name: c, image: pytorch/pytorch, resources: {limits: {nvidia.com/gpu: 1}}}]\n")
            .fixedExample(
                "apiVersion: v1\nkind: Pod\nmetadata: {name: train, namespace: ml}\nspec:\n  resourceClaims: [{name: gpu, resourceClaimTemplateName: one-gpu}]\n  containers: [{name: c, image: pytorch/pytorch, resources: {claims: [{name: gpu}]}}]\n")
            .build();
    return new SimpleRule(
        info,
        (o, ctx) ->
            PodClaimValidation.podSpec(o)
                .ifPresent(
                    at -> {
                      Set<String> draBacked = new java.util.HashSet<>();
                      for (DeviceClass c : ctx.bundle().objectsOf(DeviceClass.class)) {
                        if (c.getSpec() != null && c.getSpec().getExtendedResourceName() != null)
                          draBacked.add(c.getSpec().getExtendedResourceName());
                      }
                      var cs = ResourceApiValidation.nn(at.spec().getContainers());
                      for (int i = 0; i < cs.size(); i++) {
                        Container c = cs.get(i);
                        if (c.getResources() == null) continue;
                        for (String kind : new String[] {"limits", "requests"}) {
                          Map<String, ?> m =
                              kind.equals("limits")
                                  ? c.getResources().getLimits()
                                  : c.getResources().getRequests();
                          if (m == null) continue;
                          for (String r : new java.util.TreeSet<>(m.keySet())) {
                            if (ACCELERATOR_RESOURCES.contains(r) && !draBacked.contains(r)) {
                              ctx.report(
                                  at.path()
                                      .child("containers")
                                      .index(i)
                                      .child("resources", kind)
                                      .key(r),
                                  null,
                                  "accelerators requested as the count-only extended resource "
                                      + r
                                      + ": the pod cannot say which device it needs",
                                  "request the devices with a ResourceClaimTemplate (DeviceClaim.template(...)) and resources.claims");
                            }
                          }
                        }
                      }
                    }));
  }

  /**
   * The allocator of the bundle validated last, with its feature gates (rules run object by object
   * over one bundle, so the inventory is built once per validation).
   */
  private record CachedInventory(
      WeakReference<ManifestBundle> bundle,
      String gates,
      SoftReference<DeviceAllocator> allocator) {}

  private static CachedInventory lastInventory;

  /** Weak and soft references: the cache never keeps a validated bundle or its inventory alive. */
  private static synchronized DeviceAllocator inventoryOf(RuleContext ctx) {
    String gates = DraRuleSet.gatesKey(ctx);
    CachedInventory c = lastInventory;
    if (c != null && c.bundle().get() == ctx.bundle() && c.gates().equals(gates)) {
      DeviceAllocator cached = c.allocator().get();
      if (cached != null) return cached;
    }
    List<HasMetadata> objects = new ArrayList<>();
    for (var m : ctx.bundle().manifests()) objects.add(m.object());
    DeviceAllocator a = DeviceAllocator.of(objects, ctx::isEnabled);
    lastInventory =
        new CachedInventory(new WeakReference<>(ctx.bundle()), gates, new SoftReference<>(a));
    return a;
  }

  private static Rule unsatisfiable() {
    RuleInfo info =
        RuleInfo.builder()
            .id("dra.practice.unsatisfiable-request")
            .category(Category.PRACTICE)
            .severity(Severity.WARNING)
            .kinds(DraRuleSet.CLAIMS)
            .title("Claims fit on some node of the inventory")
            .description(
                "When the bundle carries an inventory (ResourceSlices, with their DeviceClasses and Nodes), every claim and claim template is allocated against it with nothing else allocated, exactly as the scheduler would: a claim that fits no node would leave its pods pending forever, whatever else runs. The finding says why, per kind of node, as the scheduler's 'cannot allocate all claims' would, and names CEL runtime errors that would stop the pod. Claims of device classes the bundle does not define are not judged.")
            .failingExample(
                "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu.example.com}\nspec:\n  selectors: [{cel: {expression: \"device.driver == 'gpu.example.com'\"}}]\n---\napiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0}, {name: gpu-1}]\n---\napiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: gpus, namespace: ml}\nspec:\n  spec:\n    devices:\n      requests: [{name: gpus, exactly: {deviceClassName: gpu.example.com, count: 4}}]\n")
            .fixedExample(
                "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu.example.com}\nspec:\n  selectors: [{cel: {expression: \"device.driver == 'gpu.example.com'\"}}]\n---\napiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0}, {name: gpu-1}]\n---\napiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: gpus, namespace: ml}\nspec:\n  spec:\n    devices:\n      requests: [{name: gpus, exactly: {deviceClassName: gpu.example.com, count: 2}}]\n")
            .build();
    return new SimpleRule(
        info,
        (o, ctx) -> {
          if (ctx.bundle().objectsOf(ResourceSlice.class).isEmpty()) return;
          ResourceClaim claim;
          ClaimDevices devices = ClaimDevices.of(o).orElse(null);
          if (devices == null) return;
          FieldPath path = devices.path();
          if (o instanceof ResourceClaim) {
            claim = (ResourceClaim) o;
          } else {
            ResourceClaimTemplate t = (ResourceClaimTemplate) o;
            claim = new ResourceClaim();
            claim.setMetadata(t.getMetadata());
            claim.setSpec(t.getSpec().getSpec());
          }
          Set<String> classes = new java.util.HashSet<>();
          for (DeviceClass c : ctx.bundle().objectsOf(DeviceClass.class)) {
            classes.add(c.getMetadata().getName());
          }
          for (RequestedDevices r : devices.requested()) {
            if (!classes.contains(r.deviceClassName())) return;
          }
          DeviceAllocator inventory = inventoryOf(ctx);
          DevicePlacement p;
          synchronized (inventory) {
            p = inventory.tryPlace(claim);
          }
          if (p.isPlaced()) return;
          int nodes = inventory.nodes().size();
          ctx.report(
              path,
              null,
              (p.isClaimError()
                      ? "the claim cannot be allocated on any node of the inventory: "
                      : "no node of the inventory ("
                          + nodes
                          + (nodes == 1 ? " node" : " nodes")
                          + ") can satisfy the claim even with every device free: ")
                  + p.reason(),
              p.isClaimError()
                  ? "fix the selector or request named in the message"
                  : "ask for what one node offers (fewer devices, looser selectors or constraints),"
                      + " or split the work over several claims and pods");
        });
  }

  private static int nz(Integer i, int d) {
    return i == null ? d : i;
  }

  /** A rule from an info and a check. */
  static final class SimpleRule implements Rule {
    private final RuleInfo info;
    private final BiConsumer<HasMetadata, RuleContext> check;

    SimpleRule(RuleInfo info, BiConsumer<HasMetadata, RuleContext> check) {
      this.info = info;
      this.check = check;
    }

    @Override
    public RuleInfo info() {
      return info;
    }

    @Override
    public void check(HasMetadata object, RuleContext context) {
      check.accept(object, context);
    }
  }
}
