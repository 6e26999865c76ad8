package dev.aiconform.core.cluster;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.TargetVersion;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a cluster serves, from discovery: its version, the API group-versions it serves (CRDs
 * included once established), and the metrics APIs registered as APIServices. Used to pick a gang
 * backend and the target version.
 *
 * <pre>{@code
 * if (caps.serves("kueue.x-k8s.io/v1beta2")) ...
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ClusterCapabilities {
  /** The server's git version, such as {@code v1.37.1}. */
  public abstract Optional<String> serverVersion();

  /** Served group-versions: {@code v1}, {@code apps/v1}, {@code resource.k8s.io/v1}, … */
  public abstract Set<String> groupVersions();

  /** Established CRDs by name: {@code clusterqueues.kueue.x-k8s.io}, … */
  public abstract Set<String> customResourceDefinitions();

  /** Registered APIService names: {@code v1beta1.custom.metrics.k8s.io}, … */
  public abstract Set<String> apiServices();

  public boolean serves(String groupVersion) {
    return groupVersions().contains(groupVersion);
  }

  /** Whether any version of {@code group} is served. */
  public boolean servesGroup(String group) {
    return groupVersions().stream().anyMatch(gv -> gv.startsWith(group + "/"));
  }

  /** The supported target version matching the server version, if it is one. */
  public Optional<TargetVersion> targetVersion() {
    return serverVersion().flatMap(TargetVersion::find);
  }

  public static ImmutableClusterCapabilities.Builder builder() {
    return ImmutableClusterCapabilities.builder();
  }
}
