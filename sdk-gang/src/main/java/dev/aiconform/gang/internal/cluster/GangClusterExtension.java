package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.cluster.ClusterExtension;
import dev.aiconform.core.cluster.ClusterSetup;
import dev.aiconform.gang.internal.GangKeys;

/**
 * sdk-gang in every in-memory cluster: the JobSet, LeaderWorkerSet and Volcano Job controllers,
 * Kueue's quota admission, group status, the all-or-nothing gang plugin (with its topology filter)
 * and the group report; and discovery entries for the APIs they serve.
 */
public final class GangClusterExtension implements ClusterExtension {
  @Override
  public void install(ClusterSetup setup) {
    for (String gv :
        new String[] {
          GangKeys.JOBSET_V1ALPHA2,
          GangKeys.LWS_V1,
          GangKeys.KUEUE_V1BETA2,
          GangKeys.VOLCANO_SCHEDULING_V1BETA1,
          GangKeys.VOLCANO_BATCH_V1ALPHA1,
          GangKeys.COSCHEDULING_V1ALPHA1
        }) {
      setup.serve(gv);
    }
    setup.addController(new JobSetController());
    setup.addController(new LeaderWorkerSetController());
    setup.addController(new VolcanoJobController());
    setup.addController(new KueueAdmissionController());
    setup.addMutatingAdmission(new KueueWebhook());
    setup.addController(new GangStatusController());
    SearchDomain domain = new SearchDomain();
    setup.addSchedulingPlugin(new GangTopologyFilter(domain));
    setup.addSchedulingPlugin(new GangScheduler(domain));
    setup.addGroupReporter(new GangGroupReporter());
  }
}
