package dev.aiconform.dra.internal.allocator;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.dra.DraFeatureGates;
import java.util.function.Predicate;

/**
 * The feature gates the structured allocator honours, as the scheduler hands them to
 * dynamic-resource-allocation/structured (pkg/scheduler/.../dynamicresources: AllocatorFeatures).
 */
public record AllocatorFeatures(
    boolean adminAccess,
    boolean prioritizedList,
    boolean partitionableDevices,
    boolean deviceTaints,
    boolean deviceTaintRules,
    boolean bindingConditions,
    boolean consumableCapacity,
    boolean listTypeAttributes) {

  /** Every feature on (the allocator's "incubating" channel). */
  public static AllocatorFeatures all() {
    return new AllocatorFeatures(true, true, true, true, true, true, true, false);
  }

  /** The default gates of a Kubernetes release. */
  public static AllocatorFeatures defaults(TargetVersion version) {
    return of(g -> g.enabledByDefault(version));
  }

  public static AllocatorFeatures of(Predicate<FeatureGate> enabled) {
    return new AllocatorFeatures(
        enabled.test(DraFeatureGates.ADMIN_ACCESS),
        enabled.test(DraFeatureGates.PRIORITIZED_LIST),
        enabled.test(DraFeatureGates.PARTITIONABLE_DEVICES),
        enabled.test(DraFeatureGates.DEVICE_TAINTS),
        enabled.test(DraFeatureGates.DEVICE_TAINT_RULES),
        // the scheduler needs both gates for binding conditions
        enabled.test(DraFeatureGates.DEVICE_BINDING_CONDITIONS)
            && enabled.test(DraFeatureGates.RESOURCE_CLAIM_DEVICE_STATUS),
        enabled.test(DraFeatureGates.CONSUMABLE_CAPACITY),
        enabled.test(DraFeatureGates.LIST_TYPE_ATTRIBUTES));
  }
}
