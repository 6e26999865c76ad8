package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.dra.DraFeatureGates;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.List;
import java.util.Set;

/**
 * Fields whose feature gate is off at the target version: the API server silently drops them on
 * create (the registry strategies' dropDisabledFields), so the object would not mean what was
 * written. A warning, so nothing is lost silently.
 */
final class DisabledFieldRule implements Rule {
  private final RuleInfo info =
      RuleInfo.builder()
          .id("dra.feature.disabled-field")
          .category(Category.API)
          .severity(Severity.WARNING)
          .kinds(
              Set.of(
                  DraRuleSet.RESOURCE_CLAIM,
                  DraRuleSet.RESOURCE_CLAIM_TEMPLATE,
                  DraRuleSet.DEVICE_CLASS,
                  DraRuleSet.RESOURCE_SLICE,
                  DraRuleSet.DEVICE_TAINT_RULE))
          .title("Fields of disabled DRA features are dropped by the API server")
          .description(
              "pkg/registry/resource/*/strategy.go dropDisabledFields: with a feature gate off (by default or by override), the API server clears the field instead of rejecting the object; for example firstAvailable needs DRAPrioritizedList, request tolerations and device taints need DRADeviceTaints (on from 1.36), sharedCounters/consumesCounters need DRAPartitionableDevices (on from 1.36).")
          .failingExample(
              "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, attributes: {resource.kubernetes.io/numaNode: {ints: [0, 1]}}}]\n# DRAListTypeAttributes is alpha (off) in 1.36 and 1.37\n")
          .fixedExample(
              "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, attributes: {resource.kubernetes.io/numaNode: {int: 0}}}]\n")
          .build();

  @Override
  public RuleInfo info() {
    return info;
  }

  @Override
  public void check(HasMetadata o, RuleContext ctx) {
    if (o instanceof DeviceTaintRule && !ctx.isEnabled(DraFeatureGates.DEVICE_TAINT_RULES)) {
      ctx.report(
          FieldPath.root(),
          null,
          "DeviceTaintRule is not served as resource.k8s.io/v1 in Kubernetes "
              + ctx.targetVersion()
              + " (DRADeviceTaintRules is off)",
          "use resource.k8s.io/v1beta2 with the gate enabled, or target 1.37");
      return;
    }
    ClaimDevices devices = ClaimDevices.of(o).orElse(null);
    if (devices != null) {
      List<DeviceRequest> rs = devices.requests();
      for (int i = 0; i < rs.size(); i++) {
        DeviceRequest r = rs.get(i);
        FieldPath rp = devices.request(i);
        if (r.getFirstAvailable() != null && !r.getFirstAvailable().isEmpty()) {
          gate(ctx, DraFeatureGates.PRIORITIZED_LIST, rp.child("firstAvailable"));
          for (int j = 0; j < r.getFirstAvailable().size(); j++) {
            var sub = r.getFirstAvailable().get(j);
            FieldPath sp = rp.child("firstAvailable").index(j);
            if (sub.getTolerations() != null && !sub.getTolerations().isEmpty())
              gate(ctx, DraFeatureGates.DEVICE_TAINTS, sp.child("tolerations"));
            if (sub.getCapacity() != null)
              gate(ctx, DraFeatureGates.CONSUMABLE_CAPACITY, sp.child("capacity"));
            if (sub.getDerivedAttributes() != null && !sub.getDerivedAttributes().isEmpty())
              gate(ctx, DraFeatureGates.DERIVED_ATTRIBUTES, sp.child("derivedAttributes"));
          }
        }
        if (r.getExactly() != null) {
          if (r.getExactly().getAdminAccess() != null)
            gate(ctx, DraFeatureGates.ADMIN_ACCESS, rp.child("exactly", "adminAccess"));
          if (r.getExactly().getTolerations() != null && !r.getExactly().getTolerations().isEmpty())
            gate(ctx, DraFeatureGates.DEVICE_TAINTS, rp.child("exactly", "tolerations"));
          if (r.getExactly().getCapacity() != null)
            gate(ctx, DraFeatureGates.CONSUMABLE_CAPACITY, rp.child("exactly", "capacity"));
          if (r.getExactly().getDerivedAttributes() != null
              && !r.getExactly().getDerivedAttributes().isEmpty())
            gate(ctx, DraFeatureGates.DERIVED_ATTRIBUTES, rp.child("exactly", "derivedAttributes"));
        }
      }
      var cs = ResourceApiValidation.nn(devices.devices().getConstraints());
      for (int i = 0; i < cs.size(); i++) {
        if (cs.get(i).getDistinctAttribute() != null)
          gate(
              ctx,
              DraFeatureGates.CONSUMABLE_CAPACITY,
              devices.path().child("constraints").index(i).child("distinctAttribute"));
      }
    }
    if (o instanceof DeviceClass
        && ((DeviceClass) o).getSpec() != null
        && ((DeviceClass) o).getSpec().getExtendedResourceName() != null) {
      gate(ctx, DraFeatureGates.EXTENDED_RESOURCE, FieldPath.of("spec", "extendedResourceName"));
    }
    if (o instanceof ResourceSlice && ((ResourceSlice) o).getSpec() != null) {
      var spec = ((ResourceSlice) o).getSpec();
      FieldPath sp = FieldPath.of("spec");
      if (!spec.getSharedCounters().isEmpty())
        gate(ctx, DraFeatureGates.PARTITIONABLE_DEVICES, sp.child("sharedCounters"));
      if (spec.getPerDeviceNodeSelection() != null)
        gate(ctx, DraFeatureGates.PARTITIONABLE_DEVICES, sp.child("perDeviceNodeSelection"));
      List<Device> ds = ResourceApiValidation.nn(spec.getDevices());
      for (int i = 0; i < ds.size(); i++) {
        Device d = ds.get(i);
        FieldPath dp = sp.child("devices").index(i);
        if (d.getTaints() != null && !d.getTaints().isEmpty())
          gate(ctx, DraFeatureGates.DEVICE_TAINTS, dp.child("taints"));
        if (d.getConsumesCounters() != null && !d.getConsumesCounters().isEmpty())
          gate(ctx, DraFeatureGates.PARTITIONABLE_DEVICES, dp.child("consumesCounters"));
        if (d.getAllowMultipleAllocations() != null)
          gate(ctx, DraFeatureGates.CONSUMABLE_CAPACITY, dp.child("allowMultipleAllocations"));
        // binding fields are kept only when DRAResourceClaimDeviceStatus is on as well
        if (d.getBindingConditions() != null && !d.getBindingConditions().isEmpty()) {
          gate(ctx, DraFeatureGates.DEVICE_BINDING_CONDITIONS, dp.child("bindingConditions"));
          gate(ctx, DraFeatureGates.RESOURCE_CLAIM_DEVICE_STATUS, dp.child("bindingConditions"));
        }
        if (d.getBindsToNode() != null) {
          gate(ctx, DraFeatureGates.DEVICE_BINDING_CONDITIONS, dp.child("bindsToNode"));
          gate(ctx, DraFeatureGates.RESOURCE_CLAIM_DEVICE_STATUS, dp.child("bindsToNode"));
        }
        if (d.getNodeName() != null || d.getNodeSelector() != null || d.getAllNodes() != null)
          gate(ctx, DraFeatureGates.PARTITIONABLE_DEVICES, dp);
        if (d.getCapacity() != null)
          d.getCapacity()
              .forEach(
                  (k, c) -> {
                    if (c != null && c.getRequestPolicy() != null)
                      gate(
                          ctx,
                          DraFeatureGates.CONSUMABLE_CAPACITY,
                          dp.child("capacity").key(k).child("requestPolicy"));
                  });
        if (d.getNodeAllocatableResources() != null && !d.getNodeAllocatableResources().isEmpty())
          gate(
              ctx,
              DraFeatureGates.NODE_ALLOCATABLE_RESOURCES,
              dp.child("nodeAllocatableResources"));
        if (d.getAttributes() != null) {
          d.getAttributes()
              .forEach(
                  (k, a) -> {
                    if (a != null
                        && !(a.getInts().isEmpty()
                            && a.getBools().isEmpty()
                            && a.getStrings().isEmpty()
                            && a.getVersions().isEmpty())) {
                      gate(
                          ctx, DraFeatureGates.LIST_TYPE_ATTRIBUTES, dp.child("attributes").key(k));
                    }
                  });
        }
      }
    }
  }

  private void gate(RuleContext ctx, FeatureGate gate, FieldPath path) {
    if (!ctx.isEnabled(gate)) {
      ctx.report(
          path,
          null,
          "feature gate "
              + gate.name()
              + " is off in Kubernetes "
              + ctx.targetVersion()
              + ": the API server drops this field",
          "enable "
              + gate.name()
              + " (--feature-gates "
              + gate.name()
              + "=true) or target a version where it is on");
    }
  }
}
