package dev.aiconform.core.cluster;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.TargetVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The object store of an {@link InMemoryCluster} as controllers and scheduling plugins see it.
 *
 * <p>Lists are sorted by namespace and name, so everything built on them is deterministic. Objects
 * returned are the stored instances: after changing one, call {@link #update} so the change is
 * recorded (resourceVersion bump, work for controllers). Clock time is virtual.
 *
 * <pre>{@code
 * for (Job job : state.list(Job.class)) { ... state.create(pod); }
 * }</pre>
 */
public interface ClusterState {
  TargetVersion targetVersion();

  boolean isEnabled(FeatureGate gate);

  /**
   * The virtual clock: starts at a fixed instant and moves only with {@link
   * InMemoryCluster#advance}.
   */
  Instant now();

  /** Objects of a typed fabric8 class, all namespaces. */
  <T extends HasMetadata> List<T> list(Class<T> type);

  /** Objects of a group and kind (typed or generic), all namespaces. */
  List<HasMetadata> list(GroupKind kind);

  <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name);

  Optional<HasMetadata> get(GroupKind kind, String namespace, String name);

  /**
   * Creates an object as a controller would, through admission (defaulting and API validation).
   * Fills in uid, resourceVersion, creationTimestamp and generation.
   */
  ObjectOutcome create(HasMetadata object);

  /** Records a change to a stored object (spec or status). */
  void update(HasMetadata object);

  /** Deletes an object; false when there was none. */
  boolean delete(GroupKind kind, String namespace, String name);

  /** A service an extension provided through {@link ClusterSetup#provide}. */
  <T> Optional<T> service(Class<T> type);
}
