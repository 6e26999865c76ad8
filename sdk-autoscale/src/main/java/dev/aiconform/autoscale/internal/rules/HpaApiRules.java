package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.ImmutableRuleInfo;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ContainerResourceMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes API server's validation of {@code autoscaling/v2} HorizontalPodAutoscalers
 * (pkg/apis/autoscaling/validation/validation.go and the registry strategy), with the same field
 * paths and reasons, per target version.
 */
public final class HpaApiRules {
  static final Set<GroupKind> HPA = Set.of(GroupKind.of("autoscaling", "HorizontalPodAutoscaler"));

  // pkg/apis/autoscaling/validation/validation.go: MaxStabilizationWindowSeconds
  static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;
  // pkg/apis/autoscaling/validation/validation.go: MaxPeriodSeconds
  static final int MAX_PERIOD_SECONDS = 1800;

  static final List<String> SOURCE_TYPES =
      List.of("ContainerResource", "External", "Object", "Pods", "Resource");
  static final List<String> TARGET_TYPES = List.of("Utilization", "Value", "AverageValue");
  static final List<String> SELECT_POLICIES = List.of("Disabled", "Max", "Min");
  static final List<String> POLICY_TYPES = List.of("Percent", "Pods");

  private HpaApiRules() {}

  public static List<Rule> all() {
    return List.of(
        new Replicas(),
        new ScaleTargetRef(),
        new MetricSource(),
        new MetricIdentifierName(),
        new DescribedObjectRef(),
        new MetricTargetRule(),
        new ResourceMetric(),
        new ScaleToZero(),
        new Behavior(),
        new Tolerance());
  }

  /**
   * Shared shape: applies to typed autoscaling/v2 HPAs and to autoscaling/v1 ones, which the server
   * converts to the same internal object before validating (so they are checked as their v2 form).
   */
  abstract static class HpaRule extends BaseRule {
    HpaRule(RuleInfo info) {
      super(info);
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return object instanceof HorizontalPodAutoscaler
          || object
              instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      HorizontalPodAutoscaler hpa =
          object instanceof HorizontalPodAutoscaler
              ? (HorizontalPodAutoscaler) object
              : AutoscalingV1Hpa.toV2(
                  (io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler) object);
      check(hpa, Hpa.spec(hpa), ctx);
    }

    abstract void check(
        HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx);
  }

  static ImmutableRuleInfo.Builder api(String id, String title) {
    return RuleInfo.builder()
        .id(id)
        .category(Category.API)
        .severity(Severity.ERROR)
        .addKind(GroupKind.of("autoscaling", "HorizontalPodAutoscaler"))
        .title(title);
  }

  static final String HPA_HEAD =
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vllm\nspec:\n"
          + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}\n";

  static final String PODS_METRIC =
      "  metrics:\n  - type: Pods\n    pods:\n      metric: {name: vllm_num_requests_waiting}\n"
          + "      target: {type: AverageValue, averageValue: \"5\"}\n";

  /** minReplicas (0 only with HPAScaleToZero), maxReplicas ≥ 1 and ≥ minReplicas. */
  static final class Replicas extends HpaRule {
    Replicas() {
      super(
          api("autoscale.hpa.replicas", "minReplicas and maxReplicas are in range")
              .description(
                  "minReplicas must be at least 1, or 0 where the HPAScaleToZero gate is on (beta,"
                      + " on by default, from Kubernetes 1.37); maxReplicas must be set, at least 1"
                      + " and at least minReplicas. Source: pkg/apis/autoscaling/validation/"
                      + "validation.go validateHorizontalPodAutoscalerSpec.")
              .failingExample(HPA_HEAD + "  minReplicas: 4\n  maxReplicas: 2\n" + PODS_METRIC)
              .fixedExample(HPA_HEAD + "  minReplicas: 2\n  maxReplicas: 4\n" + PODS_METRIC)
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      int lower = ctx.isEnabled(Gates.HPA_SCALE_TO_ZERO) ? 0 : 1;
      Integer min = spec.getMinReplicas();
      FieldPath minPath = Hpa.SPEC.child("minReplicas");
      if (min != null && min < lower) {
        ctx.report(
            minPath,
            Reason.INVALID,
            "must be greater than or equal to " + lower + "; found " + min,
            lower == 1
                ? "set minReplicas to 1 or more; 0 needs the HPAScaleToZero feature gate (on by"
                    + " default from Kubernetes 1.37) and an Object or External metric"
                : "set minReplicas to 0 or more");
      }
      int max = spec.getMaxReplicas() == null ? 0 : spec.getMaxReplicas();
      FieldPath maxPath = Hpa.SPEC.child("maxReplicas");
      boolean declarative = ctx.targetVersion().atLeast(TargetVersion.V1_36);
      if (max == 0 && declarative) {
        // 1.36 moved this check to declarative validation, which reports a missing/zero value as
        // Required (kubernetes/kubernetes#135412).
        ctx.report(
            maxPath,
            Reason.REQUIRED,
            "must be set and greater than 0; found "
                + (spec.getMaxReplicas() == null ? "no maxReplicas" : "0"),
            "set maxReplicas to the most replicas the autoscaler may create");
      } else if (max < 1) {
        ctx.report(
            maxPath,
            Reason.INVALID,
            (declarative ? "must be greater than or equal to 1" : "must be greater than 0")
                + "; found "
                + (spec.getMaxReplicas() == null ? "no maxReplicas" : String.valueOf(max)),
            "set maxReplicas to the most replicas the autoscaler may create");
      }
      if (min != null && max < min) {
        ctx.report(
            maxPath,
            Reason.INVALID,
            "must be greater than or equal to `minReplicas` (" + min + "); found " + max,
            "raise maxReplicas or lower minReplicas");
      }
    }
  }

  /** scaleTargetRef: kind and name required path segments; apiVersion with an API group. */
  static final class ScaleTargetRef extends HpaRule {
    ScaleTargetRef() {
      super(
          api(
                  "autoscale.hpa.scale-target-ref",
                  "scaleTargetRef names a kind, a name and an API group")
              .description(
                  "scaleTargetRef.kind and .name are required and may not be '.', '..' or contain"
                      + " '/' or '%'; apiVersion must parse as group/version with a group (only"
                      + " ReplicationController, the one scalable core kind, may leave it"
                      + " empty). Source: validation.go ValidateCrossVersionObjectReference and"
                      + " ValidateAPIVersion (kubernetes/kubernetes#132537).")
              .failingExample(
                  "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: vllm\n"
                      + "spec:\n  scaleTargetRef: {kind: Deployment, name: vllm}\n  maxReplicas: 4\n"
                      + PODS_METRIC)
              .fixedExample(HPA_HEAD + "  maxReplicas: 4\n" + PODS_METRIC)
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      CrossVersionObjectReference ref = spec.getScaleTargetRef();
      if (ref == null) {
        ref = new CrossVersionObjectReference();
      }
      boolean allowEmptyGroup = "ReplicationController".equals(ref.getKind());
      reference(
          ref, Hpa.SPEC.child("scaleTargetRef"), allowEmptyGroup, "the workload to scale", ctx);
    }
  }

  static void reference(
      CrossVersionObjectReference ref,
      FieldPath path,
      boolean allowEmptyGroup,
      String what,
      RuleContext ctx) {
    segment(ref.getKind(), path.child("kind"), "kind", what, ctx);
    segment(ref.getName(), path.child("name"), "name", what, ctx);
    apiVersionProblem(ref.getApiVersion(), allowEmptyGroup)
        .ifPresent(
            msg ->
                ctx.report(
                    path.child("apiVersion"),
                    Reason.INVALID,
                    msg + "; found '" + nullToEmpty(ref.getApiVersion()) + "'",
                    "write the group and version of " + what + ", such as apps/v1"));
  }

  private static void segment(
      String value, FieldPath path, String field, String what, RuleContext ctx) {
    if (value == null || value.isEmpty()) {
      ctx.report(path, Reason.REQUIRED, field + " of " + what + " is required", "set " + field);
      return;
    }
    for (String problem : Names.pathSegmentProblems(value)) {
      ctx.report(
          path,
          Reason.INVALID,
          problem + "; found '" + value + "'",
          field + " is sent as a URL path segment; remove the '/', '%' or dots");
    }
  }

  /** apimachinery's ParseGroupVersion plus the "must specify API group" check. */
  static Optional<String> apiVersionProblem(String apiVersion, boolean allowEmptyGroup) {
    String v = nullToEmpty(apiVersion);
    String group;
    if (v.isEmpty() || v.equals("/")) {
      group = "";
    } else {
      int slashes = v.length() - v.replace("/", "").length();
      if (slashes == 0) {
        group = "";
      } else if (slashes == 1) {
        group = v.substring(0, v.indexOf('/'));
      } else {
        return Optional.of("unexpected GroupVersion string");
      }
    }
    if (!allowEmptyGroup && group.isEmpty()) {
      return Optional.of("apiVersion must specify API group");
    }
    return Optional.empty();
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** metrics[].type is set and supported, its source is populated, and only that one. */
  static final class MetricSource extends HpaRule {
    MetricSource() {
      super(
          api(
                  "autoscale.hpa.metric-source",
                  "Each metric has a supported type and exactly its source")
              .description(
                  "metrics[].type must be one of ContainerResource, External, Object, Pods,"
                      + " Resource; the field of that name must be set and no other source"
                      + " field. Source: validation.go validateMetricSpec.")
              .failingExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: Pods\n    external:\n"
                      + "      metric: {name: queue}\n      target: {type: Value, value: \"10\"}\n")
              .fixedExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: External\n    external:\n"
                      + "      metric: {name: queue}\n      target: {type: Value, value: \"10\"}\n")
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      List<MetricSpec> metrics = Hpa.metrics(hpa);
      for (int i = 0; i < metrics.size(); i++) {
        MetricSpec m = metrics.get(i);
        FieldPath p = Hpa.metricPath(i);
        String type = nullToEmpty(m.getType());
        if (type.isEmpty()) {
          ctx.report(
              p.child("type"),
              Reason.REQUIRED,
              "must specify a metric source type",
              "set type to one of " + String.join(", ", SOURCE_TYPES));
        }
        if (!SOURCE_TYPES.contains(type)) {
          // validateMetricSpec checks the type against the list and then again in the default
          // branch of its switch over the types, so the server lists this cause twice.
          for (int twice = 0; twice < 2; twice++) {
            ctx.report(
                p.child("type"),
                Reason.NOT_SUPPORTED,
                "must be one of " + String.join(", ", SOURCE_TYPES) + "; found '" + type + "'",
                "use Pods for per-pod custom metrics, Object or External for one value");
          }
        }
        List<String> present = Hpa.presentSources(m);
        String expected = SOURCE_TYPES.contains(type) ? Hpa.sourceField(type) : "";
        if (!expected.isEmpty() && !present.contains(expected)) {
          ctx.report(
              p.child(expected),
              Reason.REQUIRED,
              "must populate information for the given metric source (" + type + ")",
              "add the " + expected + " block, or change type to match the block you wrote");
        }
        if (present.size() > 1) {
          for (String extra : present) {
            if (!extra.equals(expected)) {
              ctx.report(
                  p.child(extra),
                  Reason.FORBIDDEN,
                  "must populate the given metric source only (type " + type + ")",
                  "remove the " + extra + " block; one metric entry has one source");
            }
          }
        }
      }
    }
  }

  /** The metric name of Pods, Object and External metrics. */
  static final class MetricIdentifierName extends HpaRule {
    MetricIdentifierName() {
      super(
          api("autoscale.hpa.metric-name", "Metric names are set and are valid path segments")
              .description(
                  "metric.name of Pods, Object and External metrics is required and may not be"
                      + " '.', '..' or contain '/' or '%': it becomes a URL path segment of the"
                      + " custom or external metrics API (so Stackdriver writes '|' for '/')."
                      + " Source: validation.go validateMetricIdentifier.")
              .failingExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: External\n    external:\n"
                      + "      metric: {name: kubernetes.io/container/accelerator/duty_cycle}\n"
                      + "      target: {type: AverageValue, averageValue: \"70\"}\n")
              .fixedExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: External\n    external:\n"
                      + "      metric: {name: kubernetes.io|container|accelerator|duty_cycle}\n"
                      + "      target: {type: AverageValue, averageValue: \"70\"}\n")
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      // The server validates the inside of the first source it finds only.
      for (Hpa.ValidatedSource s : Hpa.validatedSources(hpa)) {
        MetricSpec m = s.metric();
        MetricIdentifier id;
        switch (s.field()) {
          case "object":
            id = m.getObject().getMetric();
            break;
          case "external":
            id = m.getExternal().getMetric();
            break;
          case "pods":
            id = m.getPods().getMetric();
            break;
          default:
            continue;
        }
        FieldPath p = s.path().child("metric", "name");
        String name = id == null ? "" : nullToEmpty(id.getName());
        if (name.isEmpty()) {
          ctx.report(p, Reason.REQUIRED, "must specify a metric name", "set metric.name");
          continue;
        }
        for (String problem : Names.pathSegmentProblems(name)) {
          ctx.report(
              p,
              Reason.INVALID,
              problem + "; found '" + name + "'",
              name.contains("/")
                  ? "metric names are URL path segments: the Stackdriver adapter writes '|' for"
                      + " '/' ("
                      + name.replace('/', '|')
                      + ")"
                  : "rename the metric in your adapter's rules (name.as)");
        }
      }
    }
  }

  /** The describedObject of Object metrics. */
  static final class DescribedObjectRef extends HpaRule {
    DescribedObjectRef() {
      super(
          api("autoscale.hpa.described-object", "Object metrics name the object they describe")
              .description(
                  "object.describedObject.kind and .name are required path segments and its"
                      + " apiVersion must parse (an empty group is allowed here). Source:"
                      + " validation.go validateObjectSource.")
              .failingExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: Object\n    object:\n"
                      + "      describedObject: {apiVersion: v1, kind: Service}\n"
                      + "      metric: {name: requests}\n      target: {type: Value, value: \"100\"}\n")
              .fixedExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: Object\n    object:\n"
                      + "      describedObject: {apiVersion: v1, kind: Service, name: vllm}\n"
                      + "      metric: {name: requests}\n      target: {type: Value, value: \"100\"}\n")
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      List<MetricSpec> metrics = Hpa.metrics(hpa);
      for (int i = 0; i < metrics.size(); i++) {
        MetricSpec m = metrics.get(i);
        if (m.getObject() == null) {
          continue;
        }
        CrossVersionObjectReference ref = m.getObject().getDescribedObject();
        reference(
            ref == null ? new CrossVersionObjectReference() : ref,
            Hpa.metricPath(i).child("object", "describedObject"),
            true,
            "the object the metric describes",
            ctx);
      }
    }
  }

  /** Targets: a supported type, positive values, and the fields each source needs. */
  static final class MetricTargetRule extends HpaRule {
    MetricTargetRule() {
      super(
          api(
                  "autoscale.hpa.metric-target",
                  "Metric targets have a type, positive values and the fields their source needs")
              .description(
                  "target.type must be Utilization, Value or AverageValue; value and averageValue"
                      + " must be positive and averageUtilization at least 1. Pods metrics need"
                      + " averageValue; Object metrics value or averageValue; External metrics"
                      + " value or averageValue, not both; Resource and ContainerResource metrics"
                      + " averageUtilization or averageValue, not both. Source: validation.go"
                      + " validateMetricTarget and the per-source validators.")
              .failingExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: Pods\n    pods:\n"
                      + "      metric: {name: vllm_num_requests_waiting}\n"
                      + "      target: {type: Value, value: \"5\"}\n")
              .fixedExample(HPA_HEAD + "  maxReplicas: 4\n" + PODS_METRIC)
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      for (Hpa.ValidatedSource s : Hpa.validatedSources(hpa)) {
        FieldPath p = s.path().child("target");
        MetricTarget t = s.target();
        if (t == null) {
          t = new MetricTarget();
        }
        basics(t, p, ctx);
        boolean value = t.getValue() != null;
        boolean average = t.getAverageValue() != null;
        boolean utilization = t.getAverageUtilization() != null;
        switch (s.field()) {
          case "pods":
            if (!average) {
              ctx.report(
                  p.child("averageValue"),
                  Reason.REQUIRED,
                  "must specify a positive target averageValue (Pods metrics are averaged per pod)",
                  "set target: {type: AverageValue, averageValue: \"<per-pod value>\"}");
            }
            break;
          case "object":
            if (!value && !average) {
              ctx.report(
                  p.child("averageValue"),
                  Reason.REQUIRED,
                  "must set either a target value or averageValue",
                  "set target.value (compare the object's value) or target.averageValue"
                      + " (divide it by the replica count)");
            }
            break;
          case "external":
            if (!value && !average) {
              ctx.report(
                  p.child("averageValue"),
                  Reason.REQUIRED,
                  "must set either a target value for metric or a per-pod target",
                  "set target.value or target.averageValue");
            }
            if (value && average) {
              ctx.report(
                  p.child("value"),
                  Reason.FORBIDDEN,
                  "may not set both a target value for metric and a per-pod target",
                  "keep value (a total) or averageValue (per pod), not both");
            }
            break;
          default: // resource, containerResource
            if (!utilization && !average) {
              ctx.report(
                  p.child("averageUtilization"),
                  Reason.REQUIRED,
                  "must set either a target raw value or a target utilization",
                  "set target.averageUtilization (percent of the request) or target.averageValue");
            }
            if (utilization && average) {
              ctx.report(
                  p.child("averageValue"),
                  Reason.FORBIDDEN,
                  "may not set both a target raw value and a target utilization",
                  "keep averageUtilization or averageValue, not both");
            }
        }
      }
    }

    private static void basics(MetricTarget t, FieldPath p, RuleContext ctx) {
      String type = nullToEmpty(t.getType());
      if (type.isEmpty()) {
        ctx.report(
            p.child("type"),
            Reason.REQUIRED,
            "must specify a metric target type",
            "set target.type to Utilization, Value or AverageValue");
      }
      if (!TARGET_TYPES.contains(type)) {
        ctx.report(
            p.child("type"),
            Reason.INVALID,
            "must be either Utilization, Value, or AverageValue; found '" + type + "'",
            "set target.type to the field you give: averageUtilization, value or averageValue");
      }
      positive(t.getValue(), p.child("value"), ctx);
      positive(t.getAverageValue(), p.child("averageValue"), ctx);
      if (t.getAverageUtilization() != null && t.getAverageUtilization() < 1) {
        ctx.report(
            p.child("averageUtilization"),
            Reason.INVALID,
            "must be greater than 0; found " + t.getAverageUtilization(),
            "averageUtilization is a percentage of the pods' requests, such as 70");
      }
    }

    private static void positive(Quantity q, FieldPath p, RuleContext ctx) {
      if (q == null) {
        return;
      }
      Optional<BigDecimal> v = Hpa.amount(q);
      if (v.isEmpty()) {
        ctx.report(
            p,
            Reason.INVALID,
            "must be a quantity such as 5, 700m or 1.5k; found '" + Hpa.text(q) + "'",
            "write a Kubernetes quantity");
      } else if (v.get().signum() != 1) {
        ctx.report(
            p,
            Reason.INVALID,
            "must be positive; found " + Hpa.text(q),
            "a target of zero or less would never be reached; use a positive value");
      }
    }
  }

  /** Resource and ContainerResource metric names and containers. */
  static final class ResourceMetric extends HpaRule {
    ResourceMetric() {
      super(
          api("autoscale.hpa.resource-metric", "Resource metrics name a resource (and a container)")
              .description(
                  "resource.name is required; containerResource.name must be a qualified name"
                      + " that, without a domain, is a standard resource and a container resource"
                      + " (cpu, memory, ephemeral-storage, hugepages-<size>; each failed check is"
                      + " an error of its own) and, with one, a kubernetes.io or extended resource;"
                      + " containerResource.container a DNS-1123 label. Source: validation.go"
                      + " validateResourceSource, validateContainerResourceSource and core's"
                      + " ValidateContainerResourceName.")
              .failingExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: ContainerResource\n"
                      + "    containerResource:\n      name: cpu\n      container: Server\n"
                      + "      target: {type: Utilization, averageUtilization: 60}\n")
              .fixedExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n  metrics:\n  - type: ContainerResource\n"
                      + "    containerResource:\n      name: cpu\n      container: server\n"
                      + "      target: {type: Utilization, averageUtilization: 60}\n")
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      for (Hpa.ValidatedSource s : Hpa.validatedSources(hpa)) {
        MetricSpec m = s.metric();
        if (s.field().equals("resource")) {
          ResourceMetricSource r = m.getResource();
          if (nullToEmpty(r.getName()).isEmpty()) {
            ctx.report(
                s.path().child("name"),
                Reason.REQUIRED,
                "must specify a resource name",
                "set resource.name, such as cpu or memory");
          }
        } else if (s.field().equals("containerResource")) {
          ContainerResourceMetricSource r = m.getContainerResource();
          FieldPath cp = s.path();
          String name = nullToEmpty(r.getName());
          if (name.isEmpty()) {
            ctx.report(
                cp.child("name"),
                Reason.REQUIRED,
                "must specify a resource name",
                "set name, such as cpu");
          } else {
            for (String problem : Names.containerResourceNameProblems(name)) {
              ctx.report(
                  cp.child("name"),
                  Reason.INVALID,
                  problem + "; found '" + name + "'",
                  "use cpu, memory, ephemeral-storage, hugepages-<size> or a domain-prefixed"
                      + " extended resource such as example.com/foo");
            }
          }
          String container = nullToEmpty(r.getContainer());
          if (container.isEmpty()) {
            ctx.report(
                cp.child("container"),
                Reason.REQUIRED,
                "must specify a container",
                "set container to the name of the container to watch");
          } else {
            for (String problem : NameFormat.DNS1123_LABEL.problems(container)) {
              ctx.report(
                  cp.child("container"),
                  Reason.INVALID,
                  problem + "; found '" + container + "'",
                  "use the container's name as the pod spec writes it");
            }
          }
        }
      }
    }
  }

  /** minReplicas 0 needs an Object or External metric. */
  static final class ScaleToZero extends HpaRule {
    ScaleToZero() {
      super(
          api("autoscale.hpa.scale-to-zero", "Scaling to zero needs an Object or External metric")
              .description(
                  "With minReplicas 0 there are no pods to read Pods or Resource metrics from, so"
                      + " at least one metric must be Object or External. Source: validation.go"
                      + " validateMetrics.")
              .failingExample(HPA_HEAD + "  minReplicas: 0\n  maxReplicas: 4\n" + PODS_METRIC)
              .fixedExample(
                  HPA_HEAD
                      + "  minReplicas: 0\n  maxReplicas: 4\n  metrics:\n  - type: External\n"
                      + "    external:\n      metric: {name: queue_depth}\n"
                      + "      target: {type: AverageValue, averageValue: \"5\"}\n")
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      if (spec.getMinReplicas() == null || spec.getMinReplicas() != 0) {
        return;
      }
      boolean objectOrExternal =
          Hpa.metrics(hpa).stream()
              .anyMatch(m -> "Object".equals(m.getType()) || "External".equals(m.getType()));
      if (!objectOrExternal) {
        ctx.report(
            Hpa.SPEC.child("metrics"),
            Reason.FORBIDDEN,
            "must specify at least one Object or External metric to support scaling to zero"
                + " replicas",
            "add an Object or External metric that stays meaningful with no pods (a queue"
                + " length), or set minReplicas to 1");
      }
    }
  }

  /** behavior: windows, select policies, policies. */
  static final class Behavior extends HpaRule {
    Behavior() {
      super(
          api(
                  "autoscale.hpa.behavior",
                  "Scaling behaviour windows, policies and selectPolicy are in range")
              .description(
                  "stabilizationWindowSeconds must be 0 to 3600; selectPolicy one of Max, Min,"
                      + " Disabled; a rules block must end up with at least one policy (omit"
                      + " policies to get the defaults; an explicit empty list is rejected); each"
                      + " policy has type Pods or Percent, a value above 0 and periodSeconds 1 to"
                      + " 1800. Source: validation.go validateScalingRules, validateScalingPolicy.")
              .failingExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n"
                      + PODS_METRIC
                      + "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 7200\n"
                      + "      policies:\n      - {type: Pods, value: 1, periodSeconds: 3600}\n")
              .fixedExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n"
                      + PODS_METRIC
                      + "  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 3600\n"
                      + "      policies:\n      - {type: Pods, value: 1, periodSeconds: 1800}\n")
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      HorizontalPodAutoscalerBehavior b = spec.getBehavior();
      if (b == null) {
        return;
      }
      HorizontalPodAutoscaler original =
          ctx.original() instanceof HorizontalPodAutoscaler
              ? (HorizontalPodAutoscaler) ctx.original()
              : hpa;
      HorizontalPodAutoscalerBehavior ob = Hpa.spec(original).getBehavior();
      FieldPath p = Hpa.SPEC.child("behavior");
      rules(b.getScaleUp(), ob == null ? null : ob.getScaleUp(), p.child("scaleUp"), ctx);
      rules(b.getScaleDown(), ob == null ? null : ob.getScaleDown(), p.child("scaleDown"), ctx);
    }

    private static void rules(
        HPAScalingRules r, HPAScalingRules original, FieldPath p, RuleContext ctx) {
      if (r == null) {
        return;
      }
      Integer window = r.getStabilizationWindowSeconds();
      if (window != null && window < 0) {
        ctx.report(
            p.child("stabilizationWindowSeconds"),
            Reason.INVALID,
            "must be greater than or equal to zero; found " + window,
            "use 0 for no stabilisation");
      }
      if (window != null && window > MAX_STABILIZATION_WINDOW_SECONDS) {
        ctx.report(
            p.child("stabilizationWindowSeconds"),
            Reason.INVALID,
            "must be less than or equal to "
                + MAX_STABILIZATION_WINDOW_SECONDS
                + "; found "
                + window,
            "the longest window is one hour");
      }
      if (r.getSelectPolicy() != null && !SELECT_POLICIES.contains(r.getSelectPolicy())) {
        ctx.report(
            p.child("selectPolicy"),
            Reason.NOT_SUPPORTED,
            "must be one of Max, Min, Disabled; found '" + r.getSelectPolicy() + "'",
            "Max takes the policy allowing the most change, Min the least, Disabled none");
      }
      FieldPath policies = p.child("policies");
      // fabric8 reads an absent list as empty and "policies: null" as null; Go decodes null as
      // an absent list, which defaulting fills, so only a written empty list stays empty.
      boolean explicitEmpty =
          original != null
              && original.getPolicies() != null
              && original.getPolicies().isEmpty()
              && Hpa.written(ctx.manifest(), policies);
      List<HPAScalingPolicy> list = r.getPolicies() == null ? List.of() : r.getPolicies();
      if (list.isEmpty() || explicitEmpty) {
        ctx.report(
            policies,
            Reason.REQUIRED,
            "must specify at least one Policy; found an empty list",
            "list at least one policy, or leave policies out to get the defaults");
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        HPAScalingPolicy policy = list.get(i) == null ? new HPAScalingPolicy() : list.get(i);
        FieldPath pp = policies.index(i);
        if (!POLICY_TYPES.contains(nullToEmpty(policy.getType()))) {
          ctx.report(
              pp.child("type"),
              Reason.NOT_SUPPORTED,
              "must be one of Percent, Pods; found '" + nullToEmpty(policy.getType()) + "'",
              "Pods limits the change in pods, Percent in percent of the current replicas");
        }
        int value = policy.getValue() == null ? 0 : policy.getValue();
        if (value <= 0) {
          ctx.report(
              pp.child("value"),
              Reason.INVALID,
              "must be greater than zero; found " + value,
              "a policy allowing no change would stop scaling; use selectPolicy: Disabled for that");
        }
        int period = policy.getPeriodSeconds() == null ? 0 : policy.getPeriodSeconds();
        if (period <= 0) {
          ctx.report(
              pp.child("periodSeconds"),
              Reason.INVALID,
              "must be greater than zero; found " + period,
              "set periodSeconds to the window the limit applies to, such as 60");
        }
        if (period > MAX_PERIOD_SECONDS) {
          ctx.report(
              pp.child("periodSeconds"),
              Reason.INVALID,
              "must be less than or equal to " + MAX_PERIOD_SECONDS + "; found " + period,
              "the longest policy period is 30 minutes");
        }
      }
    }
  }

  /** tolerance ≥ 0 where HPAConfigurableTolerance is on (where it is off the server drops it). */
  static final class Tolerance extends HpaRule {
    Tolerance() {
      super(
          api("autoscale.hpa.tolerance", "Per-direction tolerances are not negative")
              .versions(dev.aiconform.core.VersionRange.all())
              .description(
                  "behavior.scaleUp.tolerance and scaleDown.tolerance must be zero or more where"
                      + " the HPAConfigurableTolerance gate is on (beta from Kubernetes 1.35)."
                      + " Source: validation.go validateScalingRules"
                      + " (ValidateNonnegativeQuantity).")
              .failingExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n"
                      + PODS_METRIC
                      + "  behavior:\n    scaleUp:\n      tolerance: \"-0.05\"\n")
              .fixedExample(
                  HPA_HEAD
                      + "  maxReplicas: 4\n"
                      + PODS_METRIC
                      + "  behavior:\n    scaleUp:\n      tolerance: \"0.05\"\n")
              .build());
    }

    @Override
    void check(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerSpec spec, RuleContext ctx) {
      HorizontalPodAutoscalerBehavior b = spec.getBehavior();
      if (b == null || !ctx.isEnabled(Gates.HPA_CONFIGURABLE_TOLERANCE)) {
        return;
      }
      FieldPath p = Hpa.SPEC.child("behavior");
      check(b.getScaleUp(), p.child("scaleUp", "tolerance"), ctx);
      check(b.getScaleDown(), p.child("scaleDown", "tolerance"), ctx);
    }

    private static void check(HPAScalingRules r, FieldPath p, RuleContext ctx) {
      if (r == null || r.getTolerance() == null) {
        return;
      }
      Optional<BigDecimal> v = Hpa.amount(r.getTolerance());
      if (v.isEmpty()) {
        ctx.report(
            p,
            Reason.INVALID,
            "must be a quantity such as 0.05 or 50m; found '" + Hpa.text(r.getTolerance()) + "'",
            "write the tolerance as a fraction: 0.05 for 5 %");
      } else if (v.get().signum() < 0) {
        ctx.report(
            p,
            Reason.INVALID,
            "must be greater than or equal to 0; found " + Hpa.text(r.getTolerance()),
            "the tolerance is a relative deviation such as 0.05 (5 %)");
      }
    }
  }
}
