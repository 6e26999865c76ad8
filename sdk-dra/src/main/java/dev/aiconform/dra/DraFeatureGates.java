package dev.aiconform.dra;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.TargetVersion;
import java.util.List;

/**
 * The Kubernetes feature gates of Dynamic Resource Allocation with their default state per target
 * version (pkg/features/kube_features.go of each release). Validation and the allocator ask {@code
 * ctx.isEnabled(gate)}; users may override them like {@code --feature-gates}.
 *
 * <pre>{@code
 * Validator.builder().featureGate(DraFeatureGates.LIST_TYPE_ATTRIBUTES.name(), true).build();
 * }</pre>
 */
public final class DraFeatureGates {
  /** {@code firstAvailable}: beta (on) 1.34, GA 1.36. */
  public static final FeatureGate PRIORITIZED_LIST =
      FeatureGate.of("DRAPrioritizedList").enabledSince(TargetVersion.V1_34);

  /** {@code exactly.adminAccess}: beta (on) 1.34, GA 1.36. */
  public static final FeatureGate ADMIN_ACCESS =
      FeatureGate.of("DRAAdminAccess").enabledSince(TargetVersion.V1_34);

  /** Device taints and request tolerations: beta (on) 1.36, GA 1.37. */
  public static final FeatureGate DEVICE_TAINTS =
      FeatureGate.of("DRADeviceTaints").enabledSince(TargetVersion.V1_36);

  /** DeviceTaintRule objects: beta (off) 1.36, GA 1.37. */
  public static final FeatureGate DEVICE_TAINT_RULES =
      FeatureGate.of("DRADeviceTaintRules").enabledSince(TargetVersion.V1_37);

  /** Shared counters, consumesCounters, perDeviceNodeSelection: alpha 1.33, beta (on) 1.36. */
  public static final FeatureGate PARTITIONABLE_DEVICES =
      FeatureGate.of("DRAPartitionableDevices").enabledSince(TargetVersion.V1_36);

  /** allowMultipleAllocations, requestPolicy, request capacity, distinctAttribute: beta 1.36. */
  public static final FeatureGate CONSUMABLE_CAPACITY =
      FeatureGate.of("DRAConsumableCapacity").enabledSince(TargetVersion.V1_36);

  /** bindsToNode, bindingConditions: alpha 1.34, beta (on) 1.36. */
  public static final FeatureGate DEVICE_BINDING_CONDITIONS =
      FeatureGate.of("DRADeviceBindingConditions").enabledSince(TargetVersion.V1_36);

  /** DeviceClass extendedResourceName: alpha 1.34, beta 1.36, GA 1.37. */
  public static final FeatureGate EXTENDED_RESOURCE =
      FeatureGate.of("DRAExtendedResource").enabledSince(TargetVersion.V1_36);

  /** {@code status.devices}: beta (on) since 1.33. */
  public static final FeatureGate RESOURCE_CLAIM_DEVICE_STATUS =
      FeatureGate.of("DRAResourceClaimDeviceStatus").enabledSince(TargetVersion.V1_34);

  /** List-valued attributes and CEL {@code includes()}: alpha 1.36. */
  public static final FeatureGate LIST_TYPE_ATTRIBUTES = FeatureGate.of("DRAListTypeAttributes");

  /** Request {@code derivedAttributes}: alpha 1.37. */
  public static final FeatureGate DERIVED_ATTRIBUTES = FeatureGate.of("DRADerivedAttributes");

  /** {@code consumesCounters[].compatibilityGroups}: alpha 1.37. */
  public static final FeatureGate DEVICE_COMPATIBILITY_GROUPS =
      FeatureGate.of("DRADeviceCompatibilityGroups");

  /** Milli-unit request policy ranges: beta (on) 1.37. */
  public static final FeatureGate FRACTIONAL_CAPACITY_RANGE =
      FeatureGate.of("DRAFractionalCapacityRange").enabledSince(TargetVersion.V1_37);

  /** {@code nodeAllocatableResources}: alpha 1.36. */
  public static final FeatureGate NODE_ALLOCATABLE_RESOURCES =
      FeatureGate.of("DRANodeAllocatableResources");

  /** PodGroup resource claims: alpha 1.36, beta (off) 1.37. */
  public static final FeatureGate WORKLOAD_RESOURCE_CLAIMS =
      FeatureGate.of("DRAWorkloadResourceClaims");

  private DraFeatureGates() {}

  public static List<FeatureGate> all() {
    return List.of(
        PRIORITIZED_LIST,
        ADMIN_ACCESS,
        DEVICE_TAINTS,
        DEVICE_TAINT_RULES,
        PARTITIONABLE_DEVICES,
        CONSUMABLE_CAPACITY,
        DEVICE_BINDING_CONDITIONS,
        EXTENDED_RESOURCE,
        RESOURCE_CLAIM_DEVICE_STATUS,
        LIST_TYPE_ATTRIBUTES,
        DERIVED_ATTRIBUTES,
        DEVICE_COMPATIBILITY_GROUPS,
        FRACTIONAL_CAPACITY_RANGE,
        NODE_ALLOCATABLE_RESOURCES,
        WORKLOAD_RESOURCE_CLAIMS);
  }
}
