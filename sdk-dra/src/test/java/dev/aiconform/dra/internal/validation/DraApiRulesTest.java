package dev.aiconform.dra.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One or more specification tests per API rule: field path and reason as the API server. */
class DraApiRulesTest {
  static final String CLAIM =
      "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: gpus, namespace: ml}\nspec:\n  devices:\n";

  static List<String> findings(String yaml) {
    return findings(yaml, TargetVersion.V1_37);
  }

  static List<String> findings(String yaml, TargetVersion v) {
    return findingsOf(yaml, v).stream().map(DraApiRulesTest::describe).collect(Collectors.toList());
  }

  static List<Diagnostic> findingsOf(String yaml) {
    return findingsOf(yaml, TargetVersion.V1_37);
  }

  static List<Diagnostic> findingsOf(String yaml, TargetVersion v) {
    List<HasMetadata> objects = new java.util.ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (!doc.isBlank()) objects.add(parse(doc));
    }
    return Validator.forVersion(v).validate(ManifestBundle.of(objects)).diagnostics();
  }

  static HasMetadata parse(String yaml) {
    return KubeSerialization.get().unmarshal(yaml);
  }

  static String describe(Diagnostic d) {
    return d.rule()
        + " "
        + d.path()
        + " "
        + d.reason().map(Object::toString).orElse(d.severity().label());
  }

  static String exact(String fields) {
    return CLAIM
        + "    requests:\n    - name: gpu\n      exactly: {deviceClassName: gpu.nvidia.com"
        + fields
        + "}\n";
  }

  @Test
  void acceptsAMinimalClaimAfterDefaulting() {
    assertThat(findings(exact(""))).isEmpty();
    assertThat(findings(exact(", count: 0"))).as("count 0 is defaulted to 1").isEmpty();
  }

  @Test
  void invalidObjectNamesAreCoresToReport() {
    // DRA object names are DNS subdomains; core.metadata.name checks every kind, so sdk-dra does
    // not
    // repeat it.
    assertThat(findings(exact("").replace("name: gpus", "name: GPUs")))
        .containsExactly("core.metadata.name metadata.name FieldValueInvalid");
  }

  @Test
  void rejectsRequestWithoutExactlyOrFirstAvailable() {
    assertThat(findings(CLAIM + "    requests: [{name: gpu}]\n"))
        .containsExactly("dra.claim.request spec.devices.requests[0] FieldValueRequired");
  }

  @Test
  void rejectsRequestWithBothExactlyAndFirstAvailable() {
    assertThat(
            findings(
                CLAIM
                    + "    requests: [{name: gpu, exactly: {deviceClassName: a}, firstAvailable: [{name: x, deviceClassName: a}]}]\n"))
        .containsExactly("dra.claim.request spec.devices.requests[0] FieldValueInvalid");
  }

  @Test
  void rejectsDuplicateAndMalformedRequestNames() {
    assertThat(
            findings(
                CLAIM
                    + "    requests:\n    - {name: gpu, exactly: {deviceClassName: a}}\n    - {name: gpu, exactly: {deviceClassName: a}}\n    - {name: Bad_Name, exactly: {deviceClassName: a}}\n"))
        .containsExactly(
            "dra.claim.request spec.devices.requests[2].name FieldValueInvalid",
            "dra.claim.request spec.devices.requests[1] FieldValueDuplicate");
  }

  @Test
  void rejectsMoreThan32RequestsWithoutLookingAtThem() {
    StringBuilder y = new StringBuilder(CLAIM + "    requests:\n");
    for (int i = 0; i < 33; i++) y.append("    - {name: r").append(i).append("}\n");
    assertThat(findings(y.toString()))
        .containsExactly("dra.claim.request spec.devices.requests FieldValueTooMany");
  }

  @Test
  void rejectsMoreThan8Alternatives() {
    StringBuilder y =
        new StringBuilder(CLAIM + "    requests:\n    - name: gpu\n      firstAvailable:\n");
    for (int i = 0; i < 9; i++)
      y.append("      - {name: s").append(i).append(", deviceClassName: a}\n");
    assertThat(findings(y.toString()))
        .containsExactly(
            "dra.claim.request spec.devices.requests[0].firstAvailable FieldValueTooMany");
  }

  @Test
  void requiresADeviceClassName() {
    assertThat(findings(CLAIM + "    requests: [{name: gpu, exactly: {count: 1}}]\n"))
        .containsExactly(
            "dra.request.device-class spec.devices.requests[0].exactly.deviceClassName FieldValueRequired");
    assertThat(
            findings(
                CLAIM
                    + "    requests: [{name: gpu, firstAvailable: [{name: a, deviceClassName: Not_Valid}]}]\n"))
        .containsExactly(
            "dra.request.device-class spec.devices.requests[0].firstAvailable[0].deviceClassName FieldValueInvalid");
  }

  @Test
  void rejectsCountWhenAllocationModeIsAll() {
    assertThat(findings(exact(", allocationMode: All, count: 2")))
        .containsExactly(
            "dra.request.allocation-mode spec.devices.requests[0].exactly.count FieldValueInvalid");
  }

  @Test
  void rejectsNegativeCountAndUnknownMode() {
    assertThat(findings(exact(", count: -1")))
        .containsExactly(
            "dra.request.allocation-mode spec.devices.requests[0].exactly.count FieldValueInvalid");
    assertThat(findings(exact(", allocationMode: Some")))
        .containsExactly(
            "dra.request.allocation-mode spec.devices.requests[0].exactly.allocationMode FieldValueNotSupported");
  }

  @Test
  void reportsCelCompileErrorsAtTheExpressionPath() {
    assertThat(findings(exact(", selectors: [{cel: {expression: \"device.nope\"}}]")))
        .containsExactly(
            "dra.selector.cel spec.devices.requests[0].exactly.selectors[0].cel.expression FieldValueInvalid");
    assertThat(findings(exact(", selectors: [{cel: {expression: \"device.driver\"}}]")))
        .containsExactly(
            "dra.selector.cel spec.devices.requests[0].exactly.selectors[0].cel.expression FieldValueInvalid");
    assertThat(findings(exact(", selectors: [{}]")))
        .containsExactly(
            "dra.selector.cel spec.devices.requests[0].exactly.selectors[0].cel FieldValueRequired");
  }

  @Test
  void rejectsExpressionsOver10KiBAsTooLong() {
    String longExpr = "device.driver == '" + "x".repeat(10_300) + "'";
    assertThat(findings(exact(", selectors: [{cel: {expression: \"" + longExpr + "\"}}]")))
        .containsExactly(
            "dra.selector.cel spec.devices.requests[0].exactly.selectors[0].cel.expression FieldValueTooLong");
  }

  @Test
  void forbidsExpressionsOverTheCostLimit() {
    String nested =
        "device.attributes.all(a, device.attributes.all(b, device.attributes.all(c, device.attributes.all(d, device.attributes.all(e, a == e)))))";
    assertThat(findings(exact(", selectors: [{cel: {expression: \"" + nested + "\"}}]")))
        .containsExactly(
            "dra.selector.cel spec.devices.requests[0].exactly.selectors[0].cel.expression FieldValueForbidden");
  }

  @Test
  void checksTolerations() {
    assertThat(findings(exact(", tolerations: [{key: a.com/b, operator: Exists, value: x}]")))
        .containsExactly(
            "dra.request.toleration spec.devices.requests[0].exactly.tolerations[0].value FieldValueInvalid");
    assertThat(findings(exact(", tolerations: [{key: a.com/b, operator: Maybe}]")))
        .containsExactly(
            "dra.request.toleration spec.devices.requests[0].exactly.tolerations[0].operator FieldValueNotSupported");
    assertThat(findings(exact(", tolerations: [{key: a.com/b, effect: Sometimes}]")))
        .containsExactly(
            "dra.request.toleration spec.devices.requests[0].exactly.tolerations[0].effect FieldValueNotSupported");
    assertThat(findings(exact(", tolerations: [{key: a.com/b, value: ok}]")))
        .as("operator defaults to Equal")
        .isEmpty();
  }

  @Test
  void derivedAttributesMustBeUsedByAConstraint() {
    assertThat(
            CreateStrategyTest.errorsWithGate(
                exact(", derivedAttributes: [{name: x.com/y, expression: \"true\"}]"),
                "DRADerivedAttributes",
                true))
        .contains(
            "dra.request.derived-attribute spec.devices.requests[0].exactly.derivedAttributes[0].name FieldValueInvalid");
  }

  @Test
  void constraintsReferenceRequestsAndQualifiedAttributes() {
    String base =
        CLAIM
            + "    requests: [{name: gpus, exactly: {deviceClassName: a, count: 2}}]\n    constraints:\n";
    assertThat(
            findings(
                base
                    + "    - {requests: [gpu], matchAttribute: resource.kubernetes.io/pcieRoot}\n"))
        .containsExactly(
            "dra.claim.constraint spec.devices.constraints[0].requests[0] FieldValueInvalid");
    assertThat(findings(base + "    - {matchAttribute: pcieRoot}\n"))
        .containsExactly(
            "dra.claim.constraint spec.devices.constraints[0].matchAttribute FieldValueInvalid");
    assertThat(findings(base + "    - {requests: [gpus]}\n"))
        .containsExactly("dra.claim.constraint spec.devices.constraints[0] FieldValueRequired");
    assertThat(
            findings(
                base
                    + "    - {requests: [gpus], matchAttribute: resource.kubernetes.io/pcieRoot}\n"))
        .isEmpty();
  }

  @Test
  void constraintWithoutAttributeIsRequiredAtMatchAttributeBeforeConsumableCapacity() {
    String y =
        CLAIM
            + "    requests: [{name: gpus, exactly: {deviceClassName: a, count: 2}}]\n    constraints: [{requests: [gpus]}]\n";
    assertThat(findings(y, TargetVersion.V1_35))
        .containsExactly(
            "dra.claim.constraint spec.devices.constraints[0].matchAttribute FieldValueRequired");
  }

  @Test
  void opaqueParametersMustBeAJsonObject() {
    String base =
        CLAIM + "    requests: [{name: gpu, exactly: {deviceClassName: a}}]\n    config:\n";
    assertThat(findings(base + "    - opaque: {driver: gpu.nvidia.com}\n"))
        .containsExactly(
            "dra.claim.config spec.devices.config[0].opaque.parameters FieldValueRequired");
    assertThat(findings(base + "    - {requests: [gpu]}\n"))
        .containsExactly("dra.claim.config spec.devices.config[0].opaque FieldValueRequired");
    assertThat(findings(base + "    - opaque: {driver: '', parameters: {a: 1}}\n"))
        .containsExactly(
            "dra.claim.config spec.devices.config[0].opaque.driver FieldValueRequired");
    String big = "x".repeat(10_300);
    assertThat(findings(base + "    - opaque: {driver: d.com, parameters: {a: " + big + "}}\n"))
        .containsExactly(
            "dra.claim.config spec.devices.config[0].opaque.parameters FieldValueTooLong");
  }

  @Test
  void templateMetadataLabelsAreChecked() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: t}\nspec:\n  metadata: {labels: {'bad key!': v}}\n  spec: {devices: {requests: [{name: gpu, exactly: {deviceClassName: a}}]}}\n";
    assertThat(findings(y))
        .containsExactly("dra.template.metadata spec.metadata.labels FieldValueInvalid");
  }

  @Test
  void templatesUseTheSpecSpecPaths() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: t}\nspec:\n  spec: {devices: {requests: [{name: gpu, exactly: {deviceClassName: a, allocationMode: All, count: 1}}]}}\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.request.allocation-mode spec.spec.devices.requests[0].exactly.count FieldValueInvalid");
  }

  @Test
  void deviceClassExtendedResourceNameMustBeValid() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: c}\nspec: {extendedResourceName: gpu}\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.class.extended-resource-name spec.extendedResourceName FieldValueInvalid");
    assertThat(findings(y.replace("gpu}", "example.com/gpu}"))).isEmpty();
  }

  static final String SLICE =
      "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: s}\nspec:\n  driver: gpu.example.com\n  pool: {name: n1, generation: 0, resourceSliceCount: 1}\n";

  @Test
  void slicesNeedDriverAndPool() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: s}\nspec:\n  driver: ''\n  pool: {name: n1, generation: -1, resourceSliceCount: 0}\n  nodeName: n1\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.slice.pool spec.driver FieldValueRequired",
            "dra.slice.pool spec.driver FieldValueInvalid",
            "dra.slice.pool spec.pool.resourceSliceCount FieldValueInvalid",
            "dra.slice.pool spec.pool.generation FieldValueInvalid");
  }

  @Test
  void slicesNeedExactlyOneNodeSelection() {
    assertThat(findings(SLICE)).containsExactly("dra.slice.node-selection spec FieldValueRequired");
    assertThat(findings(SLICE + "  nodeName: n1\n  allNodes: true\n"))
        .containsExactly("dra.slice.node-selection spec FieldValueInvalid");
    assertThat(findings(SLICE + "  allNodes: false\n"))
        .containsExactly(
            "dra.slice.node-selection spec.allNodes FieldValueInvalid",
            "dra.slice.node-selection spec FieldValueRequired");
  }

  @Test
  void checksDevices() {
    assertThat(
            findings(
                SLICE
                    + "  nodeName: n1\n  devices: [{name: gpu-0}, {name: gpu-0}, {name: GPU_1}]\n"))
        .containsExactly(
            "dra.slice.device spec.devices[2].name FieldValueInvalid",
            "dra.slice.device spec.devices[1] FieldValueDuplicate");
    StringBuilder y = new StringBuilder(SLICE + "  nodeName: n1\n  devices:\n");
    for (int i = 0; i < 65; i++)
      y.append("  - {name: d")
          .append(i)
          .append(", taints: [{key: a.com/b, effect: NoSchedule}]}\n");
    assertThat(findings(y.toString()))
        .containsExactly("dra.slice.device spec.devices FieldValueTooMany");
  }

  @Test
  void checksAttributes() {
    assertThat(
            findings(
                SLICE
                    + "  nodeName: n1\n  devices: [{name: d, attributes: {v: {version: '1.0'}, s: {string: '"
                    + "x".repeat(65)
                    + "'}, two: {int: 1, bool: true}, 9bad: {int: 1}}}]\n"))
        .containsExactlyInAnyOrder(
            "dra.slice.attribute spec.devices[0].attributes[v].version FieldValueInvalid",
            "dra.slice.attribute spec.devices[0].attributes[s].string FieldValueTooLong",
            "dra.slice.attribute spec.devices[0].attributes[two] FieldValueInvalid",
            "dra.slice.attribute spec.devices[0].attributes FieldValueInvalid");
  }

  @Test
  void requestPolicyNeedsMultipleAllocations() {
    String y =
        SLICE
            + "  nodeName: n1\n  devices: [{name: d, capacity: {memory: {value: 80Gi, requestPolicy: {default: 1Gi, validRange: {min: 1Gi}}}}}]\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy FieldValueForbidden");
    String multi =
        y.replace("{name: d,", "{name: d, allowMultipleAllocations: true,")
            .replace("default: 1Gi", "default: 500Mi");
    assertThat(findings(multi))
        .containsExactly(
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy.validRange.default FieldValueInvalid");
  }

  @Test
  void taintLimitIs4In134And16Later() {
    StringBuilder y =
        new StringBuilder(SLICE + "  nodeName: n1\n  devices:\n  - name: d\n    taints:\n");
    for (int i = 0; i < 5; i++)
      y.append("    - {key: a.com/t").append(i).append(", effect: NoSchedule}\n");
    // DRADeviceTaints is off by default in 1.34, which drops the taints: the limit needs the gate
    assertThat(
            CreateStrategyTest.errorsWithGate(
                y.toString(), TargetVersion.V1_34, "DRADeviceTaints", true))
        .contains("dra.slice.taint spec.devices[0].taints FieldValueTooMany");
    assertThat(findings(y.toString(), TargetVersion.V1_34))
        .doesNotContain("dra.slice.taint spec.devices[0].taints FieldValueTooMany");
    assertThat(findings(y.toString(), TargetVersion.V1_37))
        .doesNotContain("dra.slice.taint spec.devices[0].taints FieldValueTooMany");
  }

  @Test
  void checksTaints() {
    assertThat(
            findings(
                SLICE
                    + "  nodeName: n1\n  devices: [{name: d, taints: [{key: a.com/b}, {key: a.com/c, effect: Maybe}]}]\n"))
        .containsExactly(
            "dra.slice.taint spec.devices[0].taints[0].effect FieldValueRequired",
            "dra.slice.taint spec.devices[0].taints[1].effect FieldValueNotSupported");
  }

  @Test
  void checksCounters() {
    assertThat(
            findings(
                SLICE
                    + "  nodeName: n1\n  sharedCounters: [{name: gpu-0, counters: {memory: {value: 80Gi}}}]\n  devices: [{name: d}]\n"))
        .containsExactly("dra.slice.counter spec FieldValueInvalid");
    assertThat(findings(SLICE + "  nodeName: n1\n  sharedCounters: [{name: gpu-0}]\n"))
        .containsExactly("dra.slice.counter spec.sharedCounters[0].counters FieldValueRequired");
  }

  @Test
  void checksPartitionTypeAndSkipNodeOperations() {
    assertThat(
            findings(
                SLICE
                    + "  nodeName: n1\n  partitionTypeAttribute: gpu.example.com/kind\n  devices: [{name: d}]\n"))
        .containsExactly("dra.slice.partition spec.partitionTypeAttribute FieldValueInvalid");
    assertThat(findings(SLICE + "  nodeName: n1\n  skipNodeOperations: [NodePrepareResources]\n"))
        .containsExactly("dra.slice.partition spec.skipNodeOperations FieldValueInvalid");
  }

  @Test
  void checksDeviceTaintRules() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: DeviceTaintRule\nmetadata: {name: r}\nspec:\n  deviceSelector: {driver: 'Bad Driver', device: gpu-0}\n  taint: {key: a.com/b, effect: NoExecute}\n";
    assertThat(findings(y))
        .containsExactly("dra.taint-rule.selector spec.deviceSelector.driver FieldValueInvalid");
  }

  static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n";

  @Test
  void podClaimsNeedExactlyOneSource() {
    assertThat(
            findings(
                POD + "  resourceClaims: [{name: gpu}]\n  containers: [{name: c, image: i}]\n"))
        .containsExactly("dra.pod.resource-claim spec.resourceClaims[0] FieldValueInvalid");
    assertThat(
            findings(
                POD
                    + "  resourceClaims: [{name: gpu, resourceClaimName: a}, {name: gpu, resourceClaimTemplateName: b}]\n  containers: [{name: c, image: i}]\n"))
        .containsExactly("dra.pod.resource-claim spec.resourceClaims[1].name FieldValueDuplicate");
  }

  @Test
  void containerClaimsMustNamePodClaims() {
    assertThat(
            findings(
                POD + "  containers: [{name: c, image: i, resources: {claims: [{name: gpu}]}}]\n"))
        .containsExactly(
            "dra.pod.container-claim spec.containers[0].resources.claims[0] FieldValueNotFound");
    assertThat(
            findings(
                POD
                    + "  resourceClaims: [{name: gpu, resourceClaimTemplateName: t}]\n  containers: [{name: c, image: i, resources: {claims: [{name: gpu}, {name: gpu, request: a}]}}]\n"))
        .containsExactly(
            "dra.pod.container-claim spec.containers[0].resources.claims[1] FieldValueDuplicate");
  }

  @Test
  void anEmptyContainerClaimNameIsRequiredAtTheEntry() {
    // pkg/apis/core/validation: validateResourceClaimNames reports Required at claims[i]
    assertThat(
            findings(
                POD
                    + "  resourceClaims: [{name: gpu, resourceClaimTemplateName: t}]\n  containers: [{name: c, image: i, resources: {claims: [{request: a}]}}]\n"))
        .containsExactly(
            "dra.pod.container-claim spec.containers[0].resources.claims[0] FieldValueRequired");
  }

  @Test
  void aWholeClaimAfterItsRequestsDuplicatesEachOfThem() {
    String pod =
        POD
            + "  resourceClaims: [{name: gpu, resourceClaimTemplateName: t}]\n  containers: [{name: c, image: i, resources: {claims: [{name: gpu, request: a}, {name: gpu, request: b}, {name: gpu}, {name: gpu, request: BAD}]}}]\n";
    assertThat(findings(pod))
        .as(
            "one Duplicate per request seen before; after the whole claim, the request is not checked")
        .containsExactly(
            "dra.pod.container-claim spec.containers[0].resources.claims[2] FieldValueDuplicate",
            "dra.pod.container-claim spec.containers[0].resources.claims[2] FieldValueDuplicate",
            "dra.pod.container-claim spec.containers[0].resources.claims[3] FieldValueDuplicate");
  }

  @Test
  void aDuplicatePodClaimNameIsOnlyADuplicate() {
    assertThat(
            findings(
                POD
                    + "  resourceClaims: [{name: Gpu, resourceClaimName: a}, {name: Gpu, resourceClaimName: b}]\n  containers: [{name: c, image: i}]\n"))
        .containsExactly(
            "dra.pod.resource-claim spec.resourceClaims[0].name FieldValueInvalid",
            "dra.pod.resource-claim spec.resourceClaims[1].name FieldValueDuplicate");
  }

  @Test
  void bothSourcesAreInvalidAndBothNamesAreChecked() {
    assertThat(
            findings(
                POD
                    + "  resourceClaims: [{name: gpu, resourceClaimName: A, resourceClaimTemplateName: B}]\n  containers: [{name: c, image: i}]\n"))
        .containsExactlyInAnyOrder(
            "dra.pod.resource-claim spec.resourceClaims[0] FieldValueInvalid",
            "dra.pod.resource-claim spec.resourceClaims[0].resourceClaimName FieldValueInvalid",
            "dra.pod.resource-claim spec.resourceClaims[0].resourceClaimTemplateName FieldValueInvalid");
  }

  @Test
  void theGeneratedClaimNameOfAPodMustBeASubdomain() {
    String name = "p".repeat(250);
    assertThat(
            findings(
                POD.replace("name: p}", "name: " + name + "}")
                    + "  resourceClaims: [{name: gpu, resourceClaimTemplateName: t}]\n  containers: [{name: c, image: i}]\n"))
        .containsExactly("dra.pod.resource-claim spec.resourceClaims[0].name FieldValueInvalid");
    assertThat(
            findings(
                POD.replace("name: p}", "name: " + name + "}")
                    + "  resourceClaims: [{name: gpu, resourceClaimName: c}]\n  containers: [{name: c, image: i}]\n"))
        .as("only template claims get a generated name")
        .isEmpty();
  }

  @Test
  void workloadTemplatesAreCheckedToo() {
    String y =
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: i, resources: {claims: [{name: gpu}]}}]\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.pod.container-claim spec.template.spec.containers[0].resources.claims[0] FieldValueNotFound");
  }

  @Test
  void warnsAboutFieldsOfDisabledFeatures() {
    String y =
        SLICE
            + "  nodeName: n1\n  devices: [{name: d, taints: [{key: a.com/b, effect: NoSchedule}]}]\n";
    assertThat(findings(y, TargetVersion.V1_35))
        .containsExactly("dra.feature.disabled-field spec.devices[0].taints warning");
    assertThat(findings(y, TargetVersion.V1_36)).isEmpty();
  }

  @Test
  void adminAccessNeedsTheNamespaceLabel() {
    String ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n---\n";
    assertThat(findings(ns + exact(", adminAccess: true")))
        .containsExactly(
            "dra.request.admin-access spec.devices.requests[0].exactly.adminAccess FieldValueForbidden");
    String labelled =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: ml, labels: {resource.kubernetes.io/admin-access: 'true'}}\n---\n";
    assertThat(findings(labelled + exact(", adminAccess: true"))).isEmpty();
    assertThat(findings(exact(", adminAccess: true")))
        .containsExactly(
            "dra.request.admin-access spec.devices.requests[0].exactly.adminAccess warning");
  }
}
