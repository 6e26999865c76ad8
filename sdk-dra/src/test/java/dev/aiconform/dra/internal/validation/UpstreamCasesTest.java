package dev.aiconform.dra.internal.validation;

import static dev.aiconform.dra.internal.validation.DraApiRulesTest.CLAIM;
import static dev.aiconform.dra.internal.validation.DraApiRulesTest.SLICE;
import static dev.aiconform.dra.internal.validation.DraApiRulesTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cases from the audit against pkg/apis/resource/validation (validation.go and its *_test.go): each
 * object gets the field paths and reasons the API server reports, in our own words.
 */
class UpstreamCasesTest {
  static final String MULTI =
      SLICE
          + "  nodeName: n1\n  devices:\n  - name: d\n    allowMultipleAllocations: true\n    capacity:\n      memory:\n        value: 100\n        requestPolicy:\n";

  @Test
  void aSliceWithoutPoolLacksItsNameAndItsSliceCount() {
    // ResourcePool is a struct: absent, its name is "" and resourceSliceCount 0
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: s}\nspec:\n  driver: gpu.example.com\n  nodeName: n1\n";
    assertThat(findings(y))
        .containsExactlyInAnyOrder(
            "dra.slice.pool spec.pool.name FieldValueRequired",
            "dra.slice.pool spec.pool.resourceSliceCount FieldValueInvalid");
  }

  @Test
  void aTaintRuleWithoutTaintLacksKeyAndEffect() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: DeviceTaintRule\nmetadata: {name: r}\nspec:\n  deviceSelector: {driver: gpu.example.com}\n";
    assertThat(findings(y))
        .containsExactlyInAnyOrder(
            "dra.slice.taint spec.taint.key FieldValueInvalid",
            "dra.slice.taint spec.taint.key FieldValueInvalid",
            "dra.slice.taint spec.taint.effect FieldValueRequired");
  }

  @Test
  void anEmptyTaintKeyFailsBothTheEmptyAndTheFormatCheck() {
    // metav1validation.ValidateLabelName(""): "name part must be non-empty" and the regex message
    assertThat(
            findings(
                SLICE
                    + "  nodeName: n1\n  devices: [{name: d, taints: [{key: '', effect: NoSchedule}]}]\n"))
        .containsExactly(
            "dra.slice.taint spec.devices[0].taints[0].key FieldValueInvalid",
            "dra.slice.taint spec.devices[0].taints[0].key FieldValueInvalid");
  }

  @Test
  void tooManyValidValuesAlsoLeaveTheDefaultUnmatched() {
    // validateSet stops at TooMany, so no option is visited and the default is not found
    StringBuilder y = new StringBuilder(MULTI + "          default: 1\n          validValues: [");
    for (int i = 1; i <= 11; i++) y.append(i == 1 ? "" : ", ").append(i);
    y.append("]\n");
    assertThat(findings(y.toString()))
        .containsExactlyInAnyOrder(
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy.validValues FieldValueTooMany",
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy.validValues FieldValueInvalid");
  }

  @Test
  void aNegativeRangeBoundIsInvalidBeforeStepArithmetic() {
    String y = MULTI + "          default: 4\n          validRange: {min: -2, max: 10, step: 2}\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy.validRange.min FieldValueInvalid");
  }

  @Test
  void stepArithmeticUsesWholeUnitsRoundedUpWithoutFractionalRanges() {
    // DRAFractionalCapacityRange off (1.36): Quantity.Value() rounds 1500m up to 2, 3 - 0 is odd
    String y =
        MULTI + "          default: 3\n          validRange: {min: 0, max: 10, step: 1500m}\n";
    assertThat(findings(y, dev.aiconform.core.TargetVersion.V1_36))
        .contains(
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy.validRange.step FieldValueInvalid");
  }

  @Test
  void fractionalRangeValuesMustBeMilliValues() {
    String y =
        MULTI + "          default: 1\n          validRange: {min: 500u, max: 10, step: 1}\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy.validRange.min FieldValueInvalid");
  }

  @Test
  void templateMetadataMayOnlyCarryLabelsAndAnnotations() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: t, namespace: ml}\nspec:\n  metadata: {name: x, namespace: y, uid: abc, finalizers: [a.com/f], labels: {a: b}}\n  spec: {devices: {requests: [{name: gpu, exactly: {deviceClassName: a}}]}}\n";
    assertThat(findings(y))
        .containsExactlyInAnyOrder(
            "dra.template.metadata spec.metadata.name FieldValueForbidden",
            "dra.template.metadata spec.metadata.namespace FieldValueForbidden",
            "dra.template.metadata spec.metadata.uID FieldValueForbidden",
            "dra.template.metadata spec.metadata.finalizers FieldValueForbidden");
  }

  @Test
  void perDeviceNodeNamesAreNodeNames() {
    assertThat(
            findings(
                SLICE
                    + "  perDeviceNodeSelection: true\n  devices: [{name: d, nodeName: Node_1}]\n"))
        .containsExactly("dra.slice.node-selection spec.devices[0].nodeName FieldValueInvalid");
  }

  @Test
  void nodeSelectorValuesAndFieldsAreChecked() {
    // corevalidation.ValidateNodeSelector: expression values are label values; field selectors
    // take metadata.name with exactly one value for In/NotIn
    String y =
        SLICE
            + "  nodeSelector:\n    nodeSelectorTerms:\n    - matchExpressions: [{key: zone, operator: In, values: ['a b']}]\n"
            + "      matchFields: [{key: metadata.uid, operator: In, values: [x, y]}, {key: metadata.name, operator: Exists}]\n";
    assertThat(findings(y))
        .containsExactlyInAnyOrder(
            "dra.slice.node-selection spec.nodeSelector.nodeSelectorTerms[0].matchExpressions[0].values[0] FieldValueInvalid",
            "dra.slice.node-selection spec.nodeSelector.nodeSelectorTerms[0].matchFields[0].values FieldValueRequired",
            "dra.slice.node-selection spec.nodeSelector.nodeSelectorTerms[0].matchFields[0].key FieldValueInvalid",
            "dra.slice.node-selection spec.nodeSelector.nodeSelectorTerms[0].matchFields[1].operator FieldValueInvalid");
  }

  @Test
  void longAttributeKeysAreShortenedInTheValuePath() {
    // validateMap truncates keys over 96 characters (63 + 1 + 32) in the middle of the path
    String domain = "a".repeat(70) + ".com";
    String key = domain + "/" + "b".repeat(30);
    String y = SLICE + "  nodeName: n1\n  devices: [{name: d, attributes: {" + key + ": {}}}]\n";
    String shortened = key.substring(0, 47) + "..." + key.substring(key.length() - 46);
    assertThat(findings(y))
        .containsExactlyInAnyOrder(
            "dra.slice.attribute spec.devices[0].attributes FieldValueTooLong",
            "dra.slice.attribute spec.devices[0].attributes[" + shortened + "] FieldValueInvalid");
  }

  @Test
  void aTemplateOrClaimWithoutRequestsIsValid() {
    // ResourceClaimTemplateSpec.spec and DeviceClaim are structs: empty is a claim with no devices
    assertThat(
            findings(
                "apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata: {name: t, namespace: ml}\nspec: {}\n"))
        .isEmpty();
    assertThat(findings(CLAIM.replace("  devices:\n", "  devices: {}\n"))).isEmpty();
  }

  @Test
  void adminAccessIsAuthorizedOnceForTheFirstRequestAskingForIt() {
    // pkg/registry/resource/utils.go AuthorizedForAdmin stops at the first admin request
    String y =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n---\n"
            + CLAIM
            + "    requests:\n    - {name: a, exactly: {deviceClassName: c}}\n"
            + "    - {name: b, exactly: {deviceClassName: c, allocationMode: All, adminAccess: true}}\n"
            + "    - {name: d, exactly: {deviceClassName: c, allocationMode: All, adminAccess: true}}\n";
    assertThat(findings(y))
        .containsExactly(
            "dra.request.admin-access spec.devices.requests[1].exactly.adminAccess FieldValueForbidden");
  }

  @Test
  void anEmptySliceDriverIsRequiredAndMalformed() {
    // validateResourceSliceSpec calls ValidateCSIDriverName without declarative coverage: the
    // empty name is Required and fails the DNS subdomain format
    assertThat(
            findings(SLICE.replace("driver: gpu.example.com", "driver: ''") + "  nodeName: n1\n"))
        .containsExactly(
            "dra.slice.pool spec.driver FieldValueRequired",
            "dra.slice.pool spec.driver FieldValueInvalid");
  }

  @Test
  void aMinimalClaimStaysValid() {
    assertThat(findings(CLAIM + "    requests: [{name: gpu, exactly: {deviceClassName: a}}]\n"))
        .isEmpty();
  }
}
