package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import java.util.Set;

/** The kinds whose pod spec the API server validates, and how a StatefulSet differs. */
final class PodSpecRules {
  /** Kinds with a pod spec or template; the StatefulSet's is not validated by the server. */
  static final Set<GroupKind> POD_KINDS =
      Set.of(
          GroupKind.of("", "Pod"),
          GroupKind.of("", "PodTemplate"),
          GroupKind.of("", "ReplicationController"),
          GroupKind.of("apps", "Deployment"),
          GroupKind.of("apps", "ReplicaSet"),
          GroupKind.of("apps", "DaemonSet"),
          GroupKind.of("apps", "StatefulSet"),
          GroupKind.of("batch", "Job"),
          GroupKind.of("batch", "CronJob"));

  static final Set<GroupKind> VALIDATED_POD_KINDS =
      Set.of(
          GroupKind.of("", "Pod"),
          GroupKind.of("", "PodTemplate"),
          GroupKind.of("", "ReplicationController"),
          GroupKind.of("apps", "Deployment"),
          GroupKind.of("apps", "ReplicaSet"),
          GroupKind.of("apps", "DaemonSet"),
          GroupKind.of("batch", "Job"),
          GroupKind.of("batch", "CronJob"));

  private PodSpecRules() {}

  /** Whether the API server validates the containers of this pod spec on create. */
  static boolean serverValidates(EmbeddedPodSpec pod) {
    return pod.holder() != EmbeddedPodSpec.Holder.STATEFUL_SET;
  }
}
