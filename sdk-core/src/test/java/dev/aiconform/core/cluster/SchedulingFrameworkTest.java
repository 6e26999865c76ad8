package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extension points of the scheduling framework, exercised by test plugins. */
class SchedulingFrameworkTest {
  static InMemoryCluster cluster(List<SchedulingPlugin> plugins, ManifestBundle nodes) {
    ClusterExtension ext = setup -> plugins.forEach(setup::addSchedulingPlugin);
    return InMemoryCluster.builder().extensions(List.of(ext)).objects(nodes).build();
  }

  static ManifestBundle gpuNodes(int count, int gpus) {
    return ManifestBundle.of(
        Nodes.named("n-%d")
            .count(count)
            .allocatable("nvidia.com/gpu", Integer.toString(gpus))
            .build());
  }

  static Pod member(String name, String group, int min) {
    return TestPods.named(name)
        .gpus(1)
        .label("group", group)
        .label("min", Integer.toString(min))
        .build();
  }

  /** Members {@code w-0} to {@code w-<size-1>} of {@code group}, which needs all of them. */
  static ManifestBundle wholeGroup(String group, int size) {
    ManifestBundle.Builder members = ManifestBundle.builder();
    for (int i = 0; i < size; i++) {
      members.add(member("w-" + i, group, size));
    }
    return members.build();
  }

  /**
   * All-or-nothing: members wait at Permit until the group's minimum is reserved, then all bind.
   */
  static final class GroupPermit implements SchedulingPlugin {
    @Override
    public String name() {
      return "TestGroupPermit";
    }

    @Override
    public PluginStatus permit(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      String group = pod.getMetadata().getLabels().get("group");
      if (group == null) {
        return PluginStatus.success();
      }
      int min = Integer.parseInt(pod.getMetadata().getLabels().get("min"));
      List<Pod> waiting =
          cycle.waitingPods().keySet().stream()
              .filter(p -> group.equals(p.getMetadata().getLabels().get("group")))
              .collect(Collectors.toList());
      if (waiting.size() + 1 >= min) {
        waiting.forEach(cycle::allow);
        return PluginStatus.success();
      }
      return PluginStatus.waiting(
          "gang " + group + ": " + (waiting.size() + 1) + " of " + min + " members reserved");
    }
  }

  /** Records every call, and fails at the extension point it is told to. */
  static final class Recorder implements SchedulingPlugin {
    final String name;
    final List<String> calls;
    final String failAt;

    Recorder(String name, List<String> calls, String failAt) {
      this.name = name;
      this.calls = calls;
      this.failAt = failAt;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public PluginStatus reserve(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      calls.add(name + ".reserve");
      return "reserve".equals(failAt)
          ? PluginStatus.unschedulable("no room at " + name)
          : PluginStatus.success();
    }

    @Override
    public void unreserve(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      calls.add(name + ".unreserve");
    }

    @Override
    public PluginStatus permit(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      calls.add(name + ".permit");
      return "permit".equals(failAt)
          ? PluginStatus.unschedulable("denied by " + name)
          : PluginStatus.success();
    }

    @Override
    public void bind(SchedulingCycle cycle, Pod pod, NodeInfo node) {
      calls.add(name + ".bind:" + node.name());
    }
  }

  @Nested
  class Permit {
    @Test
    void bindsEveryMemberOnceTheGroupIsComplete() {
      InMemoryCluster cluster = cluster(List.of(new GroupPermit()), gpuNodes(4, 1));
      cluster.apply(wholeGroup("g", 4));

      assertThat(cluster.report().bound()).isEqualTo(4);
    }

    @Test
    void membersArrivingRoundAfterRoundKeepTheirReservationsUntilTheGroupIsComplete() {
      // A controller that creates one member per round, as an OrderedReady workload would.
      Controller trickle =
          new Controller() {
            int created;

            public String name() {
              return "trickle";
            }

            public boolean reconcile(ClusterState state) {
              if (created == 4) {
                return false;
              }
              state.create(member("w-" + created++, "g", 4));
              return true;
            }
          };
      ClusterExtension ext =
          setup -> {
            setup.addSchedulingPlugin(new GroupPermit());
            setup.addController(trickle);
          };
      InMemoryCluster cluster =
          InMemoryCluster.builder().extensions(List.of(ext)).objects(gpuNodes(2, 2)).build();

      assertThat(cluster.report().bound()).isEqualTo(4);
      assertThat(cluster.pods())
          .extracting(p -> p.getSpec().getNodeName())
          .containsExactlyInAnyOrder("n-0", "n-0", "n-1", "n-1");
      assertThat(cluster.errors()).isEmpty();
    }

    @Test
    void bindsNothingWhenTheGroupCannotCompleteAndReleasesTheReservations() {
      InMemoryCluster cluster = cluster(List.of(new GroupPermit()), gpuNodes(3, 1));
      cluster.apply(wholeGroup("g", 4));

      SimulationReport report = cluster.report();
      assertThat(report.bound()).isZero();
      assertThat(report.pods())
          .allSatisfy(
              p ->
                  assertThat(p.reason().orElseThrow())
                      .matches(
                          "0/1 nodes are available: 1 gang g: [1-3] of 4 members reserved\\."));

      cluster.apply(ManifestBundle.of(TestPods.named("solo").gpus(1).build()));
      assertThat(cluster.report().pod("default", "solo").orElseThrow().phase())
          .isEqualTo(Phase.BOUND);
    }

    @Test
    void aPluginCanRejectAWaitingPodWhichReleasesItsReservationAtOnce() {
      List<String> calls = new ArrayList<>();
      SchedulingPlugin rejecter =
          new SchedulingPlugin() {
            @Override
            public String name() {
              return "TestRejecter";
            }

            @Override
            public PluginStatus permit(SchedulingCycle cycle, Pod pod, NodeInfo node) {
              calls.add("permit:" + pod.getMetadata().getName());
              if (pod.getMetadata().getName().equals("waiter")) {
                return PluginStatus.waiting("waiting for the breaker");
              }
              // Any instance with the same namespace and name finds the waiting pod.
              Pod other = TestPods.named("waiter").build();
              if (cycle.waitingPods().containsKey(other)) {
                cycle.reject(other, "the breaker arrived");
              }
              return PluginStatus.success();
            }

            @Override
            public void unreserve(SchedulingCycle cycle, Pod pod, NodeInfo node) {
              calls.add("unreserve:" + pod.getMetadata().getName());
            }

            @Override
            public void bind(SchedulingCycle cycle, Pod pod, NodeInfo node) {
              calls.add("bind:" + pod.getMetadata().getName());
            }
          };
      InMemoryCluster cluster = cluster(List.of(rejecter), gpuNodes(2, 1));
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("waiter").gpus(1).build(), TestPods.named("breaker").gpus(1).build()));

      assertThat(calls)
          .startsWith("permit:waiter", "permit:breaker", "unreserve:waiter", "bind:breaker");
      SimulationReport report = cluster.report();
      assertThat(report.pod("default", "breaker").orElseThrow().phase()).isEqualTo(Phase.BOUND);
      assertThat(report.pod("default", "waiter").orElseThrow().phase()).isEqualTo(Phase.PENDING);
    }

    @Test
    void aRejectionAtPermitUnreservesEveryPluginInReverseOrder() {
      List<String> calls = new ArrayList<>();
      InMemoryCluster cluster =
          cluster(
              List.of(new Recorder("a", calls, ""), new Recorder("b", calls, "permit")),
              gpuNodes(1, 1));
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      assertThat(calls)
          .containsExactly(
              "a.reserve", "b.reserve", "a.permit", "b.permit", "b.unreserve", "a.unreserve");
      assertThat(cluster.report().pod("default", "p").orElseThrow().reason())
          .contains("0/1 nodes are available: 1 denied by b.");
    }

    @Test
    void aFailedReserveUnreservesEveryPluginInReverseOrder() {
      List<String> calls = new ArrayList<>();
      InMemoryCluster cluster =
          cluster(
              List.of(new Recorder("a", calls, "reserve"), new Recorder("b", calls, "")),
              gpuNodes(1, 1));
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      assertThat(calls).containsExactly("a.reserve", "b.unreserve", "a.unreserve");
      assertThat(cluster.report().pod("default", "p").orElseThrow().reason())
          .contains("0/1 nodes are available: 1 no room at a.");
    }

    @Test
    void bindRunsOnEveryPluginWithTheChosenNode() {
      List<String> calls = new ArrayList<>();
      InMemoryCluster cluster =
          cluster(
              List.of(new Recorder("a", calls, ""), new Recorder("b", calls, "")), gpuNodes(2, 1));
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      assertThat(calls)
          .containsExactly(
              "a.reserve", "b.reserve", "a.permit", "b.permit", "a.bind:n-0", "b.bind:n-0");
    }
  }

  @Nested
  class Plugins {
    @Test
    void runAfterTheCorePluginsInInstallationOrder() {
      List<String> calls = new ArrayList<>();
      InMemoryCluster cluster =
          cluster(
              List.of(new Recorder("first", calls, ""), new Recorder("second", calls, "")),
              gpuNodes(1, 1));

      assertThat(cluster.schedulingPlugins())
          .containsExactly(
              "NodeUnschedulable",
              "NodeName",
              "TaintToleration",
              "NodeAffinity",
              "NodeResourcesFit",
              "first",
              "second");
    }

    @Test
    void aFilterReasonIsCountedLikeTheCorePluginsReasons() {
      SchedulingPlugin oddNodesOnly =
          TestPlugins.filter(
              "OddNodes",
              (cycle, pod, node) ->
                  node.name().endsWith("1") || node.name().endsWith("3")
                      ? PluginStatus.success()
                      : PluginStatus.unresolvable("node(s) were even"));
      InMemoryCluster cluster = cluster(List.of(oddNodesOnly), gpuNodes(4, 1));
      cluster.apply(
          ManifestBundle.of(
              TestPods.named("x").gpus(1).build(), TestPods.named("y").gpus(1).build()));
      cluster.apply(ManifestBundle.of(TestPods.named("p").gpus(1).build()));

      assertThat(cluster.report().pod("default", "p").orElseThrow().reason())
          .contains("0/4 nodes are available: 2 Insufficient nvidia.com/gpu, 2 node(s) were even.");
    }

    @Test
    void aPreFilterRejectionIsReportedForAllNodes() {
      SchedulingPlugin needsQueue =
          TestPlugins.preFilter(
              "NeedsQueue", (cycle, pod) -> PluginStatus.unresolvable("pod has no queue"));
      InMemoryCluster cluster = cluster(List.of(needsQueue), gpuNodes(3, 1));
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      assertThat(cluster.report().pod("default", "p").orElseThrow().reason())
          .contains("0/3 nodes are available: pod has no queue.");
    }

    @Test
    void aPluginThatThrowsLeavesThePodPendingWithASchedulerError() {
      SchedulingPlugin broken =
          TestPlugins.filter(
              "Broken",
              (cycle, pod, node) -> {
                throw new IllegalStateException("boom");
              });
      InMemoryCluster cluster = cluster(List.of(broken), gpuNodes(1, 1));
      cluster.apply(ManifestBundle.of(TestPods.named("p").build()));

      Pod pod = cluster.pods().get(0);
      assertThat(CoreSchedulingTest.condition(pod, "PodScheduled").getReason())
          .isEqualTo("SchedulerError");
      assertThat(cluster.report().pod("default", "p").orElseThrow().reason())
          .contains("running Filter plugin \"Broken\": IllegalStateException: boom");
    }

    @Test
    void cycleDataIsSharedWithinOnePodsCycleOnly() {
      List<String> seen = new ArrayList<>();
      SchedulingPlugin memo =
          new SchedulingPlugin() {
            @Override
            public String name() {
              return "Memo";
            }

            @Override
            public PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
              seen.add(
                  pod.getMetadata().getName()
                      + " saw "
                      + cycle.read("owner", String.class).orElse("nothing"));
              cycle.write("owner", pod.getMetadata().getName());
              return PluginStatus.success();
            }

            @Override
            public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
              return cycle
                      .read("owner", String.class)
                      .orElseThrow()
                      .equals(pod.getMetadata().getName())
                  ? PluginStatus.success()
                  : PluginStatus.error("cycle data leaked");
            }
          };
      InMemoryCluster cluster = cluster(List.of(memo), gpuNodes(1, 2));
      cluster.apply(ManifestBundle.of(TestPods.named("a").build(), TestPods.named("b").build()));

      assertThat(seen).containsExactly("a saw nothing", "b saw nothing");
      assertThat(cluster.report().bound()).isEqualTo(2);
    }
  }

  @Nested
  class FindPlacement {
    /** Runs {@code search} from the PreFilter of a probe pod and keeps what it answered. */
    static final class Probe implements SchedulingPlugin {
      final Function<SchedulingCycle, Object> search;
      final AtomicReference<Object> answer = new AtomicReference<>();
      final boolean rejectEverything;

      Probe(Function<SchedulingCycle, Object> search, boolean rejectEverything) {
        this.search = search;
        this.rejectEverything = rejectEverything;
      }

      @Override
      public String name() {
        return "Probe";
      }

      @Override
      public PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
        if ("probe".equals(pod.getMetadata().getName())) {
          answer.set(search.apply(cycle));
        }
        return PluginStatus.success();
      }

      @Override
      public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
        return rejectEverything && !"probe".equals(pod.getMetadata().getName())
            ? PluginStatus.unresolvable("the caller rejects this")
            : PluginStatus.success();
      }
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<Pod, String>> run(
        InMemoryCluster[] holder,
        ManifestBundle nodes,
        List<Pod> gang,
        boolean rejectEverything,
        int budget) {
      AtomicReference<Probe> self = new AtomicReference<>();
      Probe probe = new Probe(cycle -> cycle.findPlacement(gang, self.get()), rejectEverything);
      self.set(probe);
      ClusterExtension ext = setup -> setup.addSchedulingPlugin(probe);
      InMemoryCluster cluster =
          InMemoryCluster.builder()
              .extensions(List.of(ext))
              .objects(nodes)
              .placementSearchBudget(budget)
              .build();
      holder[0] = cluster;
      cluster.apply(ManifestBundle.of(TestPods.named("probe").build()));
      return (Optional<Map<Pod, String>>) probe.answer.get();
    }

    @Test
    void findsNodesOnWhichTheWholeGroupFitsAndReleasesThem() {
      InMemoryCluster[] holder = new InMemoryCluster[1];
      List<Pod> gang =
          List.of(
              TestPods.named("w-0").gpus(6).build(),
              TestPods.named("w-1").gpus(4).build(),
              TestPods.named("w-2").gpus(4).build());
      Optional<Map<Pod, String>> placement = run(holder, gpuNodes(2, 8), gang, false, 1000);

      // First fit in name order would put w-1 next to w-0 and leave no room for w-2.
      assertThat(placement).isPresent();
      assertThat(placement.get().values()).containsExactly("n-0", "n-1", "n-1");
      assertThat(placement.get().get(TestPods.named("w-2").build())).isEqualTo("n-1");
      // Nothing the search reserved is left behind: the probe itself was placed normally.
      assertThat(holder[0].report().bound()).isEqualTo(1);
    }

    @Test
    void answersEmptyWhenTheGroupCannotFit() {
      InMemoryCluster[] holder = new InMemoryCluster[1];
      List<Pod> gang = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        gang.add(TestPods.named("w-" + i).gpus(4).build());
      }
      assertThat(run(holder, gpuNodes(2, 8), gang, false, 100_000)).isEmpty();
    }

    @Test
    void skipsTheCallersOwnFilter() {
      InMemoryCluster[] holder = new InMemoryCluster[1];
      List<Pod> gang = List.of(TestPods.named("w-0").gpus(1).build());
      assertThat(run(holder, gpuNodes(1, 1), gang, true, 1000)).isPresent();
    }

    @Test
    void givesUpWhenTheBudgetRunsOut() {
      InMemoryCluster[] holder = new InMemoryCluster[1];
      List<Pod> gang =
          List.of(TestPods.named("w-0").gpus(1).build(), TestPods.named("w-1").gpus(1).build());
      assertThat(run(holder, gpuNodes(2, 1), gang, false, 1)).isEmpty();
      assertThat(run(holder, gpuNodes(2, 1), gang, false, 10)).isPresent();
    }

    @Test
    void keepsPodsThatAreAlreadyPlacedWhereTheyAre() {
      AtomicReference<Object> answer = new AtomicReference<>();
      AtomicReference<BigDecimal> requestedAfter = new AtomicReference<>();
      SchedulingPlugin probe =
          new SchedulingPlugin() {
            @Override
            public String name() {
              return "Probe";
            }

            @Override
            public PluginStatus permit(SchedulingCycle cycle, Pod pod, NodeInfo node) {
              if ("late".equals(pod.getMetadata().getName())) {
                answer.set(
                    cycle.findPlacement(
                        List.of(
                            cycle.state().get(Pod.class, "default", "early").orElseThrow(),
                            pod,
                            TestPods.named("extra").gpus(1).build()),
                        this));
                requestedAfter.set(cycle.node("n-1").orElseThrow().requested("nvidia.com/gpu"));
              }
              return PluginStatus.success();
            }
          };
      InMemoryCluster cluster = cluster(List.of(probe), gpuNodes(2, 1));
      cluster.apply(ManifestBundle.of(TestPods.named("early").gpus(1).build()));
      cluster.apply(ManifestBundle.of(TestPods.named("late").gpus(1).build()));

      @SuppressWarnings("unchecked")
      Optional<Map<Pod, String>> placement = (Optional<Map<Pod, String>>) answer.get();
      // early is bound on n-0, late is being scheduled on n-1: no room is left for extra.
      assertThat(placement).isEmpty();
      assertThat(requestedAfter.get()).isEqualByComparingTo("1");
    }

    @Test
    void cannotBeNested() {
      SchedulingPlugin nested =
          new SchedulingPlugin() {
            @Override
            public String name() {
              return "Nested";
            }

            @Override
            public PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
              if ("outer".equals(pod.getMetadata().getName())) {
                assertThatThrownBy(
                        () -> cycle.findPlacement(List.of(TestPods.named("inner").build()), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("placement search is running");
              } else if ("probe".equals(pod.getMetadata().getName())) {
                cycle.findPlacement(List.of(TestPods.named("outer").build()), this);
              }
              return PluginStatus.success();
            }
          };
      InMemoryCluster cluster = cluster(List.of(nested), gpuNodes(1, 1));
      cluster.apply(ManifestBundle.of(TestPods.named("probe").build()));
      assertThat(cluster.report().bound()).isEqualTo(1);
    }
  }
}
