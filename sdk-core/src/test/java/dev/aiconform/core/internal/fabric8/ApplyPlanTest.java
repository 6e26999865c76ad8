package dev.aiconform.core.internal.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.fixtures.GangBundles;
import dev.aiconform.core.internal.fabric8.ApplyPlan.Relation;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApplyPlanTest {
  private static ApplyPlan plan(String yaml) {
    return ApplyPlan.of(GangBundles.parse(yaml), ObjectRef::of);
  }

  @Test
  void volcanoMembersNameTheirPodGroupByAnnotation() {
    ApplyPlan p =
        plan(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: t, namespace: ml}\nspec:\n  template:\n"
                + "    metadata: {annotations: {scheduling.k8s.io/group-name: pg}}\n"
                + "    spec: {schedulerName: volcano, containers: [{name: c, image: i}]}\n---\n"
                + "apiVersion: scheduling.volcano.sh/v1beta1\nkind: PodGroup\nmetadata: {name: pg, namespace: ml}\n"
                + "spec: {minMember: 2}\n");

    assertThat(p.steps()).extracting(s -> s.ref().kind()).containsExactly("PodGroup", "Job");
    assertThat(p.steps().get(1).dependsOn())
        .extracting(d -> d.ref().name(), ApplyPlan.Dependency::relation)
        .containsExactly(tuple("pg", Relation.GANG));
  }

  @Test
  void jobSetTemplatesNestedTwoLevelsDeepAreFound() {
    ApplyPlan p =
        plan(
            "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: t, namespace: ml}\nspec:\n"
                + "  replicatedJobs:\n  - name: w\n    template:\n      spec:\n        template:\n"
                + "          metadata: {labels: {scheduling.x-k8s.io/pod-group: pg}}\n"
                + "          spec:\n            resourceClaims: [{name: g, resourceClaimName: shared}]\n"
                + "            containers: [{name: c, image: i}]\n---\n"
                + "apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: shared, namespace: ml}\n"
                + "spec: {devices: {requests: []}}\n---\n"
                + "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata: {name: pg, namespace: ml}\n"
                + "spec: {minMember: 1}\n");

    assertThat(p.steps().get(2).dependsOn())
        .extracting(d -> d.ref().kind(), ApplyPlan.Dependency::relation)
        .containsExactlyInAnyOrder(
            tuple("PodGroup", Relation.GANG), tuple("ResourceClaim", Relation.CLAIM));
    assertThat(ApplyPlan.groupNames(p.steps().get(2).object()))
        .containsExactly("scheduling.x-k8s.io/pod-group=pg");
  }

  @Test
  void kueuePodGroupsNameNoObjectOfTheBundle() {
    ApplyPlan p =
        plan(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml, labels: {kueue.x-k8s.io/pod-group-name: g}}\n"
                + "spec: {containers: [{name: c, image: i}]}\n");

    assertThat(p.steps().get(0).dependsOn()).isEmpty();
    assertThat(ApplyPlan.groupNames(p.steps().get(0).object()))
        .containsExactly("kueue.x-k8s.io/pod-group-name=g");
  }

  @Test
  void customResourcesComeAfterTheirCrdAndDependOnIt() {
    ApplyPlan p =
        plan(
            "apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\n---\n"
                + "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: things.example.com}\n"
                + "spec: {group: example.com, names: {kind: Thing, plural: things}, scope: Cluster, versions: []}\n");

    assertThat(p.steps())
        .extracting(s -> s.ref().kind())
        .containsExactly("CustomResourceDefinition", "Thing");
    assertThat(
            p.steps().get(1).dependsOn().stream()
                .map(ApplyPlan.Dependency::relation)
                .collect(Collectors.toList()))
        .containsExactly(Relation.DEFINITION);
  }

  @Test
  void placesEveryGangObjectOfALargeBundleBeforeItsMembers() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      yaml.append("apiVersion: v1\nkind: Pod\nmetadata: {name: p")
          .append(i)
          .append(", namespace: ml}\nspec:\n  schedulingGroup: {podGroupName: g")
          .append(i % 100)
          .append("}\n  containers: [{name: c, image: i}]\n---\n");
    }
    for (int g = 0; g < 100; g++) {
      yaml.append("apiVersion: scheduling.k8s.io/v1beta1\nkind: PodGroup\nmetadata: {name: g")
          .append(g)
          .append(", namespace: ml}\nspec: {schedulingPolicy: {gang: {minCount: 30}}}\n---\n");
    }

    ApplyPlan p = plan(yaml.toString());

    assertThat(p.steps()).hasSize(3100);
    assertThat(p.steps().subList(0, 100))
        .allSatisfy(s -> assertThat(s.ref().kind()).isEqualTo("PodGroup"));
  }

  @Test
  void genericResourcesHoldingFabric8ModelsAreReadToo() {
    io.fabric8.kubernetes.api.model.PodTemplateSpec template =
        new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder()
            .withNewMetadata()
            .addToLabels(ApplyPlan.COSCHEDULING_GROUP_KEY, "pg")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withImage("i")
            .endContainer()
            .endSpec()
            .build();
    io.fabric8.kubernetes.api.model.GenericKubernetesResource jobSet =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion("jobset.x-k8s.io/v1alpha2")
            .withKind("JobSet")
            .withNewMetadata()
            .withName("t")
            .withNamespace("ml")
            .endMetadata()
            .withAdditionalProperties(
                java.util.Map.of(
                    "spec",
                    java.util.Map.of(
                        "replicatedJobs",
                        java.util.List.of(
                            java.util.Map.of(
                                "name",
                                "w",
                                "template",
                                java.util.Map.of(
                                    "spec", java.util.Map.of("template", template)))))))
            .build();
    ManifestBundle bundle =
        GangBundles.parse(
                "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata: {name: pg, namespace: ml}\n"
                    + "spec: {minMember: 1}\n")
            .plus(ManifestBundle.of(jobSet));

    ApplyPlan p = ApplyPlan.of(bundle, ObjectRef::of);

    assertThat(p.steps().get(1).dependsOn()).extracting(d -> d.ref().name()).containsExactly("pg");
  }
}
