package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the scheduling framework over random small clusters and pods: determinism, no
 * over-commitment, a reason for every pending pod, and a placement search as good as brute force.
 */
class SchedulingProperties {
  static final List<String> RESOURCES = List.of("cpu", "memory", "nvidia.com/gpu");

  /** A node drawn at random: resources, a zone label, maybe a taint. */
  record NodeShape(int cpu, int memoryGi, int gpus, String zone, boolean tainted, int maxPods) {
    Node toNode(int index) {
      Nodes n =
          Nodes.named("node-" + index)
              .cpu(Integer.toString(cpu))
              .memory(memoryGi + "Gi")
              .pods(maxPods)
              .label("zone", zone);
      if (gpus > 0) {
        n.allocatable("nvidia.com/gpu", Integer.toString(gpus));
      }
      if (tainted) {
        n.taint("dedicated", "ml", "NoSchedule");
      }
      return n.build().get(0);
    }
  }

  /** A pod drawn at random: requests, maybe a zone selector, maybe a toleration, a priority. */
  record PodShape(
      int milliCpu, int memoryMi, int gpus, String zone, boolean tolerates, boolean high) {
    Pod toPod(String name) {
      TestPods p = TestPods.named(name);
      if (milliCpu > 0) {
        p.requests("cpu", milliCpu + "m");
      }
      if (memoryMi > 0) {
        p.requests("memory", memoryMi + "Mi");
      }
      if (gpus > 0) {
        p.gpus(gpus);
      }
      if (zone != null) {
        p.nodeSelector("zone", zone);
      }
      if (tolerates) {
        p.tolerate(new TolerationBuilder().withKey("dedicated").withOperator("Exists").build());
      }
      if (high) {
        p.priorityClass("high");
      }
      return p.build();
    }
  }

  @Provide
  Arbitrary<NodeShape> nodeShape() {
    return Combinators.combine(
            Arbitraries.of(1, 2, 4, 8),
            Arbitraries.of(1, 2, 4, 8),
            Arbitraries.of(0, 0, 1, 2, 4, 8),
            Arbitraries.of("a", "b"),
            Arbitraries.of(false, false, true),
            Arbitraries.of(3, 110))
        .as(NodeShape::new);
  }

  @Provide
  Arbitrary<PodShape> podShape() {
    return Combinators.combine(
            Arbitraries.of(0, 250, 500, 1000, 2000, 4000),
            Arbitraries.of(0, 256, 1024, 2048, 4096),
            Arbitraries.of(0, 0, 1, 2, 4),
            Arbitraries.of("a", "b").injectNull(0.6),
            Arbitraries.of(false, true),
            Arbitraries.of(false, false, true))
        .as(PodShape::new);
  }

  @Provide
  Arbitrary<List<NodeShape>> nodes() {
    return nodeShape().list().ofMinSize(0).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<PodShape>> pods() {
    return podShape().list().ofMinSize(1).ofMaxSize(12);
  }

  static final String HIGH_PRIORITY =
      "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n";

  static List<HasMetadata> objects(List<NodeShape> nodes, List<PodShape> pods) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(Yaml.object(HIGH_PRIORITY));
    for (int i = 0; i < nodes.size(); i++) {
      out.add(nodes.get(i).toNode(i));
    }
    for (int i = 0; i < pods.size(); i++) {
      out.add(pods.get(i).toPod("pod-" + i));
    }
    return out;
  }

  static InMemoryCluster run(List<HasMetadata> objects) {
    InMemoryCluster cluster = InMemoryCluster.builder().extensions(List.of()).build();
    List<HasMetadata> copies = new ArrayList<>();
    objects.forEach(o -> copies.add(KubeSerialization.get().clone(o)));
    cluster.apply(ManifestBundle.of(copies));
    return cluster;
  }

  @Property(tries = 60)
  void theSameObjectsGiveTheSameReport(
      @ForAll("nodes") List<NodeShape> nodes, @ForAll("pods") List<PodShape> pods) {
    List<HasMetadata> objects = objects(nodes, pods);
    InMemoryCluster first = run(objects);
    InMemoryCluster second = run(objects);

    assertThat(second.report()).isEqualTo(first.report());
    assertThat(second.pods()).isEqualTo(first.pods());
  }

  @Property(tries = 150)
  void noNodeIsEverOverCommitted(
      @ForAll("nodes") List<NodeShape> nodes, @ForAll("pods") List<PodShape> pods) {
    InMemoryCluster cluster = run(objects(nodes, pods));
    Map<String, Map<String, BigDecimal>> used = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (Pod pod : cluster.pods()) {
      String node = pod.getSpec().getNodeName();
      if (node == null) {
        continue;
      }
      count.merge(node, 1, Integer::sum);
      Map<String, Quantity> requests =
          pod.getSpec().getContainers().get(0).getResources().getRequests();
      if (requests != null) {
        requests.forEach(
            (r, q) ->
                used.computeIfAbsent(node, n -> new HashMap<>())
                    .merge(r, q.getNumericalAmount(), BigDecimal::add));
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      String name = "node-" + i;
      NodeShape shape = nodes.get(i);
      Map<String, BigDecimal> u = used.getOrDefault(name, Map.of());
      assertThat(u.getOrDefault("cpu", BigDecimal.ZERO))
          .isLessThanOrEqualTo(BigDecimal.valueOf(shape.cpu()));
      assertThat(u.getOrDefault("memory", BigDecimal.ZERO))
          .isLessThanOrEqualTo(
              BigDecimal.valueOf(shape.memoryGi()).multiply(BigDecimal.valueOf(1L << 30)));
      assertThat(u.getOrDefault("nvidia.com/gpu", BigDecimal.ZERO))
          .isLessThanOrEqualTo(BigDecimal.valueOf(shape.gpus()));
      assertThat(count.getOrDefault(name, 0)).isLessThanOrEqualTo(shape.maxPods());
    }
  }

  @Property(tries = 150)
  void everyPendingPodHasAReasonAndEveryBoundPodItsNode(
      @ForAll("nodes") List<NodeShape> nodes, @ForAll("pods") List<PodShape> pods) {
    InMemoryCluster cluster = run(objects(nodes, pods));
    SimulationReport report = cluster.report();

    assertThat(report.pods()).hasSize(pods.size());
    for (SimulationReport.PodPlacement p : report.pods()) {
      if (p.phase() == SimulationReport.Phase.PENDING) {
        assertThat(p.reason()).get().asString().isNotBlank();
        assertThat(p.node()).isEmpty();
      } else {
        assertThat(p.node()).isPresent();
        assertThat(p.reason()).isEmpty();
      }
    }
    assertThat(cluster.errors()).isEmpty();
  }

  @Property(tries = 150)
  void boundPodsRespectSelectorsAndTaints(
      @ForAll("nodes") List<NodeShape> nodes, @ForAll("pods") List<PodShape> pods) {
    InMemoryCluster cluster = run(objects(nodes, pods));
    for (Pod pod : cluster.pods()) {
      String node = pod.getSpec().getNodeName();
      if (node == null) {
        continue;
      }
      PodShape shape = pods.get(Integer.parseInt(pod.getMetadata().getName().substring(4)));
      NodeShape n = nodes.get(Integer.parseInt(node.substring(5)));
      if (shape.zone() != null) {
        assertThat(n.zone()).isEqualTo(shape.zone());
      }
      if (n.tainted()) {
        assertThat(shape.tolerates()).isTrue();
      }
    }
  }

  // ---------------------------------------------------------------- findPlacement vs brute force

  @Provide
  Arbitrary<List<NodeShape>> fewNodes() {
    return nodeShape().list().ofMinSize(1).ofMaxSize(3);
  }

  /** Few distinct shapes, so identical pods (interchangeable in the search) are common. */
  @Provide
  Arbitrary<List<PodShape>> gang() {
    return podShape()
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .flatMap(shapes -> Arbitraries.of(shapes).list().ofMinSize(1).ofMaxSize(4));
  }

  @Property(tries = 300)
  void findPlacementFindsAPlacementWheneverBruteForceDoes(
      @ForAll("fewNodes") List<NodeShape> nodes, @ForAll("gang") List<PodShape> gang) {
    List<Pod> members = new ArrayList<>();
    for (int i = 0; i < gang.size(); i++) {
      members.add(gang.get(i).toPod("member-" + i));
    }
    AtomicReference<Optional<Map<Pod, String>>> answer = new AtomicReference<>();
    SchedulingPlugin probe =
        new SchedulingPlugin() {
          @Override
          public String name() {
            return "Probe";
          }

          @Override
          public PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
            answer.set(cycle.findPlacement(members, this));
            return PluginStatus.success();
          }
        };
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(Yaml.object(HIGH_PRIORITY));
    for (int i = 0; i < nodes.size(); i++) {
      objects.add(nodes.get(i).toNode(i));
    }
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of(s -> s.addSchedulingPlugin(probe)))
            .objects(objects)
            .build();
    // The probe tolerates every taint, so it lands whatever the nodes are.
    cluster.apply(
        ManifestBundle.of(
            TestPods.named("probe")
                .tolerate(new TolerationBuilder().withOperator("Exists").build())
                .build()));

    Optional<Map<Pod, String>> found = answer.get();
    boolean bruteForce = bruteForce(nodes, gang, new int[gang.size()], 0);
    // Both answers must be common, or the property says little.
    Statistics.label("placeable").collect(bruteForce);
    Statistics.label("placeable")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 15);
              c.check(false).percentage(p -> p > 15);
            });
    assertThat(found.isPresent()).as("found vs brute force").isEqualTo(bruteForce);
    if (found.isPresent()) {
      int[] assignment = new int[gang.size()];
      for (int i = 0; i < members.size(); i++) {
        assignment[i] = Integer.parseInt(found.get().get(members.get(i)).substring(5));
      }
      assertThat(feasible(nodes, gang, assignment)).isTrue();
    }
    // The search released everything: the probe pod alone is bound and nothing else is reserved.
    assertThat(cluster.report().bound()).isEqualTo(nodes.isEmpty() ? 0 : 1);
  }

  static boolean bruteForce(List<NodeShape> nodes, List<PodShape> pods, int[] assignment, int i) {
    if (i == pods.size()) {
      return feasible(nodes, pods, assignment);
    }
    for (int n = 0; n < nodes.size(); n++) {
      assignment[i] = n;
      if (bruteForce(nodes, pods, assignment, i + 1)) {
        return true;
      }
    }
    return false;
  }

  /** An independent model of the core filters: resources, pod count, selector, taint. */
  static boolean feasible(List<NodeShape> nodes, List<PodShape> pods, int[] assignment) {
    Map<Integer, long[]> used = new LinkedHashMap<>();
    for (int i = 0; i < pods.size(); i++) {
      PodShape p = pods.get(i);
      NodeShape n = nodes.get(assignment[i]);
      if (p.zone() != null && !p.zone().equals(n.zone())) {
        return false;
      }
      if (n.tainted() && !p.tolerates()) {
        return false;
      }
      long[] u = used.computeIfAbsent(assignment[i], k -> new long[4]);
      u[0] += p.milliCpu();
      u[1] += p.memoryMi();
      u[2] += p.gpus();
      u[3] += 1;
      if (u[0] > n.cpu() * 1000L
          || u[1] > n.memoryGi() * 1024L
          || u[2] > n.gpus()
          || u[3] > n.maxPods()) {
        return false;
      }
    }
    return true;
  }
}
