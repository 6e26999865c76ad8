package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.cel.CompiledExpression;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequirements;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One claim prepared for allocation (the checks of the structured allocator's Allocate before the
 * search): each request with its alternatives resolved to device classes and match keys, the
 * constraints, and the minimum number of devices it needs.
 */
public final class ClaimPlan {
  /**
   * AllocationResultsMaxSize: at most 32 devices per claim (staging/src/k8s.io/api/resource/v1).
   */
  static final int ALLOCATION_RESULTS_MAX_SIZE = 32;

  /** One request or subrequest. */
  static final class RequestSpec {
    final String requestName;
    final String subRequestName;
    final String resultName;
    final int subIndex;
    final String className;
    final DeviceInventory.MatchKey key;
    final List<String> selectors;
    final boolean all;
    final int count;
    final boolean adminAccess;
    final List<DeviceToleration> tolerations;
    final Map<String, Quantity> capacityRequests;
    final Map<String, BigDecimal> capacityValues;

    RequestSpec(
        String requestName,
        String subRequestName,
        int subIndex,
        String className,
        DeviceInventory.MatchKey key,
        List<String> selectors,
        boolean all,
        int count,
        boolean adminAccess,
        List<DeviceToleration> tolerations,
        Map<String, Quantity> capacityRequests) {
      this.requestName = requestName;
      this.subRequestName = subRequestName;
      this.resultName = subRequestName == null ? requestName : requestName + "/" + subRequestName;
      this.subIndex = subIndex;
      this.className = className;
      this.key = key;
      this.selectors = selectors;
      this.all = all;
      this.count = count;
      this.adminAccess = adminAccess;
      this.tolerations = tolerations;
      this.capacityRequests = capacityRequests;
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      capacityRequests.forEach((k, v) -> values.put(k, CapacitySpec.value(v)));
      this.capacityValues = values;
    }

    /** Devices needed at least (All: one). */
    int minimum() {
      return all ? 1 : count;
    }
  }

  /** A request with its alternatives: one for {@code exactly}, several for firstAvailable. */
  record RequestPlan(String name, boolean firstAvailable, List<RequestSpec> alternatives) {}

  /** matchAttribute or distinctAttribute over some requests (none: all). */
  record ConstraintSpec(boolean distinct, String attribute, Set<String> requests) {
    boolean appliesTo(RequestSpec r) {
      return requests.isEmpty()
          || requests.contains(r.requestName)
          || (r.subRequestName != null && requests.contains(r.resultName));
    }

    String describe() {
      return (distinct ? "distinctAttribute " : "matchAttribute ")
          + attribute
          + (requests.isEmpty() ? "" : " on requests " + String.join(", ", requests));
    }
  }

  final ResourceClaim claim;
  final String name;
  final List<RequestPlan> requests;
  final List<ConstraintSpec> constraints;
  private final boolean hasConfig;

  private ClaimPlan(
      ResourceClaim claim,
      String name,
      List<RequestPlan> requests,
      List<ConstraintSpec> constraints,
      boolean hasConfig) {
    this.claim = claim;
    this.name = name;
    this.requests = requests;
    this.constraints = constraints;
    this.hasConfig = hasConfig;
  }

  public ResourceClaim claim() {
    return claim;
  }

  /** {@code namespace/name}. */
  public String name() {
    return name;
  }

  /** Whether the claim or a class of its requests carries configuration for the results. */
  boolean hasConfig() {
    return hasConfig;
  }

  /** Whether a request has firstAvailable alternatives (nodes are then scored). */
  public boolean hasAlternatives() {
    for (RequestPlan r : requests) if (r.firstAvailable()) return true;
    return false;
  }

  /** The same claim with other constraints (to find which constraint cannot be met). */
  ClaimPlan withConstraints(List<ConstraintSpec> other) {
    return new ClaimPlan(claim, name, requests, List.copyOf(other), hasConfig);
  }

  static String name(ResourceClaim c) {
    String ns = c.getMetadata() == null ? null : c.getMetadata().getNamespace();
    String n = c.getMetadata() == null ? null : c.getMetadata().getName();
    return (ns == null || ns.isEmpty() ? "" : ns + "/") + n;
  }

  /** Prepares a claim; fails (fatally) where Kubernetes' allocator refuses the claim. */
  static ClaimPlan of(ResourceClaim claim, DeviceInventory inventory) throws AllocationFailure {
    AllocatorFeatures features = inventory.features();
    String name = name(claim);
    var devices = claim.getSpec() == null ? null : claim.getSpec().getDevices();
    List<RequestPlan> plans = new ArrayList<>();
    List<ConstraintSpec> constraints = new ArrayList<>();
    int minDevices = 0;
    if (devices != null) {
      for (DeviceRequest r : NodeSelectors.nn(devices.getRequests())) {
        List<DeviceSubRequest> subs = NodeSelectors.nn(r.getFirstAvailable());
        if (!subs.isEmpty()) {
          if (!features.prioritizedList()) {
            throw AllocationFailure.fatal(
                name,
                r.getName(),
                "has subrequests, but the DRAPrioritizedList feature is disabled");
          }
          List<RequestSpec> alts = new ArrayList<>();
          int min = Integer.MAX_VALUE;
          for (int i = 0; i < subs.size(); i++) {
            DeviceSubRequest s = subs.get(i);
            RequestSpec spec =
                spec(
                    name,
                    r.getName(),
                    s.getName(),
                    i,
                    s.getDeviceClassName(),
                    s.getSelectors(),
                    s.getAllocationMode(),
                    s.getCount(),
                    false,
                    s.getTolerations(),
                    s.getCapacity(),
                    inventory);
            alts.add(spec);
            min = Math.min(min, spec.minimum());
          }
          minDevices += min;
          plans.add(new RequestPlan(r.getName(), true, List.copyOf(alts)));
        } else if (r.getExactly() != null) {
          ExactDeviceRequest e = r.getExactly();
          if (e.getAdminAccess() != null && !features.adminAccess()) {
            throw AllocationFailure.fatal(
                name, r.getName(), "admin access is requested, but the feature is disabled");
          }
          RequestSpec spec =
              spec(
                  name,
                  r.getName(),
                  null,
                  0,
                  e.getDeviceClassName(),
                  e.getSelectors(),
                  e.getAllocationMode(),
                  e.getCount(),
                  Boolean.TRUE.equals(e.getAdminAccess()),
                  e.getTolerations(),
                  e.getCapacity(),
                  inventory);
          minDevices += spec.minimum();
          plans.add(new RequestPlan(r.getName(), false, List.of(spec)));
        } else {
          throw AllocationFailure.fatal(name, r.getName(), "unknown request type");
        }
      }
      if (minDevices > ALLOCATION_RESULTS_MAX_SIZE) {
        throw AllocationFailure.fatal(
            "claim "
                + name
                + ": number of requested devices "
                + minDevices
                + " exceeds the claim limit of "
                + ALLOCATION_RESULTS_MAX_SIZE);
      }
      List<DeviceConstraint> cs = NodeSelectors.nn(devices.getConstraints());
      for (int i = 0; i < cs.size(); i++) {
        DeviceConstraint c = cs.get(i);
        Set<String> reqs = Set.copyOf(NodeSelectors.nn(c.getRequests()));
        if (c.getMatchAttribute() != null) {
          constraints.add(new ConstraintSpec(false, c.getMatchAttribute(), reqs));
        } else if (c.getDistinctAttribute() != null) {
          constraints.add(new ConstraintSpec(true, c.getDistinctAttribute(), reqs));
        } else {
          throw AllocationFailure.fatal(
              "claim "
                  + name
                  + ", constraint #"
                  + i
                  + ": empty constraint (unsupported constraint type?)");
        }
      }
    }
    boolean config = devices != null && !NodeSelectors.nn(devices.getConfig()).isEmpty();
    for (RequestPlan rp : plans) {
      for (RequestSpec s : rp.alternatives()) {
        var dc = inventory.deviceClass(s.className);
        config |= dc.getSpec() != null && !NodeSelectors.nn(dc.getSpec().getConfig()).isEmpty();
      }
    }
    return new ClaimPlan(claim, name, List.copyOf(plans), List.copyOf(constraints), config);
  }

  private static RequestSpec spec(
      String claim,
      String request,
      String sub,
      int subIndex,
      String className,
      List<DeviceSelector> selectors,
      String mode,
      Long count,
      boolean admin,
      List<DeviceToleration> tolerations,
      CapacityRequirements capacity,
      DeviceInventory inventory)
      throws AllocationFailure {
    String display = sub == null ? request : request + "/" + sub;
    Map<String, Quantity> capacityRequests =
        capacity == null || capacity.getRequests() == null
            ? Map.of()
            : new LinkedHashMap<>(capacity.getRequests());
    if (!capacityRequests.isEmpty() && !inventory.features().consumableCapacity()) {
      throw AllocationFailure.fatal(
          "claim "
              + claim
              + ", "
              + (sub == null ? "request " : "subrequest ")
              + (sub == null ? request : sub)
              + ": has capacity requests, but the DRAConsumableCapacity feature is disabled");
    }
    List<String> exprs = new ArrayList<>();
    List<DeviceSelector> sel = NodeSelectors.nn(selectors);
    for (int i = 0; i < sel.size(); i++) {
      DeviceSelector s = sel.get(i);
      if (s == null || s.getCel() == null) {
        throw AllocationFailure.fatal(
            "claim "
                + claim
                + ", request "
                + display
                + ", selector #"
                + i
                + ": CEL expression empty (unsupported selector type?)");
      }
      String expr = Objects.toString(s.getCel().getExpression(), "");
      CompiledExpression ce = inventory.compile(expr);
      if (!ce.isValid()) {
        throw AllocationFailure.fatal(
            "claim " + claim + ": selector #" + i + ": CEL compile error: " + ce.detail());
      }
      exprs.add(expr);
    }
    if (className == null || className.isEmpty()) {
      throw AllocationFailure.fatal(
          claim, display, "missing device class name (unsupported request type?)");
    }
    if (inventory.deviceClass(className) == null) {
      throw AllocationFailure.fatal(
          claim,
          display,
          "could not retrieve device class "
              + className
              + ": deviceclass.resource.k8s.io \""
              + className
              + "\" not found");
    }
    String classError = inventory.classCompileError(className);
    if (classError != null) {
      throw AllocationFailure.fatal(classError);
    }
    boolean all;
    String m = mode == null || mode.isEmpty() ? "ExactCount" : mode;
    switch (m) {
      case "ExactCount":
        all = false;
        break;
      case "All":
        all = true;
        break;
      default:
        throw AllocationFailure.fatal(claim, display, "unsupported count mode " + mode);
    }
    long n = count == null || count == 0 ? 1 : count;
    if (!all && n > Integer.MAX_VALUE) {
      throw AllocationFailure.fatal(claim, display, "exact count " + n + " is too large");
    }
    if (!all && n < 1) {
      throw AllocationFailure.fatal(claim, display, "exact count " + n + " is invalid");
    }
    return new RequestSpec(
        request,
        sub,
        subIndex,
        className,
        inventory.key(className, exprs),
        List.copyOf(exprs),
        all,
        all ? 0 : (int) n,
        admin,
        tolerations == null ? List.of() : List.copyOf(tolerations),
        capacityRequests);
  }
}
