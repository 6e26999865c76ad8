package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.autoscale.Exporter;
import dev.aiconform.autoscale.MetricCatalogue;
import dev.aiconform.autoscale.MetricDefinition;
import dev.aiconform.autoscale.ScaledObject;
import dev.aiconform.autoscale.internal.Tree;
import dev.aiconform.autoscale.internal.rules.Autoscalers.MetricUse;
import dev.aiconform.autoscale.internal.rules.Autoscalers.Target;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.ImmutableRuleInfo;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks of HPAs and ScaledObjects against the rest of the bundle and against what the metrics
 * mean: the AI-conformance {@code pod_autoscaling} requirement (a real, scalable, accelerated
 * target) and known pitfalls.
 */
public final class AutoscalerRules {
  private AutoscalerRules() {}

  public static List<Rule> all() {
    return List.of(
        new TargetExists(),
        new TargetScalable(),
        new TargetAccelerated(),
        new UnknownMetric(),
        new GpuUtilOnMig(),
        new MemoryScaleDown(),
        new DeprecatedMetric(),
        new MultipleAutoscalers(),
        new TargetTypeField(),
        new ToleranceDropped());
  }

  static final String HPA_YAML =
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vllm\n  namespace: ml\n"
          + "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n  maxReplicas: 4\n"
          + "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: %s}\n"
          + "      target: {type: AverageValue, averageValue: \"%s\"}\n";

  static final String GPU_DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
          + "  selector: {matchLabels: {app: vllm}}\n  template:\n    metadata: {labels: {app: vllm}}\n"
          + "    spec:\n      containers:\n      - name: server\n        image: vllm/vllm-openai\n"
          + "        resources: {limits: {%s: 1}}\n";

  static String hpa(String metric, String value) {
    return String.format(HPA_YAML, metric, value);
  }

  /**
   * A Deployment whose pods request {@code resource}, and an HPA on it scaling on {@code metric}.
   */
  static String deploymentAndHpa(String resource, String metric, String value) {
    return String.format(GPU_DEPLOYMENT, resource) + "---\n" + hpa(metric, value);
  }

  /** Rules about autoscaling/v2 HPAs only. */
  abstract static class HpaOnlyRule extends BaseRule {
    HpaOnlyRule(RuleInfo info) {
      super(info);
    }

    /** Rule info for HorizontalPodAutoscalers. */
    static ImmutableRuleInfo.Builder hpaRule(
        String id, Category category, Severity severity, String title) {
      return rule(id, category, severity, title).addKind(HPA);
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return object instanceof HorizontalPodAutoscaler;
    }
  }

  /** Rules about HPAs and ScaledObjects alike. */
  abstract static class AutoscalerRule extends BaseRule {
    AutoscalerRule(RuleInfo info) {
      super(info);
    }

    /** Rule info for both kinds of autoscaler. */
    static ImmutableRuleInfo.Builder autoscalerRule(
        String id, Category category, Severity severity, String title) {
      return rule(id, category, severity, title).addKind(HPA).addKind(SCALED_OBJECT);
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return Autoscalers.isAutoscaler(object);
    }
  }

  /** Rules about an autoscaler's scale target; autoscalers without one are skipped. */
  abstract static class TargetRule extends AutoscalerRule {
    TargetRule(RuleInfo info) {
      super(info);
    }

    @Override
    public final void check(HasMetadata object, RuleContext ctx) {
      Autoscalers.target(object).ifPresent(t -> check(object, t, ctx));
    }

    abstract void check(HasMetadata object, Target target, RuleContext ctx);
  }

  static Optional<PodSpec> targetPods(HasMetadata autoscaler, RuleContext ctx) {
    return Autoscalers.target(autoscaler)
        .flatMap(t -> Autoscalers.find(ctx.bundle(), t))
        .flatMap(m -> Autoscalers.podTemplate(m.object()))
        .map(PodTemplateSpec::getSpec);
  }

  /** The scale target is in the bundle, or declared external. */
  static final class TargetExists extends TargetRule {
    TargetExists() {
      super(
          autoscalerRule(
                  "autoscale.target.exists",
                  Category.CONFORMANCE,
                  Severity.WARNING,
                  "The scale target is in the bundle or declared external")
              .requirement("pod_autoscaling")
              .description(
                  "An autoscaler whose target is missing scales nothing (FailedGetScale). AIConform"
                      + " looks for the target in the bundle; annotate the autoscaler with"
                      + " aiconform.dev/external-target: \"true\" when the target is applied"
                      + " separately.")
              .failingExample(hpa("vllm_num_requests_waiting", "5"))
              .fixedExample(deploymentAndHpa("nvidia.com/gpu", "vllm_num_requests_waiting", "5"))
              .build());
    }

    @Override
    void check(HasMetadata object, Target t, RuleContext ctx) {
      if (Autoscalers.declaredExternal(object)) {
        return;
      }
      if (Autoscalers.find(ctx.bundle(), t).isEmpty()) {
        ctx.report(
            t.path,
            null,
            "no " + t + " in this bundle to scale",
            "add the "
                + t.kind
                + " to the bundle, or annotate the autoscaler with"
                + " aiconform.dev/external-target: \"true\" if it is applied separately");
      }
    }
  }

  /** The target kind has a scale subresource with a selector. */
  static final class TargetScalable extends TargetRule {
    TargetScalable() {
      super(
          autoscalerRule(
                  "autoscale.target.scalable",
                  Category.CONFORMANCE,
                  Severity.ERROR,
                  "The scale target has a scale subresource with a pod selector")
              .requirement("pod_autoscaling")
              .description(
                  "The HPA reads and writes replicas through the target's scale subresource and"
                      + " finds its pods through the scale's selector: Deployments, StatefulSets,"
                      + " ReplicaSets, LeaderWorkerSets (leader pods) have one; Jobs, JobSets,"
                      + " DaemonSets and Pods do not. A custom resource defined in the bundle"
                      + " needs subresources.scale with a labelSelectorPath.")
              .failingExample(
                  hpa("vllm_num_requests_waiting", "5")
                      .replace(
                          "apiVersion: apps/v1, kind: Deployment",
                          "apiVersion: batch/v1, kind: Job"))
              .fixedExample(hpa("vllm_num_requests_waiting", "5"))
              .build());
    }

    @Override
    void check(HasMetadata object, Target t, RuleContext ctx) {
      GroupKind gk = t.groupKind();
      if (Autoscalers.NOT_SCALABLE.contains(gk)) {
        ctx.report(
            t.path.child("kind"),
            null,
            gk + " has no scale subresource: an autoscaler cannot scale it",
            "scale the workload that owns the pods (a Deployment, StatefulSet or"
                + " LeaderWorkerSet); a JobSet's parallelism is not autoscalable");
        return;
      }
      if (Autoscalers.SCALABLE.contains(gk)) {
        return;
      }
      for (Manifest m :
          ctx.bundle()
              .manifestsOf(GroupKind.of("apiextensions.k8s.io", "CustomResourceDefinition"))) {
        Map<String, Object> spec = crdSpec(m.object());
        if (!gk.group().equals(Tree.string(spec.get("group")).orElse(""))
            || !gk.kind().equals(Tree.string(Tree.at(spec, "names", "kind")).orElse(""))) {
          continue;
        }
        boolean scale = false;
        boolean selector = false;
        for (Object v : Tree.list(spec.get("versions"))) {
          Map<String, Object> s = Tree.map(Tree.at(v, "subresources", "scale"));
          if (Tree.isPresent(Tree.map(Tree.at(v, "subresources")), "scale")) {
            scale = true;
            selector |= Tree.string(s.get("labelSelectorPath")).isPresent();
          }
        }
        if (!scale) {
          ctx.report(
              t.path.child("kind"),
              null,
              gk
                  + " is defined in this bundle without subresources.scale: an autoscaler cannot scale it",
              "add subresources.scale (specReplicasPath, statusReplicasPath, labelSelectorPath) to the CRD");
        } else if (!selector) {
          ctx.report(
              t.path.child("kind"),
              null,
              gk + "'s scale subresource has no labelSelectorPath: the HPA cannot find its pods",
              "add labelSelectorPath to the CRD's subresources.scale");
        }
      }
    }

    private static Map<String, Object> crdSpec(HasMetadata crd) {
      if (crd instanceof GenericKubernetesResource) {
        return Tree.map(Tree.root((GenericKubernetesResource) crd).get("spec"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree =
          dev.aiconform.core.internal.KubeSerialization.get().convertValue(crd, Map.class);
      return Tree.map(tree.get("spec"));
    }
  }

  /** Accelerator metrics scale pods that use accelerators. */
  static final class TargetAccelerated extends AutoscalerRule {
    TargetAccelerated() {
      super(
          autoscalerRule(
                  "autoscale.target.accelerators",
                  Category.CONFORMANCE,
                  Severity.WARNING,
                  "Accelerator metrics scale pods that request accelerators")
              .requirement("pod_autoscaling")
              .description(
                  "The pod_autoscaling requirement is about pods using accelerators. An"
                      + " autoscaler on GPU or TPU metrics whose target's pods request no"
                      + " accelerator (extended resource or DRA claim) reads no series: the"
                      + " exporter attributes GPUs to the pods that hold them.")
              .failingExample(deploymentAndHpa("cpu", "dcgm_fi_prof_gr_engine_active", "700m"))
              .fixedExample(
                  deploymentAndHpa("nvidia.com/gpu", "dcgm_fi_prof_gr_engine_active", "700m"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Optional<PodSpec> pods = targetPods(object, ctx);
      if (pods.isEmpty() || Autoscalers.requestsAccelerators(pods.get())) {
        return;
      }
      for (MetricUse m : Autoscalers.metrics(object)) {
        if (m.known.isPresent()
            && (m.known.get().exporter().isNodeAgent()
                || m.known.get().exporter() == Exporter.GOOGLE_CLOUD)) {
          ctx.report(
              m.path,
              null,
              m.name + " is an accelerator metric, but the target's pods request no accelerator",
              "request the accelerator in the pod template (nvidia.com/gpu, a DRA claim, ...) or"
                  + " scale on another metric");
          return;
        }
      }
    }
  }

  /** Metric names that are not in the catalogue. */
  static final class UnknownMetric extends HpaOnlyRule {
    UnknownMetric() {
      super(
          hpaRule(
                  "autoscale.metric.unknown",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "HPA metric names are known to the catalogue")
              .description(
                  "A metric name that is one or two edits from a catalogue name is probably a"
                      + " typo (warning, with the closest name); other names are reported as"
                      + " information, since AIConform cannot check their units or semantics.")
              .failingExample(hpa("vllm_num_request_waiting", "5"))
              .fixedExample(hpa("vllm_num_requests_waiting", "5"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      for (MetricUse m : Autoscalers.metrics(object)) {
        if (m.resource || m.known.isPresent() || m.name.matches("s\\d+-.*")) {
          continue; // resource metrics; KEDA's generated names
        }
        Optional<Map.Entry<String, Integer>> closest = MetricCatalogue.closest(m.name);
        boolean typo =
            closest.isPresent()
                && closest.get().getValue() <= Math.max(1, Math.min(2, m.name.length() / 8));
        if (typo) {
          ctx.report(
              m.path,
              null,
              "'"
                  + m.name
                  + "' is not a known metric; the closest is '"
                  + closest.get().getKey()
                  + "'",
              "check the name the adapter exposes (its rules' name.as)");
        } else {
          ctx.report(
              Severity.INFO,
              m.path,
              null,
              "'"
                  + m.name
                  + "' is not in AIConform's metric catalogue"
                  + closest.map(c -> " (closest: '" + c.getKey() + "')").orElse("")
                  + "; its unit and meaning are not checked",
              "nothing to fix if your adapter exposes it");
        }
      }
    }
  }

  /** GPU utilisation on MIG slices. */
  static final class GpuUtilOnMig extends AutoscalerRule {
    GpuUtilOnMig() {
      super(
          autoscalerRule(
                  "autoscale.metric.gpu-util-on-mig",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "MIG workloads scale on a metric reported per MIG instance")
              .description(
                  "dcgm-exporter cannot report DCGM_FI_DEV_GPU_UTIL (or MEM_COPY_UTIL) for MIG"
                      + " instances: the series is 0 or absent, so the HPA never scales up. Use"
                      + " DCGM_FI_PROF_GR_ENGINE_ACTIVE, which is reported per instance.")
              .failingExample(
                  deploymentAndHpa("nvidia.com/mig-1g.10gb", "dcgm_fi_dev_gpu_util", "70"))
              .fixedExample(
                  deploymentAndHpa(
                      "nvidia.com/mig-1g.10gb", "dcgm_fi_prof_gr_engine_active", "700m"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Optional<PodSpec> pods = targetPods(object, ctx);
      if (pods.isEmpty() || !Autoscalers.requestsMig(pods.get())) {
        return;
      }
      for (MetricUse m : Autoscalers.metrics(object)) {
        if (m.known.isPresent() && !m.known.get().reportedOnMig()) {
          ctx.report(
              m.path,
              null,
              m.known.get().series()
                  + " is not reported on MIG instances, and the target's pods use MIG slices",
              "scale on DCGM_FI_PROF_GR_ENGINE_ACTIVE (Dcgm.GR_ENGINE_ACTIVE) instead");
        }
      }
    }
  }

  /** Memory filled at start-up as a scaling signal. */
  static final class MemoryScaleDown extends AutoscalerRule {
    MemoryScaleDown() {
      super(
          autoscalerRule(
                  "autoscale.metric.memory-scale-down",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "Accelerator memory is not a scale-down signal for servers that pre-allocate it")
              .description(
                  "vLLM, TGI and Triton claim most accelerator memory when they start (KV cache,"
                      + " loaded models) and keep it: framebuffer-used metrics stay high when load"
                      + " falls, so an HPA on them scales up once and never back down. Scale on a"
                      + " queue, KV-cache usage or engine activity instead.")
              .failingExample(deploymentAndHpa("nvidia.com/gpu", "dcgm_fi_dev_fb_used", "30000"))
              .fixedExample(deploymentAndHpa("nvidia.com/gpu", "vllm_num_requests_waiting", "5"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      Optional<PodSpec> pods = targetPods(object, ctx);
      boolean server =
          pods.map(Autoscalers::runsInferenceServer).orElse(false)
              || Autoscalers.metrics(object).stream()
                  .anyMatch(m -> m.known.map(k -> isServer(k.exporter())).orElse(false));
      for (MetricUse m : Autoscalers.metrics(object)) {
        if (m.known.isPresent() && m.known.get().filledAtStartup()) {
          ctx.report(
              server ? Severity.WARNING : Severity.INFO,
              m.path,
              null,
              m.known.get().series()
                  + " measures memory that inference servers fill at start-up and keep"
                  + (server ? "; this target runs one, so the autoscaler will not scale down" : ""),
              "scale on a queue (Vllm.NUM_REQUESTS_WAITING), KV-cache usage or engine activity");
        }
      }
    }

    private static boolean isServer(Exporter e) {
      return e == Exporter.VLLM || e == Exporter.TGI || e == Exporter.TRITON;
    }
  }

  /** Deprecated metric names (vLLM's gpu_cache_usage_perc). */
  static final class DeprecatedMetric extends AutoscalerRule {
    DeprecatedMetric() {
      super(
          autoscalerRule(
                  "autoscale.metric.deprecated",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "Autoscalers do not use metric names their exporter has replaced")
              .description(
                  "vLLM renamed vllm:gpu_cache_usage_perc to vllm:kv_cache_usage_perc and no longer"
                      + " emits the old name by default: an autoscaler on it sees no metric.")
              .failingExample(hpa("vllm_gpu_cache_usage_perc", "800m"))
              .fixedExample(hpa("vllm_kv_cache_usage_perc", "800m"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      for (MetricUse m : Autoscalers.metrics(object)) {
        Optional<String> replacedBy = m.known.flatMap(MetricDefinition::replacedBy);
        replacedBy.ifPresent(
            r ->
                ctx.report(
                    m.path,
                    null,
                    m.name
                        + " is deprecated: replaced by "
                        + r
                        + ", which recent releases emit instead",
                    "use "
                        + r
                        + " ("
                        + MetricCatalogue.find(r).map(MetricDefinition::apiName).orElse(r)
                        + " in the metrics API)"));
      }
    }
  }

  /** Two autoscalers on one target. */
  static final class MultipleAutoscalers extends TargetRule {
    MultipleAutoscalers() {
      super(
          autoscalerRule(
                  "autoscale.target.multiple-autoscalers",
                  Category.PRACTICE,
                  Severity.ERROR,
                  "One autoscaler per scale target")
              .description(
                  "Two HPAs on one target fight (the controller reports AmbiguousSelector and"
                      + " stops); KEDA's webhook refuses a ScaledObject whose target another HPA"
                      + " or ScaledObject already scales. The HPA KEDA creates for its own"
                      + " ScaledObject is not a conflict.")
              .failingExample(
                  hpa("vllm_num_requests_waiting", "5")
                      + "---\n"
                      + hpa("vllm_num_requests_waiting", "5")
                          .replace("name: vllm\n  namespace", "name: vllm-2\n  namespace"))
              .fixedExample(hpa("vllm_num_requests_waiting", "5"))
              .build());
    }

    @Override
    void check(HasMetadata object, Target t, RuleContext ctx) {
      for (Manifest other : ctx.bundle()) {
        HasMetadata o = other.object();
        if (o == object || o.equals(ctx.original()) || !Autoscalers.isAutoscaler(o)) {
          continue;
        }
        if (sameObject(o, ctx.original())) {
          continue;
        }
        Optional<Target> ot = Autoscalers.target(o);
        if (ot.isEmpty()
            || !ot.get().sameAs(t)
            || managedByKeda(object, o)
            || managedByKeda(o, object)) {
          continue;
        }
        ctx.report(
            t.path,
            null,
            o.getKind()
                + " "
                + o.getMetadata().getName()
                + " also scales "
                + t
                + (isScaledObject(object) || isScaledObject(o)
                    ? "; KEDA's webhook refuses a second autoscaler on one workload"
                    : "; two HPAs on one target fight and the controller stops (AmbiguousSelector)"),
            "keep one autoscaler per target: merge the metrics into one HPA or ScaledObject");
      }
    }

    private static boolean sameObject(HasMetadata a, HasMetadata b) {
      return dev.aiconform.core.ObjectRef.of(a).equals(dev.aiconform.core.ObjectRef.of(b));
    }

    private static boolean isScaledObject(HasMetadata o) {
      return ScaledObject.GROUP_KIND.matches(o);
    }

    /** Whether HPA {@code hpa} is the one ScaledObject {@code so} creates, or is exempted. */
    private static boolean managedByKeda(HasMetadata hpa, HasMetadata so) {
      if (!(hpa instanceof HorizontalPodAutoscaler) || !isScaledObject(so)) {
        return false;
      }
      String soName = so.getMetadata().getName();
      List<OwnerReference> owners = hpa.getMetadata().getOwnerReferences();
      if (owners != null
          && owners.stream()
              .anyMatch(r -> "ScaledObject".equals(r.getKind()) && soName.equals(r.getName()))) {
        return true;
      }
      Map<String, String> annotations = hpa.getMetadata().getAnnotations();
      if (annotations != null
          && "false".equals(annotations.get("validations.keda.sh/hpa-ownership"))) {
        return true;
      }
      // scaledobject_webhook.go verifyHpas: an HPA is handed over only with the transfer
      // annotation and its name in advanced.horizontalPodAutoscalerConfig.name.
      Map<String, String> soAnnotations = so.getMetadata().getAnnotations();
      Object configured =
          Tree.at(
              Tree.root((GenericKubernetesResource) so),
              "spec",
              "advanced",
              "horizontalPodAutoscalerConfig",
              "name");
      return soAnnotations != null
          && "true".equals(soAnnotations.get("scaledobject.keda.sh/transfer-hpa-ownership"))
          && hpa.getMetadata().getName() != null
          && hpa.getMetadata().getName().equals(configured);
    }
  }

  /** The controller reads the field the target type names. */
  static final class TargetTypeField extends HpaOnlyRule {
    TargetTypeField() {
      super(
          hpaRule(
                  "autoscale.hpa.target-type-field",
                  Category.PRACTICE,
                  Severity.ERROR,
                  "Each metric target sets the field its type names")
              .description(
                  "The API server accepts a target whose type names a field that is not set"
                      + " (type: Value with only averageValue), but the HPA controller reads the"
                      + " field by type and fails to compute replicas for that metric.")
              .failingExample(
                  hpa("queue_depth", "5")
                      .replace("type: Pods\n    pods", "type: External\n    external")
                      .replace("type: AverageValue, averageValue", "type: Value, averageValue"))
              .fixedExample(
                  hpa("queue_depth", "5")
                      .replace("type: Pods\n    pods", "type: External\n    external")
                      .replace("type: AverageValue, averageValue", "type: Value, value"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      List<MetricSpec> metrics = Hpa.metrics((HorizontalPodAutoscaler) object);
      for (int i = 0; i < metrics.size(); i++) {
        MetricSpec m = metrics.get(i);
        FieldPath p = Hpa.metricPath(i);
        if (m.getObject() != null && "Object".equals(m.getType())) {
          valueOrAverage(m.getObject().getTarget(), p.child("object", "target"), ctx);
        } else if (m.getExternal() != null && "External".equals(m.getType())) {
          valueOrAverage(m.getExternal().getTarget(), p.child("external", "target"), ctx);
        } else if (m.getResource() != null && "Resource".equals(m.getType())) {
          utilizationOrAverage(m.getResource().getTarget(), p.child("resource", "target"), ctx);
        } else if (m.getContainerResource() != null && "ContainerResource".equals(m.getType())) {
          utilizationOrAverage(
              m.getContainerResource().getTarget(), p.child("containerResource", "target"), ctx);
        }
      }
    }

    private static void valueOrAverage(MetricTarget t, FieldPath p, RuleContext ctx) {
      if (t == null || t.getType() == null) {
        return;
      }
      if ("Value".equals(t.getType()) && t.getValue() == null && t.getAverageValue() != null) {
        mismatch(p, "Value", "value", "averageValue", ctx);
      } else if ("AverageValue".equals(t.getType())
          && t.getAverageValue() == null
          && t.getValue() != null) {
        mismatch(p, "AverageValue", "averageValue", "value", ctx);
      }
    }

    private static void utilizationOrAverage(MetricTarget t, FieldPath p, RuleContext ctx) {
      if (t == null || t.getType() == null) {
        return;
      }
      if ("Utilization".equals(t.getType())
          && t.getAverageUtilization() == null
          && t.getAverageValue() != null) {
        mismatch(p, "Utilization", "averageUtilization", "averageValue", ctx);
      } else if ("AverageValue".equals(t.getType())
          && t.getAverageValue() == null
          && t.getAverageUtilization() != null) {
        mismatch(p, "AverageValue", "averageValue", "averageUtilization", ctx);
      }
    }

    private static void mismatch(
        FieldPath p, String type, String expected, String found, RuleContext ctx) {
      ctx.report(
          p.child("type"),
          null,
          "type "
              + type
              + " makes the controller read target."
              + expected
              + ", but only "
              + found
              + " is set: the HPA cannot compute replicas for this metric",
          "set type to match the field (or move the value to " + expected + ")");
    }
  }

  /** Tolerances the API server drops where the gate is off. */
  static final class ToleranceDropped extends HpaOnlyRule {
    ToleranceDropped() {
      super(
          hpaRule(
                  "autoscale.hpa.tolerance-dropped",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "Per-direction tolerances are only set where the server keeps them")
              .description(
                  "Where HPAConfigurableTolerance is off (Kubernetes 1.34 by default) the API"
                      + " server silently drops behavior.scaleUp/scaleDown.tolerance on create,"
                      + " and the controller uses the cluster-wide 10 %.")
              .failingExample(
                  hpa("vllm_num_requests_waiting", "5")
                      + "  behavior:\n    scaleUp:\n      tolerance: \"0.05\"\n")
              .fixedExample(hpa("vllm_num_requests_waiting", "5"))
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      HorizontalPodAutoscalerBehavior b = Hpa.spec((HorizontalPodAutoscaler) object).getBehavior();
      if (b == null || ctx.isEnabled(Gates.HPA_CONFIGURABLE_TOLERANCE)) {
        return;
      }
      dropped(b.getScaleUp(), FieldPath.of("spec", "behavior", "scaleUp", "tolerance"), ctx);
      dropped(b.getScaleDown(), FieldPath.of("spec", "behavior", "scaleDown", "tolerance"), ctx);
    }

    private static void dropped(HPAScalingRules r, FieldPath p, RuleContext ctx) {
      if (r != null && r.getTolerance() != null) {
        ctx.report(
            p,
            null,
            "the Kubernetes "
                + ctx.targetVersion()
                + " API server drops tolerance unless the"
                + " HPAConfigurableTolerance feature gate is on (it is on by default from 1.35)",
            "enable HPAConfigurableTolerance on the API server and controller manager, or remove"
                + " the field");
      }
    }
  }
}
