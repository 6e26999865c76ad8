package dev.aiconform.dra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The allocator on random small inventories and claims, against an independent brute-force search:
 * it places a claim exactly when some node can hold it, on the first such node by name; it never
 * hands out a device twice or beyond its capacity; every device it picks satisfies its request's
 * selectors and tolerations and the claim's constraints.
 */
class AllocatorProperties {
  static final String DRIVER = ExampleGpu.DRIVER;
  static final BigDecimal GI = BigDecimal.valueOf(1L << 30);

  /** Shared devices are consumed in steps of 4Gi from 4Gi; 4Gi when nothing is requested. */
  static final BigDecimal STEP = GI.multiply(BigDecimal.valueOf(4));

  record DeviceShape(String model, long numa, int memoryGi, boolean tainted, boolean shared) {}

  record RequestShape(int count, String selector, boolean tolerates, Integer memoryGi) {}

  record ClaimShape(List<RequestShape> requests, String constraint) {}

  record Case(List<List<DeviceShape>> nodes, List<ClaimShape> claims) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<DeviceShape> device =
        Combinators.combine(
                Arbitraries.of("A", "B"),
                Arbitraries.longs().between(0, 1),
                Arbitraries.of(8, 16),
                Arbitraries.integers().between(0, 5).map(i -> i == 0),
                Arbitraries.integers().between(0, 3).map(i -> i == 0))
            .as(DeviceShape::new);
    Arbitrary<List<List<DeviceShape>>> nodes =
        device.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<RequestShape> request =
        Combinators.combine(
                Arbitraries.integers().between(1, 2),
                Arbitraries.of(
                    "",
                    "device.attributes['gpu.example.com'].model == 'A'",
                    "device.capacity['gpu.example.com'].memory.compareTo(quantity('16Gi')) >= 0"),
                Arbitraries.of(true, false),
                Arbitraries.of(0, 0, 4, 6, 12).map(i -> i == 0 ? null : i))
            .as(RequestShape::new);
    Arbitrary<ClaimShape> claim =
        Combinators.combine(
                request.list().ofMinSize(1).ofMaxSize(2), Arbitraries.of("", "match", "distinct"))
            .as(ClaimShape::new);
    return Combinators.combine(nodes, claim.list().ofMinSize(1).ofMaxSize(5)).as(Case::new);
  }

  static List<HasMetadata> inventory(Case c) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(DeviceClasses.exampleGpu());
    for (int n = 0; n < c.nodes().size(); n++) {
      String node = "n" + n;
      out.add(Inventories.node(node, "kubernetes.io/os", "linux"));
      ResourceSlices.Builder slice = ResourceSlices.onNode(node, DRIVER);
      List<DeviceShape> devices = c.nodes().get(n);
      for (int d = 0; d < devices.size(); d++) {
        DeviceShape s = devices.get(d);
        slice.device(
            "d" + d,
            spec -> {
              spec.attribute(ExampleGpu.MODEL, s.model())
                  .attribute(StandardAttributes.NUMA_NODE, s.numa());
              if (s.shared()) {
                spec.allowMultipleAllocations()
                    .capacityRange("memory", s.memoryGi() + "Gi", "4Gi", "4Gi", null, "4Gi");
              } else {
                spec.capacity("memory", s.memoryGi() + "Gi");
              }
              if (s.tainted()) spec.taint("example.com/t", null, "NoSchedule");
            });
      }
      out.add(slice.build());
    }
    return out;
  }

  static ResourceClaim claim(String name, ClaimShape shape) {
    DeviceClaim.Builder b = DeviceClaim.claim(name).namespace("p");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < shape.requests().size(); i++) {
      RequestShape r = shape.requests().get(i);
      names.add("r" + i);
      b.request(
          "r" + i,
          rb -> {
            rb.deviceClass(ExampleGpu.DEVICE_CLASS).count(r.count());
            if (!r.selector().isEmpty()) rb.whereCel(r.selector());
            if (r.tolerates()) rb.tolerate(Toleration.exists("example.com/t"));
            if (r.memoryGi() != null) rb.capacity("memory", r.memoryGi() + "Gi");
          });
    }
    if (shape.constraint().equals("match")) b.matchAttribute(StandardAttributes.NUMA_NODE);
    if (shape.constraint().equals("distinct")) b.distinctAttribute(StandardAttributes.NUMA_NODE);
    return b.toResourceClaim();
  }

  /** What earlier placements hold, kept by the test itself. */
  static final class Held {
    final Set<String> exclusive = new HashSet<>();
    final Map<String, BigDecimal> shared = new HashMap<>();
  }

  @Property(tries = 400)
  void placesExactlyWhenABruteForceSearchFindsRoomAndNeverOverbooks(@ForAll("cases") Case c) {
    List<HasMetadata> inventory = inventory(c);
    DeviceAllocator allocator = DeviceAllocator.of(inventory);
    List<ResourceSlice> slices = new ArrayList<>();
    for (HasMetadata o : inventory) if (o instanceof ResourceSlice) slices.add((ResourceSlice) o);
    Held held = new Held();
    for (int i = 0; i < c.claims().size(); i++) {
      ClaimShape shape = c.claims().get(i);
      DevicePlacement p = allocator.place(claim("c" + i, shape));
      String fits = null;
      for (ResourceSlice s : slices) {
        if (bruteForce(s, shape, held) != null) {
          fits = s.getSpec().getNodeName();
          break;
        }
      }
      String firstFit = fits;
      if (firstFit == null) {
        assertThat(p.isPlaced()).as("placed although no node has room: %s", p).isFalse();
        assertThat(p.reason()).startsWith("0/" + slices.size() + " nodes are available: ");
        continue;
      }
      assertThat(p.isPlaced()).as("%s fits on %s: %s", shape, firstFit, p.reason()).isTrue();
      assertThat(p.node()).contains(firstFit);
      ResourceSlice slice =
          slices.stream()
              .filter(s -> s.getSpec().getNodeName().equals(firstFit))
              .findFirst()
              .orElseThrow();
      List<DeviceRequestAllocationResult> results =
          p.allocations().get(0).getDevices().getResults();
      List<Pick> picks = new ArrayList<>();
      for (DeviceRequestAllocationResult r : results) {
        Device d = device(slice, r.getDevice());
        picks.add(new Pick(Integer.parseInt(r.getRequest().substring(1)), d));
        boolean shared = Boolean.TRUE.equals(d.getAllowMultipleAllocations());
        assertThat(r.getShareID() != null).isEqualTo(shared);
      }
      assertThat(valid(slice, shape, picks, held)).as("allocation %s valid", results).isTrue();
      take(slice, shape, picks, held);
    }
  }

  @Property(tries = 200)
  void releasingEveryPlacementRestoresTheInitialState(@ForAll("cases") Case c) {
    List<HasMetadata> inventory = inventory(c);
    DeviceAllocator used = DeviceAllocator.of(inventory);
    List<DevicePlacement> placements = new ArrayList<>();
    for (int i = 0; i < c.claims().size(); i++) {
      placements.add(used.place(claim("c" + i, c.claims().get(i))));
    }
    for (int i = placements.size() - 1; i >= 0; i -= 2) used.release(placements.get(i));
    for (int i = placements.size() - 2; i >= 0; i -= 2) used.release(placements.get(i));
    DeviceAllocator fresh = DeviceAllocator.of(inventory);
    for (int i = 0; i < c.claims().size(); i++) {
      DevicePlacement again = used.place(claim("c" + i, c.claims().get(i)));
      DevicePlacement first = fresh.place(claim("c" + i, c.claims().get(i)));
      assertThat(again.node()).isEqualTo(first.node());
      assertThat(again.devices()).isEqualTo(first.devices());
    }
  }

  record Pick(int request, Device device) {}

  static Device device(ResourceSlice s, String name) {
    return s.getSpec().getDevices().stream()
        .filter(d -> d.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static String key(ResourceSlice s, Device d) {
    return s.getSpec().getNodeName() + "/" + d.getName();
  }

  static boolean selects(String expr, Device d) {
    return DeviceSelectorCel.compile("device.driver == 'gpu.example.com'").matches(DRIVER, d)
        && (expr.isEmpty() || DeviceSelectorCel.compile(expr).matches(DRIVER, d));
  }

  static BigDecimal capacity(Device d) {
    return new BigDecimal(
        io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                d.getCapacity().get("memory").getValue())
            .toString());
  }

  /** What a request takes of a shared device: rounded up to 4Gi steps, 4Gi at least. */
  static BigDecimal consumption(RequestShape r) {
    if (r.memoryGi() == null) return STEP;
    BigDecimal want = GI.multiply(BigDecimal.valueOf(r.memoryGi()));
    BigDecimal steps = want.divide(STEP, 0, java.math.RoundingMode.CEILING).max(BigDecimal.ONE);
    return STEP.multiply(steps);
  }

  /** Whether these devices are a valid allocation of the claim, given what is held. */
  static boolean valid(ResourceSlice s, ClaimShape shape, List<Pick> picks, Held held) {
    Map<String, BigDecimal> sharedUse = new HashMap<>();
    Set<String> exclusive = new HashSet<>();
    int[] perRequest = new int[shape.requests().size()];
    Map<Integer, Set<String>> perRequestDevices = new HashMap<>();
    for (Pick p : picks) {
      RequestShape r = shape.requests().get(p.request());
      Device d = p.device();
      String k = key(s, d);
      perRequest[p.request()]++;
      if (!perRequestDevices.computeIfAbsent(p.request(), x -> new HashSet<>()).add(k)) {
        return false;
      }
      if (!selects(r.selector(), d)) return false;
      if (d.getTaints() != null && !d.getTaints().isEmpty() && !r.tolerates()) return false;
      if (Boolean.TRUE.equals(d.getAllowMultipleAllocations())) {
        sharedUse.merge(k, consumption(r), BigDecimal::add);
      } else {
        if (held.exclusive.contains(k) || !exclusive.add(k)) return false;
        if (r.memoryGi() != null
            && GI.multiply(BigDecimal.valueOf(r.memoryGi())).compareTo(capacity(d)) > 0) {
          return false;
        }
      }
    }
    for (int i = 0; i < perRequest.length; i++) {
      if (perRequest[i] != shape.requests().get(i).count()) return false;
    }
    for (Map.Entry<String, BigDecimal> e : sharedUse.entrySet()) {
      Device d = device(s, e.getKey().substring(e.getKey().indexOf('/') + 1));
      BigDecimal total = e.getValue().add(held.shared.getOrDefault(e.getKey(), BigDecimal.ZERO));
      if (total.compareTo(capacity(d)) > 0) return false;
    }
    if (!shape.constraint().isEmpty()) {
      List<Long> numas = new ArrayList<>();
      for (Pick p : picks)
        numas.add(p.device().getAttributes().get("resource.kubernetes.io/numaNode").getInt());
      if (shape.constraint().equals("match") && new HashSet<>(numas).size() > 1) return false;
      if (shape.constraint().equals("distinct") && new HashSet<>(numas).size() != numas.size()) {
        return false;
      }
    }
    return true;
  }

  /** Tries every combination of devices per request; a valid allocation or null. */
  static List<Pick> bruteForce(ResourceSlice s, ClaimShape shape, Held held) {
    return search(s, shape, held, 0, 0, new ArrayList<>());
  }

  private static List<Pick> search(
      ResourceSlice s, ClaimShape shape, Held held, int request, int from, List<Pick> picks) {
    if (request == shape.requests().size()) {
      return valid(s, shape, picks, held) ? new ArrayList<>(picks) : null;
    }
    long taken = picks.stream().filter(p -> p.request() == request).count();
    if (taken == shape.requests().get(request).count()) {
      return search(s, shape, held, request + 1, 0, picks);
    }
    List<Device> devices = s.getSpec().getDevices();
    for (int i = from; i < devices.size(); i++) {
      picks.add(new Pick(request, devices.get(i)));
      List<Pick> found = search(s, shape, held, request, i + 1, picks);
      picks.remove(picks.size() - 1);
      if (found != null) return found;
    }
    return null;
  }

  static void take(ResourceSlice s, ClaimShape shape, List<Pick> picks, Held held) {
    for (Pick p : picks) {
      String k = key(s, p.device());
      if (Boolean.TRUE.equals(p.device().getAllowMultipleAllocations())) {
        held.shared.merge(k, consumption(shape.requests().get(p.request())), BigDecimal::add);
      } else {
        held.exclusive.add(k);
      }
    }
  }
}
