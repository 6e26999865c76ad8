package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.GroupReporter;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.gang.internal.members.PodMarkers;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports every gang of the cluster for {@link SimulationReport#groups()}: named by its PodGroup
 * (native, Volcano, coscheduling), its Kueue pod group, or the Kueue Workload of its Job, JobSet or
 * LeaderWorkerSet group; its backend ({@code workload}, {@code kueue}, {@code volcano}, {@code
 * coscheduling}); its minimum; how many members are bound; and whether it was admitted (Kueue:
 * quota reserved; the others: its minimums are bound).
 */
final class GangGroupReporter implements GroupReporter {
  @Override
  public List<SimulationReport.Group> groups(ClusterState state) {
    List<SimulationReport.Group> out = new ArrayList<>();
    for (Gang g : ClusterGangs.all(state)) {
      boolean admitted =
          g.system() == PodMarkers.System.KUEUE
              ? g.kueueWorkload().map(KueueAdmissionController::isAdmitted).orElse(false)
              : g.isScheduled();
      out.add(
          new SimulationReport.Group(
              g.key().namespace(),
              g.key().name(),
              g.system().id(),
              g.minCount(),
              g.boundCount(),
              admitted));
    }
    return out;
  }
}
