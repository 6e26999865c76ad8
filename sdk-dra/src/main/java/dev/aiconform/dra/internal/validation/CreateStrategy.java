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

  /** {@code object} as the server validates it on create: a copy when something changes. */
  static HasMetadata prepare(HasMetadata object, Predicate<FeatureGate> gates) {
    if (object instanceof ResourceClaim) {
      ResourceClaim c = (ResourceClaim) object;
      boolean drops = c.getStatus() != null || dropsClaimFields(gates);
      if (!drops) return object;
      ResourceClaim copy = KubeSerialization.get().clone(c);
      copy.setStatus(null);
      ClaimDevices.of(copy).ifPresent(d -> dropClaimFields(d.devices(), gates));
      return copy;
    }
    if (object instanceof io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate) {
      if (!dropsClaimFields(gates)) return object;
      HasMetadata copy = KubeSerialization.get().clone(object);
      ClaimDevices.of(copy).ifPresent(d -> dropClaimFields(d.devices(), gates));
      return copy;
    }
    if (object instanceof ResourceSlice) {
      if (((ResourceSlice) object).getSpec() == null || !dropsSliceFields(gates)) return object;
      ResourceSlice copy = KubeSerialization.get().clone((ResourceSlice) object);
      dropSliceFields(copy.getSpec(), gates);
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

  private static boolean dropsClaimFields(Predicate<FeatureGate> gates) {
    return !gates.test(DraFeatureGates.PRIORITIZED_LIST)
        || !gates.test(DraFeatureGates.DEVICE_TAINTS)
        || !gates.test(DraFeatureGates.ADMIN_ACCESS)
        || !gates.test(DraFeatureGates.CONSUMABLE_CAPACITY)
        || !gates.test(DraFeatureGates.DERIVED_ATTRIBUTES);
  }

  // pkg/registry/resource/resourceclaimspec/strategy.go: DropDisabledFields (prioritized list
  // first, so that tolerations of dropped alternatives need no dropping)
  private static void dropClaimFields(DeviceClaim devices, Predicate<FeatureGate> gates) {
    for (DeviceRequest r : ResourceApiValidation.nn(devices.getRequests())) {
      if (r == null) continue;
      if (!gates.test(DraFeatureGates.PRIORITIZED_LIST)) r.setFirstAvailable(null);
      ExactDeviceRequest e = r.getExactly();
      if (e != null) {
        if (!gates.test(DraFeatureGates.DEVICE_TAINTS)) e.setTolerations(null);
        if (!gates.test(DraFeatureGates.ADMIN_ACCESS)) e.setAdminAccess(null);
        if (!gates.test(DraFeatureGates.CONSUMABLE_CAPACITY)) e.setCapacity(null);
        if (!gates.test(DraFeatureGates.DERIVED_ATTRIBUTES)) e.setDerivedAttributes(null);
      }
      for (DeviceSubRequest s : ResourceApiValidation.nn(r.getFirstAvailable())) {
        if (!gates.test(DraFeatureGates.DEVICE_TAINTS)) s.setTolerations(null);
        if (!gates.test(DraFeatureGates.CONSUMABLE_CAPACITY)) s.setCapacity(null);
        if (!gates.test(DraFeatureGates.DERIVED_ATTRIBUTES)) s.setDerivedAttributes(null);
      }
    }
    if (!gates.test(DraFeatureGates.CONSUMABLE_CAPACITY)) {
      for (DeviceConstraint c : ResourceApiValidation.nn(devices.getConstraints())) {
        c.setDistinctAttribute(null);
      }
    }
  }

  private static boolean dropsSliceFields(Predicate<FeatureGate> gates) {
    return !gates.test(DraFeatureGates.DEVICE_TAINTS)
        || !gates.test(DraFeatureGates.PARTITIONABLE_DEVICES)
        || !bindingConditions(gates)
        || !gates.test(DraFeatureGates.CONSUMABLE_CAPACITY)
        || !gates.test(DraFeatureGates.NODE_ALLOCATABLE_RESOURCES)
        || !gates.test(DraFeatureGates.LIST_TYPE_ATTRIBUTES);
  }

  // resourceslice/strategy.go: dropDisabledDRADeviceBindingConditionsFields keeps the fields only
  // when both gates are on
  private static boolean bindingConditions(Predicate<FeatureGate> gates) {
    return gates.test(DraFeatureGates.DEVICE_BINDING_CONDITIONS)
        && gates.test(DraFeatureGates.RESOURCE_CLAIM_DEVICE_STATUS);
  }

  // pkg/registry/resource/resourceslice/strategy.go: dropDisabledFields
  private static void dropSliceFields(ResourceSliceSpec spec, Predicate<FeatureGate> gates) {
    boolean partitionable = gates.test(DraFeatureGates.PARTITIONABLE_DEVICES);
    if (!partitionable) {
      spec.setSharedCounters(null);
      spec.setPerDeviceNodeSelection(null);
    }
    for (Device d : ResourceApiValidation.nn(spec.getDevices())) {
      if (d == null) continue;
      if (!gates.test(DraFeatureGates.DEVICE_TAINTS)) d.setTaints(null);
      if (!partitionable) {
        d.setConsumesCounters(null);
        d.setNodeName(null);
        d.setNodeSelector(null);
        d.setAllNodes(null);
      }
      if (!bindingConditions(gates)) {
        d.setBindingConditions(null);
        d.setBindingFailureConditions(null);
        d.setBindsToNode(null);
      }
      if (!gates.test(DraFeatureGates.CONSUMABLE_CAPACITY)) {
        d.setAllowMultipleAllocations(null);
        if (d.getCapacity() != null) {
          for (DeviceCapacity c : d.getCapacity().values()) {
            if (c != null) c.setRequestPolicy(null);
          }
        }
      }
      if (!gates.test(DraFeatureGates.NODE_ALLOCATABLE_RESOURCES)) {
        d.setNodeAllocatableResources(null);
      }
      if (!gates.test(DraFeatureGates.LIST_TYPE_ATTRIBUTES) && d.getAttributes() != null) {
        for (DeviceAttribute a : d.getAttributes().values()) {
          if (a == null) continue;
          a.setBools(null);
          a.setInts(null);
          a.setStrings(null);
          a.setVersions(null);
        }
      }
    }
  }
}
