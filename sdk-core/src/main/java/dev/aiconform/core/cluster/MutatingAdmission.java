package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A mutating admission step of the {@link InMemoryCluster}, like a mutating admission webhook: it
 * may change an object before it is defaulted, validated and stored. Contributed by a {@link
 * ClusterExtension} through {@link ClusterSetup#addMutatingAdmission}.
 *
 * <pre>{@code
 * setup.addMutatingAdmission((object, operation, state) -> {
 *   if (object instanceof Job job && operation == Operation.CREATE) job.getSpec().setSuspend(true);
 * });
 * }</pre>
 */
@FunctionalInterface
public interface MutatingAdmission {
  /** Why the object is being admitted. */
  enum Operation {
    CREATE,
    UPDATE
  }

  /**
   * Changes {@code object} in place. It is the cluster's private copy, already in its namespace and
   * named; on {@link Operation#UPDATE} it is the merge of the stored object and what was applied.
   */
  void admit(HasMetadata object, Operation operation, ClusterState state);
}
