package dev.aiconform.core.cluster;

import dev.aiconform.core.GroupKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Controller references between objects, as kube-controller-manager's controllers set and read them
 * (apimachinery's {@code metav1.NewControllerRef}, {@code GetControllerOf}, {@code
 * IsControlledBy}): for {@link Controller}s of any module that create objects for an owner and find
 * them again.
 *
 * <pre>{@code
 * pod.getMetadata().setOwnerReferences(List.of(OwnerReferences.controllerRef(jobSet)));
 * OwnerReferences.controller(pod, GroupKind.of("batch", "Job"), state); // its Job, if still there
 * }</pre>
 */
public final class OwnerReferences {
  private OwnerReferences() {}

  /** A reference to {@code owner} marked as controller, blocking its deletion. */
  public static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** The owner reference of {@code object} marked as controller, if any. */
  public static Optional<OwnerReference> controllerOf(HasMetadata object) {
    List<OwnerReference> refs =
        object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** Whether {@code object}'s controller is {@code owner} (the same uid). */
  public static boolean isControlledBy(HasMetadata object, HasMetadata owner) {
    return controllerOf(object)
        .map(r -> Objects.equals(r.getUid(), owner.getMetadata().getUid()))
        .orElse(false);
  }

  /**
   * The controller of {@code object} when it is of {@code kind} and still exists in {@code state}
   * (same namespace, name and uid).
   */
  public static Optional<HasMetadata> controller(
      HasMetadata object, GroupKind kind, ClusterState state) {
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

  /** The objects of {@code objects} grouped by the uid of their controller; orphans left out. */
  public static <T extends HasMetadata> Map<String, List<T>> byController(List<T> objects) {
    Map<String, List<T>> out = new HashMap<>();
    for (T o : objects) {
      controllerOf(o)
          .ifPresent(r -> out.computeIfAbsent(r.getUid(), u -> new ArrayList<>()).add(o));
    }
    return out;
  }
}
