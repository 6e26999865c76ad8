package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.ResourceNames;
import dev.aiconform.dra.DraFeatureGates;
import dev.aiconform.dra.internal.cel.CelDeviceInput;
import dev.aiconform.dra.internal.cel.CompiledExpression;
import dev.aiconform.dra.internal.cel.DraCelEnvironment;
import dev.aiconform.dra.internal.cel.KubeQuantity;
import dev.aiconform.dra.internal.cel.KubeSemver;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicy;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicyRange;
import io.fabric8.kubernetes.api.model.resource.v1.Counter;
import io.fabric8.kubernetes.api.model.resource.v1.CounterSet;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCounterConsumption;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceDerivedAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration;
import io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSliceSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The API server's validation of resource.k8s.io/v1 objects (pkg/apis/resource/validation/
 * validation.go), re-implemented: same checks in the same order, same field paths and error types.
 * Each finding carries the id of the {@link DraApiRules} rule that reports it. Limits are the named
 * constants below, each with its upstream source.
 */
public final class ResourceApiValidation {
  // staging/src/k8s.io/api/resource/v1/types.go: DeviceRequestsMaxSize (= AllocationResultsMaxSize)
  public static final int DEVICE_REQUESTS_MAX_SIZE = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: FirstAvailableDeviceRequestMaxSize
  public static final int FIRST_AVAILABLE_DEVICE_REQUEST_MAX_SIZE = 8;
  // staging/src/k8s.io/api/resource/v1/types.go: DeviceSelectorsMaxSize
  public static final int DEVICE_SELECTORS_MAX_SIZE = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: DeviceConstraintsMaxSize
  public static final int DEVICE_CONSTRAINTS_MAX_SIZE = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: DeviceConfigMaxSize
  public static final int DEVICE_CONFIG_MAX_SIZE = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: OpaqueParametersMaxLength
  public static final int OPAQUE_PARAMETERS_MAX_LENGTH = 10 * 1024;
  // staging/src/k8s.io/api/resource/v1/types.go: DriverNameMaxLength (= CSI driver names)
  public static final int DRIVER_NAME_MAX_LENGTH = 63;
  // staging/src/k8s.io/api/resource/v1/types.go: PoolNameMaxLength
  public static final int POOL_NAME_MAX_LENGTH = 253;
  // staging/src/k8s.io/api/resource/v1/types.go: DeviceMaxIDLength
  public static final int DEVICE_MAX_ID_LENGTH = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: DeviceAttributeMaxValueLength
  public static final int DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH = 64;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceSliceMaxDevices
  public static final int RESOURCE_SLICE_MAX_DEVICES = 128;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceSliceMaxDevicesWithAdvancedFeatures
  public static final int RESOURCE_SLICE_MAX_DEVICES_WITH_ADVANCED_FEATURES = 64;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceSliceMaxAttributesAndCapacitiesPerDevice
  public static final int RESOURCE_SLICE_MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceSliceMaxAttributeValuesPerDevice
  public static final int RESOURCE_SLICE_MAX_ATTRIBUTE_VALUES_PER_DEVICE = 48;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceSliceMaxCounterSets
  public static final int RESOURCE_SLICE_MAX_COUNTER_SETS = 8;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceSliceMaxCountersPerCounterSet
  public static final int RESOURCE_SLICE_MAX_COUNTERS_PER_COUNTER_SET = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceSliceMaxDeviceCounterConsumptionsPerDevice
  public static final int RESOURCE_SLICE_MAX_DEVICE_COUNTER_CONSUMPTIONS_PER_DEVICE = 2;
  // staging/src/k8s.io/api/resource/v1/types.go:
  // ResourceSliceMaxCountersPerDeviceCounterConsumption
  public static final int RESOURCE_SLICE_MAX_COUNTERS_PER_DEVICE_COUNTER_CONSUMPTION = 32;
  // staging/src/k8s.io/api/resource/v1/types.go: DeviceTaintsMaxLength (16; 4 at tag v0.34.0)
  public static final int DEVICE_TAINTS_MAX_LENGTH = 16;
  public static final int DEVICE_TAINTS_MAX_LENGTH_1_34 = 4;
  // staging/src/k8s.io/api/resource/v1/types.go: BindingConditionsMaxSize,
  // BindingFailureConditionsMaxSize
  public static final int BINDING_CONDITIONS_MAX_SIZE = 4;
  // staging/src/k8s.io/api/resource/v1/types.go: CapacityRequestPolicyDiscreteMaxOptions
  public static final int CAPACITY_REQUEST_POLICY_DISCRETE_MAX_OPTIONS = 10;
  // staging/src/k8s.io/api/resource/v1/types.go: ResourceClaimReservedForMaxSize
  public static final int RESOURCE_CLAIM_RESERVED_FOR_MAX_SIZE = 256;
  // staging/src/k8s.io/api/resource/v1/types.go: AllocationResultsMaxSize
  public static final int ALLOCATION_RESULTS_MAX_SIZE = 32;

  /** One error, with the rule that reports it. */
  public record Finding(String rule, FieldPath path, Reason reason, String message, String hint) {}

  private final Predicate<FeatureGate> gates;
  private final TargetVersion version;
  private final List<Finding> out = new ArrayList<>();

  private ResourceApiValidation(Predicate<FeatureGate> gates, TargetVersion version) {
    this.gates = gates;
    this.version = version;
  }

  /** Validates one (defaulted) object of a resource.k8s.io kind; other objects give nothing. */
  public static List<Finding> validate(
      HasMetadata object, Predicate<FeatureGate> gates, TargetVersion version) {
    ResourceApiValidation v = new ResourceApiValidation(gates, version);
    object = CreateStrategy.prepare(object, gates);
    if (object instanceof ResourceClaim) {
      ResourceClaim c = (ResourceClaim) object;
      v.claimSpec(c.getSpec(), FieldPath.of("spec"));
    } else if (object instanceof ResourceClaimTemplate) {
      ResourceClaimTemplate t = (ResourceClaimTemplate) object;
      // an empty claim spec is valid (a claim without requests), so an absent one is too
      if (t.getSpec() != null) {
        v.templateMetadata(t.getSpec().getMetadata(), FieldPath.of("spec", "metadata"));
        v.claimSpec(t.getSpec().getSpec(), FieldPath.of("spec", "spec"));
      }
    } else if (object instanceof DeviceClass) {
      DeviceClass c = (DeviceClass) object;
      v.deviceClass(c);
    } else if (object instanceof ResourceSlice) {
      ResourceSlice s = (ResourceSlice) object;
      // spec and pool are structs upstream: absent, they are validated as empty
      v.slice(s.getSpec() != null ? s.getSpec() : new ResourceSliceSpec(), FieldPath.of("spec"));
    } else if (object instanceof DeviceTaintRule) {
      DeviceTaintRule r = (DeviceTaintRule) object;
      v.taintRule(r);
    }
    return v.out;
  }

  private void add(String rule, FieldPath path, Reason reason, String message, String hint) {
    out.add(new Finding(rule, path, reason, message, hint));
  }

  // ------------------------------------------------------------------------------------ metadata

  private void templateMetadata(ObjectMeta meta, FieldPath p) {
    if (meta == null) return;
    // ValidateTemplateObjectMeta: labels and annotations are checked, every other field of
    // ObjectMeta must be unset (validateFieldAllowList names it by its Go field, so UID is "uID")
    Map<String, Object> others = new java.util.LinkedHashMap<>();
    others.put("name", emptyAsNull(meta.getName()));
    others.put("generateName", emptyAsNull(meta.getGenerateName()));
    others.put("namespace", emptyAsNull(meta.getNamespace()));
    others.put("selfLink", emptyAsNull(meta.getSelfLink()));
    others.put("uID", emptyAsNull(meta.getUid()));
    others.put("resourceVersion", emptyAsNull(meta.getResourceVersion()));
    others.put(
        "generation",
        meta.getGeneration() == null || meta.getGeneration() == 0 ? null : meta.getGeneration());
    others.put("creationTimestamp", emptyAsNull(meta.getCreationTimestamp()));
    others.put("deletionTimestamp", emptyAsNull(meta.getDeletionTimestamp()));
    others.put("deletionGracePeriodSeconds", meta.getDeletionGracePeriodSeconds());
    others.put("ownerReferences", nn(meta.getOwnerReferences()).isEmpty() ? null : "set");
    others.put("finalizers", nn(meta.getFinalizers()).isEmpty() ? null : "set");
    others.put("managedFields", nn(meta.getManagedFields()).isEmpty() ? null : "set");
    others.forEach(
        (field, value) -> {
          if (value != null)
            add(
                Rules.TEMPLATE_METADATA,
                p.child(field),
                Reason.FORBIDDEN,
                "cannot be set for a template",
                "remove " + field + "; the claim's name and namespace come from the pod");
        });
    if (meta.getLabels() != null) {
      meta.getLabels()
          .forEach(
              (k, val) -> {
                for (String m : Names.qualifiedName(k)) {
                  add(
                      Rules.TEMPLATE_METADATA,
                      p.child("labels"),
                      Reason.INVALID,
                      "label key '" + k + "': " + m,
                      "use a valid label key");
                }
                for (String m : Names.labelValue(val)) {
                  add(
                      Rules.TEMPLATE_METADATA,
                      p.child("labels"),
                      Reason.INVALID,
                      "label value '" + val + "': " + m,
                      "use a valid label value");
                }
              });
    }
    if (meta.getAnnotations() != null) {
      meta.getAnnotations()
          .keySet()
          .forEach(
              k -> {
                for (String m : Names.qualifiedName(k.toLowerCase(java.util.Locale.ROOT))) {
                  add(
                      Rules.TEMPLATE_METADATA,
                      p.child("annotations"),
                      Reason.INVALID,
                      "annotation key '" + k + "': " + m,
                      "use a valid annotation key");
                }
              });
    }
  }

  // ------------------------------------------------------------------------------- claim spec

  private record RequestNames(Map<String, Set<String>> names) {
    boolean has(String ref) {
      String[] seg = ref.split("/", -1);
      if (seg.length > 2 || !names.containsKey(seg[0])) return false;
      return seg.length == 1 || (names.get(seg[0]) != null && names.get(seg[0]).contains(seg[1]));
    }
  }

  private static RequestNames requestNames(DeviceClaim devices) {
    Map<String, Set<String>> names = new HashMap<>();
    if (devices != null && devices.getRequests() != null) {
      for (DeviceRequest r : devices.getRequests()) {
        if (r.getFirstAvailable() == null || r.getFirstAvailable().isEmpty()) {
          names.put(r.getName(), null);
        } else {
          Set<String> subs = new HashSet<>();
          r.getFirstAvailable().forEach(s -> subs.add(s.getName()));
          names.put(r.getName(), subs);
        }
      }
    }
    return new RequestNames(names);
  }

  void claimSpec(ResourceClaimSpec spec, FieldPath p) {
    if (spec == null) return;
    DeviceClaim devices = spec.getDevices();
    if (devices == null) return;
    FieldPath dp = p.child("devices");
    RequestNames names = requestNames(devices);
    Map<String, Set<String>> constraintAttributes = constraintAttributes(devices.getConstraints());
    List<DeviceRequest> requests = nn(devices.getRequests());
    if (tooMany(Rules.CLAIM_REQUEST, requests, DEVICE_REQUESTS_MAX_SIZE, dp.child("requests"))) {
      // size first, items not validated (DOS protection), as validateSet
    } else {
      for (int i = 0; i < requests.size(); i++) {
        request(requests.get(i), dp.child("requests").index(i), constraintAttributes);
      }
      duplicates(
          Rules.CLAIM_REQUEST,
          requests.stream().map(DeviceRequest::getName).toList(),
          dp.child("requests"),
          "give each request a unique name");
    }
    List<DeviceConstraint> constraints = nn(devices.getConstraints());
    if (!tooMany(
        Rules.CLAIM_CONSTRAINT,
        constraints,
        DEVICE_CONSTRAINTS_MAX_SIZE,
        dp.child("constraints"))) {
      for (int i = 0; i < constraints.size(); i++) {
        constraint(constraints.get(i), dp.child("constraints").index(i), names);
      }
    }
    List<DeviceClaimConfiguration> config = nn(devices.getConfig());
    if (!tooMany(Rules.CLAIM_CONFIG, config, DEVICE_CONFIG_MAX_SIZE, dp.child("config"))) {
      for (int i = 0; i < config.size(); i++) {
        FieldPath cp = dp.child("config").index(i);
        requestRefs(
            Rules.CLAIM_CONFIG, nn(config.get(i).getRequests()), cp.child("requests"), names);
        opaque(config.get(i).getOpaque(), cp.child("opaque"));
      }
    }
  }

  private static Map<String, Set<String>> constraintAttributes(List<DeviceConstraint> constraints) {
    Map<String, Set<String>> attrs = new HashMap<>();
    for (DeviceConstraint c : nn(constraints)) {
      String a = c.getMatchAttribute() != null ? c.getMatchAttribute() : c.getDistinctAttribute();
      if (a == null) continue;
      if (nn(c.getRequests()).isEmpty()) {
        attrs.computeIfAbsent("", k -> new HashSet<>()).add(a);
      } else {
        for (String r : c.getRequests()) attrs.computeIfAbsent(r, k -> new HashSet<>()).add(a);
      }
    }
    return attrs;
  }

  private void request(
      DeviceRequest r, FieldPath p, Map<String, Set<String>> constraintAttributes) {
    requestName(r.getName(), p.child("name"));
    boolean hasFirst = r.getFirstAvailable() != null && !r.getFirstAvailable().isEmpty();
    boolean hasExactly = r.getExactly() != null;
    if (!hasFirst && !hasExactly) {
      add(
          Rules.CLAIM_REQUEST,
          p,
          Reason.REQUIRED,
          "exactly one of `exactly` or `firstAvailable` is required",
          "add `exactly: {deviceClassName: ...}` or a `firstAvailable` list");
    } else if (hasFirst && hasExactly) {
      add(
          Rules.CLAIM_REQUEST,
          p,
          Reason.INVALID,
          "exactly one of `exactly` or `firstAvailable` is required, but multiple fields are set",
          "keep either `exactly` or `firstAvailable`");
    } else if (hasFirst) {
      List<DeviceSubRequest> subs = r.getFirstAvailable();
      FieldPath fp = p.child("firstAvailable");
      if (!tooMany(Rules.CLAIM_REQUEST, subs, FIRST_AVAILABLE_DEVICE_REQUEST_MAX_SIZE, fp)) {
        for (int i = 0; i < subs.size(); i++) {
          DeviceSubRequest s = subs.get(i);
          requestName(s.getName(), fp.index(i).child("name"));
          requestedDevices(
              RequestedDevices.of(s, fp.index(i)),
              r.getName() + "/" + s.getName(),
              constraintAttributes);
        }
        duplicates(
            Rules.CLAIM_REQUEST,
            subs.stream().map(DeviceSubRequest::getName).toList(),
            fp,
            "give each alternative a unique name");
      }
    } else {
      requestedDevices(
          RequestedDevices.of(r.getExactly(), p.child("exactly")),
          r.getName(),
          constraintAttributes);
    }
  }

  /**
   * What an {@code exactly} request and a {@code firstAvailable} alternative have in common,
   * checked the same way for both (validateExactDeviceRequest, validateDeviceSubRequest).
   */
  private void requestedDevices(
      RequestedDevices d, String requestName, Map<String, Set<String>> constraintAttributes) {
    FieldPath p = d.path();
    deviceClassName(d.deviceClassName(), p.child("deviceClassName"));
    selectors(d.selectors(), p.child("selectors"));
    derivedAttributes(
        d.derivedAttributes(), p.child("derivedAttributes"), requestName, constraintAttributes);
    allocationMode(d.allocationMode(), d.count(), p);
    tolerations(d.tolerations(), p.child("tolerations"));
  }

  private void requestName(String name, FieldPath p) {
    for (String m : Names.dnsLabel(Objects0.str(name))) {
      add(
          Rules.CLAIM_REQUEST,
          p,
          Reason.INVALID,
          "'" + Objects0.str(name) + "': " + m,
          "request names are DNS labels such as 'gpus'");
    }
  }

  private void deviceClassName(String name, FieldPath p) {
    if (name == null || name.isEmpty()) {
      add(
          Rules.REQUEST_DEVICE_CLASS,
          p,
          Reason.REQUIRED,
          "a device class name is required",
          "name the DeviceClass, such as gpu.nvidia.com");
      return;
    }
    for (String m : Names.dnsSubdomain(name)) {
      add(
          Rules.REQUEST_DEVICE_CLASS,
          p,
          Reason.INVALID,
          "'" + name + "': " + m,
          "DeviceClass names are DNS subdomains");
    }
  }

  void selectors(List<DeviceSelector> selectors, FieldPath p) {
    if (tooMany(Rules.SELECTOR_CEL, selectors, DEVICE_SELECTORS_MAX_SIZE, p)) return;
    for (int i = 0; i < selectors.size(); i++) {
      DeviceSelector s = selectors.get(i);
      if (s == null || s.getCel() == null) {
        add(
            Rules.SELECTOR_CEL,
            p.index(i).child("cel"),
            Reason.REQUIRED,
            "a selector needs `cel`",
            "add cel: {expression: ...}");
        continue;
      }
      celExpression(
          Objects0.str(s.getCel().getExpression()),
          p.index(i).child("cel", "expression"),
          Rules.SELECTOR_CEL);
    }
  }

  private long celExpression(String expression, FieldPath p, String rule) {
    CompiledExpression c =
        DraCelEnvironment.get(gates.test(DraFeatureGates.LIST_TYPE_ATTRIBUTES)).compile(expression);
    switch (c.errorKind()) {
      case TOO_LONG:
        add(
            rule,
            p,
            Reason.TOO_LONG,
            "may not be more than "
                + DraCelEnvironment.CEL_SELECTOR_EXPRESSION_MAX_LENGTH
                + " bytes, found "
                + expression.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
            "split the expression into several selectors");
        return 0;
      case INVALID:
        add(
            rule,
            p,
            Reason.INVALID,
            c.detail(),
            "fix the CEL expression; `device` has driver, attributes[domain][id], capacity[domain][id] and allowMultipleAllocations");
        return 0;
      case INTERNAL:
        add(rule, p, Reason.INTERNAL, c.detail(), "this is a bug in AIConform; please report it");
        return 0;
      default:
        if (c.exceedsCostLimit()) {
          add(
              rule,
              p,
              Reason.FORBIDDEN,
              "too complex, exceeds cost limit (estimated cost "
                  + c.estimatedCost()
                  + " > "
                  + DraCelEnvironment.CEL_SELECTOR_EXPRESSION_MAX_COST
                  + ")",
              "avoid nested comprehensions over attribute maps");
        }
        return c.estimatedCost();
    }
  }

  private void derivedAttributes(
      List<DeviceDerivedAttribute> attrs,
      FieldPath p,
      String requestName,
      Map<String, Set<String>> constraintAttributes) {
    for (int i = 0; i < attrs.size(); i++) {
      DeviceDerivedAttribute a = attrs.get(i);
      FieldPath ap = p.index(i);
      String name = Objects0.str(a.getName());
      if (name.isEmpty()) {
        add(
            Rules.REQUEST_DERIVED_ATTRIBUTE,
            ap.child("name"),
            Reason.REQUIRED,
            "a derived attribute needs a name",
            "name it domain/id");
      } else if (!usedByConstraint(name, requestName, constraintAttributes)) {
        add(
            Rules.REQUEST_DERIVED_ATTRIBUTE,
            ap.child("name"),
            Reason.INVALID,
            "'"
                + name
                + "': must be referenced by at least one matchAttribute or distinctAttribute constraint targeting this request",
            "add a constraint on this attribute or remove it");
      }
      if (Objects0.str(a.getExpression()).isEmpty()) {
        add(
            Rules.REQUEST_DERIVED_ATTRIBUTE,
            ap.child("expression"),
            Reason.REQUIRED,
            "a derived attribute needs an expression",
            "add a CEL expression");
      } else {
        celExpression(a.getExpression(), ap.child("expression"), Rules.REQUEST_DERIVED_ATTRIBUTE);
      }
    }
    duplicates(
        Rules.REQUEST_DERIVED_ATTRIBUTE,
        attrs.stream().map(DeviceDerivedAttribute::getName).toList(),
        p,
        "use each name once");
  }

  private static boolean usedByConstraint(
      String attr, String request, Map<String, Set<String>> ca) {
    if (ca.getOrDefault("", Set.of()).contains(attr)) return true;
    if (ca.getOrDefault(request, Set.of()).contains(attr)) return true;
    int slash = request.indexOf('/');
    return slash > 0 && ca.getOrDefault(request.substring(0, slash), Set.of()).contains(attr);
  }

  private void allocationMode(String mode, Long count, FieldPath p) {
    long n = count == null ? 0 : count;
    String m = Objects0.str(mode);
    switch (m) {
      case "All":
        if (n != 0) {
          add(
              Rules.REQUEST_ALLOCATION_MODE,
              p.child("count"),
              Reason.INVALID,
              n + ": must not be specified when allocationMode is 'All'",
              "remove count, or use allocationMode: ExactCount");
        }
        break;
      case "ExactCount":
        if (n <= 0) {
          add(
              Rules.REQUEST_ALLOCATION_MODE,
              p.child("count"),
              Reason.INVALID,
              n + ": must be greater than zero",
              "request at least one device");
        }
        break;
      default:
        add(
            Rules.REQUEST_ALLOCATION_MODE,
            p.child("allocationMode"),
            Reason.NOT_SUPPORTED,
            "Unsupported value: \"" + m + "\": supported values: \"All\", \"ExactCount\"",
            "use ExactCount (with count) or All");
    }
  }

  void tolerations(List<DeviceToleration> tolerations, FieldPath p) {
    for (int i = 0; i < tolerations.size(); i++) {
      DeviceToleration t = tolerations.get(i);
      FieldPath tp = p.index(i);
      String key = Objects0.str(t.getKey());
      if (!key.isEmpty()) {
        for (String m : Names.qualifiedName(key)) {
          add(
              Rules.REQUEST_TOLERATION,
              tp.child("key"),
              Reason.INVALID,
              "'" + key + "': " + m,
              "taint keys are label names such as example.com/unhealthy");
        }
      }
      String op = Objects0.str(t.getOperator());
      String value = Objects0.str(t.getValue());
      switch (op) {
        case "Exists":
          if (!value.isEmpty()) {
            add(
                Rules.REQUEST_TOLERATION,
                tp.child("value"),
                Reason.INVALID,
                "'" + value + "': must be empty for operator `Exists`",
                "remove the value or use operator Equal");
          }
          break;
        case "Equal":
          for (String m : Names.labelValue(value)) {
            add(
                Rules.REQUEST_TOLERATION,
                tp.child("value"),
                Reason.INVALID,
                "'" + value + "': " + m,
                "use a label value");
          }
          break;
        case "":
          add(
              Rules.REQUEST_TOLERATION,
              tp.child("operator"),
              Reason.REQUIRED,
              "an operator is required",
              "use Equal or Exists");
          break;
        default:
          add(
              Rules.REQUEST_TOLERATION,
              tp.child("operator"),
              Reason.NOT_SUPPORTED,
              "Unsupported value: \"" + op + "\": supported values: \"Equal\", \"Exists\"",
              "use Equal or Exists");
      }
      String effect = Objects0.str(t.getEffect());
      if (!effect.isEmpty()) taintEffect(Rules.REQUEST_TOLERATION, effect, tp.child("effect"));
    }
  }

  private static final Set<String> TAINT_EFFECTS = Set.of("NoSchedule", "NoExecute", "None");

  /** A taint's or toleration's effect (given) is one the API knows. */
  private void taintEffect(String rule, String effect, FieldPath p) {
    if (!TAINT_EFFECTS.contains(effect)) {
      add(
          rule,
          p,
          Reason.NOT_SUPPORTED,
          "Unsupported value: \""
              + effect
              + "\": supported values: \"NoExecute\", \"NoSchedule\", \"None\"",
          "use NoSchedule, NoExecute or None");
    }
  }

  private void constraint(DeviceConstraint c, FieldPath p, RequestNames names) {
    requestRefs(Rules.CLAIM_CONSTRAINT, nn(c.getRequests()), p.child("requests"), names);
    if (c.getMatchAttribute() != null) {
      fullyQualifiedName(Rules.CLAIM_CONSTRAINT, c.getMatchAttribute(), p.child("matchAttribute"));
    } else if (c.getDistinctAttribute() != null) {
      fullyQualifiedName(
          Rules.CLAIM_CONSTRAINT, c.getDistinctAttribute(), p.child("distinctAttribute"));
    } else if (gates.test(DraFeatureGates.CONSUMABLE_CAPACITY)) {
      add(
          Rules.CLAIM_CONSTRAINT,
          p,
          Reason.REQUIRED,
          "exactly one of \"matchAttribute\" or \"distinctAttribute\" is required",
          "add matchAttribute: resource.kubernetes.io/pcieRoot (for example)");
    } else {
      add(
          Rules.CLAIM_CONSTRAINT,
          p.child("matchAttribute"),
          Reason.REQUIRED,
          "matchAttribute is required",
          "add matchAttribute: resource.kubernetes.io/pcieRoot (for example)");
    }
  }

  private void requestRefs(String rule, List<String> refs, FieldPath p, RequestNames names) {
    if (tooMany(rule, refs, DEVICE_REQUESTS_MAX_SIZE, p)) return;
    for (int i = 0; i < refs.size(); i++) {
      String ref = Objects0.str(refs.get(i));
      FieldPath rp = p.index(i);
      String[] seg = ref.split("/", -1);
      String msg =
          "must be the name of a request in the claim or the name of a request and a subrequest separated by '/'";
      if (seg.length > 2) {
        add(
            rule,
            rp,
            Reason.INVALID,
            "'" + ref + "': " + msg,
            "reference 'request' or 'request/subrequest'");
        continue;
      }
      for (String s : seg) {
        for (String m : Names.dnsLabel(s))
          add(rule, rp, Reason.INVALID, "'" + s + "': " + m, "request names are DNS labels");
      }
      if (!names.has(ref)) {
        add(
            rule,
            rp,
            Reason.INVALID,
            "'" + ref + "': " + msg,
            "known requests: " + new TreeMap<>(names.names()).keySet());
      }
    }
    duplicates(rule, refs, p, "list each request once");
  }

  void opaque(OpaqueDeviceConfiguration o, FieldPath p) {
    if (o == null) {
      add(
          Rules.CLAIM_CONFIG,
          p,
          Reason.REQUIRED,
          "opaque configuration is required",
          "add opaque: {driver: ..., parameters: {...}}");
      return;
    }
    driverName(Rules.CLAIM_CONFIG, o.getDriver(), p.child("driver"));
    FieldPath pp = p.child("parameters");
    Object params = o.getParameters();
    if (params == null) {
      add(
          Rules.CLAIM_CONFIG,
          pp,
          Reason.REQUIRED,
          "parameters are required",
          "add the driver's parameters as a JSON object");
      return;
    }
    String json;
    try {
      json = dev.aiconform.core.internal.KubeSerialization.get().asJson(params);
    } catch (RuntimeException e) {
      add(
          Rules.CLAIM_CONFIG,
          pp,
          Reason.INVALID,
          "<value omitted>: error parsing data as JSON: " + e.getMessage(),
          "use a JSON object");
      return;
    }
    if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > OPAQUE_PARAMETERS_MAX_LENGTH) {
      add(
          Rules.CLAIM_CONFIG,
          pp,
          Reason.TOO_LONG,
          "may not be more than " + OPAQUE_PARAMETERS_MAX_LENGTH + " bytes",
          "move large configuration elsewhere (ConfigMap)");
    } else if (json.strip().equals("null")) {
      add(
          Rules.CLAIM_CONFIG,
          pp,
          Reason.REQUIRED,
          "parameters are required",
          "add the driver's parameters as a JSON object");
    } else if (!json.strip().startsWith("{")) {
      add(
          Rules.CLAIM_CONFIG,
          pp,
          Reason.INVALID,
          "<value omitted>: must be a valid JSON object",
          "wrap the parameters in an object with apiVersion and kind");
    }
  }

  /**
   * corevalidation.ValidateCSIDriverName: an empty name is Required and also fails the DNS
   * subdomain format. Where declarative validation covers the field (opaque configuration in
   * 1.35+), its required check stops there, so only Required remains.
   */
  private void driverName(String rule, String name, FieldPath p) {
    driverName(rule, name, p, true);
  }

  private void driverName(String rule, String name, FieldPath p, boolean requiredStopsHere) {
    if (name == null || name.isEmpty()) {
      add(
          rule,
          p,
          Reason.REQUIRED,
          "a driver name is required",
          "name the DRA driver, such as gpu.nvidia.com");
      if (requiredStopsHere) return;
      name = "";
    }
    if (name.length() > DRIVER_NAME_MAX_LENGTH) {
      add(
          rule,
          p,
          Reason.TOO_LONG,
          "may not be more than " + DRIVER_NAME_MAX_LENGTH + " bytes",
          "use the driver's registered name");
    }
    for (String m : Names.dnsSubdomain(name.toLowerCase(java.util.Locale.ROOT))) {
      add(
          rule,
          p,
          Reason.INVALID,
          "'" + name + "': " + m,
          "driver names are DNS subdomains such as gpu.nvidia.com");
    }
  }

  private void fullyQualifiedName(String rule, String name, FieldPath p) {
    qualifiedName(rule, name, p);
    if (!name.contains("/")) {
      add(
          rule,
          p,
          Reason.INVALID,
          "'" + name + "': a fully qualified name must be a domain and a name separated by a slash",
          "write it as domain/name, such as resource.kubernetes.io/pcieRoot");
    }
  }

  private void qualifiedName(String rule, String name, FieldPath p) {
    String[] parts = name.split("/", -1);
    if (parts.length == 1) {
      cIdentifier(rule, parts[0], p);
    } else if (parts.length == 2) {
      if (parts[0].isEmpty())
        add(rule, p, Reason.INVALID, "'': the domain must not be empty", "write domain/name");
      else driverName(rule, parts[0], p);
      if (parts[1].isEmpty())
        add(rule, p, Reason.INVALID, "'': the name must not be empty", "write domain/name");
      else cIdentifier(rule, parts[1], p);
    } else {
      add(
          rule,
          p,
          Reason.INVALID,
          "'" + name + "': must not contain more than one slash",
          "write domain/name");
    }
  }

  private void cIdentifier(String rule, String id, FieldPath p) {
    if (id.length() > DEVICE_MAX_ID_LENGTH) {
      add(
          rule,
          p,
          Reason.TOO_LONG,
          "may not be more than " + DEVICE_MAX_ID_LENGTH + " bytes",
          "shorten the name");
    }
    if (!Names.isCIdentifier(id)) {
      add(
          rule,
          p,
          Reason.INVALID,
          "'"
              + id
              + "': a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name', or 'MY_NAME', or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')",
          "attribute ids are C identifiers");
    }
  }

  // ----------------------------------------------------------------------------- DeviceClass

  private void deviceClass(DeviceClass c) {
    if (c.getSpec() == null) return;
    FieldPath p = FieldPath.of("spec");
    selectors(nn(c.getSpec().getSelectors()), p.child("selectors"));
    List<DeviceClassConfiguration> config = nn(c.getSpec().getConfig());
    if (!tooMany(Rules.CLAIM_CONFIG, config, DEVICE_CONFIG_MAX_SIZE, p.child("config"))) {
      for (int i = 0; i < config.size(); i++)
        opaque(config.get(i).getOpaque(), p.child("config").index(i).child("opaque"));
    }
    String ern = c.getSpec().getExtendedResourceName();
    if (ern != null && !ResourceNames.isExtended(ern)) {
      add(
          Rules.CLASS_EXTENDED_RESOURCE,
          p.child("extendedResourceName"),
          Reason.INVALID,
          "'" + ern + "': must be a valid extended resource name",
          "use a domain-prefixed name outside kubernetes.io, such as example.com/gpu");
    }
  }

  // --------------------------------------------------------------------------- ResourceSlice

  private void poolName(String rule, String name, FieldPath p) {
    if (name == null || name.isEmpty()) {
      add(
          rule,
          p,
          Reason.REQUIRED,
          "a pool name is required",
          "name the pool (usually the node name)");
      return;
    }
    if (name.length() > POOL_NAME_MAX_LENGTH) {
      add(
          rule,
          p,
          Reason.TOO_LONG,
          "may not be more than " + POOL_NAME_MAX_LENGTH + " bytes",
          "shorten the pool name");
    }
    for (String part : name.split("/", -1)) {
      for (String m : Names.dnsSubdomain(part))
        add(
            rule,
            p,
            Reason.INVALID,
            "'" + part + "': " + m,
            "pool names are '/'-separated DNS subdomains");
    }
  }

  private void slice(ResourceSliceSpec spec, FieldPath p) {
    driverName(Rules.SLICE_POOL, spec.getDriver(), p.child("driver"), false);
    {
      var pool =
          spec.getPool() != null
              ? spec.getPool()
              : new io.fabric8.kubernetes.api.model.resource.v1.ResourcePool();
      poolName(Rules.SLICE_POOL, pool.getName(), p.child("pool", "name"));
      long count = pool.getResourceSliceCount() == null ? 0 : pool.getResourceSliceCount();
      if (count <= 0)
        add(
            Rules.SLICE_POOL,
            p.child("pool", "resourceSliceCount"),
            Reason.INVALID,
            count + ": must be greater than zero",
            "set resourceSliceCount to the number of slices in the pool");
      long gen = pool.getGeneration() == null ? 0 : pool.getGeneration();
      if (gen < 0)
        add(
            Rules.SLICE_POOL,
            p.child("pool", "generation"),
            Reason.INVALID,
            gen + ": must be greater than or equal to zero",
            "use a non-negative generation");
    }
    List<String> set = new ArrayList<>();
    if (spec.getNodeName() != null) {
      if (!spec.getNodeName().isEmpty()) {
        set.add("`nodeName`");
        for (String m : Names.dnsSubdomain(spec.getNodeName()))
          add(
              Rules.SLICE_NODE_SELECTION,
              p.child("nodeName"),
              Reason.INVALID,
              "'" + spec.getNodeName() + "': " + m,
              "use the Node's name");
      } else {
        add(
            Rules.SLICE_NODE_SELECTION,
            p.child("nodeName"),
            Reason.INVALID,
            "'': must be either unset or set to a non-empty string",
            "remove nodeName or set it");
      }
    }
    if (spec.getNodeSelector() != null) {
      set.add("`nodeSelector`");
      nodeSelector(spec.getNodeSelector(), p.child("nodeSelector"));
      if (nn(spec.getNodeSelector().getNodeSelectorTerms()).size() != 1) {
        add(
            Rules.SLICE_NODE_SELECTION,
            p.child("nodeSelector", "nodeSelectorTerms"),
            Reason.INVALID,
            "must have exactly one node selector term",
            "merge the terms into one");
      }
    }
    trueOrUnset(spec.getAllNodes(), "allNodes", p, set);
    trueOrUnset(spec.getPerDeviceNodeSelection(), "perDeviceNodeSelection", p, set);
    if (set.isEmpty()) {
      add(
          Rules.SLICE_NODE_SELECTION,
          p,
          Reason.REQUIRED,
          "exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required",
          "set nodeName for node-local devices");
    } else if (set.size() > 1) {
      add(
          Rules.SLICE_NODE_SELECTION,
          p,
          Reason.INVALID,
          "{"
              + String.join(", ", set)
              + "}: exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required, but multiple fields are set",
          "keep one of them");
    }
    // fabric8 reads an absent list as empty, so "set" means non-empty here
    if (!nn(spec.getSharedCounters()).isEmpty() && !nn(spec.getDevices()).isEmpty()) {
      add(
          Rules.SLICE_COUNTER,
          p,
          Reason.INVALID,
          "only one of `sharedCounters` or `devices` is allowed",
          "publish counter sets in a slice of their own");
    }
    List<Device> devices = nn(spec.getDevices());
    boolean advanced =
        devices.stream()
            .anyMatch(
                d ->
                    !nn(d.getTaints()).isEmpty()
                        || !nn(d.getConsumesCounters()).isEmpty()
                        || hasListAttributes(d));
    int maxDevices =
        advanced ? RESOURCE_SLICE_MAX_DEVICES_WITH_ADVANCED_FEATURES : RESOURCE_SLICE_MAX_DEVICES;
    if (devices.size() > maxDevices) {
      add(
          Rules.SLICE_DEVICE,
          p.child("devices"),
          Reason.TOO_MANY,
          "must have at most "
              + maxDevices
              + " items, found "
              + devices.size()
              + (advanced ? " (64 when devices use taints, counters or list attributes)" : ""),
          "split the pool into several slices (resourceSliceCount)");
    } else {
      for (int i = 0; i < devices.size(); i++)
        device(
            devices.get(i),
            p.child("devices").index(i),
            Boolean.TRUE.equals(spec.getPerDeviceNodeSelection()));
      duplicates(
          Rules.SLICE_DEVICE,
          devices.stream().map(Device::getName).toList(),
          p.child("devices"),
          "device names are unique within a slice");
    }
    List<CounterSet> sets = nn(spec.getSharedCounters());
    if (!tooMany(
        Rules.SLICE_COUNTER,
        sets.size(),
        RESOURCE_SLICE_MAX_COUNTER_SETS,
        p.child("sharedCounters"),
        "use fewer counter sets per slice")) {
      for (int i = 0; i < sets.size(); i++) {
        FieldPath cp = p.child("sharedCounters").index(i);
        counterSetName(sets.get(i).getName(), cp.child("name"));
        counters(
            sets.get(i).getCounters(),
            cp.child("counters"),
            RESOURCE_SLICE_MAX_COUNTERS_PER_COUNTER_SET);
      }
      duplicates(
          Rules.SLICE_COUNTER,
          sets.stream().map(CounterSet::getName).toList(),
          p.child("sharedCounters"),
          "counter set names are unique");
    }
    if (spec.getPartitionTypeAttribute() != null) partitionType(spec, p);
    skipNodeOperations(nn(spec.getSkipNodeOperations()), p.child("skipNodeOperations"));
  }

  private void partitionType(ResourceSliceSpec spec, FieldPath p) {
    String name = spec.getPartitionTypeAttribute();
    List<Device> devices = nn(spec.getDevices());
    if (devices.stream().noneMatch(d -> !nn(d.getConsumesCounters()).isEmpty())) {
      add(
          Rules.SLICE_PARTITION,
          p.child("partitionTypeAttribute"),
          Reason.INVALID,
          "'" + name + "': may only be set on a slice which declares devices that consume counters",
          "remove partitionTypeAttribute");
      return;
    }
    int before = out.size();
    fullyQualifiedName(Rules.SLICE_PARTITION, name, p.child("partitionTypeAttribute"));
    if (out.size() > before) return;
    String bare =
        name.startsWith(spec.getDriver() + "/")
            ? name.substring(spec.getDriver().length() + 1)
            : "";
    for (int i = 0; i < devices.size(); i++) {
      Device d = devices.get(i);
      if (nn(d.getConsumesCounters()).isEmpty()) continue;
      FieldPath ap = p.child("devices").index(i).child("attributes").key(name);
      Map<String, DeviceAttribute> attrs = d.getAttributes() == null ? Map.of() : d.getAttributes();
      DeviceAttribute a =
          attrs.containsKey(name) ? attrs.get(name) : (!bare.isEmpty() ? attrs.get(bare) : null);
      if (a == null)
        add(
            Rules.SLICE_PARTITION,
            ap,
            Reason.REQUIRED,
            "device consumes counters and `partitionTypeAttribute` names this attribute, so it must be set",
            "add the attribute to the device");
      else if (a.getString() == null)
        add(
            Rules.SLICE_PARTITION,
            ap,
            Reason.INVALID,
            "must be a string value because `partitionTypeAttribute` names this attribute",
            "publish it as a string");
    }
  }

  private void skipNodeOperations(List<String> ops, FieldPath p) {
    if (ops.contains("NodePrepareResources")
        && !ops.contains("NodeUnprepareResources")
        && !ops.contains("*")) {
      add(
          Rules.SLICE_PARTITION,
          p,
          Reason.INVALID,
          ops
              + ": NodePrepareResources cannot be skipped unless NodeUnprepareResources is also skipped",
          "also skip NodeUnprepareResources");
    }
  }

  private static boolean hasListAttributes(Device d) {
    if (d.getAttributes() == null) return false;
    return d.getAttributes().values().stream()
        .anyMatch(
            a ->
                a != null
                    && (sz(a.getInts())
                            + sz(a.getBools())
                            + sz(a.getStrings())
                            + sz(a.getVersions())
                        > 0));
  }

  private void device(Device d, FieldPath p, boolean perDeviceNodeSelection) {
    for (String m : Names.dnsLabel(Objects0.str(d.getName())))
      add(
          Rules.SLICE_DEVICE,
          p.child("name"),
          Reason.INVALID,
          "'" + Objects0.str(d.getName()) + "': " + m,
          "device names are DNS labels");
    Map<String, DeviceAttribute> attrs = d.getAttributes() == null ? Map.of() : d.getAttributes();
    Map<String, DeviceCapacity> caps = d.getCapacity() == null ? Map.of() : d.getCapacity();
    int total = attrs.size() + caps.size();
    if (total > RESOURCE_SLICE_MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE) {
      add(
          Rules.SLICE_DEVICE,
          p,
          Reason.INVALID,
          total
              + ": the total number of attributes and capacities must not exceed "
              + RESOURCE_SLICE_MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE,
          "publish fewer attributes");
    }
    int values = 0;
    for (DeviceAttribute a : attrs.values()) {
      int n =
          a == null
              ? 0
              : sz(a.getBools()) + sz(a.getInts()) + sz(a.getStrings()) + sz(a.getVersions());
      values += n == 0 ? 1 : n;
    }
    if (values > RESOURCE_SLICE_MAX_ATTRIBUTE_VALUES_PER_DEVICE) {
      add(
          Rules.SLICE_DEVICE,
          p,
          Reason.INVALID,
          values
              + ": the total number of attribute values must not exceed "
              + RESOURCE_SLICE_MAX_ATTRIBUTE_VALUES_PER_DEVICE,
          "publish shorter lists");
    }
    for (Map.Entry<String, DeviceAttribute> e : new TreeMap<>(attrs).entrySet()) {
      qualifiedName(Rules.SLICE_ATTRIBUTE, e.getKey(), p.child("attributes"));
      attribute(e.getValue(), p.child("attributes").key(truncatedKey(e.getKey())));
    }
    boolean multi = Boolean.TRUE.equals(d.getAllowMultipleAllocations());
    for (Map.Entry<String, DeviceCapacity> e : new TreeMap<>(caps).entrySet()) {
      qualifiedName(Rules.SLICE_CAPACITY, e.getKey(), p.child("capacity"));
      DeviceCapacity c = e.getValue();
      if (c == null || c.getRequestPolicy() == null) continue;
      FieldPath rp = p.child("capacity").key(truncatedKey(e.getKey())).child("requestPolicy");
      if (!multi) {
        add(
            Rules.SLICE_CAPACITY,
            rp,
            Reason.FORBIDDEN,
            "allowMultipleAllocations must be true",
            "set allowMultipleAllocations: true or remove requestPolicy");
      } else {
        requestPolicy(c.getValue(), c.getRequestPolicy(), rp);
      }
    }
    List<DeviceTaint> taints = nn(d.getTaints());
    int maxTaints =
        version == TargetVersion.V1_34 ? DEVICE_TAINTS_MAX_LENGTH_1_34 : DEVICE_TAINTS_MAX_LENGTH;
    if (taints.size() > maxTaints) {
      add(
          Rules.SLICE_TAINT,
          p.child("taints"),
          Reason.TOO_MANY,
          "must have at most "
              + maxTaints
              + " items, found "
              + taints.size()
              + (version == TargetVersion.V1_34 ? " (Kubernetes 1.34 allows 4)" : ""),
          "use fewer taints per device");
    } else {
      for (int i = 0; i < taints.size(); i++) taint(taints.get(i), p.child("taints").index(i));
    }
    List<DeviceCounterConsumption> consumes = nn(d.getConsumesCounters());
    if (!tooMany(
        Rules.SLICE_COUNTER,
        consumes.size(),
        RESOURCE_SLICE_MAX_DEVICE_COUNTER_CONSUMPTIONS_PER_DEVICE,
        p.child("consumesCounters"),
        "consume from at most two counter sets")) {
      for (int i = 0; i < consumes.size(); i++) {
        FieldPath cp = p.child("consumesCounters").index(i);
        counterSetName(consumes.get(i).getCounterSet(), cp.child("counterSet"));
        counters(
            consumes.get(i).getCounters(),
            cp.child("counters"),
            RESOURCE_SLICE_MAX_COUNTERS_PER_DEVICE_COUNTER_CONSUMPTION);
      }
      duplicates(
          Rules.SLICE_COUNTER,
          consumes.stream().map(DeviceCounterConsumption::getCounterSet).toList(),
          p.child("consumesCounters"),
          "name each counter set once");
    }
    if (perDeviceNodeSelection) {
      List<String> set = new ArrayList<>();
      if (d.getNodeName() != null) {
        if (!d.getNodeName().isEmpty()) {
          set.add("`nodeName`");
          for (String m : Names.dnsSubdomain(d.getNodeName()))
            add(
                Rules.SLICE_NODE_SELECTION,
                p.child("nodeName"),
                Reason.INVALID,
                "'" + d.getNodeName() + "': " + m,
                "use the Node's name");
        } else
          add(
              Rules.SLICE_NODE_SELECTION,
              p.child("nodeName"),
              Reason.INVALID,
              "'': must not be empty",
              "set the node name");
      }
      if (d.getNodeSelector() != null) {
        set.add("`nodeSelector`");
        nodeSelector(d.getNodeSelector(), p.child("nodeSelector"));
      }
      trueOrUnset(d.getAllNodes(), "allNodes", p, set);
      if (set.isEmpty())
        add(
            Rules.SLICE_NODE_SELECTION,
            p,
            Reason.REQUIRED,
            "exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec",
            "set one of them on the device");
      else if (set.size() > 1)
        add(
            Rules.SLICE_NODE_SELECTION,
            p,
            Reason.INVALID,
            "{"
                + String.join(", ", set)
                + "}: exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec",
            "keep one of them");
    } else if (d.getNodeName() != null || d.getNodeSelector() != null || d.getAllNodes() != null) {
      add(
          Rules.SLICE_NODE_SELECTION,
          p,
          Reason.INVALID,
          "`nodeName`, `nodeSelector` and `allNodes` can only be set if `perDeviceNodeSelection` is set to true in the ResourceSlice spec",
          "set spec.perDeviceNodeSelection: true or remove the device's node fields");
    }
    bindingConditions(nn(d.getBindingConditions()), nn(d.getBindingFailureConditions()), p);
  }

  private void bindingConditions(List<String> conds, List<String> failures, FieldPath p) {
    for (Object[] pair :
        new Object[][] {{conds, "bindingConditions"}, {failures, "bindingFailureConditions"}}) {
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) pair[0];
      FieldPath lp = p.child((String) pair[1]);
      if (tooMany(
          Rules.SLICE_DEVICE,
          list.size(),
          BINDING_CONDITIONS_MAX_SIZE,
          lp,
          "use at most 4 conditions")) {
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        for (String m : Names.qualifiedName(list.get(i)))
          add(
              Rules.SLICE_DEVICE,
              lp.index(i),
              Reason.INVALID,
              "'" + list.get(i) + "': " + m,
              "conditions are label names");
      }
    }
    duplicates(Rules.SLICE_DEVICE, conds, p.child("bindingConditions"), "list each condition once");
    Set<String> seenF = new HashSet<>();
    for (int i = 0; i < failures.size(); i++) {
      if (!seenF.add(failures.get(i)))
        add(
            Rules.SLICE_DEVICE,
            p.child("bindingFailureConditions").index(i),
            Reason.DUPLICATE,
            "Duplicate value: \"" + failures.get(i) + "\"",
            "list each condition once");
      if (conds.contains(failures.get(i)))
        add(
            Rules.SLICE_DEVICE,
            p.child("bindingFailureConditions").index(i),
            Reason.INVALID,
            "'"
                + failures.get(i)
                + "': bindingFailureConditions must not overlap with bindingConditions",
            "use different condition types");
    }
    if (conds.isEmpty() && !failures.isEmpty())
      add(
          Rules.SLICE_DEVICE,
          p.child("bindingConditions"),
          Reason.INVALID,
          "bindingConditions are required to use bindingFailureConditions",
          "add bindingConditions");
    if (failures.isEmpty() && !conds.isEmpty())
      add(
          Rules.SLICE_DEVICE,
          p.child("bindingFailureConditions"),
          Reason.INVALID,
          "bindingFailureConditions are required to use bindingConditions",
          "add bindingFailureConditions");
  }

  private void attribute(DeviceAttribute a, FieldPath p) {
    int fields = 0;
    if (a == null) a = new DeviceAttribute();
    if (a.getBool() != null) fields++;
    if (a.getInt() != null) fields++;
    if (a.getString() != null) {
      fields++;
      stringValue(a.getString(), p.child("string"));
    }
    if (a.getVersion() != null) {
      fields++;
      versionValue(a.getVersion(), p.child("version"));
    }
    // fabric8 reads an absent list as an empty one, so an empty list counts as unset here; the
    // server's "must not be empty if specified" cannot be told apart from an absent field.
    if (sz(a.getBools()) > 0) fields++;
    if (sz(a.getInts()) > 0) fields++;
    if (sz(a.getStrings()) > 0) {
      fields++;
      for (int i = 0; i < a.getStrings().size(); i++)
        stringValue(a.getStrings().get(i), p.child("strings").index(i));
    }
    if (sz(a.getVersions()) > 0) {
      fields++;
      for (int i = 0; i < a.getVersions().size(); i++)
        versionValue(a.getVersions().get(i), p.child("versions").index(i));
    }
    if (fields != 1) {
      add(
          Rules.SLICE_ATTRIBUTE,
          p,
          Reason.INVALID,
          "exactly one value must be specified, found " + fields,
          "set exactly one of int, bool, string, version (or a list form)");
    }
  }

  private void stringValue(String v, FieldPath p) {
    if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH) {
      add(
          Rules.SLICE_ATTRIBUTE,
          p,
          Reason.TOO_LONG,
          "may not be more than " + DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH + " bytes",
          "shorten the value");
    }
  }

  private void versionValue(String v, FieldPath p) {
    if (!KubeSemver.isSemver(v, false)) {
      add(
          Rules.SLICE_ATTRIBUTE,
          p,
          Reason.INVALID,
          "'" + v + "': must be a string compatible with semver.org spec 2.0.0",
          "write MAJOR.MINOR.PATCH, such as 550.54.15");
    }
    if (v.length() > DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH) {
      add(
          Rules.SLICE_ATTRIBUTE,
          p,
          Reason.TOO_LONG,
          "may not be more than " + DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH + " bytes",
          "shorten the value");
    }
  }

  private void requestPolicy(Quantity capacityValue, CapacityRequestPolicy policy, FieldPath p) {
    KubeQuantity max = q(capacityValue);
    List<Quantity> valid = nn(policy.getValidValues());
    if (!valid.isEmpty() && policy.getValidRange() != null) {
      add(
          Rules.SLICE_CAPACITY,
          p,
          Reason.FORBIDDEN,
          "exactly one policy can be specified, cannot specify \"validValues\" and \"validRange\" at the same time",
          "keep one of them");
      return;
    }
    if (!valid.isEmpty()) {
      if (policy.getDefault() == null) {
        add(
            Rules.SLICE_CAPACITY,
            p.child("default"),
            Reason.REQUIRED,
            "required when validValues is defined",
            "add a default");
        return;
      }
      KubeQuantity def = q(policy.getDefault());
      FieldPath vp = p.child("validValues");
      for (int i = 0; i + 1 < valid.size(); i++) {
        if (q(valid.get(i)).compareTo(q(valid.get(i + 1))) > 0)
          add(
              Rules.SLICE_CAPACITY,
              vp.index(i + 1),
              Reason.INVALID,
              "'" + q(valid.get(i + 1)) + "': values must be sorted in ascending order",
              "sort the values");
      }
      // validateSet stops at TooMany without visiting an option, so the default is not found
      boolean found = false;
      if (!tooMany(
          Rules.SLICE_CAPACITY,
          valid.size(),
          CAPACITY_REQUEST_POLICY_DISCRETE_MAX_OPTIONS,
          vp,
          "offer at most 10 values")) {
        // duplicates by whole units rounded up (Quantity.Value()), or by exact value with
        // DRAFractionalCapacityRange
        boolean exact = gates.test(DraFeatureGates.FRACTIONAL_CAPACITY_RANGE);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < valid.size(); i++) {
          KubeQuantity v = q(valid.get(i));
          if (max != null && v.compareTo(max) > 0)
            add(
                Rules.SLICE_CAPACITY,
                vp.index(i),
                Reason.INVALID,
                "'" + v + "': option is larger than capacity value: " + max,
                "keep options within the capacity");
          if (v.equals(def)) found = true;
          if (!seen.add(exact ? v.value().stripTrailingZeros() : v.ceil()))
            add(
                Rules.SLICE_CAPACITY,
                vp.index(i),
                Reason.DUPLICATE,
                "Duplicate value: \"" + v + "\"",
                "list each value once");
        }
      }
      if (!found)
        add(
            Rules.SLICE_CAPACITY,
            vp,
            Reason.INVALID,
            "'" + def + "': default value is not valid according to the requestPolicy",
            "make the default one of the valid values");
    } else if (policy.getValidRange() != null) {
      if (policy.getDefault() == null) {
        add(
            Rules.SLICE_CAPACITY,
            p.child("default"),
            Reason.REQUIRED,
            "required when validRange is defined",
            "add a default");
        return;
      }
      KubeQuantity def = q(policy.getDefault());
      CapacityRequestPolicyRange r = policy.getValidRange();
      FieldPath rp = p.child("validRange");
      if (r.getMin() == null) {
        add(
            Rules.SLICE_CAPACITY,
            rp.child("min"),
            Reason.REQUIRED,
            "required when validRange is defined",
            "add min");
        return;
      }
      KubeQuantity min = q(r.getMin());
      if (max != null && min.compareTo(max) > 0)
        add(
            Rules.SLICE_CAPACITY,
            rp.child("min"),
            Reason.INVALID,
            "'" + min + "': min is larger than capacity value: " + max,
            "lower min");
      if (def.compareTo(min) < 0)
        add(
            Rules.SLICE_CAPACITY,
            rp.child("default"),
            Reason.INVALID,
            "'" + def + "': default is less than min: " + min,
            "raise the default");
      KubeQuantity rmax = r.getMax() == null ? null : q(r.getMax());
      if (rmax != null) {
        if (min.compareTo(rmax) > 0)
          add(
              Rules.SLICE_CAPACITY,
              rp.child("max"),
              Reason.INVALID,
              "'" + min + "': min is larger than max: " + rmax,
              "raise max");
        if (max != null && rmax.compareTo(max) > 0)
          add(
              Rules.SLICE_CAPACITY,
              rp.child("max"),
              Reason.INVALID,
              "'" + rmax + "': max is larger than capacity value: " + max,
              "lower max");
        if (def.compareTo(rmax) > 0)
          add(
              Rules.SLICE_CAPACITY,
              rp.child("default"),
              Reason.INVALID,
              "'" + def + "': default is more than max: " + rmax,
              "lower the default");
      }
      KubeQuantity step = r.getStep() == null ? null : q(r.getStep());
      Map<String, KubeQuantity> bounds = new java.util.LinkedHashMap<>();
      bounds.put("default", def);
      bounds.put("min", min);
      if (rmax != null) bounds.put("max", rmax);
      if (step != null) bounds.put("step", step);
      // validateRequestPolicyRange: with DRAFractionalCapacityRange, any fractional value (the
      // default included) switches to milli-unit arithmetic, and every value must then be one
      boolean useMilli =
          gates.test(DraFeatureGates.FRACTIONAL_CAPACITY_RANGE)
              && bounds.values().stream().anyMatch(v -> v.value().stripTrailingZeros().scale() > 0);
      if (useMilli) {
        boolean unsafe = false;
        for (Map.Entry<String, KubeQuantity> e : bounds.entrySet()) {
          if (e.getValue().value().movePointRight(3).stripTrailingZeros().scale() > 0) {
            add(
                Rules.SLICE_CAPACITY,
                rp.child(e.getKey()),
                Reason.INVALID,
                "'" + e.getValue() + "': value cannot be represented as a milli value",
                "use at most three decimal places (m)");
            unsafe = true;
          }
        }
        if (unsafe) return;
      }
      if (step == null) return;
      if (step.sign() <= 0) {
        add(
            Rules.SLICE_CAPACITY,
            rp.child("step"),
            Reason.INVALID,
            "'" + step + "': must be greater than zero",
            "use a positive step");
        return;
      }
      if (max != null && min.add(step).compareTo(max) > 0)
        add(
            Rules.SLICE_CAPACITY,
            rp.child("step"),
            Reason.INVALID,
            "'" + step + "': one step " + min.add(step) + " is larger than capacity value: " + max,
            "use a smaller step");
      if (!useMilli) {
        // whole units (Quantity.Value()) only hold in [0, MaxInt64]
        boolean unsafe = false;
        for (Map.Entry<String, KubeQuantity> e : bounds.entrySet()) {
          BigDecimal v = e.getValue().value();
          String problem =
              v.signum() < 0
                  ? "must be greater than or equal to 0"
                  : v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                      ? "must not be larger than " + Long.MAX_VALUE
                      : null;
          if (problem != null) {
            add(
                Rules.SLICE_CAPACITY,
                rp.child(e.getKey()),
                Reason.INVALID,
                "'" + e.getValue() + "': " + problem,
                "keep range values between 0 and " + Long.MAX_VALUE);
            unsafe = true;
          }
        }
        if (unsafe) return;
      }
      for (KubeQuantity v : rmax == null ? List.of(def) : List.of(def, rmax)) {
        // Value() rounds up to whole units; MilliValue() is exact after the check above
        BigDecimal unit = useMilli ? step.value() : new BigDecimal(step.ceil());
        BigDecimal diff =
            useMilli
                ? v.value().subtract(min.value())
                : new BigDecimal(v.ceil().subtract(min.ceil()));
        if (diff.remainder(unit).signum() != 0)
          add(
              Rules.SLICE_CAPACITY,
              rp.child("step"),
              Reason.INVALID,
              "'"
                  + v
                  + "': value is not a multiple of a given step ("
                  + step
                  + ") from ("
                  + min
                  + ")",
              "align default and max to min + n*step");
      }
    }
  }

  private static KubeQuantity q(Quantity quantity) {
    if (quantity == null) return null;
    try {
      return CelDeviceInput.quantity(quantity);
    } catch (IllegalArgumentException e) {
      return KubeQuantity.of(BigDecimal.ZERO);
    }
  }

  void taint(DeviceTaint t, FieldPath p) {
    String key = Objects0.str(t.getKey());
    // metav1validation.ValidateLabelName, which also rejects the empty key
    for (String m : Names.qualifiedName(key))
      add(
          Rules.SLICE_TAINT,
          p.child("key"),
          Reason.INVALID,
          "'" + key + "': " + m,
          "taint keys are label names");
    String value = Objects0.str(t.getValue());
    if (!value.isEmpty())
      for (String m : Names.labelValue(value))
        add(
            Rules.SLICE_TAINT,
            p.child("value"),
            Reason.INVALID,
            "'" + value + "': " + m,
            "taint values are label values");
    String effect = Objects0.str(t.getEffect());
    if (effect.isEmpty())
      add(
          Rules.SLICE_TAINT,
          p.child("effect"),
          Reason.REQUIRED,
          "an effect is required",
          "use NoSchedule, NoExecute or None");
    else taintEffect(Rules.SLICE_TAINT, effect, p.child("effect"));
  }

  private void counterSetName(String name, FieldPath p) {
    if (name == null || name.isEmpty()) {
      add(
          Rules.SLICE_COUNTER,
          p,
          Reason.REQUIRED,
          "a counter set name is required",
          "name the counter set");
      return;
    }
    for (String m : Names.dnsLabel(name))
      add(
          Rules.SLICE_COUNTER,
          p,
          Reason.INVALID,
          "'" + name + "': " + m,
          "counter set names are DNS labels");
  }

  private void counters(Map<String, Counter> counters, FieldPath p, int max) {
    if (counters == null || counters.isEmpty()) {
      add(
          Rules.SLICE_COUNTER,
          p,
          Reason.REQUIRED,
          "at least one counter is required",
          "add counters");
      return;
    }
    if (tooMany(Rules.SLICE_COUNTER, counters.size(), max, p, "use fewer counters")) return;
    for (String k : new TreeMap<>(counters).keySet()) {
      for (String m : Names.dnsLabel(k))
        add(
            Rules.SLICE_COUNTER,
            p,
            Reason.INVALID,
            "'" + k + "': " + m,
            "counter names are DNS labels");
    }
  }

  private void nodeSelector(NodeSelector s, FieldPath p) {
    List<NodeSelectorTerm> terms = nn(s.getNodeSelectorTerms());
    if (terms.isEmpty()) {
      add(
          Rules.SLICE_NODE_SELECTION,
          p.child("nodeSelectorTerms"),
          Reason.REQUIRED,
          "must have at least one node selector term",
          "add a term");
    }
    for (int i = 0; i < terms.size(); i++) {
      List<NodeSelectorRequirement> exprs = nn(terms.get(i).getMatchExpressions());
      for (int j = 0; j < exprs.size(); j++) {
        NodeSelectorRequirement r = exprs.get(j);
        FieldPath rp = p.child("nodeSelectorTerms").index(i).child("matchExpressions").index(j);
        String op = Objects0.str(r.getOperator());
        int values = nn(r.getValues()).size();
        switch (op) {
          case "In":
          case "NotIn":
            if (values == 0)
              add(
                  Rules.SLICE_NODE_SELECTION,
                  rp.child("values"),
                  Reason.REQUIRED,
                  "must be specified when `operator` is 'In' or 'NotIn'",
                  "add values");
            break;
          case "Exists":
          case "DoesNotExist":
            if (values > 0)
              add(
                  Rules.SLICE_NODE_SELECTION,
                  rp.child("values"),
                  Reason.FORBIDDEN,
                  "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                  "remove values");
            break;
          case "Gt":
          case "Lt":
            if (values != 1)
              add(
                  Rules.SLICE_NODE_SELECTION,
                  rp.child("values"),
                  Reason.REQUIRED,
                  "must be specified single value when `operator` is 'Lt' or 'Gt'",
                  "give one integer value");
            break;
          default:
            add(
                Rules.SLICE_NODE_SELECTION,
                rp.child("operator"),
                Reason.INVALID,
                "'" + op + "': not a valid selector operator",
                "use In, NotIn, Exists, DoesNotExist, Gt or Lt");
        }
        for (String m : Names.qualifiedName(Objects0.str(r.getKey())))
          add(
              Rules.SLICE_NODE_SELECTION,
              rp.child("key"),
              Reason.INVALID,
              "'" + r.getKey() + "': " + m,
              "keys are label names");
        List<String> vals = nn(r.getValues());
        for (int k = 0; k < vals.size(); k++)
          for (String m : Names.labelValue(Objects0.str(vals.get(k))))
            add(
                Rules.SLICE_NODE_SELECTION,
                rp.child("values").index(k),
                Reason.INVALID,
                "'" + vals.get(k) + "': " + m,
                "values are label values");
      }
      List<NodeSelectorRequirement> fields = nn(terms.get(i).getMatchFields());
      for (int j = 0; j < fields.size(); j++) {
        nodeFieldSelector(
            fields.get(j), p.child("nodeSelectorTerms").index(i).child("matchFields").index(j));
      }
    }
  }

  // corevalidation.ValidateNodeFieldSelectorRequirement: only metadata.name, In/NotIn, one value
  private void nodeFieldSelector(NodeSelectorRequirement r, FieldPath rp) {
    String op = Objects0.str(r.getOperator());
    List<String> vals = nn(r.getValues());
    if (op.equals("In") || op.equals("NotIn")) {
      if (vals.size() != 1)
        add(
            Rules.SLICE_NODE_SELECTION,
            rp.child("values"),
            Reason.REQUIRED,
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
            "give exactly one node name");
    } else {
      add(
          Rules.SLICE_NODE_SELECTION,
          rp.child("operator"),
          Reason.INVALID,
          "'" + op + "': not a valid selector operator",
          "use In or NotIn");
    }
    if (!"metadata.name".equals(r.getKey())) {
      add(
          Rules.SLICE_NODE_SELECTION,
          rp.child("key"),
          Reason.INVALID,
          "'" + Objects0.str(r.getKey()) + "': not a valid field selector key",
          "node field selectors support metadata.name only");
    } else {
      for (int k = 0; k < vals.size(); k++)
        for (String m : Names.dnsSubdomain(Objects0.str(vals.get(k))))
          add(
              Rules.SLICE_NODE_SELECTION,
              rp.child("values").index(k),
              Reason.INVALID,
              "'" + vals.get(k) + "': " + m,
              "values are node names");
    }
  }

  // validation.go: attributeAndCapacityMaxKeyLength = DeviceMaxDomainLength + 1 + DeviceMaxIDLength
  static final int ATTRIBUTE_AND_CAPACITY_MAX_KEY_LENGTH = 63 + 1 + DEVICE_MAX_ID_LENGTH;

  /** validateMap/truncateIfTooLong: a key over the limit is shortened in the middle in paths. */
  static String truncatedKey(String key) {
    int max = ATTRIBUTE_AND_CAPACITY_MAX_KEY_LENGTH;
    if (key.length() <= max) return key;
    int remaining = max - 3;
    return key.substring(0, (remaining + 1) / 2)
        + "..."
        + key.substring(key.length() - remaining / 2);
  }

  // ------------------------------------------------------------------------- DeviceTaintRule

  private void taintRule(DeviceTaintRule r) {
    var spec =
        r.getSpec() != null
            ? r.getSpec()
            : new io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRuleSpec();
    FieldPath p = FieldPath.of("spec");
    var sel = spec.getDeviceSelector();
    if (sel != null) {
      FieldPath sp = p.child("deviceSelector");
      if (sel.getDriver() != null)
        driverName(Rules.TAINT_RULE, sel.getDriver(), sp.child("driver"), false);
      if (sel.getPool() != null) poolName(Rules.TAINT_RULE, sel.getPool(), sp.child("pool"));
      if (sel.getDevice() != null)
        for (String m : Names.dnsLabel(sel.getDevice()))
          add(
              Rules.TAINT_RULE,
              sp.child("device"),
              Reason.INVALID,
              "'" + sel.getDevice() + "': " + m,
              "device names are DNS labels");
    }
    // the taint is a struct upstream: absent, its key and effect are empty
    taint(spec.getTaint() != null ? spec.getTaint() : new DeviceTaint(), p.child("taint"));
  }

  // -------------------------------------------------------------------------------- helpers

  private boolean tooMany(String rule, List<?> list, int max, FieldPath p) {
    return tooMany(rule, list.size(), max, p, "split it: at most " + max + " allowed");
  }

  /** A list or map of {@code size} items over its limit: TooMany, and its items go unchecked. */
  private boolean tooMany(String rule, int size, int max, FieldPath p, String hint) {
    if (size > max) {
      add(rule, p, Reason.TOO_MANY, "must have at most " + max + " items, found " + size, hint);
      return true;
    }
    return false;
  }

  /**
   * Each name seen before in the list is a Duplicate at its index (a missing name counts as "").
   */
  private void duplicates(String rule, List<String> names, FieldPath p, String hint) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (!seen.add(Objects0.str(names.get(i)))) {
        add(rule, p.index(i), Reason.DUPLICATE, "Duplicate value: \"" + names.get(i) + "\"", hint);
      }
    }
  }

  /** A flag that is either unset or true (false is Invalid); a true one joins the fields set. */
  private void trueOrUnset(Boolean flag, String field, FieldPath p, List<String> set) {
    if (flag == null) return;
    if (flag) {
      set.add("`" + field + "`");
    } else {
      add(
          Rules.SLICE_NODE_SELECTION,
          p.child(field),
          Reason.INVALID,
          "false: must be either unset or set to true",
          "remove " + field + " or set it to true");
    }
  }

  private static String emptyAsNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static int sz(List<?> l) {
    return l == null ? 0 : l.size();
  }

  static <T> List<T> nn(List<T> l) {
    return l == null ? List.of() : l;
  }

  /** Null-safe string access. */
  static final class Objects0 {
    private Objects0() {}

    static String str(String s) {
      return s == null ? "" : s;
    }
  }

  @SuppressWarnings("unused")
  private static BigInteger unused() {
    return BigInteger.ZERO;
  }
}
