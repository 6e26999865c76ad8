package dev.aiconform.benchmarks;

import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
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
 * What validation adds to reading: parse a 1,000-object YAML stream and validate it with every
 * registered rule (core, DRA, gang, autoscale) against the baseline, parsing alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseValidateBenchmark {
  @Param({"1000"})
  public int objects;

  private String yaml;
  private Validator validator;

  @Setup
  public void setUp() {
    yaml = ManifestWriter.yaml().write(BenchmarkBundle.of(objects));
    validator = Validator.forVersion(TargetVersion.V1_37);
    ReadResult check = ManifestReader.defaults().readString(yaml, "bench.yaml");
    if (check.hasErrors() || check.bundle().size() != objects) {
      throw new IllegalStateException("benchmark input does not read back: " + check.diagnostics());
    }
  }

  /** Baseline. */
  @Benchmark
  public ReadResult parse() {
    return ManifestReader.defaults().readString(yaml, "bench.yaml");
  }

  @Benchmark
  public ValidationReport parseAndValidate() {
    return validator.validate(ManifestReader.defaults().readString(yaml, "bench.yaml").bundle());
  }
}
