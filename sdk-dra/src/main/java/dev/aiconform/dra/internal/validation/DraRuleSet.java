package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Defaulter;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleSet;
import dev.aiconform.dra.DraFeatureGates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules and defaulting sdk-dra contributes to every validator (registered as a {@link RuleSet}
 * service): the API server's resource.k8s.io/v1 validation and the pod side of claims (category
 * api), feature-gated fields, and the DRA conformance and practice rules.
 */
public final class DraRuleSet implements RuleSet {
  static final String GROUP = "resource.k8s.io";
  static final GroupKind RESOURCE_CLAIM = GroupKind.of(GROUP, "ResourceClaim");
  static final GroupKind RESOURCE_CLAIM_TEMPLATE = GroupKind.of(GROUP, "ResourceClaimTemplate");
  static final GroupKind DEVICE_CLASS = GroupKind.of(GROUP, "DeviceClass");
  static final GroupKind RESOURCE_SLICE = GroupKind.of(GROUP, "ResourceSlice");
  static final GroupKind DEVICE_TAINT_RULE = GroupKind.of(GROUP, "DeviceTaintRule");
  static final Set<GroupKind> CLAIMS = Set.of(RESOURCE_CLAIM, RESOURCE_CLAIM_TEMPLATE);
  static final Set<GroupKind> CLAIMS_AND_CLASSES =
      Set.of(RESOURCE_CLAIM, RESOURCE_CLAIM_TEMPLATE, DEVICE_CLASS);
  static final Set<GroupKind> POD_KINDS =
      Set.of(
          GroupKind.of("", "Pod"),
          GroupKind.of("apps", "Deployment"),
          GroupKind.of("apps", "StatefulSet"),
          GroupKind.of("apps", "DaemonSet"),
          GroupKind.of("apps", "ReplicaSet"),
          GroupKind.of("batch", "Job"),
          GroupKind.of("batch", "CronJob"));

  private static final String CLAIM_YAML =
      "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: gpus}\nspec:\n  devices:\n    requests:\n";

  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    Set<GroupKind> all =
        Set.of(
            RESOURCE_CLAIM,
            RESOURCE_CLAIM_TEMPLATE,
            DEVICE_CLASS,
            RESOURCE_SLICE,
            DEVICE_TAINT_RULE);
    rules.add(
        new ApiRule(
            Rules.CLAIM_REQUEST,
            CLAIMS,
            "Requests: at most 32, unique DNS-label names, exactly one of exactly/firstAvailable (at most 8 alternatives)",
            "validateDeviceClaim / validateDeviceRequest: requests ≤ 32 (TooMany, items then not checked), unique names (Duplicate), names are DNS labels (Invalid), neither exactly nor firstAvailable (Required), both (Invalid), firstAvailable ≤ 8 with unique names.",
            CLAIM_YAML + "    - name: gpu\n",
            CLAIM_YAML + "    - name: gpu\n      exactly: {deviceClassName: gpu.nvidia.com}\n"));
    rules.add(
        new ApiRule(
            Rules.REQUEST_DEVICE_CLASS,
            CLAIMS,
            "Every request names a DeviceClass (a DNS subdomain)",
            "validateDeviceClass: exactly.deviceClassName / firstAvailable[].deviceClassName empty → Required, not a DNS subdomain → Invalid.",
            CLAIM_YAML + "    - name: gpu\n      exactly: {deviceClassName: ''}\n",
            CLAIM_YAML + "    - name: gpu\n      exactly: {deviceClassName: gpu.nvidia.com}\n"));
    rules.add(
        new ApiRule(
            Rules.REQUEST_ALLOCATION_MODE,
            CLAIMS,
            "allocationMode ExactCount needs count > 0; All forbids count",
            "validateDeviceAllocationMode after defaulting (allocationMode → ExactCount, count 0 → 1): All with count ≠ 0 → Invalid at .count; ExactCount with count ≤ 0 → Invalid at .count; other modes → NotSupported.",
            CLAIM_YAML
                + "    - name: gpu\n      exactly: {deviceClassName: gpu.nvidia.com, allocationMode: All, count: 2}\n",
            CLAIM_YAML
                + "    - name: gpu\n      exactly: {deviceClassName: gpu.nvidia.com, allocationMode: All}\n"));
    rules.add(
        new ApiRule(
            Rules.SELECTOR_CEL,
            CLAIMS_AND_CLASSES,
            "CEL selectors compile in the DRA environment, evaluate to bool, ≤ 10,240 bytes, within the cost limit",
            "validateSelector / validateCELExpression: ≤ 32 selectors, cel required, expression > 10,240 bytes → TooLong (not compiled), compile or type errors and non-bool results → Invalid (\"compilation failed: ...\"), estimated cost > 1,000,000 → Forbidden. The cost is our own estimate (see docs/dra.md).",
            CLAIM_YAML
                + "    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        selectors: [{cel: {expression: \"device.atributes['gpu.nvidia.com'].type == 'gpu'\"}}]\n",
            CLAIM_YAML
                + "    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        selectors: [{cel: {expression: \"device.attributes['gpu.nvidia.com'].type == 'gpu'\"}}]\n"));
    rules.add(
        new ApiRule(
            Rules.REQUEST_TOLERATION,
            CLAIMS,
            "Device tolerations: label-name keys, Exists without value, Equal with a label value, known effects",
            "validateDeviceToleration: key a label name, operator Exists with value → Invalid, Equal value a label value, unknown operator → NotSupported, unknown effect → NotSupported.",
            CLAIM_YAML
                + "    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        tolerations: [{key: example.com/unhealthy, operator: Exists, value: 'yes'}]\n",
            CLAIM_YAML
                + "    - name: gpu\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        tolerations: [{key: example.com/unhealthy, operator: Exists}]\n"));
    rules.add(
        new ApiRule(
            Rules.REQUEST_DERIVED_ATTRIBUTE,
            CLAIMS,
            "Derived attributes are named, unique, used by a constraint and compile",
            "validateDeviceDerivedAttributes (1.37 alpha, gate DRADerivedAttributes; dropped while it is off): unique names, each referenced by a matchAttribute/distinctAttribute constraint targeting the request → else Invalid, expression compiled like selectors.",
            "# feature-gates: DRADerivedAttributes=true\n"
                + CLAIM_YAML
                + "    - name: gpus\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        count: 2\n        derivedAttributes: [{name: example.com/board, expression: \"device.attributes['gpu.nvidia.com'].uuid\"}]\n",
            "# feature-gates: DRADerivedAttributes=true\n"
                + CLAIM_YAML
                + "    - name: gpus\n      exactly:\n        deviceClassName: gpu.nvidia.com\n        count: 2\n        derivedAttributes: [{name: example.com/board, expression: \"device.attributes['gpu.nvidia.com'].uuid\"}]\n    constraints: [{requests: [gpus], matchAttribute: example.com/board}]\n"));
    rules.add(
        new ApiRule(
            Rules.CLAIM_CONSTRAINT,
            CLAIMS,
            "Constraints reference existing requests and name a fully qualified attribute",
            "validateDeviceConstraint: ≤ 32 constraints; requests ≤ 32, unique, each 'request' or 'request/subrequest' of the claim; matchAttribute/distinctAttribute domain/name; neither → Required.",
            CLAIM_YAML
                + "    - name: gpus\n      exactly: {deviceClassName: gpu.nvidia.com, count: 2}\n    constraints: [{requests: [gpu], matchAttribute: resource.kubernetes.io/pcieRoot}]\n",
            CLAIM_YAML
                + "    - name: gpus\n      exactly: {deviceClassName: gpu.nvidia.com, count: 2}\n    constraints: [{requests: [gpus], matchAttribute: resource.kubernetes.io/pcieRoot}]\n"));
    rules.add(
        new ApiRule(
            Rules.CLAIM_CONFIG,
            CLAIMS_AND_CLASSES,
            "Opaque configuration: known requests, a driver name, parameters a JSON object ≤ 10 KiB",
            "validateDeviceClaimConfiguration / validateOpaqueConfiguration / validateRawExtension: ≤ 32 entries, request references as for constraints, opaque required, driver name rules, parameters required, > 10,240 bytes → TooLong, not an object → Invalid.",
            CLAIM_YAML
                + "    - name: gpu\n      exactly: {deviceClassName: gpu.nvidia.com}\n    config: [{opaque: {driver: gpu.nvidia.com}}]\n",
            CLAIM_YAML
                + "    - name: gpu\n      exactly: {deviceClassName: gpu.nvidia.com}\n    config: [{opaque: {driver: gpu.nvidia.com, parameters: {apiVersion: resource.nvidia.com/v1beta1, kind: GpuConfig}}}]\n"));
    rules.add(
        new ApiRule(
            Rules.TEMPLATE_METADATA,
            Set.of(RESOURCE_CLAIM_TEMPLATE),
            "Template spec.metadata: valid labels and annotations",
            "validateResourceClaimTemplateSpec → ValidateTemplateObjectMeta: only labels and annotations are checked.",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: gpu}\nspec:\n  metadata: {labels: {'team name': ml}}\n  spec: {devices: {requests: [{name: gpu, exactly: {deviceClassName: gpu.nvidia.com}}]}}\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: gpu}\nspec:\n  metadata: {labels: {team: ml}}\n  spec: {devices: {requests: [{name: gpu, exactly: {deviceClassName: gpu.nvidia.com}}]}}\n"));
    rules.add(
        new ApiRule(
            Rules.CLASS_EXTENDED_RESOURCE,
            Set.of(DEVICE_CLASS),
            "extendedResourceName is a valid extended resource name",
            "validateDeviceClassSpec: extendedResourceName must be domain-prefixed, outside kubernetes.io and not start with requests. → Invalid.",
            "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {extendedResourceName: gpu}\n",
            "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {extendedResourceName: example.com/gpu}\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_POOL,
            Set.of(RESOURCE_SLICE),
            "Slices name a driver and a pool with generation ≥ 0 and resourceSliceCount > 0",
            "validateResourceSliceSpec: driver name (Required/TooLong/Invalid), pool name ≤ 253 of '/'-separated DNS subdomains, resourceSliceCount > 0, generation ≥ 0.",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 0}\n  nodeName: node-1\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_NODE_SELECTION,
            Set.of(RESOURCE_SLICE),
            "Exactly one of nodeName, nodeSelector (one term), allNodes, perDeviceNodeSelection",
            "validateResourceSliceSpec / validateDevice: one node selection mode (Required/Invalid), false values Invalid, nodeSelector with exactly one term, per-device node fields only with perDeviceNodeSelection.",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  allNodes: true\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_DEVICE,
            Set.of(RESOURCE_SLICE),
            "Devices: ≤ 128 per slice (64 with taints, counters or list attributes), unique DNS-label names, ≤ 32 attributes+capacities, binding conditions",
            "validateResourceSliceSpec / validateDevice / validateDeviceBindingParameters.",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0}, {name: gpu-0}]\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0}, {name: gpu-1}]\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_ATTRIBUTE,
            Set.of(RESOURCE_SLICE),
            "Attributes: qualified names, exactly one value, strings ≤ 64 bytes, versions semver",
            "validateQualifiedName / validateDeviceAttribute.",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, attributes: {driverVersion: {version: '1.0'}}}]\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, attributes: {driverVersion: {version: 1.0.0}}}]\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_CAPACITY,
            Set.of(RESOURCE_SLICE),
            "Capacities: qualified names; requestPolicy only with allowMultipleAllocations and consistent with the capacity",
            "validateSingleAllocatableDeviceCapacity / validateRequestPolicy (validValues sorted, ≤ 10, default among them; validRange min/max/step/default).",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, capacity: {memory: {value: 80Gi, requestPolicy: {default: 1Gi, validRange: {min: 1Gi}}}}}]\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, allowMultipleAllocations: true, capacity: {memory: {value: 80Gi, requestPolicy: {default: 1Gi, validRange: {min: 1Gi}}}}}]\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_TAINT,
            Set.of(RESOURCE_SLICE, DEVICE_TAINT_RULE),
            "Device taints: ≤ 16 per device (4 in 1.34), label-name keys, label values, an effect",
            "validateDeviceTaint: key label name, value label value, effect Required / NotSupported (NoSchedule, NoExecute, None).",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, taints: [{key: example.com/unhealthy}]}]\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  devices: [{name: gpu-0, taints: [{key: example.com/unhealthy, effect: NoSchedule}]}]\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_COUNTER,
            Set.of(RESOURCE_SLICE),
            "Shared counters and consumesCounters: limits, DNS-label names, not in the same slice as devices",
            "validateCounterSet / validateDeviceCounterConsumption: ≤ 8 sets, ≤ 32 counters, ≤ 2 consumptions per device, unique set names; sharedCounters and devices are exclusive.",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  sharedCounters: [{name: gpu-0-counters}]\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  sharedCounters: [{name: gpu-0-counters, counters: {memory: {value: 80Gi}}}]\n"));
    rules.add(
        new ApiRule(
            Rules.SLICE_PARTITION,
            Set.of(RESOURCE_SLICE),
            "partitionTypeAttribute and skipNodeOperations are consistent",
            "validatePartitionTypeAttribute / validateSkipNodeOperations (1.37).",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  skipNodeOperations: [NodePrepareResources]\n",
            "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: node-1-gpus}\nspec:\n  driver: gpu.example.com\n  pool: {name: node-1, generation: 0, resourceSliceCount: 1}\n  nodeName: node-1\n  skipNodeOperations: [NodePrepareResources, NodeUnprepareResources]\n"));
    rules.add(
        new ApiRule(
            Rules.TAINT_RULE,
            Set.of(DEVICE_TAINT_RULE),
            "DeviceTaintRule selector names a valid driver, pool and device",
            "validateDeviceTaintSelector.",
            "apiVersion: resource.k8s.io/v1\nkind: DeviceTaintRule\nmetadata: {name: drain-gpu-0}\nspec:\n  deviceSelector: {driver: 'GPU Example', pool: node-1, device: gpu-0}\n  taint: {key: example.com/maintenance, effect: NoExecute}\n",
            "apiVersion: resource.k8s.io/v1\nkind: DeviceTaintRule\nmetadata: {name: drain-gpu-0}\nspec:\n  deviceSelector: {driver: gpu.example.com, pool: node-1, device: gpu-0}\n  taint: {key: example.com/maintenance, effect: NoExecute}\n"));
    rules.add(
        new ApiRule(
            Rules.POD_RESOURCE_CLAIM,
            POD_KINDS,
            "Pod resourceClaims: unique DNS-label names, exactly one of resourceClaimName / resourceClaimTemplateName",
            "pkg/apis/core/validation: validatePodResourceClaims.",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resourceClaims: [{name: gpu}]\n  containers: [{name: c, image: busybox}]\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resourceClaims: [{name: gpu, resourceClaimTemplateName: gpu}]\n  containers: [{name: c, image: busybox}]\n"));
    rules.add(
        new ApiRule(
            Rules.POD_CONTAINER_CLAIM,
            POD_KINDS,
            "Container resources.claims name pod claims, once",
            "pkg/apis/core/validation: validateResourceClaimNames — name Required, unknown → NotFound, repeated → Duplicate, request a DNS label.",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, resources: {claims: [{name: gpu}]}}]\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resourceClaims: [{name: gpu, resourceClaimTemplateName: gpu}]\n  containers: [{name: c, image: busybox, resources: {claims: [{name: gpu}]}}]\n"));
    rules.add(new DisabledFieldRule());
    rules.add(new AdminAccessNamespaceRule());
    rules.addAll(DraPracticeRules.all());
    return rules;
  }

  @Override
  public List<Defaulter> defaulters() {
    return List.of(new ResourceDefaulter());
  }

  static String gatesKey(RuleContext ctx) {
    return DraFeatureGates.all().stream()
        .map(g -> ctx.isEnabled(g) ? "1" : "0")
        .collect(Collectors.joining());
  }
}
