package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs to quiescence stop, and say so when they cannot. */
class ConvergenceTest {
  @Test
  void aQuietClusterSettlesInOneRound() {
    Convergence c = InMemoryCluster.builder().extensions(List.of()).build().settle();

    assertThat(c).isEqualTo(new Convergence(1, true, List.of()));
  }

  @Test
  void aControllerThatNeverRestsIsReportedAtTheRoundLimit() {
    Controller restless =
        new Controller() {
          public String name() {
            return "restless";
          }

          public boolean reconcile(ClusterState state) {
            return true;
          }
        };
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of(s -> s.addController(restless)))
            .maxRounds(25)
            .build();

    assertThat(cluster.lastConvergence().quiescent()).as("building ran into the limit").isFalse();
    Convergence c = cluster.settle();
    assertThat(c.quiescent()).isFalse();
    assertThat(cluster.lastConvergence()).isEqualTo(c);
    assertThat(c.rounds()).isEqualTo(25);
    assertThat(c.unsettled()).containsExactly("restless");
  }

  @Test
  void advancingTheClockRunsToQuiescenceToo() {
    InMemoryCluster cluster = InMemoryCluster.builder().extensions(List.of()).build();
    assertThat(cluster.advance(java.time.Duration.ofMinutes(5)).quiescent()).isTrue();
  }
}
