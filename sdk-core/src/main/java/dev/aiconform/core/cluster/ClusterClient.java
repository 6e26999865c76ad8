package dev.aiconform.core.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Where bundles go: the embedded {@link InMemoryCluster}, or a real cluster through fabric8. Every
 * object of an applied bundle gets an {@link ObjectOutcome}, so nothing is lost silently.
 *
 * <pre>{@code
 * try (ClusterClient cluster = InMemoryCluster.builder().build()) {
 *   ApplyResult result = cluster.apply(bundle, ApplyOptions.defaults());
 *   result.failures().forEach(System.err::println);
 * }
 * }</pre>
 */
public interface ClusterClient extends AutoCloseable {
  /** Applies the bundle in its {@link ManifestBundle#inApplyOrder() apply order}. */
  ApplyResult apply(ManifestBundle bundle, ApplyOptions options);

  default ApplyResult apply(ManifestBundle bundle) {
    return apply(bundle, ApplyOptions.defaults());
  }

  Optional<HasMetadata> get(ObjectRef ref);

  /** Objects of {@code kind} in {@code namespace}, or in all namespaces when it is null. */
  List<HasMetadata> list(GroupKind kind, String namespace);

  /** Deletes the object; false when there was none. */
  boolean delete(ObjectRef ref);

  /** What the cluster serves: version, API groups, CRDs, metrics APIs. */
  ClusterCapabilities capabilities();

  @Override
  default void close() {}
}
