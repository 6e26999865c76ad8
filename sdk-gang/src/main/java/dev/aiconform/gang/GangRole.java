package dev.aiconform.gang;

import dev.aiconform.core.AiconformStyle;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import java.util.List;
import org.immutables.value.Value;

/**
 * One role of a gang: a pod template, how many replicas run it, and how many of them must be placed
 * together for the gang to start ({@link #minAvailable()}, all of them unless set). Per-role
 * minimums let a gang say "16 GPU workers" rather than "17 pods", so that CPU-only members cannot
 * satisfy it while GPU workers are missing.
 *
 * <p>Each {@link #claimTemplates() ResourceClaimTemplate} gives every pod of the role its own
 * devices: the pod template gets a {@code resourceClaims} entry per template and its first
 * container a {@code resources.claims} reference (unless it already has one of that name).
 *
 * <pre>{@code
 * GangRole workers = GangRole.of("worker", 16, workerTemplate).withMinAvailable(12);
 * GangRole gpu = GangRole.builder().name("worker").replicas(8).template(t).addClaimTemplate(gpus).build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class GangRole {
  /** A DNS label: it names Jobs, replicated Jobs, Volcano tasks and pods. */
  public abstract String name();

  public abstract int replicas();

  /** How many replicas must be placeable together; all of them by default. */
  @Value.Default
  public int minAvailable() {
    return replicas();
  }

  public abstract PodTemplateSpec template();

  /** Templates of per-pod device claims ({@code resource.k8s.io/v1}). */
  public abstract List<ResourceClaimTemplate> claimTemplates();

  public static ImmutableGangRole.Builder builder() {
    return ImmutableGangRole.builder();
  }

  public static GangRole of(String name, int replicas, PodTemplateSpec template) {
    return builder().name(name).replicas(replicas).template(template).build();
  }

  public static GangRole of(String name, int replicas, int minAvailable, PodTemplateSpec template) {
    return builder()
        .name(name)
        .replicas(replicas)
        .minAvailable(minAvailable)
        .template(template)
        .build();
  }

  /** This role with another minimum. */
  public GangRole withMinAvailable(int min) {
    return ImmutableGangRole.copyOf(this).withMinAvailable(min);
  }

  /** This role with one more claim template. */
  public GangRole withClaimTemplate(ResourceClaimTemplate template) {
    return builder().from(this).addClaimTemplates(template).build();
  }
}
