package dev.aiconform.dra.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Validator;
import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.StandardAttributes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The practice and conformance rules of sdk-dra, one or more specifications each. */
class DraPracticeRulesTest {
  static List<Diagnostic> findings(String rule, List<? extends HasMetadata> objects) {
    return Validator.defaults()
        .validate(ManifestBundle.of(new ArrayList<>(objects)))
        .diagnostics()
        .stream()
        .filter(d -> d.rule().equals(rule))
        .collect(Collectors.toList());
  }

  static List<Diagnostic> findings(String rule, String yaml) {
    return DraApiRulesTest.findingsOf(yaml).stream()
        .filter(d -> d.rule().equals(rule))
        .collect(Collectors.toList());
  }

  static List<HasMetadata> with(List<HasMetadata> inventory, HasMetadata... more) {
    List<HasMetadata> out = new ArrayList<>(inventory);
    out.addAll(List.of(more));
    return out;
  }

  // ------------------------------------------------------------------ unknown attribute

  @Test
  void warnsAboutAnAttributeTheDriverDoesNotPublishAndSuggestsTheClosest() {
    List<Diagnostic> d =
        findings(
            "dra.practice.unknown-attribute",
            DraApiRulesTest.exact(
                ", selectors: [{cel: {expression: \"device.attributes['gpu.nvidia.com'].prodctName"
                    + " == 'x'\"}}]"));
    assertThat(d)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path().toString())
                  .isEqualTo("spec.devices.requests[0].exactly.selectors[0].cel.expression");
              assertThat(x.message())
                  .contains("attribute 'prodctName' is not published by gpu.nvidia.com");
              assertThat(x.hint()).contains("did you mean 'productName'?");
            });
  }

  @Test
  void knownAttributesAndOpenDomainsAreNotFlagged() {
    assertThat(
            findings(
                "dra.practice.unknown-attribute",
                DraApiRulesTest.exact(
                    ", selectors: [{cel: {expression: \"device.attributes['gpu.nvidia.com'].productName"
                        + " == 'x' && device.attributes['vendor.example.org'].anything == 1\"}}]")))
        .isEmpty();
  }

  // ------------------------------------------------------------------ removed attribute

  @Test
  void warnsAboutNvidiaIndexRemovedInDriver25dot8() {
    List<Diagnostic> d =
        findings(
            "dra.practice.removed-attribute",
            DraApiRulesTest.exact(
                ", selectors: [{cel: {expression: \"device.attributes['gpu.nvidia.com'].index == 0\"}}]"));
    assertThat(d)
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("removed in driver"));
  }

  // ------------------------------------------------------------------ shared claim

  @Test
  void warnsWhenReplicasShareOneNamedClaim() {
    String deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ml}\nspec:\n"
            + "  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n"
            + "    metadata: {labels: {app: web}}\n    spec:\n"
            + "      containers: [{name: c, image: x, resources: {claims: [{name: gpu}]}}]\n"
            + "      resourceClaims: [{name: gpu, resourceClaimName: one-gpu}]\n";
    assertThat(findings("dra.practice.shared-claim-replicas", deployment))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.path().toString())
                    .isEqualTo("spec.template.spec.resourceClaims[0].resourceClaimName"));
    assertThat(
            findings(
                "dra.practice.shared-claim-replicas",
                deployment.replace("resourceClaimName", "resourceClaimTemplateName")))
        .isEmpty();
    assertThat(
            findings(
                "dra.practice.shared-claim-replicas",
                deployment.replace("replicas: 3", "replicas: 1")))
        .isEmpty();
  }

  // ------------------------------------------------------------------ extended resource

  @Test
  void pointsCountOnlyAcceleratorRequestsToDraUnlessAClassBacksTheName() {
    String pod =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n"
            + "  containers: [{name: c, image: x, resources: {limits: {nvidia.com/gpu: 1}}}]\n";
    assertThat(
            DraApiRulesTest.findingsOf(pod, TargetVersion.V1_37).stream()
                .filter(d -> d.rule().equals("dra.conformance.extended-resource")))
        .as("dra_support is a requirement of 1.34 and 1.35 only")
        .isEmpty();
    assertThat(
            DraApiRulesTest.findingsOf(pod, TargetVersion.V1_35).stream()
                .filter(d -> d.rule().equals("dra.conformance.extended-resource")))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path().toString())
                  .isEqualTo("spec.containers[0].resources.limits[nvidia.com/gpu]");
              assertThat(x.requirement()).contains("dra_support");
            });
    DeviceClass backing = dev.aiconform.dra.DeviceClasses.nvidiaGpu();
    assertThat(
            findings(
                "dra.conformance.extended-resource",
                with(List.of(backing), DraApiRulesTest.parse(pod))))
        .isEmpty();
  }

  // ------------------------------------------------------------------ unsatisfiable request

  static HasMetadata gpus(int count) {
    return DeviceClaim.template("gpus")
        .namespace("ml")
        .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(count))
        .toResourceClaimTemplate();
  }

  @Test
  void warnsAboutAClaimNoNodeOfTheInventoryCanHold() {
    List<Diagnostic> d =
        findings("dra.practice.unsatisfiable-request", with(Inventories.h100Nodes(2), gpus(16)));
    assertThat(d)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path().toString()).isEqualTo("spec.spec.devices");
              assertThat(x.message())
                  .isEqualTo(
                      "no node of the inventory (2 nodes) can satisfy the claim even with every device"
                          + " free: 0/2 nodes are available: 2 cannot allocate all claims: claim"
                          + " ml/gpus, request gpus: needs 16 device(s); 8 of 8 device(s) of class"
                          + " gpu.nvidia.com match.");
            });
  }

  @Test
  void aClaimThatFitsSomewhereOrAnInventoryWithoutItsClassIsNotJudged() {
    assertThat(
            findings("dra.practice.unsatisfiable-request", with(Inventories.h100Nodes(2), gpus(8))))
        .isEmpty();
    assertThat(findings("dra.practice.unsatisfiable-request", List.of(gpus(16))))
        .as("no inventory")
        .isEmpty();
    assertThat(
            findings(
                "dra.practice.unsatisfiable-request",
                with(Inventories.exampleDriverNodes(1), gpus(16))))
        .as("the class is not part of the bundle")
        .isEmpty();
  }

  @Test
  void aConstraintNoNodeCanMeetIsNamed() {
    HasMetadata fourOnOneRoot =
        DeviceClaim.claim("four")
            .namespace("ml")
            .request("gpus", r -> r.deviceClass(NvidiaGpu.DEVICE_CLASS).count(4))
            .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus")
            .toResourceClaim();
    assertThat(
            findings(
                "dra.practice.unsatisfiable-request",
                with(Inventories.h100Nodes(1), fourOnOneRoot)))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .contains(
                        "constraint matchAttribute resource.kubernetes.io/pcieRoot on requests gpus"
                            + " cannot be satisfied"));
  }

  @Test
  void aSelectorFailingAtRuntimeIsReportedAsAClaimError() {
    HasMetadata broken =
        DeviceClaim.claim("broken")
            .namespace("ml")
            .request(
                "gpu",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .whereCel("device.attributes['gpu.nvidia.com'].nosuch == 1"))
            .toResourceClaim();
    assertThat(
            findings("dra.practice.unsatisfiable-request", with(Inventories.h100Nodes(1), broken)))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .startsWith(
                        "the claim cannot be allocated on any node of the inventory: claim"
                            + " ml/broken: selector #0 on device gpu.nvidia.com/h100-node-0/gpu-0: CEL"
                            + " runtime error: no such key: nosuch"));
  }
}
