package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.DeviceClasses;
import dev.aiconform.dra.Inventories;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Test fixture: an allocator over inventory objects, with short ways to allocate and explain. */
final class Allocations {
  final List<HasMetadata> objects;
  final StructuredAllocator allocator;

  Allocations(List<? extends HasMetadata> objects) {
    this(objects, AllocatorFeatures.all());
  }

  Allocations(List<? extends HasMetadata> objects, AllocatorFeatures features) {
    this.objects = new ArrayList<>(objects);
    this.allocator =
        StructuredAllocator.of(
            of(ResourceSlice.class), of(DeviceClass.class), of(DeviceTaintRule.class), features);
  }

  <T> List<T> of(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  Node node(String name) {
    return of(Node.class).stream()
        .filter(n -> n.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  List<ClaimPlan> plans(ResourceClaim... claims) throws AllocationFailure {
    List<ClaimPlan> out = new ArrayList<>();
    for (ResourceClaim c : claims) out.add(allocator.plan(c));
    return out;
  }

  NodeAllocation allocate(String node, ResourceClaim... claims) throws AllocationFailure {
    return allocator.allocate(plans(claims), node(node));
  }

  /** Allocates and records the allocation. */
  NodeAllocation take(String node, ResourceClaim... claims) throws AllocationFailure {
    NodeAllocation a = allocate(node, claims);
    allocator.commit(a);
    return a;
  }

  static List<String> devices(AllocationResult r) {
    return r.getDevices().getResults().stream()
        .map(d -> d.getDevice())
        .collect(Collectors.toList());
  }

  static List<String> devices(NodeAllocation a) {
    return a.devices().stream().map(DeviceId::device).collect(Collectors.toList());
  }

  /**
   * The example driver's DeviceClass, a Node {@code node} and its ResourceSlices: the smallest
   * inventory a test can shape device by device.
   */
  static List<HasMetadata> exampleGpuNode(String node, ResourceSlice... slices) {
    return concat(List.of(DeviceClasses.exampleGpu(), Inventories.node(node, "a", "b")), slices);
  }

  /** Claim c asking for one device of the example driver's class in request g. */
  static ResourceClaim oneExampleGpu() {
    return DeviceClaim.claim("c")
        .request("g", r -> r.deviceClass("gpu.example.com"))
        .toResourceClaim();
  }

  static List<HasMetadata> concat(List<? extends HasMetadata> a, HasMetadata... more) {
    List<HasMetadata> out = new ArrayList<>(a);
    out.addAll(Arrays.asList(more));
    return out;
  }
}
