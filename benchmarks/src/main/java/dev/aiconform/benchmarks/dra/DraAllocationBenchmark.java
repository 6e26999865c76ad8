package dev.aiconform.benchmarks.dra;

import dev.aiconform.dra.DeviceAllocator;
import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.DeviceClasses;
import dev.aiconform.dra.DevicePlacement;
import dev.aiconform.dra.DeviceSelectorCel;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.StandardAttributes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Filling a 500-node × 8-GPU inventory (Inventories.h100Nodes) with claims, through the public
 * DeviceAllocator (the structured allocator the in-memory cluster's scheduler runs).
 *
 * <ul>
 *   <li>{@code fillSingleGpu}: 4,000 claims of one GPU each with a CEL selector ({@code
 *       productName.startsWith("NVIDIA H100")}); claims/s = 4000 / time.
 *   <li>{@code selectorFloor}: the baseline — every distinct selector (the class's and the
 *       request's) evaluated once on every device, CEL inputs built once per device: the work any
 *       allocator must do at least. The goal: fillSingleGpu ≤ 3 × selectorFloor.
 *   <li>{@code fillPairsOnOnePcieRoot}: 2,000 claims of two GPUs with matchAttribute(pcieRoot).
 * </ul>
 *
 * Each invocation starts from a fresh allocator (inventory indexed, nothing allocated, no selector
 * evaluated yet), so selector evaluation is part of every fill.
 *
 * <p>Besides JMH's wall-clock score, each benchmark prints the best CPU time of its thread per
 * operation at the end of the trial ("cpu ms/op"): on a shared, loaded machine wall-clock time
 * mostly measures the other processes, CPU time the work done.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DraAllocationBenchmark {
  static final int NODES = 500;
  static final int GPUS = NODES * 8;

  List<HasMetadata> inventory;
  List<ResourceClaim> singles;
  List<ResourceClaim> pairs;
  List<Device> devices;
  List<String> distinctSelectors;
  DeviceAllocator allocator;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private long cpuStart;
  private double bestCpuMillis = Double.MAX_VALUE;
  private String measured = "";

  @Setup(Level.Trial)
  public void inventory() {
    inventory = Inventories.h100Nodes(NODES);
    singles = new ArrayList<>();
    for (int i = 0; i < GPUS; i++) {
      singles.add(
          DeviceClaim.claim("single-" + i)
              .namespace("bench")
              .request(
                  "gpu",
                  r ->
                      r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                          .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
              .toResourceClaim());
    }
    pairs = new ArrayList<>();
    for (int i = 0; i < GPUS / 2; i++) {
      pairs.add(
          DeviceClaim.claim("pair-" + i)
              .namespace("bench")
              .request(
                  "gpus",
                  r ->
                      r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                          .count(2)
                          .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
              .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus")
              .toResourceClaim());
    }
    devices = new ArrayList<>();
    for (HasMetadata o : inventory) {
      if (o instanceof ResourceSlice) devices.addAll(((ResourceSlice) o).getSpec().getDevices());
    }
    distinctSelectors =
        List.of(
            DeviceClasses.nvidiaGpu().getSpec().getSelectors().get(0).getCel().getExpression(),
            singles
                .get(0)
                .getSpec()
                .getDevices()
                .getRequests()
                .get(0)
                .getExactly()
                .getSelectors()
                .get(0)
                .getCel()
                .getExpression());
  }

  @Setup(Level.Invocation)
  public void freshAllocator() {
    allocator = DeviceAllocator.of(inventory);
    cpuStart = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Invocation)
  public void cpuTime(BenchmarkParams params) {
    bestCpuMillis = Math.min(bestCpuMillis, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
    measured = params.getBenchmark();
  }

  @TearDown(Level.Trial)
  public void report() {
    System.out.printf(
        "%n%s: best cpu ms/op %.1f%n",
        measured.substring(measured.lastIndexOf('.') + 1), bestCpuMillis);
  }

  @Benchmark
  public int fillSingleGpu() {
    int placed = 0;
    for (ResourceClaim c : singles) {
      DevicePlacement p = allocator.place(c);
      if (!p.isPlaced()) throw new IllegalStateException("not placed: " + p.reason());
      placed++;
    }
    return placed;
  }

  @Benchmark
  public int fillPairsOnOnePcieRoot() {
    int placed = 0;
    for (ResourceClaim c : pairs) {
      DevicePlacement p = allocator.place(c);
      if (!p.isPlaced()) throw new IllegalStateException("not placed: " + p.reason());
      placed++;
    }
    return placed;
  }

  @Benchmark
  public void selectorFloor(Blackhole bh) {
    List<DeviceSelectorCel.Compiled> programs = new ArrayList<>();
    for (String s : distinctSelectors) programs.add(DeviceSelectorCel.compile(s));
    for (Device d : devices) {
      DeviceSelectorCel.DeviceValue value = DeviceSelectorCel.device(NvidiaGpu.DRIVER, d);
      for (DeviceSelectorCel.Compiled p : programs) bh.consume(p.matches(value));
    }
  }
}
