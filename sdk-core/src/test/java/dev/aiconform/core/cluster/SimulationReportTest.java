package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.SimulationReport.Device;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaimStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What report() tells about pods, their devices and groups. */
class SimulationReportTest {
  static final String ALLOCATED_CLAIM =
      """
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaim
      metadata: {name: %s, namespace: ml}
      spec:
        devices:
          requests:
          - name: gpus
            exactly: {deviceClassName: gpu.nvidia.com, count: 2}
      status:
        allocation:
          devices:
            results:
            - {request: gpus, driver: gpu.nvidia.com, pool: node-0, device: gpu-0}
            - {request: gpus, driver: gpu.nvidia.com, pool: node-0, device: gpu-1}
      """;

  @Test
  void listsTheDevicesOfClaimsNamedByThePod() {
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of())
            .objects(Nodes.named("node-0").build())
            .build();
    cluster.apply(
        Yaml.bundle(
            ALLOCATED_CLAIM.formatted("shared")
                + """
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: trainer, namespace: ml}
                spec:
                  resourceClaims:
                  - {name: gpus, resourceClaimName: shared}
                  containers:
                  - name: main
                    image: trainer:1
                    resources:
                      claims: [{name: gpus}]
                """));

    SimulationReport.PodPlacement p = cluster.report().pod("ml", "trainer").orElseThrow();
    assertThat(p.phase()).isEqualTo(Phase.BOUND);
    assertThat(p.devices())
        .containsExactly(
            new Device("gpus", "gpu.nvidia.com", "node-0", "gpu-0"),
            new Device("gpus", "gpu.nvidia.com", "node-0", "gpu-1"));
  }

  @Test
  void followsClaimsGeneratedFromTemplatesThroughThePodStatus() {
    // A controller standing in for the resourceclaim controller of sdk-dra: it records which claim
    // it made for the pod's template, as Kubernetes does in status.resourceClaimStatuses.
    Controller claimController =
        new Controller() {
          public String name() {
            return "test-resourceclaim";
          }

          public boolean reconcile(ClusterState state) {
            Pod pod = state.get(Pod.class, "ml", "trainer").orElseThrow();
            if (pod.getStatus().getResourceClaimStatuses() != null
                && !pod.getStatus().getResourceClaimStatuses().isEmpty()) {
              return false;
            }
            state.create(Yaml.object(ALLOCATED_CLAIM.formatted("trainer-gpus-x7k2q")));
            pod.getStatus()
                .setResourceClaimStatuses(
                    List.of(new PodResourceClaimStatus("gpus", "trainer-gpus-x7k2q")));
            state.update(pod);
            return true;
          }
        };
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of(setup -> setup.addController(claimController)))
            .objects(
                Yaml.bundle(
                    """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: trainer, namespace: ml}
                    spec:
                      resourceClaims:
                      - {name: gpus, resourceClaimTemplateName: two-gpus}
                      containers: [{name: main, image: trainer:1}]
                    """))
            .build();

    assertThat(cluster.report().pod("ml", "trainer").orElseThrow().devices())
        .extracting(Device::device)
        .containsExactly("gpu-0", "gpu-1");
    assertThat(cluster.errors()).isEmpty();
  }

  @Test
  void namesTheOwnerAndThePendingReason() {
    InMemoryCluster cluster = InMemoryCluster.builder().extensions(List.of()).build();
    cluster.apply(
        Yaml.bundle(
            """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
            """));

    SimulationReport report = cluster.report();
    assertThat(report.pods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.owner()).contains(new SimulationReport.Owner("ReplicaSet", "web"));
              assertThat(p.phase()).isEqualTo(Phase.PENDING);
              assertThat(p.node()).isEmpty();
              assertThat(p.reason()).contains("no nodes available to schedule pods");
            });
    assertThat(report.bound()).isZero();
    assertThat(report.pending()).isEqualTo(1);
  }

  @Test
  void includesTheGroupsOfEveryReporter() {
    GroupReporter gangs =
        state ->
            List.of(
                new SimulationReport.Group(
                    "ml", "train", "workload", 4, state.list(Pod.class).size(), false));
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of(setup -> setup.addGroupReporter(gangs)))
            .build();
    cluster.apply(ManifestBundle.of(TestPods.named("a").build()));

    assertThat(cluster.report().group("ml", "train"))
        .contains(new SimulationReport.Group("ml", "train", "workload", 4, 1, false));
  }

  @Test
  void reportsAControllerThatThrowsInErrors() {
    Controller broken =
        new Controller() {
          public String name() {
            return "broken";
          }

          public boolean reconcile(ClusterState state) {
            throw new IllegalArgumentException("cannot parse");
          }
        };
    InMemoryCluster cluster =
        InMemoryCluster.builder().extensions(List.of(s -> s.addController(broken))).build();

    assertThat(cluster.errors())
        .containsExactly("controller broken failed: IllegalArgumentException: cannot parse");
  }
}
