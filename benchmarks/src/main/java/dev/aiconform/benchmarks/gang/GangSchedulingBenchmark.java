package dev.aiconform.benchmarks.gang;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.gang.GangBackend;
import dev.aiconform.gang.GangGroup;
import dev.aiconform.gang.WorkloadShape;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gang scheduling on the in-memory cluster: 64 gangs of 8 pods, each pod asking for 8 GPUs ({@code
 * nvidia.com/gpu}), on 512 nodes of 8 GPUs, so that every gang needs 8 whole nodes and the cluster
 * ends exactly full. Baseline: the same 512 pods without gang semantics (no group objects, no group
 * markers), scheduled one by one. Each operation applies the bundle to a fresh cluster and runs it
 * to quiescence; the ratio gang / baseline is the cost of all-or-nothing.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar GangSchedulingBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GangSchedulingBenchmark {
  static final int GANGS = 64;
  static final int PODS_PER_GANG = 8;
  static final int NODES = 512;
  static final String GPUS = "8";

  @Param({"NATIVE"})
  public GangBackend backend;

  private List<Node> nodes;
  private ManifestBundle gangs;
  private ManifestBundle plainPods;
  private InMemoryCluster cluster;

  @Setup(Level.Trial)
  public void render() {
    nodes = Nodes.named("gpu-%03d").count(NODES).allocatable("nvidia.com/gpu", GPUS).build();
    ManifestBundle.Builder b = ManifestBundle.builder();
    List<HasMetadata> pods = new ArrayList<>();
    for (int i = 0; i < GANGS; i++) {
      GangGroup g =
          GangGroup.named(String.format("train-%02d", i))
              .role("worker", PODS_PER_GANG, template())
              .queue("bench")
              .shape(WorkloadShape.PODS)
              .build();
      ManifestBundle rendered = g.render(backend, TargetVersion.V1_37);
      b.addAll(rendered);
      for (Pod p : rendered.objectsOf(Pod.class)) {
        pods.add(plain(p));
      }
    }
    gangs = b.build();
    plainPods = ManifestBundle.of(pods);
  }

  /** The same pod with no gang: no group markers, no group objects. */
  private static Pod plain(Pod gangMember) {
    Pod p =
        new io.fabric8.kubernetes.api.model.PodBuilder()
            .withNewMetadata()
            .withName(gangMember.getMetadata().getName())
            .withNamespace(gangMember.getMetadata().getNamespace())
            .endMetadata()
            .withSpec(gangMember.getSpec())
            .build();
    p.getSpec().setSchedulingGroup(null);
    p.getSpec().setSchedulerName(null);
    return p;
  }

  private static PodTemplateSpec template() {
    return new PodTemplateSpecBuilder()
        .withNewSpec()
        .addNewContainer()
        .withName("trainer")
        .withImage("trainer")
        .withNewResources()
        .addToRequests("cpu", new Quantity("8"))
        .addToRequests("nvidia.com/gpu", new Quantity(GPUS))
        .addToLimits("nvidia.com/gpu", new Quantity(GPUS))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  @Setup(Level.Invocation)
  public void freshCluster() {
    cluster = InMemoryCluster.builder().objects(nodes).build();
  }

  @Benchmark
  public long gangs() {
    cluster.apply(gangs);
    return bound(GANGS * PODS_PER_GANG);
  }

  @Benchmark
  public long podsWithoutGangs() {
    cluster.apply(plainPods);
    return bound(GANGS * PODS_PER_GANG);
  }

  private long bound(int expected) {
    long bound = cluster.report().bound();
    if (bound != expected) {
      throw new IllegalStateException("expected " + expected + " pods bound, found " + bound);
    }
    return bound;
  }
}
