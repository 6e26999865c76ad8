package dev.aiconform.benchmarks;

import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
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
 * Rendering a bundle to YAML: {@code ManifestWriter.yaml().write(bundle)} against the baseline,
 * fabric8's {@code KubernetesSerialization.asYaml} of the same objects joined as a multi-document
 * stream (what a fabric8 user writes today).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class YamlWriteBenchmark {
  @Param({"1000"})
  public int objects;

  private ManifestBundle bundle;
  private KubernetesSerialization fabric8;

  @Setup
  public void setUp() {
    bundle = BenchmarkBundle.of(objects);
    fabric8 = new KubernetesSerialization();
  }

  @Benchmark
  public String aiconformYaml() {
    return ManifestWriter.yaml().write(bundle);
  }

  /** Baseline. */
  @Benchmark
  public String fabric8AsYaml() {
    StringBuilder out = new StringBuilder(bundle.size() * 512);
    for (Manifest m : bundle) {
      // asYaml starts every document with "---".
      out.append(fabric8.asYaml(m.object()));
    }
    return out.toString();
  }
}
