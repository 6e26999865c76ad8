package dev.aiconform.core.cluster;

import java.util.List;

/**
 * How an {@link InMemoryCluster} run to quiescence ended: after how many rounds (controllers, then
 * a scheduling round) nothing changed any more, or, when the round limit was reached first, which
 * controllers were still changing things.
 *
 * <pre>{@code
 * Convergence c = cluster.settle();
 * if (!c.quiescent()) log.warn("still busy: {}", c.unsettled());
 * }</pre>
 *
 * @param rounds the rounds run
 * @param quiescent whether the cluster reached a state in which nothing changes
 * @param unsettled when not quiescent, what changed in the last round (controller names, {@code
 *     scheduler})
 */
public record Convergence(int rounds, boolean quiescent, List<String> unsettled) {
  public Convergence {
    unsettled = List.copyOf(unsettled);
  }
}
