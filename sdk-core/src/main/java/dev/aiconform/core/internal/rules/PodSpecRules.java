package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The kinds whose pod spec the API server validates, and how a StatefulSet differs. */
final class PodSpecRules {
  /** Kinds with a pod spec or template. */
  static final Set<GroupKind> POD_KINDS = EmbeddedPodSpec.BUILTIN_KINDS;

  /** The same without StatefulSet, whose pod template the server does not validate. */
  static final Set<GroupKind> VALIDATED_POD_KINDS = validatedPodKinds();

  private PodSpecRules() {}

  private static Set<GroupKind> validatedPodKinds() {
    Set<GroupKind> kinds = new LinkedHashSet<>(POD_KINDS);
    EmbeddedPodSpec.Holder.STATEFUL_SET.kind().ifPresent(kinds::remove);
    return Collections.unmodifiableSet(kinds);
  }

  /** Whether the API server validates the containers of this pod spec on create. */
  static boolean serverValidates(EmbeddedPodSpec pod) {
    return pod.holder() != EmbeddedPodSpec.Holder.STATEFUL_SET;
  }
}
