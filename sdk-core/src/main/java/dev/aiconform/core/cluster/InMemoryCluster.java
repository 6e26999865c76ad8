package dev.aiconform.core.cluster;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.internal.cluster.SimulatedCluster;
import dev.aiconform.core.internal.cluster.scheduler.Scheduler;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A Kubernetes cluster in memory, modelled on the real thing: an API server's object store with
 * admission (server-side defaulting and the {@link Validator}'s API rules, rejections worded and
 * shaped as the API server's), kube-controller-manager's Job, Deployment, ReplicaSet and
 * StatefulSet controllers and garbage collector, and a scheduling framework with kube-scheduler's
 * extension points and default plugins. Other modules add plugins, controllers and served APIs
 * through {@link ClusterExtension}s found on the class path.
 *
 * <p>Everything runs on the caller's thread: {@link #apply} admits the objects, then runs
 * controllers and the scheduler round after round until nothing changes. The same input always
 * gives the same placements. Time is virtual: it starts at {@link #DEFAULT_START} and moves only
 * with {@link #advance}. The simulation plays every scheduler: pods are scheduled whatever their
 * {@code schedulerName}. docs/core-cluster.md lists what is modelled and what is simplified.
 *
 * <pre>{@code
 * InMemoryCluster cluster = InMemoryCluster.builder()
 *     .objects(ManifestBundle.of(Nodes.named("gpu-%d").count(4).allocatable("nvidia.com/gpu", "8").build()))
 *     .build();
 * cluster.apply(bundle);
 * cluster.report().pods().forEach(p -> System.out.println(p.name() + " " + p.node()));
 * }</pre>
 */
public final class InMemoryCluster implements ClusterClient {
  /** Where the virtual clock starts unless {@link Builder#startTime} says otherwise. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * How many rounds (controllers, then scheduling) a run to quiescence may take before it stops and
   * reports the controllers still busy. A StatefulSet with OrderedReady pods takes a round per pod.
   */
  public static final int DEFAULT_MAX_ROUNDS = 10_000;

  /**
   * How many node evaluations one {@link SchedulingCycle#findPlacement} may spend before it answers
   * that there is no placement.
   */
  public static final int DEFAULT_PLACEMENT_SEARCH_BUDGET = Scheduler.DEFAULT_SEARCH_BUDGET;

  /**
   * The feature gate of the native Workload API ({@code scheduling.k8s.io} Workload and PodGroup).
   * The in-memory cluster turns it on (from 1.35, where it exists) so the native gang API is
   * served, as on a cluster whose operator enabled it; {@link Builder#featureGate} can turn it off.
   */
  public static final String GENERIC_WORKLOAD = SimulatedCluster.GENERIC_WORKLOAD;

  private final SimulatedCluster cluster;
  private final ApplyResult initialApply;

  private InMemoryCluster(Builder b) {
    Map<String, Boolean> gates = new LinkedHashMap<>();
    if (b.targetVersion.atLeast(TargetVersion.V1_35)) {
      gates.put(GENERIC_WORKLOAD, true);
    }
    gates.putAll(b.featureGates);
    List<ClusterExtension> extensions = b.extensions != null ? b.extensions : discovered();
    this.cluster =
        new SimulatedCluster(
            new SimulatedCluster.Config(
                b.targetVersion, gates, b.validator, b.startTime, b.maxRounds, b.searchBudget),
            extensions);
    this.initialApply = cluster.apply(b.objects.build(), ApplyOptions.defaults());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every {@link ClusterExtension} registered on the class path, ordered by class name. */
  public static List<ClusterExtension> discovered() {
    List<ClusterExtension> found = new ArrayList<>();
    ServiceLoader.load(ClusterExtension.class, InMemoryCluster.class.getClassLoader())
        .forEach(found::add);
    found.sort(Comparator.comparing(e -> e.getClass().getName()));
    return found;
  }

  /**
   * Admits every object in {@link ManifestBundle#inApplyOrder() apply order} (an object that exists
   * is updated: CONFIGURED or UNCHANGED), then runs to quiescence. A dry run admits without storing
   * (VALIDATED) and runs nothing.
   */
  @Override
  public ApplyResult apply(ManifestBundle bundle, ApplyOptions options) {
    return cluster.apply(bundle, options);
  }

  /** A copy of the stored object; a namespaced object without namespace is looked up in default. */
  @Override
  public Optional<HasMetadata> get(ObjectRef ref) {
    return cluster.find(ref);
  }

  /** Copies of the stored objects of {@code kind}, sorted by namespace and name. */
  @Override
  public List<HasMetadata> list(GroupKind kind, String namespace) {
    return cluster.find(kind, namespace);
  }

  /**
   * Deletes the object at once (no grace period), lets the garbage collector remove what it owned
   * and runs to quiescence; false when there was none.
   */
  @Override
  public boolean delete(ObjectRef ref) {
    return cluster.deleteAndSettle(ref);
  }

  /**
   * Served group-versions (the target version's built-in groups, what extensions serve, the
   * versions of established CRDs and of APIServices), CRDs, APIServices and a server version such
   * as {@code v1.37.0}.
   */
  @Override
  public ClusterCapabilities capabilities() {
    return cluster.capabilities();
  }

  /** Runs controllers and scheduling rounds until nothing changes (or the round limit is hit). */
  public Convergence settle() {
    return cluster.settle();
  }

  /**
   * How the last run to quiescence ended (after the initial objects, {@link #apply}, {@link
   * #delete}, {@link #advance} or {@link #settle}): whether it reached quiescence or the round
   * limit.
   */
  public Convergence lastConvergence() {
    return cluster.lastConvergence();
  }

  /** Moves the virtual clock forward, then runs to quiescence. */
  public Convergence advance(Duration duration) {
    return cluster.advance(Objects.requireNonNull(duration, "duration"));
  }

  /** The virtual clock. */
  public Instant now() {
    return cluster.now();
  }

  public TargetVersion targetVersion() {
    return cluster.targetVersion();
  }

  public boolean isEnabled(FeatureGate gate) {
    return cluster.isEnabled(gate);
  }

  /** Every pod (bound or pending) with node, devices and reason; groups; admission rejections. */
  public SimulationReport report() {
    return cluster.report();
  }

  /** Copies of every pod, sorted by namespace and name. */
  public List<Pod> pods() {
    return cluster.podCopies();
  }

  /** A service an extension provided ({@link ClusterSetup#provide}). */
  public <T> Optional<T> service(Class<T> type) {
    return cluster.serviceOf(type);
  }

  /**
   * What went wrong inside the cluster: exceptions thrown by controllers, scheduling plugins,
   * admission steps and group reporters, one line each. The simulation carries on without what they
   * would have done, so an empty list is worth asserting in tests.
   */
  public List<String> errors() {
    return cluster.errors();
  }

  /** What admitting the builder's {@link Builder#objects initial objects} gave. */
  public ApplyResult initialApply() {
    return initialApply;
  }

  /** The scheduling plugins in the order the framework runs them (core plugins first). */
  public List<String> schedulingPlugins() {
    return cluster.schedulingPlugins().stream().map(SchedulingPlugin::name).toList();
  }

  @Override
  public String toString() {
    return "InMemoryCluster[" + cluster.targetVersion() + ", " + cluster.now() + "]";
  }

  /** Configures an {@link InMemoryCluster}. */
  public static final class Builder {
    private TargetVersion targetVersion = TargetVersion.latest();
    private final Map<String, Boolean> featureGates = new LinkedHashMap<>();
    private final ManifestBundle.Builder objects = ManifestBundle.builder();
    private List<ClusterExtension> extensions;
    private Validator validator;
    private Instant startTime = DEFAULT_START;
    private int maxRounds = DEFAULT_MAX_ROUNDS;
    private int searchBudget = DEFAULT_PLACEMENT_SEARCH_BUDGET;

    private Builder() {}

    /** The Kubernetes version the cluster runs; default the newest supported. */
    public Builder targetVersion(TargetVersion version) {
      this.targetVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Overrides a feature gate's default for the target version (as --feature-gates). */
    public Builder featureGate(String name, boolean enabled) {
      featureGates.put(Objects.requireNonNull(name, "name"), enabled);
      return this;
    }

    /**
     * Objects the cluster starts with (Nodes, DeviceClasses, ResourceSlices, queues, CRDs …),
     * admitted like anything else when the cluster is built; may be called more than once.
     */
    public Builder objects(ManifestBundle bundle) {
      objects.addAll(Objects.requireNonNull(bundle, "bundle"));
      return this;
    }

    /** Objects the cluster starts with, such as {@code Nodes.named(...).build()}. */
    public Builder objects(Collection<? extends HasMetadata> more) {
      objects.addAll(Objects.requireNonNull(more, "objects"));
      return this;
    }

    /** The extensions to install instead of those found on the class path. */
    public Builder extensions(List<? extends ClusterExtension> only) {
      this.extensions = List.copyOf(only);
      return this;
    }

    /**
     * The validator admission uses; default: every registered rule of category API for the target
     * version and feature gates. Only its API errors reject an object.
     */
    public Builder validator(Validator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** Where the virtual clock starts; default {@link #DEFAULT_START}. */
    public Builder startTime(Instant start) {
      this.startTime = Objects.requireNonNull(start, "start");
      return this;
    }

    /** The round limit of a run to quiescence; default {@link #DEFAULT_MAX_ROUNDS}. */
    public Builder maxRounds(int rounds) {
      if (rounds < 1) {
        throw new IllegalArgumentException("maxRounds must be at least 1, was " + rounds);
      }
      this.maxRounds = rounds;
      return this;
    }

    /** The budget of one placement search; default {@link #DEFAULT_PLACEMENT_SEARCH_BUDGET}. */
    public Builder placementSearchBudget(int nodeEvaluations) {
      if (nodeEvaluations < 1) {
        throw new IllegalArgumentException(
            "placementSearchBudget must be at least 1, was " + nodeEvaluations);
      }
      this.searchBudget = nodeEvaluations;
      return this;
    }

    public InMemoryCluster build() {
      return new InMemoryCluster(this);
    }
  }
}
