package dev.aiconform.core.validation;

import dev.aiconform.core.internal.rules.AcceleratorTolerationRule;
import dev.aiconform.core.internal.rules.ActiveDeadlineRule;
import dev.aiconform.core.internal.rules.AnnotationsRule;
import dev.aiconform.core.internal.rules.ClusterScopedNamespaceRule;
import dev.aiconform.core.internal.rules.ContainerResourcesRule;
import dev.aiconform.core.internal.rules.ContainersRule;
import dev.aiconform.core.internal.rules.FinalizersRule;
import dev.aiconform.core.internal.rules.HostDeviceMountRule;
import dev.aiconform.core.internal.rules.JobSpecRule;
import dev.aiconform.core.internal.rules.LabelsRule;
import dev.aiconform.core.internal.rules.NamespaceRule;
import dev.aiconform.core.internal.rules.ObjectNameRule;
import dev.aiconform.core.internal.rules.OwnerReferencesRule;
import dev.aiconform.core.internal.rules.PrivilegedAcceleratorRule;
import dev.aiconform.core.internal.rules.RestartPolicyRule;
import dev.aiconform.core.internal.rules.StatefulSetPodTemplateRule;
import dev.aiconform.core.internal.rules.VisibleDevicesEnvRule;
import java.util.List;

/**
 * The rules sdk-core contributes to every {@link Validator} (registered as a {@link RuleSet}
 * service): object metadata ({@code core.metadata.*}) for every object, the pod-spec checks the API
 * server applies to Pods and workload templates ({@code core.pod.*}), and the static checks of the
 * {@code secure_accelerator_access} conformance requirement ({@code core.accelerator.*}).
 *
 * <pre>{@code
 * Validator coreOnly = Validator.builder().rules(new CoreRules().rules()).build();
 * coreOnly.validate(bundle).ofRule("core.pod.resources");
 * }</pre>
 */
public final class CoreRules implements RuleSet {
  private static final List<Rule> RULES =
      List.of(
          new ObjectNameRule(),
          new NamespaceRule(),
          new ClusterScopedNamespaceRule(),
          new LabelsRule(),
          new AnnotationsRule(),
          new FinalizersRule(),
          new OwnerReferencesRule(),
          new ContainersRule(),
          new ContainerResourcesRule(),
          new RestartPolicyRule(),
          new JobSpecRule(),
          new ActiveDeadlineRule(),
          new StatefulSetPodTemplateRule(),
          new PrivilegedAcceleratorRule(),
          new HostDeviceMountRule(),
          new VisibleDevicesEnvRule(),
          new AcceleratorTolerationRule());

  @Override
  public List<Rule> rules() {
    return RULES;
  }
}
