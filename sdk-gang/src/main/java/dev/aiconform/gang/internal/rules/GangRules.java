package dev.aiconform.gang.internal.rules;

import dev.aiconform.core.validation.Defaulter;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleSet;
import java.util.List;

/**
 * sdk-gang's rules, registered as a {@link RuleSet} service: the 1.37 API server's Workload and
 * PodGroup validation, the {@code gang_scheduling} conformance rules and gang pitfalls.
 */
public final class GangRules implements RuleSet {
  private static final List<Rule> RULES =
      List.of(
          new WorkloadApiRules.WorkloadSpecRule(),
          new WorkloadApiRules.PodGroupSpecRule(),
          new WorkloadV1alpha1Rule(),
          new WorkloadV1alpha2Rules.WorkloadRule(),
          new WorkloadV1alpha2Rules.PodGroupRule(),
          new NativeApiRules.VersionRule(),
          new NativeApiRules.FeatureGateRule(),
          new NativeApiRules.DroppedFieldsRule(),
          new MemberRules.OneGangRule(),
          new MemberRules.GroupExistsRule(),
          new MemberRules.SchedulerNameRule(),
          new MemberRules.SharedClaimRule(),
          new MinimumRules.MembersRule(),
          new MinimumRules.RolesRule(),
          new MinimumRules.VolcanoJobRule(),
          new KueueRules.PodGroupRule(),
          new KueueRules.PodSetsRule(),
          new KueueRules.QueueNameRule(),
          new ClusterQueueRule(),
          new KueueRules.TopologyRule(),
          new QueueRule(),
          new NameLengthRule(),
          new LeaderReadyRule(),
          new LeaderWorkerSetRule(),
          new JobSetRule());

  @Override
  public List<Rule> rules() {
    return RULES;
  }

  @Override
  public List<Defaulter> defaulters() {
    return List.of(new WorkloadApiRules.PodGroupDefaulter());
  }
}
