package dev.aiconform.dra.internal.validation;

import static dev.aiconform.dra.internal.validation.DraApiRulesTest.CLAIM;
import static dev.aiconform.dra.internal.validation.DraApiRulesTest.SLICE;
import static dev.aiconform.dra.internal.validation.DraApiRulesTest.describe;
import static dev.aiconform.dra.internal.validation.DraApiRulesTest.exact;
import static dev.aiconform.dra.internal.validation.DraApiRulesTest.findings;
import static dev.aiconform.dra.internal.validation.DraApiRulesTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Validator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On create the registry strategies drop the fields of disabled features and reset a claim's status
 * before validation (pkg/registry/resource/*&#47;strategy.go): such fields are never rejected, and
 * what is left is validated as if they had not been written.
 */
class CreateStrategyTest {
  static final String WARNING = "dra.feature.disabled-field";

  static List<String> errors(String yaml, TargetVersion v) {
    return findings(yaml, v).stream().filter(f -> !f.startsWith(WARNING)).toList();
  }

  static List<String> errorsWithGate(String yaml, String gate, boolean on) {
    return errorsWithGate(yaml, TargetVersion.V1_37, gate, on);
  }

  static List<String> errorsWithGate(String yaml, TargetVersion v, String gate, boolean on) {
    return Validator.builder()
        .targetVersion(v)
        .featureGate(gate, on)
        .build()
        .validate(ManifestBundle.of(List.of(parse(yaml))))
        .diagnostics()
        .stream()
        .map(DraApiRulesTest::describe)
        .filter(f -> !f.startsWith(WARNING))
        .collect(Collectors.toList());
  }

  @Test
  void copiesOnlyWhatItChangesAndNeverTheCallersObject() {
    java.util.function.Predicate<dev.aiconform.core.FeatureGate> gates =
        g -> g.isEnabled(TargetVersion.V1_37, java.util.Map.of());
    var plain =
        parse(SLICE + "  nodeName: n1\n  devices: [{name: d, attributes: {a: {int: 1}}}]\n");
    assertThat(CreateStrategy.prepare(plain, gates)).isSameAs(plain);
    String listYaml =
        SLICE + "  nodeName: n1\n  devices: [{name: d, attributes: {a: {ints: [1, 2]}}}]\n";
    var withList = parse(listYaml);
    var prepared = CreateStrategy.prepare(withList, gates);
    assertThat(prepared).isNotSameAs(withList);
    assertThat(withList).as("the caller's object keeps its list").isEqualTo(parse(listYaml));
  }

  @Test
  void claimStatusIsDiscardedOnCreate() {
    String y = exact("") + "status:\n  reservedFor: [{resource: pods, name: p, uid: u}]\n";
    assertThat(findings(y)).isEmpty();
  }

  @Test
  void tolerationsAreDroppedNotCheckedBeforeDeviceTaintsIsOn() {
    String y = exact(", tolerations: [{key: a.com/b, operator: Exists, value: x}]");
    assertThat(findings(y, TargetVersion.V1_35))
        .containsExactly(WARNING + " spec.devices.requests[0].exactly.tolerations warning");
    assertThat(errors(y, TargetVersion.V1_36))
        .containsExactly(
            "dra.request.toleration spec.devices.requests[0].exactly.tolerations[0].value FieldValueInvalid");
  }

  @Test
  void distinctAttributeIsDroppedBeforeConsumableCapacitySoMatchAttributeIsRequired() {
    String y =
        CLAIM
            + "    requests: [{name: gpus, exactly: {deviceClassName: a, count: 2}}]\n"
            + "    constraints: [{requests: [gpus], distinctAttribute: x.com/y}]\n";
    assertThat(errors(y, TargetVersion.V1_35))
        .containsExactly(
            "dra.claim.constraint spec.devices.constraints[0].matchAttribute FieldValueRequired");
    assertThat(errors(y, TargetVersion.V1_36)).isEmpty();
  }

  @Test
  void aRequestLeftWithoutFirstAvailableIsRequired() {
    String y =
        CLAIM + "    requests: [{name: gpu, firstAvailable: [{name: big, deviceClassName: a}]}]\n";
    assertThat(errorsWithGate(y, "DRAPrioritizedList", false))
        .containsExactly("dra.claim.request spec.devices.requests[0] FieldValueRequired");
    assertThat(errorsWithGate(y, "DRAPrioritizedList", true)).isEmpty();
  }

  @Test
  void adminAccessIsDroppedSoTheNamespaceIsNotConsulted() {
    String ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n---\n";
    String y = exact(", adminAccess: true");
    List<String> found =
        Validator.builder()
            .targetVersion(TargetVersion.V1_37)
            .featureGate("DRAAdminAccess", false)
            .build()
            .validate(ManifestBundle.of(List.of(parse(ns.replace("---\n", "")), parse(y))))
            .diagnostics()
            .stream()
            .map(DraApiRulesTest::describe)
            .filter(f -> !f.startsWith(WARNING))
            .toList();
    assertThat(found).isEmpty();
  }

  @Test
  void listAttributesAreDroppedWhileListTypeAttributesIsOffLeavingNoValue() {
    String y =
        SLICE
            + "  nodeName: n1\n  devices: [{name: d, attributes: {resource.kubernetes.io/numaNode: {ints: [0, 1]}}}]\n";
    assertThat(errors(y, TargetVersion.V1_37))
        .containsExactly(
            "dra.slice.attribute spec.devices[0].attributes[resource.kubernetes.io/numaNode] FieldValueInvalid");
    assertThat(errorsWithGate(y, "DRAListTypeAttributes", true)).isEmpty();
  }

  @Test
  void perDeviceNodeSelectionIsDroppedBeforePartitionableDevicesIsOn() {
    String y = SLICE + "  perDeviceNodeSelection: true\n  devices: [{name: d, nodeName: n1}]\n";
    assertThat(errors(y, TargetVersion.V1_35))
        .containsExactly("dra.slice.node-selection spec FieldValueRequired");
    assertThat(errors(y, TargetVersion.V1_36)).isEmpty();
  }

  @Test
  void requestPoliciesAreDroppedBeforeConsumableCapacityIsOn() {
    String y =
        SLICE
            + "  nodeName: n1\n  devices: [{name: d, capacity: {memory: {value: 80Gi, requestPolicy: {default: 1Gi, validRange: {min: 1Gi}}}}}]\n";
    assertThat(findings(y, TargetVersion.V1_35))
        .as("only the warning that the policy is dropped")
        .containsExactly(WARNING + " spec.devices[0].capacity[memory].requestPolicy warning");
    assertThat(errors(y, TargetVersion.V1_36))
        .containsExactly(
            "dra.slice.capacity spec.devices[0].capacity[memory].requestPolicy FieldValueForbidden");
  }

  @Test
  void extendedResourceNameIsDroppedBeforeDraExtendedResourceIsOn() {
    String y =
        "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {extendedResourceName: gpu}\n";
    assertThat(errors(y, TargetVersion.V1_35)).isEmpty();
    assertThat(errors(y, TargetVersion.V1_36))
        .containsExactly(
            "dra.class.extended-resource-name spec.extendedResourceName FieldValueInvalid");
    assertThat(describe(DraApiRulesTest.findingsOf(y, TargetVersion.V1_36).get(0)))
        .startsWith("dra.class");
  }
}
