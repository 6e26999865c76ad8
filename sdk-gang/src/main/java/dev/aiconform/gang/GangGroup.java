package dev.aiconform.gang;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ClusterCapabilities;
import dev.aiconform.gang.internal.render.GangRenderer;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A gang: named roles of pods that start all together or not at all. One intent, rendered for the
 * gang scheduler at hand ({@link GangBackend}) in the workload shape of choice ({@link
 * WorkloadShape}).
 *
 * <p>The gang's minimum is {@link #minMember()} pods overall (the sum of the role minimums unless
 * set) and each role's own {@link GangRole#minAvailable()}. What a backend cannot express (per-role
 * minimums on the native API or coscheduling, a timeout on Volcano) is kept as an annotation on the
 * group object ({@code role-min.gang.aiconform.dev/<role>}, {@code
 * gang.aiconform.dev/schedule-timeout}), so nothing given is lost and the in-memory cluster honours
 * it.
 *
 * <pre>{@code
 * GangGroup train = GangGroup.named("train").namespace("ml")
 *     .role("launcher", 1, launcherTemplate)
 *     .role("worker", 16, 16, workerTemplate)
 *     .queue("team-a").build();
 * ManifestBundle bundle = train.render(GangBackend.KUEUE, TargetVersion.V1_37);
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class GangGroup {
  /** A DNS label: it names the group object, the workload and (with prefixes) the pods. */
  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  public abstract List<GangRole> roles();

  /** Pods that must be placeable together; the sum of the role minimums unless set. */
  @Value.Default
  public int minMember() {
    return roles().stream().mapToInt(GangRole::minAvailable).sum();
  }

  /** How long a partly placeable gang may wait (coscheduling {@code scheduleTimeoutSeconds}). */
  public abstract Optional<Duration> scheduleTimeout();

  /** Kueue LocalQueue or Volcano Queue. */
  public abstract Optional<String> queue();

  public abstract Optional<String> priorityClassName();

  public abstract Optional<TopologyHint> topology();

  @Value.Default
  public WorkloadShape shape() {
    return WorkloadShape.JOBSET;
  }

  /** JobSet policies, for {@link WorkloadShape#JOBSET}. */
  public abstract Optional<JobSetPolicy> jobSet();

  /** Kueue queue objects to render with the gang (Kueue backend only). */
  public abstract Optional<KueueQueueSetup> kueueQueues();

  /** The scheduler of the coscheduling backend (scheduler-plugins as a second scheduler). */
  @Value.Default
  public String coschedulingSchedulerName() {
    return "scheduler-plugins-scheduler";
  }

  /** Labels for every object and pod the gang renders to. */
  public abstract Map<String, String> labels();

  /** Total pods of all roles. */
  public int totalPods() {
    return roles().stream().mapToInt(GangRole::replicas).sum();
  }

  public Optional<GangRole> role(String name) {
    return roles().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * The gang as Kubernetes objects for {@code backend} on {@code version}: device claim templates,
   * queue objects, group objects and the workload, in that order.
   *
   * @throws GangRenderException when the backend cannot run this gang in this shape on this version
   *     (for example the Workload API on 1.34), saying what to change
   */
  public ManifestBundle render(GangBackend backend, TargetVersion version) {
    return GangRenderer.render(this, backend, version);
  }

  /**
   * The gang for a cluster: the backend its discovery offers ({@link GangBackend#detect}) and the
   * target version of its server (the newest supported when unknown).
   */
  public ManifestBundle render(ClusterCapabilities capabilities) {
    TargetVersion version = capabilities.targetVersion().orElse(TargetVersion.latest());
    return render(GangBackend.detect(capabilities), version);
  }

  public static ImmutableGangGroup.Builder builder() {
    return ImmutableGangGroup.builder();
  }

  /** Starts a fluent definition of the gang {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  @Value.Check
  protected void check() {
    if (roles().isEmpty()) {
      throw new IllegalArgumentException("gang '" + name() + "' has no roles: add at least one");
    }
    Set<String> seen = new HashSet<>();
    for (GangRole r : roles()) {
      if (!seen.add(r.name())) {
        throw new IllegalArgumentException(
            "gang '" + name() + "' has two roles named '" + r.name() + "': role names are unique");
      }
    }
  }

  /** A fluent way to define a gang; {@link #build()} makes the immutable {@link GangGroup}. */
  public static final class Builder {
    private final ImmutableGangGroup.Builder b = ImmutableGangGroup.builder();

    private Builder(String name) {
      b.name(name);
    }

    public Builder namespace(String namespace) {
      b.namespace(namespace);
      return this;
    }

    /** A role whose every replica is needed. */
    public Builder role(String name, int replicas, PodTemplateSpec template) {
      b.addRoles(GangRole.of(name, replicas, template));
      return this;
    }

    /** A role of which {@code minAvailable} replicas must be placeable together. */
    public Builder role(String name, int replicas, int minAvailable, PodTemplateSpec template) {
      b.addRoles(GangRole.of(name, replicas, minAvailable, template));
      return this;
    }

    public Builder role(GangRole role) {
      b.addRoles(role);
      return this;
    }

    public Builder minMember(int minMember) {
      b.minMember(minMember);
      return this;
    }

    public Builder scheduleTimeout(Duration timeout) {
      b.scheduleTimeout(timeout);
      return this;
    }

    public Builder queue(String queue) {
      b.queue(queue);
      return this;
    }

    public Builder priorityClassName(String priorityClassName) {
      b.priorityClassName(priorityClassName);
      return this;
    }

    public Builder topology(TopologyHint topology) {
      b.topology(topology);
      return this;
    }

    public Builder shape(WorkloadShape shape) {
      b.shape(shape);
      return this;
    }

    public Builder jobSet(JobSetPolicy policy) {
      b.jobSet(policy);
      return this;
    }

    public Builder kueueQueues(KueueQueueSetup setup) {
      b.kueueQueues(setup);
      return this;
    }

    public Builder coschedulingSchedulerName(String schedulerName) {
      b.coschedulingSchedulerName(schedulerName);
      return this;
    }

    public Builder label(String key, String value) {
      b.putLabel(key, value);
      return this;
    }

    public GangGroup build() {
      return b.build();
    }
  }
}
