package dev.aiconform.benchmarks.dra;

import dev.aiconform.dra.DeviceAllocator;
import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.DevicePlacement;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 5,000-node × 8-GPU inventory (40,000 devices, Inventories.h100Nodes) with allocator state in a
 * 512 MB heap: the fork runs with {@code -Xmx512m}; the benchmark builds the inventory objects and
 * the allocator, evaluates a CEL selector on every device and allocates half the devices (one GPU
 * per claim), then prints the heap in use after a full GC with everything still reachable. An
 * OutOfMemoryError fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class DraInventoryMemoryBenchmark {
  static final int NODES = 5000;

  @Benchmark
  public long inventory5000NodesWithAllocatorState() {
    List<HasMetadata> inventory = Inventories.h100Nodes(NODES);
    DeviceAllocator allocator = DeviceAllocator.of(inventory);
    ResourceClaim one =
        DeviceClaim.claim("one")
            .namespace("bench")
            .request(
                "gpu",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
            .toResourceClaim();
    int placed = 0;
    for (int i = 0; i < NODES * 4; i++) {
      DevicePlacement p = allocator.place(one);
      if (!p.isPlaced()) throw new IllegalStateException("not placed: " + p.reason());
      placed++;
    }
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    System.out.printf(
        "%n%d nodes, %d devices, %d placed: heap in use %d MB of max %d MB%n",
        NODES, NODES * 8, placed, usedMb, rt.maxMemory() >> 20);
    // keep everything reachable until after the measurement
    if (allocator.nodes().size() != NODES || inventory.isEmpty()) throw new IllegalStateException();
    return usedMb;
  }
}
