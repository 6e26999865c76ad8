package dev.aiconform.gang;

import dev.aiconform.core.AiconformStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The JobSet-specific parts of a {@link WorkloadShape#JOBSET} gang: success and failure policy,
 * start order between roles ({@code dependsOn}) and exclusive placement of each role's Job in one
 * topology domain.
 *
 * <pre>{@code
 * JobSetPolicy.builder().successTargets(List.of("launcher")).maxRestarts(3)
 *     .putDependsOn("worker", JobSetPolicy.DependsOn.of("launcher", JobSetPolicy.Condition.READY))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class JobSetPolicy {
  /** The status a {@code dependsOn} entry waits for. */
  public enum Condition {
    READY("Ready"),
    COMPLETE("Complete");

    private final String wire;

    Condition(String wire) {
      this.wire = wire;
    }

    public String wireName() {
      return wire;
    }
  }

  /** {@code successPolicy.operator}: {@code All} unless set to {@code Any}. */
  @Value.Default
  public String successOperator() {
    return "All";
  }

  /** {@code successPolicy.targetReplicatedJobs}: role names; empty means every role. */
  public abstract List<String> successTargets();

  /** {@code failurePolicy.maxRestarts}; no failure policy when empty. */
  public abstract Optional<Integer> maxRestarts();

  /**
   * Role → (role it depends on, condition): {@code dependsOn} of that role's replicated Job. The
   * first role cannot depend on anything (JobSet rejects it).
   */
  public abstract Map<String, DependsOn> dependsOn();

  /** {@code alpha.jobset.sigs.k8s.io/exclusive-topology}: one Job per domain of this node label. */
  public abstract Optional<String> exclusiveTopology();

  public static ImmutableJobSetPolicy.Builder builder() {
    return ImmutableJobSetPolicy.builder();
  }

  /** A {@code dependsOn} entry: the role waited for and its condition. */
  @Value.Immutable
  @AiconformStyle
  public abstract static class DependsOn {
    @Value.Parameter
    public abstract String role();

    @Value.Parameter
    public abstract Condition condition();

    public static DependsOn of(String role, Condition condition) {
      return ImmutableDependsOn.of(role, condition);
    }
  }
}
