package dev.aiconform.core.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.internal.fabric8.ApiServer;
import dev.aiconform.core.internal.fabric8.ClusterApply;
import dev.aiconform.core.internal.fabric8.Discovery;
import dev.aiconform.core.internal.fabric8.Readiness;
import dev.aiconform.core.internal.fabric8.ResourceLocator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The {@link ClusterClient} for real clusters, over fabric8's Kubernetes client.
 *
 * <ul>
 *   <li>Server-side apply with a field manager ({@code aiconform} by default), conflicts reported
 *       per object with the managers and fields the server names, forced only when asked;
 *       server-side dry run ({@code dryRun=All}) and client-side dry run (the validator, nothing
 *       sent).
 *   <li>Gang-safe order: the bundle's apply order, each object after what it needs; a workload
 *       whose gang object (Workload, PodGroup), device claim (template), namespace or CRD failed is
 *       not created, and its outcome says {@code SKIPPED} and why.
 *   <li>Retries under a {@link RetryPolicy} on 429 (honouring Retry-After), 5xx and dropped
 *       connections, bounded in attempts and time. Every object gets a final {@link ObjectOutcome}.
 *   <li>{@link #awaitReady}: per-object progress (applied, admitted, bound, ready), a timeout and a
 *       summary. {@link #capabilities()}: discovery. {@link #apply(ManifestBundle, ApplyOptions,
 *       Prune)}: prune objects of the bundle's label that left it.
 * </ul>
 *
 * <p>sdk-core compiles against {@code kubernetes-client-api} only: the application brings the
 * transport ({@code io.fabric8:kubernetes-client}, which pulls in the default HTTP client). The
 * client turns fabric8's own request retries off so that its policy is the only one.
 *
 * <pre>{@code
 * try (Fabric8ClusterClient cluster = Fabric8ClusterClient.builder().context("kind-ai").build()) {
 *   ApplyResult result = cluster.apply(bundle, ApplyOptions.defaults());
 *   ReadinessReport ready = cluster.awaitReady(result, Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class Fabric8ClusterClient implements ClusterClient {
  /** Waits between retries and polls; tests pass one that advances a fake clock instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());
  }

  private final KubernetesClient client;
  private final boolean ownsClient;
  private final ApiServer api;
  private final ResourceLocator locator;
  private final ClusterApply applier;
  private final Readiness readiness;
  private final String defaultNamespace;

  private Fabric8ClusterClient(Builder b, KubernetesClient client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
    KubernetesClient quiet = withoutFabric8Retries(client);
    Integer timeout = client.getConfiguration().getRequestTimeout();
    this.api =
        new ApiServer(
            quiet.getHttpClient(),
            quiet.getMasterUrl().toString(),
            timeout == null || timeout <= 0 ? Config.DEFAULT_REQUEST_TIMEOUT : timeout,
            b.retryPolicy,
            b.clock,
            b.sleeper,
            b.random,
            b.progress);
    this.locator = new ResourceLocator(api);
    this.defaultNamespace =
        b.namespace != null
            ? b.namespace
            : client.getNamespace() != null ? client.getNamespace() : "default";
    this.applier =
        new ClusterApply(
            api, locator, defaultNamespace, b.targetVersion, b.retryPolicy, b.sleeper, b.progress);
    this.readiness = new Readiness(api, locator, b.pollInterval, b.sleeper, b.progress);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The current context of the kubeconfig ({@code KUBECONFIG} or {@code ~/.kube/config}). */
  public static Fabric8ClusterClient fromKubeconfig() {
    return builder().build();
  }

  /** Over a client the application already has (it stays the application's to close). */
  public static Fabric8ClusterClient of(KubernetesClient client) {
    return builder().client(client).build();
  }

  /** The fabric8 client underneath, for what this client does not do. */
  public KubernetesClient kubernetesClient() {
    return client;
  }

  /** Where namespaced objects without a namespace go. */
  public String defaultNamespace() {
    return defaultNamespace;
  }

  @Override
  public ApplyResult apply(ManifestBundle bundle, ApplyOptions options) {
    return applier.apply(bundle, options, null);
  }

  /**
   * Applies {@code bundle} labelled for {@code prune}, then deletes the cluster's objects with that
   * label that are no longer in it. Nothing is pruned when an object failed (their outcome says
   * so), nor in a client-side dry run (which sends nothing); a server-side dry run reports what it
   * would prune.
   */
  public ApplyResult apply(ManifestBundle bundle, ApplyOptions options, Prune prune) {
    return applier.apply(bundle, options, Objects.requireNonNull(prune, "prune"));
  }

  /**
   * Waits until every object {@code result} created or configured is ready, failed for good, or
   * {@code timeout} passed, reporting each stage an object reaches to the {@link ApplyProgress}.
   */
  public ReadinessReport awaitReady(ApplyResult result, Duration timeout) {
    return readiness.await(result, timeout);
  }

  @Override
  public Optional<HasMetadata> get(ObjectRef ref) {
    return applier.get(ref);
  }

  @Override
  public List<HasMetadata> list(GroupKind kind, String namespace) {
    return applier.list(kind, namespace, null);
  }

  /** Objects of {@code kind} carrying labels that match {@code labelSelector} ({@code a=b,c}). */
  public List<HasMetadata> list(GroupKind kind, String namespace, String labelSelector) {
    return applier.list(kind, namespace, labelSelector);
  }

  @Override
  public boolean delete(ObjectRef ref) {
    return applier.delete(ref);
  }

  @Override
  public ClusterCapabilities capabilities() {
    return new Discovery(api).discover();
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  /** A client on the same connection whose requests fabric8 does not retry itself. */
  private static KubernetesClient withoutFabric8Retries(KubernetesClient client) {
    RequestConfig current = client.getConfiguration().getRequestConfig();
    RequestConfig noRetries =
        (current == null ? new RequestConfigBuilder() : new RequestConfigBuilder(current))
            .withRequestRetryBackoffLimit(0)
            .build();
    return client.newClient(noRetries).adapt(KubernetesClient.class);
  }

  /** Configures a {@link Fabric8ClusterClient}. */
  public static final class Builder {
    private KubernetesClient client;
    private Path kubeconfig;
    private String context;
    private String namespace;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.REAL;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private ApplyProgress progress = ApplyProgress.NONE;
    private Duration pollInterval = Duration.ofSeconds(2);
    private TargetVersion targetVersion = TargetVersion.latest();

    private Builder() {}

    /** Uses this client (not closed by {@link #close()}) instead of a kubeconfig. */
    public Builder client(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Reads this kubeconfig file instead of {@code KUBECONFIG} / {@code ~/.kube/config} / the
     * in-cluster service account.
     */
    public Builder kubeconfig(Path kubeconfig) {
      this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
      return this;
    }

    /** Uses this kubeconfig context instead of the current one. */
    public Builder context(String context) {
      this.context = context;
      return this;
    }

    /** Where namespaced objects without a namespace go (default: the kubeconfig's, or default). */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** The clock retry budgets and readiness timeouts are measured on. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Uniform random numbers in [0, 1) for retry jitter. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder progress(ApplyProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** How often {@link #awaitReady} looks at the objects (default 2 s). */
    public Builder pollInterval(Duration pollInterval) {
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** The version a client-side dry run validates for (default: the newest supported). */
    public Builder targetVersion(TargetVersion targetVersion) {
      this.targetVersion = Objects.requireNonNull(targetVersion, "targetVersion");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when no kubeconfig can be read, or no fabric8 client
     *     implementation is on the class path; the message says how to fix it
     */
    public Fabric8ClusterClient build() {
      if (client != null) {
        return new Fabric8ClusterClient(this, client, false);
      }
      Config config;
      if (kubeconfig != null) {
        if (!Files.isReadable(kubeconfig)) {
          throw new IllegalStateException(
              "cannot read the kubeconfig " + kubeconfig + ": no such readable file");
        }
        config = Config.fromKubeconfig(context, kubeconfig.toFile());
      } else {
        config = Config.autoConfigure(context);
      }
      config.setRequestRetryBackoffLimit(0);
      KubernetesClient built;
      try {
        built = new KubernetesClientBuilder().withConfig(config).build();
      } catch (RuntimeException | LinkageError e) {
        throw new IllegalStateException(
            "cannot create a Kubernetes client: "
                + e.getMessage()
                + ". Add io.fabric8:kubernetes-client (the implementation and its default HTTP"
                + " transport) to the runtime class path",
            e);
      }
      return new Fabric8ClusterClient(this, built, true);
    }
  }
}
