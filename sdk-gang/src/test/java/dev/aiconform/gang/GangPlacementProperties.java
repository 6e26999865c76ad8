package dev.aiconform.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.core.cluster.SimulationReport;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gang semantics under random inventories and gangs: no gang is ever partly bound, and a gang binds
 * exactly when a brute-force search finds room for its minimums.
 */
class GangPlacementProperties {

  /** A role: replicas, minimum, and what one pod requests. */
  record RoleSpec(int replicas, int min, int cpu, int gpus) {}

  /** A gang: its roles and backend. */
  record GangSpec(List<RoleSpec> roles, GangBackend backend, WorkloadShape shape) {
    int minMember() {
      return effectiveRoles().stream().mapToInt(RoleSpec::min).sum();
    }

    /** Kueue admits a pod group as a whole: its minimum is every pod. */
    List<RoleSpec> effectiveRoles() {
      if (backend != GangBackend.KUEUE) {
        return roles;
      }
      return roles.stream()
          .map(r -> new RoleSpec(r.replicas(), r.replicas(), r.cpu(), r.gpus()))
          .toList();
    }
  }

  /** A node: cpus and GPUs it can allocate. */
  record NodeSpec(int cpu, int gpus) {}

  @Provide
  Arbitrary<RoleSpec> roles() {
    return Arbitraries.integers()
        .between(1, 3)
        .flatMap(
            replicas ->
                Combinators.combine(
                        Arbitraries.integers().between(1, replicas),
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.integers().between(0, 8))
                    .as((min, cpu, gpus) -> new RoleSpec(replicas, min, cpu, gpus)));
  }

  @Provide
  Arbitrary<GangSpec> gangs() {
    return Combinators.combine(
            roles().list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.of(GangBackend.class),
            Arbitraries.of(WorkloadShape.PODS, WorkloadShape.JOBSET))
        .as(GangSpec::new);
  }

  @Provide
  Arbitrary<List<NodeSpec>> inventories() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 8), Arbitraries.integers().between(0, 8))
        .as(NodeSpec::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  static InMemoryCluster cluster(List<NodeSpec> inventory) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < inventory.size(); i++) {
      NodeSpec n = inventory.get(i);
      nodes.addAll(
          Nodes.named("node-" + i)
              .cpu(Integer.toString(n.cpu()))
              .allocatable("nvidia.com/gpu", Integer.toString(n.gpus()))
              .build());
    }
    return InMemoryCluster.builder().objects(nodes).build();
  }

  static GangGroup gang(String name, GangSpec spec) {
    GangGroup.Builder b = GangGroup.named(name).queue("q").shape(spec.shape());
    for (int r = 0; r < spec.roles().size(); r++) {
      RoleSpec role = spec.roles().get(r);
      b.role(
          "r" + r,
          role.replicas(),
          role.min(),
          GangFixtures.templateMillis("img", role.cpu() * 1000, role.gpus()));
    }
    return b.build();
  }

  @Property(tries = 60)
  void noGangIsEverPartlyBound(
      @ForAll("inventories") List<NodeSpec> inventory,
      @ForAll("gangs") GangSpec first,
      @ForAll("gangs") GangSpec second) {
    InMemoryCluster c = cluster(inventory);
    List<GangSpec> specs = List.of(first, second);
    for (int i = 0; i < specs.size(); i++) {
      c.apply(gang("g" + i, specs.get(i)).render(specs.get(i).backend(), TargetVersion.V1_37));
    }
    SimulationReport report = c.report();
    for (int i = 0; i < specs.size(); i++) {
      String prefix = "g" + i + "-";
      GangSpec spec = specs.get(i);
      List<SimulationReport.PodPlacement> pods =
          report.pods().stream().filter(p -> p.name().startsWith(prefix)).toList();
      long bound = pods.stream().filter(p -> p.phase() == SimulationReport.Phase.BOUND).count();
      if (bound == 0) {
        continue;
      }
      assertThat(bound)
          .as("gang g%d bound %d of min %d", i, bound, spec.minMember())
          .isGreaterThanOrEqualTo(spec.minMember());
      for (int r = 0; r < spec.roles().size(); r++) {
        String rolePrefix = prefix + "r" + r + "-";
        long roleBound =
            pods.stream()
                .filter(p -> p.name().startsWith(rolePrefix))
                .filter(p -> p.phase() == SimulationReport.Phase.BOUND)
                .count();
        assertThat(roleBound).isGreaterThanOrEqualTo(spec.effectiveRoles().get(r).min());
      }
    }
  }

  @Property(tries = 120)
  void aGangBindsExactlyWhenBruteForceFindsRoomForItsMinimums(
      @ForAll("inventories") List<NodeSpec> inventory, @ForAll("gangs") GangSpec spec) {
    InMemoryCluster c = cluster(inventory);
    c.apply(gang("g", spec).render(spec.backend(), TargetVersion.V1_37));
    long bound = c.report().bound();
    boolean fits = BruteForce.fits(inventory, spec);
    if (fits) {
      assertThat(bound)
          .as("a placement exists for %s on %s", spec, inventory)
          .isGreaterThanOrEqualTo(spec.minMember());
    } else {
      assertThat(bound).as("no placement exists for %s on %s", spec, inventory).isZero();
    }
  }

  /** Tries every assignment of the gang's pods (or none) to nodes. */
  static final class BruteForce {
    static boolean fits(List<NodeSpec> nodes, GangSpec gang) {
      List<RoleSpec> pods = new ArrayList<>();
      List<Integer> roleOf = new ArrayList<>();
      List<RoleSpec> roles = gang.effectiveRoles();
      for (int r = 0; r < roles.size(); r++) {
        for (int i = 0; i < roles.get(r).replicas(); i++) {
          pods.add(roles.get(r));
          roleOf.add(r);
        }
      }
      return search(
          0,
          pods,
          roleOf,
          nodes,
          new int[nodes.size()],
          new int[nodes.size()],
          new int[gang.roles().size()],
          gang);
    }

    private static boolean search(
        int i,
        List<RoleSpec> pods,
        List<Integer> roleOf,
        List<NodeSpec> nodes,
        int[] cpuUsed,
        int[] gpuUsed,
        int[] placedPerRole,
        GangSpec gang) {
      if (i == pods.size()) {
        int total = 0;
        for (int r = 0; r < placedPerRole.length; r++) {
          if (placedPerRole[r] < gang.effectiveRoles().get(r).min()) {
            return false;
          }
          total += placedPerRole[r];
        }
        return total >= gang.minMember();
      }
      if (search(i + 1, pods, roleOf, nodes, cpuUsed, gpuUsed, placedPerRole, gang)) {
        return true;
      }
      RoleSpec p = pods.get(i);
      for (int n = 0; n < nodes.size(); n++) {
        if (cpuUsed[n] + p.cpu() <= nodes.get(n).cpu()
            && gpuUsed[n] + p.gpus() <= nodes.get(n).gpus()) {
          cpuUsed[n] += p.cpu();
          gpuUsed[n] += p.gpus();
          placedPerRole[roleOf.get(i)]++;
          boolean ok = search(i + 1, pods, roleOf, nodes, cpuUsed, gpuUsed, placedPerRole, gang);
          cpuUsed[n] -= p.cpu();
          gpuUsed[n] -= p.gpus();
          placedPerRole[roleOf.get(i)]--;
          if (ok) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
