package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.autoscale.ScaledObject;
import dev.aiconform.autoscale.internal.Tree;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KEDA ScaledObject checks: the CRD's schema (enforced by the API server once KEDA is installed),
 * KEDA's admission webhook (apis/keda/v1alpha1/scaledobject_webhook.go, scaletriggers_types.go),
 * and what the Prometheus scaler needs to start (pkg/scalers/prometheus_scaler.go).
 */
public final class KedaRules {
  private KedaRules() {}

  public static List<Rule> all() {
    return List.of(new Schema(), new Webhook(), new PrometheusTrigger(), new LegacyApi());
  }

  // apis/keda/v1alpha1/scaledobject_webhook.go: maxK8sLabelValueLength
  static final int MAX_NAME_LENGTH = 63;
  // apis/keda/v1alpha1/scaledobject_types.go: defaultHPAMaxReplicas
  static final int DEFAULT_MAX_REPLICAS = 100;

  static final String SO_HEAD =
      "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
          + "  scaleTargetRef: {name: vllm}\n";
  static final String PROMETHEUS_TRIGGER =
      "  triggers:\n  - type: prometheus\n    metadata:\n"
          + "      serverAddress: http://prometheus-operated.monitoring.svc:9090\n"
          + "      query: sum(vllm:num_requests_waiting{namespace=\"ml\"})\n      threshold: \"5\"\n";

  abstract static class SoRule extends BaseRule {
    SoRule(dev.aiconform.core.validation.RuleInfo info) {
      super(info);
    }

    @Override
    public boolean appliesTo(HasMetadata object) {
      return object instanceof GenericKubernetesResource && SCALED_OBJECT.matches(object);
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      GenericKubernetesResource so = (GenericKubernetesResource) object;
      check(so, Tree.map(Tree.root(so).get("spec")), ctx);
    }

    abstract void check(GenericKubernetesResource so, Map<String, Object> spec, RuleContext ctx);
  }

  static final FieldPath SPEC = FieldPath.of("spec");

  /** The ScaledObject CRD's OpenAPI schema and CEL rule. */
  static final class Schema extends SoRule {
    Schema() {
      super(
          rule(
                  "autoscale.keda.schema",
                  Category.API,
                  Severity.ERROR,
                  "ScaledObjects satisfy KEDA's CRD schema")
              .addKind(SCALED_OBJECT)
              .description(
                  "With KEDA installed the API server checks ScaledObjects against its CRD:"
                      + " scaleTargetRef.name and at least one trigger with a type and string"
                      + " metadata are required; pollingInterval ≥ 1, maxReplicaCount ≥ 1, other"
                      + " counts ≥ 0; authenticationRef.kind and fallback.behavior from their"
                      + " enums; minReplicaCount ≤ maxReplicaCount (100 when unset); the HPA"
                      + " behaviour's policies need type, periodSeconds and value. Source:"
                      + " kedacore/keda config/crd/bases/keda.sh_scaledobjects.yaml.")
              .failingExample(
                  SO_HEAD
                      + "  minReplicaCount: 2\n  maxReplicaCount: 1\n"
                      + PROMETHEUS_TRIGGER.replace("threshold: \"5\"", "threshold: 5"))
              .fixedExample(
                  SO_HEAD + "  minReplicaCount: 1\n  maxReplicaCount: 2\n" + PROMETHEUS_TRIGGER)
              .build());
    }

    @Override
    void check(GenericKubernetesResource so, Map<String, Object> spec, RuleContext ctx) {
      if (!Tree.isPresent(Tree.root(so), "spec")) {
        ctx.report(
            SPEC,
            Reason.REQUIRED,
            "spec is required",
            "add a spec with scaleTargetRef and triggers");
        return;
      }
      FieldPath refPath = SPEC.child("scaleTargetRef");
      Object ref = spec.get("scaleTargetRef");
      if (ref == null) {
        ctx.report(
            refPath, Reason.REQUIRED, "scaleTargetRef is required", "name the workload to scale");
      } else {
        requiredNonEmptyString(
            Tree.map(ref).get("name"),
            refPath.child("name"),
            "scaleTargetRef.name",
            "name the workload to scale",
            ctx);
      }
      minimum(spec, "pollingInterval", 1, ctx);
      minimum(spec, "initialCooldownPeriod", 0, ctx);
      minimum(spec, "cooldownPeriod", 0, ctx);
      minimum(spec, "idleReplicaCount", 0, ctx);
      minimum(spec, "minReplicaCount", 0, ctx);
      minimum(spec, "maxReplicaCount", 1, ctx);
      Optional<Long> min = Tree.integer(spec.get("minReplicaCount"));
      long max = Tree.integer(spec.get("maxReplicaCount")).orElse((long) DEFAULT_MAX_REPLICAS);
      if (min.isPresent() && min.get() > max) {
        ctx.report(
            SPEC,
            Reason.INVALID,
            "minReplicaCount must be less than or equal to maxReplicaCount; found "
                + min.get()
                + " > "
                + max
                + (spec.containsKey("maxReplicaCount") ? "" : " (the default)"),
            "lower minReplicaCount or raise maxReplicaCount");
      }
      triggers(spec, ctx);
      fallback(spec, ctx);
      behaviorPolicies(spec, ctx);
      Object metricType = Tree.at(spec, "advanced", "scalingModifiers", "metricType");
      if (metricType != null
          && !List.of("AverageValue", "Value").contains(String.valueOf(metricType))) {
        ctx.report(
            SPEC.child("advanced", "scalingModifiers", "metricType"),
            Reason.NOT_SUPPORTED,
            "must be AverageValue or Value; found '" + metricType + "'",
            "scaling modifiers produce an external metric: use AverageValue or Value");
      }
    }

    private static void triggers(Map<String, Object> spec, RuleContext ctx) {
      FieldPath p = SPEC.child("triggers");
      Object t = spec.get("triggers");
      if (t == null) {
        ctx.report(p, Reason.REQUIRED, "triggers is required", "add at least one trigger");
        return;
      }
      if (!(t instanceof List)) {
        typeInvalid(p, t, "array", ctx);
        return;
      }
      List<Object> list = Tree.list(t);
      if (list.isEmpty()) {
        ctx.report(
            p,
            Reason.INVALID,
            "should have at least 1 items; found none",
            "add at least one trigger");
      }
      for (int i = 0; i < list.size(); i++) {
        FieldPath tp = p.index(i);
        Map<String, Object> trigger = Tree.map(list.get(i));
        requiredNonEmptyString(
            trigger.get("type"),
            tp.child("type"),
            "type",
            "name the scaler, such as prometheus",
            ctx);
        Object metadata = trigger.get("metadata");
        if (metadata == null) {
          ctx.report(
              tp.child("metadata"),
              Reason.REQUIRED,
              "metadata is required",
              "add the scaler's parameters");
        } else if (!(metadata instanceof Map)) {
          typeInvalid(tp.child("metadata"), metadata, "object", ctx);
        } else {
          for (Map.Entry<String, Object> e : Tree.map(metadata).entrySet()) {
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
              ctx.report(
                  tp.child("metadata", e.getKey()),
                  Reason.TYPE_INVALID,
                  "must be of type string; found " + Tree.typeOf(e.getValue()) + " " + e.getValue(),
                  "quote the value: " + e.getKey() + ": \"" + e.getValue() + "\"");
            }
          }
        }
        Object auth = trigger.get("authenticationRef");
        if (auth != null) {
          Map<String, Object> a = Tree.map(auth);
          if (a.get("name") == null) {
            ctx.report(
                tp.child("authenticationRef", "name"),
                Reason.REQUIRED,
                "authenticationRef.name is required",
                "name the TriggerAuthentication");
          }
          Object kind = a.get("kind");
          if (kind != null
              && !List.of("TriggerAuthentication", "ClusterTriggerAuthentication")
                  .contains(String.valueOf(kind))) {
            ctx.report(
                tp.child("authenticationRef", "kind"),
                Reason.NOT_SUPPORTED,
                "must be TriggerAuthentication or ClusterTriggerAuthentication; found '"
                    + kind
                    + "'",
                "leave kind out for a TriggerAuthentication in the same namespace");
          }
        }
      }
    }

    /** The HPA behaviour KEDA passes on: its policies' fields are required by the CRD. */
    private static void behaviorPolicies(Map<String, Object> spec, RuleContext ctx) {
      FieldPath bp = SPEC.child("advanced", "horizontalPodAutoscalerConfig", "behavior");
      for (String direction : List.of("scaleUp", "scaleDown")) {
        List<Object> policies =
            Tree.list(
                Tree.at(
                    spec,
                    "advanced",
                    "horizontalPodAutoscalerConfig",
                    "behavior",
                    direction,
                    "policies"));
        for (int i = 0; i < policies.size(); i++) {
          Map<String, Object> policy = Tree.map(policies.get(i));
          FieldPath pp = bp.child(direction, "policies").index(i);
          requiredNonEmptyType(policy, pp, "type", ctx);
          for (String field : List.of("periodSeconds", "value")) {
            Object v = policy.get(field);
            if (v == null) {
              ctx.report(
                  pp.child(field),
                  Reason.REQUIRED,
                  field + " is required",
                  "set " + field + " (an integer)");
            } else if (Tree.integer(v).isEmpty()) {
              typeInvalid(pp.child(field), v, "integer", ctx);
            }
          }
        }
      }
    }

    private static void requiredNonEmptyType(
        Map<String, Object> policy, FieldPath pp, String field, RuleContext ctx) {
      Object v = policy.get(field);
      if (v == null) {
        ctx.report(pp.child(field), Reason.REQUIRED, field + " is required", "use Pods or Percent");
      } else if (!(v instanceof String)) {
        typeInvalid(pp.child(field), v, "string", ctx);
      }
    }

    private static void fallback(Map<String, Object> spec, RuleContext ctx) {
      Object f = spec.get("fallback");
      if (f == null) {
        return;
      }
      Map<String, Object> fb = Tree.map(f);
      FieldPath p = SPEC.child("fallback");
      for (String field : List.of("failureThreshold", "replicas")) {
        if (fb.get(field) == null) {
          ctx.report(
              p.child(field), Reason.REQUIRED, field + " is required", "set fallback." + field);
        }
      }
      minimum(fb, p, "failureThreshold", 0, ctx);
      minimum(fb, p, "replicas", 0, ctx);
      Object behavior = fb.get("behavior");
      List<String> allowed =
          List.of(
              "static",
              "currentReplicas",
              "currentReplicasIfHigher",
              "currentReplicasIfLower",
              "scalingModifiers");
      if (behavior != null && !allowed.contains(String.valueOf(behavior))) {
        ctx.report(
            p.child("behavior"),
            Reason.NOT_SUPPORTED,
            "must be one of " + String.join(", ", allowed) + "; found '" + behavior + "'",
            "static (the default) scales to fallback.replicas when the scaler fails");
      }
    }

    private static void minimum(Map<String, Object> spec, String field, long min, RuleContext ctx) {
      minimum(spec, SPEC, field, min, ctx);
    }

    private static void minimum(
        Map<String, Object> m, FieldPath parent, String field, long min, RuleContext ctx) {
      Object v = m.get(field);
      if (v == null) {
        return;
      }
      Optional<Long> n = Tree.integer(v);
      if (n.isEmpty()) {
        typeInvalid(parent.child(field), v, "integer", ctx);
      } else if (n.get() < min) {
        ctx.report(
            parent.child(field),
            Reason.INVALID,
            "should be greater than or equal to " + min + "; found " + n.get(),
            "use " + min + " or more");
      }
    }
  }

  /**
   * A field the CRD's schema declares required, of type string with minLength 1: the API server
   * reports it missing, of another type, or empty, in that order.
   */
  static void requiredNonEmptyString(
      Object value, FieldPath p, String field, String hint, RuleContext ctx) {
    if (value == null) {
      ctx.report(p, Reason.REQUIRED, field + " is required", hint);
    } else if (!(value instanceof String)) {
      typeInvalid(p, value, "string", ctx);
    } else if (((String) value).isEmpty()) {
      ctx.report(p, Reason.INVALID, "should be at least 1 chars long", hint);
    }
  }

  static void typeInvalid(FieldPath p, Object found, String expected, RuleContext ctx) {
    ctx.report(
        p,
        Reason.TYPE_INVALID,
        "must be of type " + expected + "; found " + Tree.typeOf(found),
        "write a " + expected);
  }

  /** KEDA's admission webhook. */
  static final class Webhook extends SoRule {
    Webhook() {
      super(
          rule(
                  "autoscale.keda.webhook",
                  Category.PRACTICE,
                  Severity.ERROR,
                  "ScaledObjects pass KEDA's admission webhook")
              .addKind(SCALED_OBJECT)
              .description(
                  "KEDA's webhook refuses ScaledObjects whose trigger names repeat, that use"
                      + " useCachedMetrics on cpu, memory or cron triggers, whose idleReplicaCount"
                      + " is not below minReplicaCount, whose name (or the name of the HPA they"
                      + " create) exceeds 63 characters or is another ScaledObject's, that scale a"
                      + " Deployment or StatefulSet to zero on cpu/memory triggers only, whose"
                      + " cpu/memory triggers read a container of the target (in the bundle) with"
                      + " no request, limit or LimitRange default for the resource, whose fallback"
                      + " has no trigger able to use it, or whose scalingModifiers lack a formula's"
                      + " target or use names no event trigger has. Source:"
                      + " apis/keda/v1alpha1/scaledobject_webhook.go, scaledobject_types.go,"
                      + " scaletriggers_types.go.")
              .failingExample(SO_HEAD + "  idleReplicaCount: 0\n" + PROMETHEUS_TRIGGER)
              .fixedExample(
                  SO_HEAD + "  idleReplicaCount: 0\n  minReplicaCount: 1\n" + PROMETHEUS_TRIGGER)
              .build());
    }

    @Override
    void check(GenericKubernetesResource so, Map<String, Object> spec, RuleContext ctx) {
      List<Object> triggers = Tree.list(spec.get("triggers"));
      Set<String> names = new HashSet<>();
      boolean onlyResource = !triggers.isEmpty();
      for (int i = 0; i < triggers.size(); i++) {
        Map<String, Object> t = Tree.map(triggers.get(i));
        String type = Tree.string(t.get("type")).orElse("");
        if (!type.equals("cpu") && !type.equals("memory")) {
          onlyResource = false;
        }
        Optional<String> name = Tree.string(t.get("name")).filter(n -> !n.isEmpty());
        if (name.isPresent() && !names.add(name.get())) {
          ctx.report(
              SPEC.child("triggers").index(i).child("name"),
              Reason.DUPLICATE,
              "triggerName \""
                  + name.get()
                  + "\" is defined multiple times; trigger names must be unique",
              "rename the trigger");
        }
        if (Boolean.TRUE.equals(t.get("useCachedMetrics"))
            && List.of("cpu", "memory", "cron").contains(type)) {
          ctx.report(
              SPEC.child("triggers").index(i).child("useCachedMetrics"),
              Reason.FORBIDDEN,
              "useCachedMetrics is not supported for the \"" + type + "\" scaler",
              "remove useCachedMetrics from this trigger");
        }
      }
      Optional<Long> min = Tree.integer(spec.get("minReplicaCount"));
      // CheckReplicaCountBoundsAreValid compares with 0 when minReplicaCount is unset, else with
      // the HPA's minimum (at least 1).
      long effectiveMin = min.isEmpty() ? 0 : Math.max(1, min.get());
      Tree.integer(spec.get("idleReplicaCount"))
          .filter(idle -> idle >= effectiveMin)
          .ifPresent(
              idle ->
                  ctx.report(
                      SPEC.child("idleReplicaCount"),
                      Reason.INVALID,
                      "IdleReplicaCount="
                          + idle
                          + " must be less than MinReplicaCount="
                          + effectiveMin
                          + (min.isEmpty() ? " (unset)" : ""),
                      "set minReplicaCount above idleReplicaCount (idle 0 needs minReplicaCount ≥ 1)"));
      String name =
          so.getMetadata() == null ? "" : HpaApiRules.nullToEmpty(so.getMetadata().getName());
      if (name.length() > MAX_NAME_LENGTH) {
        ctx.report(
            FieldPath.of("metadata", "name"),
            Reason.TOO_LONG,
            "must be no more than "
                + MAX_NAME_LENGTH
                + " characters (it is used as the"
                + " scaledobject.keda.sh/name label value); found "
                + name.length(),
            "shorten the name");
      } else if (!name.isEmpty()) {
        String hpaName = ScaledObject.of(so).hpaName();
        if (hpaName.length() > MAX_NAME_LENGTH) {
          ctx.report(
              FieldPath.of("metadata", "name"),
              Reason.TOO_LONG,
              "the HPA name \""
                  + hpaName
                  + "\" derived from it is "
                  + hpaName.length()
                  + " characters; at most "
                  + MAX_NAME_LENGTH,
              "set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name");
        }
      }
      irrelevantSettings(spec, triggers, ctx);
      boolean podTarget = targetsDeploymentOrStatefulSet(so);
      if (podTarget) {
        resourceRequests(so, triggers, ctx);
      }
      hpaNameConflict(so, ctx);
      // verifyCPUMemoryScalers returns before this check for targets other than a Deployment or
      // a StatefulSet.
      if (onlyResource && podTarget && min.orElse(0L) == 0) {
        ctx.report(
            SPEC.child("minReplicaCount"),
            Reason.INVALID,
            "a ScaledObject with only cpu/memory triggers cannot scale to zero; minReplicaCount is "
                + (min.isEmpty() ? "unset (0)" : "0"),
            "set minReplicaCount to 1 or add an event trigger");
      }
      Map<String, Object> modifiers = Tree.map(Tree.at(spec, "advanced", "scalingModifiers"));
      boolean usingModifiers = !modifiers.isEmpty();
      if (usingModifiers) {
        String formula = Tree.string(modifiers.get("formula")).orElse("");
        String target = Tree.string(modifiers.get("target")).orElse("");
        FieldPath mp = SPEC.child("advanced", "scalingModifiers");
        if (formula.isEmpty()) {
          ctx.report(
              mp.child("formula"),
              Reason.REQUIRED,
              "ScalingModifiers.Formula is mandatory",
              "write a formula over the triggers' names");
        } else if (target.isEmpty()) {
          ctx.report(
              mp.child("target"),
              Reason.REQUIRED,
              "formula is given but target is empty",
              "set target to the value the formula is scaled to");
        }
        if (!target.isEmpty()) {
          if (!positiveGoFloat(target)) {
            ctx.report(
                mp.child("target"),
                Reason.INVALID,
                "must be a positive number; found '" + target + "'",
                "write target as a number, such as \"10\"");
          }
        }
        if (!formula.isEmpty()) {
          formulaNames(formula, triggers, mp.child("formula"), ctx);
        }
        if ("Utilization".equals(modifiers.get("metricType"))) {
          ctx.report(
              mp.child("metricType"),
              Reason.INVALID,
              "Utilization is not possible for external metrics",
              "use AverageValue or Value");
        }
      }
      Map<String, Object> fallback = Tree.map(spec.get("fallback"));
      if (!fallback.isEmpty()) {
        boolean hasEventTrigger =
            triggers.stream()
                .map(Tree::map)
                .map(t -> Tree.string(t.get("type")).orElse(""))
                .anyMatch(t -> !t.equals("cpu") && !t.equals("memory"));
        if (!usingModifiers && !hasEventTrigger) {
          ctx.report(
              SPEC.child("fallback"),
              Reason.INVALID,
              "at least one trigger that is not cpu or memory has to have the AverageValue type for"
                  + " the fallback to be enabled",
              "remove fallback, or add an event trigger");
        }
        if ("scalingModifiers".equals(fallback.get("behavior"))
            && Tree.string(modifiers.get("formula")).orElse("").isEmpty()) {
          ctx.report(
              SPEC.child("fallback", "behavior"),
              Reason.INVALID,
              "scalingModifiers fallback behavior requires scalingModifiers.formula to be defined",
              "define advanced.scalingModifiers.formula");
        }
      }
    }
  }

  // strconv.ParseFloat's syntax: decimal or hexadecimal (p exponent) floats, Inf, Infinity, NaN.
  // No surrounding spaces, no Java suffixes (5f, 5d); underscores only after a base prefix.
  private static final java.util.regex.Pattern GO_FLOAT =
      java.util.regex.Pattern.compile(
          "[+-]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?"
              + "|0[xX](_?[0-9a-fA-F])*\\.?[0-9a-fA-F_]*[pP][+-]?[0-9]+"
              + "|(?i:inf|infinity|nan))");

  /**
   * validateScalingModifiersTarget: the target parses with strconv.ParseFloat and is not at most
   * zero (so NaN passes, as it does in KEDA).
   */
  static boolean positiveGoFloat(String s) {
    if (!GO_FLOAT.matcher(s).matches()) {
      return false;
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("nan")) {
      return true;
    }
    if (lower.contains("inf")) {
      return !s.startsWith("-");
    }
    try {
      String java = s.replace("_", "");
      return (java.startsWith("0x")
                  || java.startsWith("0X")
                  || java.startsWith("+0x")
                  || java.startsWith("-0x")
              ? Double.parseDouble(java)
              : new java.math.BigDecimal(java.startsWith("+") ? java.substring(1) : java)
                  .doubleValue())
          > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * verifyScaledObjects' admission warnings: with minReplicaCount above 0 and no idleReplicaCount,
   * cooldownPeriod has no effect, nor has pollingInterval unless a trigger uses cached metrics.
   */
  private static void irrelevantSettings(
      Map<String, Object> spec, List<Object> triggers, RuleContext ctx) {
    long min = Tree.integer(spec.get("minReplicaCount")).orElse(0L);
    if (min <= 0 || spec.get("idleReplicaCount") != null) {
      return;
    }
    boolean cached =
        triggers.stream()
            .map(Tree::map)
            .anyMatch(t -> Boolean.TRUE.equals(t.get("useCachedMetrics")));
    if (spec.get("pollingInterval") != null && !cached) {
      ctx.report(
          Severity.INFO,
          SPEC.child("pollingInterval"),
          null,
          "pollingInterval has no effect here: KEDA warns it is only relevant when"
              + " minReplicaCount is 0, idleReplicaCount is set or a trigger uses cached metrics",
          "remove pollingInterval, or scale to zero (minReplicaCount: 0)");
    }
    if (spec.get("cooldownPeriod") != null) {
      ctx.report(
          Severity.INFO,
          SPEC.child("cooldownPeriod"),
          null,
          "cooldownPeriod has no effect here: KEDA warns it is only relevant when"
              + " minReplicaCount is 0 or idleReplicaCount is set (scale-down to 1 or more follows"
              + " the HPA's behaviour)",
          "remove cooldownPeriod, or tune advanced.horizontalPodAutoscalerConfig.behavior");
    }
  }

  // pkg/apis/keda/v1alpha1/gvkr.go: the target's apiVersion and kind default to apps/v1 Deployment.
  private static boolean targetsDeploymentOrStatefulSet(GenericKubernetesResource so) {
    ScaledObject s = ScaledObject.of(so);
    String kind = s.scaleTargetKind();
    return s.scaleTargetApiVersion().equals("apps/v1")
        && (kind.equals("Deployment") || kind.equals("StatefulSet"));
  }

  /**
   * verifyCPUMemoryScalers: each container a cpu or memory trigger reads (all of them, or the one
   * its metadata.containerName names) requests or limits that resource, unless a LimitRange of the
   * namespace gives containers a default. Checked when the target is in the bundle.
   */
  private static void resourceRequests(
      GenericKubernetesResource so, List<Object> triggers, RuleContext ctx) {
    Optional<PodTemplateSpec> template =
        Autoscalers.target(so)
            .flatMap(t -> Autoscalers.find(ctx.bundle(), t))
            .flatMap(m -> Autoscalers.podTemplate(m.object()));
    if (template.isEmpty() || template.get().getSpec() == null) {
      return;
    }
    List<Container> containers =
        template.get().getSpec().getContainers() == null
            ? List.of()
            : template.get().getSpec().getContainers();
    for (int i = 0; i < triggers.size(); i++) {
      Map<String, Object> t = Tree.map(triggers.get(i));
      String type = Tree.string(t.get("type")).orElse("");
      if (!type.equals("cpu") && !type.equals("memory")) {
        continue;
      }
      String containerName =
          Tree.string(Tree.map(t.get("metadata")).get("containerName")).orElse("");
      if (limitRangeDefault(ctx.bundle(), Autoscalers.namespace(so), type)) {
        continue;
      }
      for (Container c : containers) {
        if (!containerName.isEmpty() && !containerName.equals(c.getName())) {
          continue;
        }
        ResourceRequirements r = c.getResources();
        if (r == null || (!positive(r.getRequests(), type) && !positive(r.getLimits(), type))) {
          ctx.report(
              SPEC.child("triggers").index(i),
              Reason.INVALID,
              "the ScaledObject has a "
                  + type
                  + " trigger but the container "
                  + c.getName()
                  + " of its target has no "
                  + type
                  + " request (or limit)",
              "set resources.requests."
                  + type
                  + " on the container, or name the measured container in"
                  + " metadata.containerName");
          break;
        }
      }
    }
  }

  private static boolean positive(Map<String, Quantity> m, String resource) {
    if (m == null || m.get(resource) == null) {
      return false;
    }
    try {
      return m.get(resource).getNumericalAmount().signum() > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A LimitRange of the namespace whose Container item defaults the resource above zero. */
  private static boolean limitRangeDefault(
      ManifestBundle bundle, String namespace, String resource) {
    for (LimitRange lr : bundle.objectsOf(LimitRange.class)) {
      if (!namespace.equals(Autoscalers.namespace(lr))
          || lr.getSpec() == null
          || lr.getSpec().getLimits() == null) {
        continue;
      }
      for (LimitRangeItem item : lr.getSpec().getLimits()) {
        if ("Container".equals(item.getType())
            && (positive(item.getDefaultRequest(), resource)
                || positive(item.getDefault(), resource))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * verifyScaledObjects: the HPA a ScaledObject creates must not be another ScaledObject's. In a
   * bundle the one applied later is refused, so the finding goes to the later one.
   */
  private static void hpaNameConflict(GenericKubernetesResource so, RuleContext ctx) {
    if (so.getMetadata() == null || so.getMetadata().getName() == null) {
      return;
    }
    String name = so.getMetadata().getName();
    String namespace = Autoscalers.namespace(so);
    String hpaName = ScaledObject.of(so).hpaName();
    for (Manifest m : ctx.bundle()) {
      HasMetadata o = m.object();
      if (o == ctx.original() || o == so) {
        return;
      }
      if (!(o instanceof GenericKubernetesResource)
          || !BaseRule.SCALED_OBJECT.matches(o)
          || o.getMetadata() == null
          || name.equals(o.getMetadata().getName())
          || !namespace.equals(Autoscalers.namespace(o))) {
        continue;
      }
      if (ScaledObject.of((GenericKubernetesResource) o).hpaName().equals(hpaName)) {
        boolean custom =
            Tree.at(Tree.root(so), "spec", "advanced", "horizontalPodAutoscalerConfig", "name")
                != null;
        ctx.report(
            custom
                ? SPEC.child("advanced", "horizontalPodAutoscalerConfig", "name")
                : FieldPath.of("metadata", "name"),
            Reason.DUPLICATE,
            "the HPA '"
                + hpaName
                + "' is already managed by ScaledObject "
                + o.getMetadata().getName()
                + "; KEDA's webhook refuses a second ScaledObject for it",
            "give each ScaledObject its own horizontalPodAutoscalerConfig.name");
        return;
      }
    }
  }

  private static final Set<String> FORMULA_WORDS =
      Set.of(
          "true",
          "false",
          "nil",
          "and",
          "or",
          "not",
          "in",
          "matches",
          "contains",
          "startsWith",
          "endsWith",
          "let",
          "if",
          "else");

  /**
   * validateScalingModifiersFormula compiles the formula with one variable per named trigger that
   * is not cpu or memory: another name does not compile. Names are found conservatively (not in
   * string literals, not called as functions, not after a dot, not declared with let).
   */
  static void formulaNames(String formula, List<Object> triggers, FieldPath p, RuleContext ctx) {
    Set<String> defined = new HashSet<>();
    for (Object o : triggers) {
      Map<String, Object> t = Tree.map(o);
      String type = Tree.string(t.get("type")).orElse("");
      Tree.string(t.get("name"))
          .filter(n -> !n.isEmpty() && !type.equals("cpu") && !type.equals("memory"))
          .ifPresent(defined::add);
    }
    Set<String> unknown = new java.util.LinkedHashSet<>();
    int i = 0;
    int n = formula.length();
    String previous = "";
    while (i < n) {
      char c = formula.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        int j = i + 1;
        while (j < n && formula.charAt(j) != c) {
          j += formula.charAt(j) == '\\' && c != '`' ? 2 : 1;
        }
        i = j + 1;
        previous = "";
      } else if (Character.isDigit(c)) {
        while (i < n
            && (Character.isLetterOrDigit(formula.charAt(i))
                || formula.charAt(i) == '.'
                || formula.charAt(i) == '_')) {
          i++;
        }
        previous = "";
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(formula.charAt(j))
                || formula.charAt(j) == '_'
                || formula.charAt(j) == '$')) {
          j++;
        }
        String word = formula.substring(i, j);
        int k = j;
        while (k < n && Character.isWhitespace(formula.charAt(k))) {
          k++;
        }
        boolean call = k < n && formula.charAt(k) == '(';
        boolean member = previous.equals(".") || previous.equals("?.");
        if (previous.equals("let")) {
          defined.add(word);
        } else if (!call
            && !member
            && !FORMULA_WORDS.contains(word)
            && !defined.contains(word)
            && !word.startsWith("$")) {
          unknown.add(word);
        }
        previous = word;
        i = j;
      } else {
        if (!Character.isWhitespace(c)) {
          previous = c == '.' && i > 0 && formula.charAt(i - 1) == '?' ? "?." : String.valueOf(c);
        }
        i++;
      }
    }
    for (String name : unknown) {
      ctx.report(
          p,
          Reason.INVALID,
          "the formula uses '"
              + name
              + "', which is no trigger's name"
              + (defined.isEmpty()
                  ? " (no trigger other than cpu/memory has a name)"
                  : "; named triggers: " + String.join(", ", new java.util.TreeSet<>(defined))),
          "name the trigger (triggers[].name) or fix the formula; cpu and memory triggers cannot be used in formulas");
    }
  }

  /** What KEDA's Prometheus scaler needs to start and to produce a valid HPA. */
  static final class PrometheusTrigger extends SoRule {
    static final Set<String> KNOWN_METADATA =
        Set.of(
            "serverAddress",
            "query",
            "queryParameters",
            "threshold",
            "activationThreshold",
            "namespace",
            "customHeaders",
            "ignoreNullValues",
            "unsafeSsl",
            "awsRegion",
            "timeout",
            "identityOwner",
            "authModes");

    PrometheusTrigger() {
      super(
          rule(
                  "autoscale.keda.prometheus-trigger",
                  Category.PRACTICE,
                  Severity.ERROR,
                  "Prometheus triggers name a server, a query and a numeric threshold")
              .addKind(SCALED_OBJECT)
              .description(
                  "KEDA's prometheus scaler needs serverAddress, query and a threshold that parses"
                      + " as a number (activationThreshold too); metricType must be AverageValue"
                      + " (default) or Value, since 'Utilization' is refused for external metrics."
                      + " Unknown metadata keys are ignored by KEDA and reported here as info."
                      + " Source: pkg/scalers/prometheus_scaler.go, pkg/scalers/scaler.go.")
              .failingExample(
                  SO_HEAD
                      + "  triggers:\n  - type: prometheus\n    metricType: Utilization\n    metadata:\n"
                      + "      query: sum(vllm:num_requests_waiting)\n      threshold: five\n")
              .fixedExample(SO_HEAD + PROMETHEUS_TRIGGER)
              .build());
    }

    @Override
    void check(GenericKubernetesResource so, Map<String, Object> spec, RuleContext ctx) {
      List<Object> triggers = Tree.list(spec.get("triggers"));
      for (int i = 0; i < triggers.size(); i++) {
        Map<String, Object> t = Tree.map(triggers.get(i));
        FieldPath tp = SPEC.child("triggers").index(i);
        Object metricType = t.get("metricType");
        String type = Tree.string(t.get("type")).orElse("");
        // cpu and memory triggers become Resource metrics, where Utilization is the usual type.
        if (metricType != null && !type.equals("cpu") && !type.equals("memory")) {
          String mt = String.valueOf(metricType);
          if (mt.equals("Utilization")) {
            ctx.report(
                tp.child("metricType"),
                Reason.INVALID,
                "'Utilization' metric type is unsupported for external metrics, allowed values are"
                    + " 'Value' or 'AverageValue'",
                "use AverageValue (the total divided by the replica count) or Value");
          } else if (!mt.isEmpty() && !mt.equals("Value") && !mt.equals("AverageValue")) {
            ctx.report(
                tp.child("metricType"),
                Reason.NOT_SUPPORTED,
                "must be AverageValue or Value; found '" + mt + "'",
                "the HPA KEDA creates would reject this target type");
          }
        }
        if (!"prometheus".equals(t.get("type"))) {
          continue;
        }
        Map<String, Object> md = Tree.map(t.get("metadata"));
        FieldPath mp = tp.child("metadata");
        for (String required : List.of("serverAddress", "query", "threshold")) {
          Object v = md.get(required);
          boolean fromEnv =
              Tree.string(md.get(required + "FromEnv")).filter(e -> !e.isBlank()).isPresent();
          if ((v == null || String.valueOf(v).isBlank()) && !fromEnv) {
            ctx.report(
                mp.child(required),
                Reason.REQUIRED,
                "the prometheus scaler needs " + required,
                required.equals("threshold")
                    ? "set threshold to the value per replica (AverageValue) or in total (Value)"
                    : "set " + required);
          }
        }
        number(md, mp, "threshold", ctx);
        number(md, mp, "activationThreshold", ctx);
        bool(md, mp, "ignoreNullValues", ctx);
        bool(md, mp, "unsafeSsl", ctx);
        duration(md, mp, "timeout", ctx);
        keyValues(md, mp, "queryParameters", ctx);
        keyValues(md, mp, "customHeaders", ctx);
        for (String key : md.keySet()) {
          // typed_config.go checkUnexpectedParameterExist: <name>FromEnv reads <name> from env.
          String param = key.endsWith("FromEnv") ? key.substring(0, key.length() - 7) : key;
          if (!KNOWN_METADATA.contains(param)) {
            ctx.report(
                Severity.INFO,
                mp.child(key),
                null,
                "'"
                    + key
                    + "' is not a prometheus scaler parameter; KEDA ignores it"
                    + (key.equals("metricName") ? " (metricName was removed in KEDA 2.12)" : ""),
                "remove it");
          }
        }
      }
    }

    // pkg/scalers/scalersconfig/typed_config.go setConfigValueHelper: a float64 parameter is
    // read with encoding/json, so it is a JSON number (no '+', '.5', '5.', NaN or leading zeros).
    static final java.util.regex.Pattern JSON_NUMBER =
        java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    // strconv.ParseBool
    static final Set<String> GO_BOOLEANS =
        Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");
    // time.ParseDuration, or a whole number of milliseconds
    static final java.util.regex.Pattern GO_DURATION =
        java.util.regex.Pattern.compile(
            "\\+?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+|[0-9]+)");

    /** A metadata value as KEDA reads it: trimmed, and absent when empty. */
    private static Optional<String> param(Map<String, Object> md, String key) {
      return Tree.string(md.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static void bool(Map<String, Object> md, FieldPath mp, String key, RuleContext ctx) {
      param(md, key)
          .filter(v -> !GO_BOOLEANS.contains(v))
          .ifPresent(
              v ->
                  ctx.report(
                      mp.child(key),
                      Reason.INVALID,
                      key + " must be a boolean; found '" + v + "'",
                      "write \"true\" or \"false\""));
    }

    private static void duration(
        Map<String, Object> md, FieldPath mp, String key, RuleContext ctx) {
      param(md, key)
          .filter(v -> !GO_DURATION.matcher(v).matches())
          .ifPresent(
              v ->
                  ctx.report(
                      mp.child(key),
                      Reason.INVALID,
                      key
                          + " must be a non-negative Go duration or a number of milliseconds;"
                          + " found '"
                          + v
                          + "'",
                      "write a duration such as \"30s\" or milliseconds such as \"1500\""));
    }

    // typed_config.go setConfigValueMap: comma-separated key=value pairs, one '=' each.
    private static void keyValues(
        Map<String, Object> md, FieldPath mp, String key, RuleContext ctx) {
      param(md, key)
          .ifPresent(
              v -> {
                for (String element : v.split(",", -1)) {
                  if (element.trim().split("=", -1).length != 2) {
                    ctx.report(
                        mp.child(key),
                        Reason.INVALID,
                        key + " must be comma-separated key=value pairs; found '" + element + "'",
                        "write key=value pairs such as \"a=1,b=2\" (values cannot contain '=' or ',')");
                    return;
                  }
                }
              });
    }

    private static void number(Map<String, Object> md, FieldPath mp, String key, RuleContext ctx) {
      Object v = md.get(key);
      if (v == null || String.valueOf(v).isBlank()) {
        return;
      }
      if (!JSON_NUMBER.matcher(String.valueOf(v).trim()).matches()) {
        ctx.report(
            mp.child(key),
            Reason.INVALID,
            key + " must be a number; found '" + v + "'",
            "write a decimal number such as \"5\" or \"0.7\" (not a Kubernetes quantity like 700m)");
      }
    }
  }

  /** KEDA 1's keda.k8s.io group. */
  static final class LegacyApi extends BaseRule {
    LegacyApi() {
      super(
          rule(
                  "autoscale.keda.legacy-api",
                  Category.PRACTICE,
                  Severity.WARNING,
                  "ScaledObjects use KEDA 2's keda.sh API group")
              .addKind(LEGACY_SCALED_OBJECT)
              .description(
                  "keda.k8s.io/v1alpha1 is KEDA 1's API group; KEDA 2 serves keda.sh/v1alpha1"
                      + " only, with scaleTargetRef.name instead of deploymentName.")
              .failingExample(
                  "apiVersion: keda.k8s.io/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: vllm\n"
                      + "spec:\n  scaleTargetRef: {deploymentName: vllm}\n"
                      + PROMETHEUS_TRIGGER)
              .fixedExample(SO_HEAD + PROMETHEUS_TRIGGER)
              .build());
    }

    @Override
    public void check(HasMetadata object, RuleContext ctx) {
      ctx.report(
          FieldPath.of("apiVersion"),
          null,
          "keda.k8s.io is KEDA 1's API group, removed in KEDA 2.0; found " + object.getApiVersion(),
          "use apiVersion: keda.sh/v1alpha1 and scaleTargetRef.name");
    }
  }
}
