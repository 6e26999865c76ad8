package dev.aiconform.gang.internal.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Owner references and pod state, as the controllers of the in-memory cluster need them. */
final class Owners {
  private Owners() {}

  static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  static Optional<OwnerReference> controllerOf(HasMetadata object) {
    List<OwnerReference> refs =
        object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** Whether {@code object}'s controller is {@code owner} (same uid). */
  static boolean isOwnedBy(HasMetadata object, HasMetadata owner) {
    return controllerOf(object)
        .map(r -> Objects.equals(r.getUid(), owner.getMetadata().getUid()))
        .orElse(false);
  }

  /** The controlling object of {@code object} if it is of {@code kind} and still exists. */
  static Optional<HasMetadata> owner(HasMetadata object, GroupKind kind, ClusterState state) {
    Optional<OwnerReference> ref = controllerOf(object);
    if (ref.isEmpty()
        || !kind.kind().equals(ref.get().getKind())
        || !kind.group().equals(GroupKind.groupOf(ref.get().getApiVersion()))) {
      return Optional.empty();
    }
    return state
        .get(kind, object.getMetadata().getNamespace(), ref.get().getName())
        .filter(o -> Objects.equals(o.getMetadata().getUid(), ref.get().getUid()));
  }

  /** Bound by the scheduler: it has a node and PodScheduled is True. */
  static boolean isBound(Pod pod) {
    if (pod.getSpec() == null
        || pod.getSpec().getNodeName() == null
        || pod.getSpec().getNodeName().isEmpty()) {
      return false;
    }
    List<PodCondition> conditions =
        pod.getStatus() == null ? null : pod.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Not Succeeded, not Failed, not being deleted. */
  static boolean isActive(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase)
        && !"Failed".equals(phase)
        && pod.getMetadata().getDeletionTimestamp() == null;
  }

  /** The pending reason the scheduler wrote (PodScheduled=False message), if any. */
  static Optional<String> pendingReason(Pod pod) {
    List<PodCondition> conditions =
        pod.getStatus() == null ? null : pod.getStatus().getConditions();
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
        .map(c -> c.getMessage() == null ? c.getReason() : c.getMessage())
        .filter(Objects::nonNull)
        .findFirst();
  }

  static Map<String, String> labels(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getLabels() == null
        ? Map.of()
        : o.getMetadata().getLabels();
  }

  static Map<String, String> annotations(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getAnnotations() == null
        ? Map.of()
        : o.getMetadata().getAnnotations();
  }

  static String namespace(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getNamespace() == null
        ? ""
        : o.getMetadata().getNamespace();
  }

  static String name(HasMetadata o) {
    return o.getMetadata() == null ? "" : Objects.toString(o.getMetadata().getName(), "");
  }
}
