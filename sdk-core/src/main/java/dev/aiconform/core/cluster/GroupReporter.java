package dev.aiconform.core.cluster;

import java.util.List;

/**
 * Reports the pod groups (gangs) of a cluster for {@link SimulationReport}; contributed by the
 * module that knows the group objects.
 *
 * <pre>{@code
 * setup.addGroupReporter(state -> gangs.report(state));
 * }</pre>
 */
@FunctionalInterface
public interface GroupReporter {
  List<SimulationReport.Group> groups(ClusterState state);
}
