package dev.aiconform.gang;

import dev.aiconform.core.AiconformStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Kueue queue objects to render along with a gang: a ResourceFlavor, a ClusterQueue with nominal
 * quota, and the LocalQueue the gang's {@link GangGroup#queue()} names. Without explicit quota the
 * ClusterQueue covers exactly what the gang requests (CPU, memory, extended resources, and one
 * resource per DRA device class, counted in devices: Kueue's {@code deviceClassMappings} must map
 * the class to that name).
 *
 * <pre>{@code
 * KueueQueueSetup.builder().clusterQueue("team-a-cq").putNominalQuota("nvidia.com/gpu", "64").build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class KueueQueueSetup {
  @Value.Default
  public String clusterQueue() {
    return "cluster-queue";
  }

  @Value.Default
  public String resourceFlavor() {
    return "default-flavor";
  }

  /** Resource name → quantity; empty: what the gang requests. */
  public abstract Map<String, String> nominalQuota();

  public static ImmutableKueueQueueSetup.Builder builder() {
    return ImmutableKueueQueueSetup.builder();
  }

  /** Defaults: {@code cluster-queue}, {@code default-flavor}, quota = the gang's requests. */
  public static KueueQueueSetup defaults() {
    return builder().build();
  }
}
