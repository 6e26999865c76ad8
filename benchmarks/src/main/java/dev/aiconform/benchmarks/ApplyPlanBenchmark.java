package dev.aiconform.benchmarks;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.internal.fabric8.ApplyPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What gang-safe planning of a real-cluster apply costs over the plain apply-order sort every
 * client needs anyway: bundles of gang-scheduled pods (30 per coscheduling PodGroup, each pod using
 * a ResourceClaimTemplate), planned by {@code ApplyPlan} against {@code inApplyOrder()} as
 * baseline.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ApplyPlanBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApplyPlanBenchmark {
  @Param({"100", "3000"})
  public int pods;

  private ManifestBundle bundle;

  @Setup
  public void build() {
    List<HasMetadata> objects = new ArrayList<>();
    int groups = Math.max(1, pods / 30);
    for (int i = 0; i < pods; i++) {
      objects.add(
          new PodBuilder()
              .withNewMetadata()
              .withName("worker-" + i)
              .withNamespace("ml")
              .addToLabels("scheduling.x-k8s.io/pod-group", "gang-" + (i % groups))
              .endMetadata()
              .withNewSpec()
              .addNewResourceClaim()
              .withName("gpus")
              .withResourceClaimTemplateName("two-gpus")
              .endResourceClaim()
              .addNewContainer()
              .withName("trainer")
              .withImage("ghcr.io/example/trainer:1.0")
              .endContainer()
              .endSpec()
              .build());
    }
    for (int g = 0; g < groups; g++) {
      GenericKubernetesResource group =
          new GenericKubernetesResourceBuilder()
              .withApiVersion("scheduling.x-k8s.io/v1alpha1")
              .withKind("PodGroup")
              .withNewMetadata()
              .withName("gang-" + g)
              .withNamespace("ml")
              .endMetadata()
              .withAdditionalProperties(Map.of("spec", Map.of("minMember", 30)))
              .build();
      objects.add(group);
    }
    objects.add(
        new GenericKubernetesResourceBuilder()
            .withApiVersion("resource.k8s.io/v1")
            .withKind("ResourceClaimTemplate")
            .withNewMetadata()
            .withName("two-gpus")
            .withNamespace("ml")
            .endMetadata()
            .build());
    bundle = ManifestBundle.of(objects);
  }

  /** Baseline: the apply-order sort alone. */
  @Benchmark
  public ManifestBundle applyOrderOnly() {
    return bundle.inApplyOrder();
  }

  /** Apply order plus membership (gangs, claims, namespaces, CRDs) and dependency ordering. */
  @Benchmark
  public ApplyPlan gangSafePlan() {
    return ApplyPlan.of(bundle, ObjectRef::of);
  }
}
