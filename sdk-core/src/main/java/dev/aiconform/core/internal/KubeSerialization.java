package dev.aiconform.core.internal;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The one fabric8 {@link KubernetesSerialization} (Jackson 3) the SDK uses for fabric8 models. */
public final class KubeSerialization {
  private static final KubernetesSerialization INSTANCE = new KubernetesSerialization();

  private KubeSerialization() {}

  public static KubernetesSerialization get() {
    return INSTANCE;
  }
}
