package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * KEDA-only settings of an autoscaler: polling and cool-down, the replica count when idle, the
 * minimum when it differs from the HPA's (KEDA itself scales between 0 and 1), and the
 * TriggerAuthentication for Prometheus.
 *
 * <pre>{@code
 * KedaOptions.builder().minReplicaCount(0).cooldownPeriod(600).build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class KedaOptions {
  public abstract Optional<Integer> pollingInterval();

  public abstract Optional<Integer> cooldownPeriod();

  public abstract Optional<Integer> initialCooldownPeriod();

  public abstract Optional<Integer> idleReplicaCount();

  /** KEDA's {@code minReplicaCount}; the autoscaler's minReplicas unless set (0 is allowed). */
  public abstract Optional<Integer> minReplicaCount();

  /** The TriggerAuthentication the Prometheus triggers use. */
  public abstract Optional<String> authenticationRef();

  public static ImmutableKedaOptions.Builder builder() {
    return ImmutableKedaOptions.builder();
  }

  public static KedaOptions defaults() {
    return builder().build();
  }
}
