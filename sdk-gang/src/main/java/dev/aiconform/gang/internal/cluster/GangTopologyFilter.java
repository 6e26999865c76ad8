package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.NodeInfo;
import dev.aiconform.core.cluster.PluginStatus;
import dev.aiconform.core.cluster.SchedulingCycle;
import dev.aiconform.core.cluster.SchedulingPlugin;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Confines the gang plugin's placement searches to one topology domain (one value of a node label
 * such as a rack), so a gang that must share a domain is searched domain by domain. Outside those
 * searches it lets every node through.
 */
final class GangTopologyFilter implements SchedulingPlugin {
  static final String NAME = "GangTopology";

  private final SearchDomain domain;

  GangTopologyFilter(SearchDomain domain) {
    this.domain = domain;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
    SearchDomain.Domain d = domain.current();
    if (d == null || d.value().equals(node.labels().get(d.key()))) {
      return PluginStatus.success();
    }
    return PluginStatus.unschedulable(
        "node is outside the gang's topology domain " + d.key() + "=" + d.value());
  }
}
