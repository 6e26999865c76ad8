package dev.aiconform.benchmarks;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.BehaviourPreset;
import dev.aiconform.autoscale.ClusterMetrics;
import dev.aiconform.autoscale.Dcgm;
import dev.aiconform.autoscale.HpaSimulation;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.autoscale.Scrape;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.Vllm;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * sdk-autoscale: rendering one intent, validating its bundle with every registered rule, simulating
 * its HPA for 30 minutes of virtual time (121 syncs) standalone, and running it for 30 minutes in
 * the in-memory cluster (one jump of the clock, and 120 steps of 15 s).
 *
 * <p>Baselines: validating the workload alone ({@link #validateWorkloadOnly}), so the ratio shows
 * what the autoscaling objects add; building the cluster and applying the HPA without moving the
 * clock ({@link #clusterApplyOnly}), so the ratio shows what 30 minutes of HPA control cost; and,
 * for the simulations, the 30 minutes of wall-clock time the real controller would take.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar AutoscaleBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AutoscaleBenchmark {
  private static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vllm\n  namespace: ml\nspec:\n"
          + "  selector: {matchLabels: {app: vllm}}\n  template:\n    metadata: {labels: {app: vllm}}\n"
          + "    spec:\n      containers:\n      - name: server\n        image: vllm/vllm-openai\n"
          + "        resources: {limits: {nvidia.com/gpu: 1}}\n";

  private AcceleratorAutoscaler intent;
  private ManifestBundle bundle;
  private Validator validator;
  private ManifestBundle workload;
  private ManifestBundle hpa;

  @Setup
  public void setUp() {
    intent =
        AcceleratorAutoscaler.forDeployment("vllm")
            .namespace("ml")
            .maxReplicas(8)
            .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
            .metric(Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7))
            .behaviour(BehaviourPreset.INFERENCE)
            .scrape(Scrape.podMonitor("http").putMatchLabel("app", "vllm").build())
            .build();
    bundle =
        ManifestReader.defaults()
            .readString(DEPLOYMENT, "deployment.yaml")
            .bundle()
            .plus(intent.render());
    validator = Validator.forVersion(TargetVersion.latest());
    workload = ManifestReader.defaults().readString(DEPLOYMENT, "deployment.yaml").bundle();
    hpa = intent.renderHpa();
  }

  @Benchmark
  public ValidationReport validateWorkloadOnly() {
    return validator.validate(workload);
  }

  @Benchmark
  public ManifestBundle render() {
    return intent.render().plus(intent.renderKeda());
  }

  @Benchmark
  public ValidationReport validateRenderedBundle() {
    return validator.validate(bundle);
  }

  private static Signal rush() {
    return Signal.sharedAcrossPods(
        Load.ramp(0, 80, Duration.ofMinutes(10)).then(Duration.ofMinutes(15), Load.constant(5)));
  }

  @Benchmark
  public ReplicaTimeline simulateThirtyMinutes() {
    return HpaSimulation.of(intent)
        .podStartup(Duration.ofSeconds(90))
        .signal(Vllm.NUM_REQUESTS_WAITING, rush())
        .signal(Dcgm.GR_ENGINE_ACTIVE, Signal.perPod(Load.constant(0.5)))
        .run(Duration.ofMinutes(30));
  }

  /** A node with 8 GPUs running the Deployment, its HPA applied, metrics set. */
  private InMemoryCluster cluster() {
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .objects(Nodes.named("gpu-%d").count(1).allocatable("nvidia.com/gpu", "8").build())
            .objects(workload)
            .build();
    cluster
        .service(ClusterMetrics.class)
        .orElseThrow()
        .signal("ml", Vllm.NUM_REQUESTS_WAITING, rush())
        .signal("ml", Dcgm.GR_ENGINE_ACTIVE, Signal.perPod(Load.constant(0.5)));
    cluster.apply(hpa);
    return cluster;
  }

  @Benchmark
  public InMemoryCluster clusterApplyOnly() {
    return cluster();
  }

  @Benchmark
  public InMemoryCluster clusterThirtyMinutesOneJump() {
    InMemoryCluster cluster = cluster();
    cluster.advance(Duration.ofMinutes(30));
    return cluster;
  }

  @Benchmark
  public InMemoryCluster clusterThirtyMinutesStepped() {
    InMemoryCluster cluster = cluster();
    for (int i = 0; i < 120; i++) {
      cluster.advance(Duration.ofSeconds(15));
    }
    return cluster;
  }
}
