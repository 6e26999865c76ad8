package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.dra.DraFeatureGates;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSliceSpec;
import java.util.function.Predicate;

/**
 * What the registry strategies do to a new resource.k8s.io object before it is validated
 * (PrepareForCreate in pkg/registry/resource/{resourceclaim, resourceclaimtemplate, resourceslice,
 * deviceclass}/strategy.go and pkg/registry/resource/resourceclaimspec): a claim's status is reset,
 * and the fields of features whose gate is off are dropped, not rejected. Validation then sees the
 * object without them, so a request left with neither {@code exactly} nor {@code firstAvailable},
 * or an attribute left without a value, is reported as the server reports it. On create there is no
 * old object, so the "already in use" exemption never applies.
 */
final class CreateStrategy {
  private CreateStrategy() {}

  /**
   * {@code object} as the server validates it on create: the object itself when nothing is dropped,
   * else a copy (the caller's object is never changed).
   */
  static HasMetadata prepare(HasMetadata object, Predicate<FeatureGate> gates) {
    if (object instanceof ResourceClaim) {
      ResourceClaim c = (ResourceClaim) object;
      boolean drops =
          c.getStatus() != null
              || ClaimDevices.of(c)
                  .map(d -> dropClaimFields(d.devices(), gates, false))
                  .orElse(false);
      if (!drops) return object;
      ResourceClaim copy = KubeSerialization.get().clone(c);
      copy.setStatus(null);
      ClaimDevices.of(copy).ifPresent(d -> dropClaimFields(d.devices(), gates, true));
      return copy;
    }
    if (object instanceof io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate) {
      if (!ClaimDevices.of(object)
          .map(d -> dropClaimFields(d.devices(), gates, false))
          .orElse(false)) return object;
      HasMetadata copy = KubeSerialization.get().clone(object);
      ClaimDevices.of(copy).ifPresent(d -> dropClaimFields(d.devices(), gates, true));
      return copy;
    }
    if (object instanceof ResourceSlice) {
      ResourceSlice slice = (ResourceSlice) object;
      if (slice.getSpec() == null || !dropSliceFields(slice.getSpec(), gates, false)) return object;
      ResourceSlice copy = KubeSerialization.get().clone(slice);
      dropSliceFields(copy.getSpec(), gates, true);
      return copy;
    }
    if (object instanceof DeviceClass) {
      DeviceClass c = (DeviceClass) object;
      if (c.getSpec() == null
          || c.getSpec().getExtendedResourceName() == null
          || gates.test(DraFeatureGates.EXTENDED_RESOURCE)) return object;
      DeviceClass copy = KubeSerialization.get().clone(c);
      copy.getSpec().setExtendedResourceName(null);
      return copy;
    }
    return object;
  }

  /** Whether {@code value} is set (a non-empty list counts, an empty one does not matter). */
  private static boolean set(Object value) {
    return value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty());
  }

  // pkg/registry/resource/resourceclaimspec/strategy.go: DropDisabledFields (prioritized list
  // first, so that tolerations of dropped alternatives need no dropping). With apply false it only
  // tells whether something would be dropped.
  private static boolean dropClaimFields(
      DeviceClaim devices, Predicate<FeatureGate> gates, boolean apply) {
    boolean prioritized = gates.test(DraFeatureGates.PRIORITIZED_LIST);
    boolean taints = gates.test(DraFeatureGates.DEVICE_TAINTS);
    boolean admin = gates.test(DraFeatureGates.ADMIN_ACCESS);
    boolean consumable = gates.test(DraFeatureGates.CONSUMABLE_CAPACITY);
    boolean derived = gates.test(DraFeatureGates.DERIVED_ATTRIBUTES);
    boolean changed = false;
    for (DeviceRequest r : ResourceApiValidation.nn(devices.getRequests())) {
      if (r == null) continue;
      if (!prioritized && set(r.getFirstAvailable())) {
        changed = true;
        if (apply) r.setFirstAvailable(null);
      }
      ExactDeviceRequest e = r.getExactly();
      if (e != null) {
        if (!taints && set(e.getTolerations())) {
          changed = true;
          if (apply) e.setTolerations(null);
        }
        if (!admin && set(e.getAdminAccess())) {
          changed = true;
          if (apply) e.setAdminAccess(null);
        }
        if (!consumable && set(e.getCapacity())) {
          changed = true;
          if (apply) e.setCapacity(null);
        }
        if (!derived && set(e.getDerivedAttributes())) {
          changed = true;
          if (apply) e.setDerivedAttributes(null);
        }
      }
      for (DeviceSubRequest sub : ResourceApiValidation.nn(r.getFirstAvailable())) {
        if (!taints && set(sub.getTolerations())) {
          changed = true;
          if (apply) sub.setTolerations(null);
        }
        if (!consumable && set(sub.getCapacity())) {
          changed = true;
          if (apply) sub.setCapacity(null);
        }
        if (!derived && set(sub.getDerivedAttributes())) {
          changed = true;
          if (apply) sub.setDerivedAttributes(null);
        }
      }
    }
    if (!consumable) {
      for (DeviceConstraint c : ResourceApiValidation.nn(devices.getConstraints())) {
        if (set(c.getDistinctAttribute())) {
          changed = true;
          if (apply) c.setDistinctAttribute(null);
        }
      }
    }
    return changed;
  }

  // resourceslice/strategy.go: dropDisabledDRADeviceBindingConditionsFields keeps the fields only
  // when both gates are on
  private static boolean bindingConditions(Predicate<FeatureGate> gates) {
    return gates.test(DraFeatureGates.DEVICE_BINDING_CONDITIONS)
        && gates.test(DraFeatureGates.RESOURCE_CLAIM_DEVICE_STATUS);
  }

  // pkg/registry/resource/resourceslice/strategy.go: dropDisabledFields; apply as above
  private static boolean dropSliceFields(
      ResourceSliceSpec spec, Predicate<FeatureGate> gates, boolean apply) {
    boolean partitionable = gates.test(DraFeatureGates.PARTITIONABLE_DEVICES);
    boolean taints = gates.test(DraFeatureGates.DEVICE_TAINTS);
    boolean binding = bindingConditions(gates);
    boolean consumable = gates.test(DraFeatureGates.CONSUMABLE_CAPACITY);
    boolean allocatable = gates.test(DraFeatureGates.NODE_ALLOCATABLE_RESOURCES);
    boolean lists = gates.test(DraFeatureGates.LIST_TYPE_ATTRIBUTES);
    boolean changed = false;
    if (!partitionable
        && (set(spec.getSharedCounters()) || set(spec.getPerDeviceNodeSelection()))) {
      changed = true;
      if (apply) {
        spec.setSharedCounters(null);
        spec.setPerDeviceNodeSelection(null);
      }
    }
    for (Device d : ResourceApiValidation.nn(spec.getDevices())) {
      if (d == null) continue;
      if (!taints && set(d.getTaints())) {
        changed = true;
        if (apply) d.setTaints(null);
      }
      if (!partitionable
          && (set(d.getConsumesCounters())
              || set(d.getNodeName())
              || set(d.getNodeSelector())
              || set(d.getAllNodes()))) {
        changed = true;
        if (apply) {
          d.setConsumesCounters(null);
          d.setNodeName(null);
          d.setNodeSelector(null);
          d.setAllNodes(null);
        }
      }
      if (!binding
          && (set(d.getBindingConditions())
              || set(d.getBindingFailureConditions())
              || set(d.getBindsToNode()))) {
        changed = true;
        if (apply) {
          d.setBindingConditions(null);
          d.setBindingFailureConditions(null);
          d.setBindsToNode(null);
        }
      }
      if (!consumable) {
        if (set(d.getAllowMultipleAllocations())) {
          changed = true;
          if (apply) d.setAllowMultipleAllocations(null);
        }
        if (d.getCapacity() != null) {
          for (DeviceCapacity c : d.getCapacity().values()) {
            if (c != null && set(c.getRequestPolicy())) {
              changed = true;
              if (apply) c.setRequestPolicy(null);
            }
          }
        }
      }
      if (!allocatable
          && d.getNodeAllocatableResources() != null
          && !d.getNodeAllocatableResources().isEmpty()) {
        changed = true;
        if (apply) d.setNodeAllocatableResources(null);
      }
      if (!lists && d.getAttributes() != null) {
        for (DeviceAttribute a : d.getAttributes().values()) {
          if (a == null) continue;
          if (set(a.getBools())
              || set(a.getInts())
              || set(a.getStrings())
              || set(a.getVersions())) {
            changed = true;
            if (apply) {
              a.setBools(null);
              a.setInts(null);
              a.setStrings(null);
              a.setVersions(null);
            }
          }
        }
      }
    }
    return changed;
  }
}
