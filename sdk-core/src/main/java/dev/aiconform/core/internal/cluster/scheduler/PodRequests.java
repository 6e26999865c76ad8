package dev.aiconform.core.internal.cluster.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a pod asks of a node, computed as Kubernetes' resource helper does
 * (component-helpers/resource PodRequests): the sum of the app containers and the restartable init
 * containers (sidecars), or the largest init container step if that is more (each step also pays
 * for the sidecars started before it), replaced by pod-level requests where the pod sets them, plus
 * the pod overhead. A container's missing request defaults to its limit, as the API server defaults
 * it.
 *
 * <p>Scoring uses the "non-zero" variant in which a container without a cpu or memory request
 * counts 100m cpu and 200Mi memory (kube-scheduler's DefaultMilliCPURequest and
 * DefaultMemoryRequest).
 */
public record PodRequests(
    Map<String, BigDecimal> amounts, long nonZeroMilliCpu, long nonZeroMemory) {
  /** scheduler/util: DefaultMilliCPURequest. */
  static final long DEFAULT_MILLI_CPU_REQUEST = 100;

  /** scheduler/util: DefaultMemoryRequest = 200 MiB. */
  static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  private static final List<String> NATIVE =
      List.of(ResourceAmounts.CPU, ResourceAmounts.MEMORY, ResourceAmounts.EPHEMERAL_STORAGE);

  public PodRequests {
    amounts = Collections.unmodifiableMap(new TreeMap<>(amounts));
  }

  /**
   * The positive requests in the order NodeResourcesFit checks them: cpu, memory, ephemeral
   * storage, then the others by name ({@code pods} is counted, not requested).
   */
  List<Map.Entry<String, BigDecimal>> inFitOrder() {
    List<Map.Entry<String, BigDecimal>> out = new ArrayList<>(amounts.size());
    for (String r : NATIVE) {
      BigDecimal v = amounts.get(r);
      if (v != null && v.signum() > 0) {
        out.add(Map.entry(r, v));
      }
    }
    amounts.forEach(
        (r, v) -> {
          if (!NATIVE.contains(r) && !r.equals(ResourceAmounts.PODS) && v.signum() > 0) {
            out.add(Map.entry(r, v));
          }
        });
    return out;
  }

  public BigDecimal amount(String resource) {
    return amounts.getOrDefault(resource, BigDecimal.ZERO);
  }

  /**
   * Computes the requests of {@code pod}; {@code podLevelResources}: the PodLevelResources gate.
   */
  public static PodRequests of(Pod pod, boolean podLevelResources) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      return new PodRequests(Map.of(), 0, 0);
    }
    Map<String, BigDecimal> exact = aggregate(spec, false);
    Map<String, BigDecimal> nonZero = aggregate(spec, true);
    if (podLevelResources && spec.getResources() != null) {
      Map<String, BigDecimal> podLevel = requestsOf(spec.getResources(), false);
      for (String r : List.of(ResourceAmounts.CPU, ResourceAmounts.MEMORY)) {
        if (podLevel.containsKey(r)) {
          exact.put(r, podLevel.get(r));
          nonZero.put(r, podLevel.get(r));
        }
      }
      podLevel.forEach(
          (r, v) -> {
            if (r.startsWith("hugepages-")) {
              exact.put(r, v);
            }
          });
    }
    Map<String, BigDecimal> overhead = ResourceAmounts.of(spec.getOverhead());
    add(exact, overhead);
    add(nonZero, overhead);
    exact.values().removeIf(v -> v.signum() == 0);
    return new PodRequests(
        exact,
        ResourceAmounts.milli(nonZero.getOrDefault(ResourceAmounts.CPU, BigDecimal.ZERO)),
        ResourceAmounts.whole(nonZero.getOrDefault(ResourceAmounts.MEMORY, BigDecimal.ZERO)));
  }

  private static Map<String, BigDecimal> aggregate(PodSpec spec, boolean nonZero) {
    Map<String, BigDecimal> reqs = new TreeMap<>();
    for (Container c : list(spec.getContainers())) {
      add(reqs, containerRequests(c, nonZero));
    }
    Map<String, BigDecimal> sidecars = new TreeMap<>();
    Map<String, BigDecimal> initMax = new TreeMap<>();
    for (Container c : list(spec.getInitContainers())) {
      Map<String, BigDecimal> step = containerRequests(c, nonZero);
      if ("Always".equals(c.getRestartPolicy())) {
        // A sidecar keeps running next to the app containers.
        add(reqs, step);
        add(sidecars, step);
        step = new TreeMap<>(sidecars);
      } else {
        add(step, sidecars);
      }
      max(initMax, step);
    }
    max(reqs, initMax);
    return reqs;
  }

  private static Map<String, BigDecimal> containerRequests(Container c, boolean nonZero) {
    Map<String, BigDecimal> r =
        c.getResources() == null ? new TreeMap<>() : requestsOf(c.getResources(), true);
    if (nonZero) {
      r.putIfAbsent(ResourceAmounts.CPU, BigDecimal.valueOf(DEFAULT_MILLI_CPU_REQUEST, 3));
      r.putIfAbsent(ResourceAmounts.MEMORY, BigDecimal.valueOf(DEFAULT_MEMORY_REQUEST));
    }
    return r;
  }

  private static Map<String, BigDecimal> requestsOf(
      ResourceRequirements rr, boolean limitsDefaultRequests) {
    Map<String, Quantity> requests = rr.getRequests() == null ? Map.of() : rr.getRequests();
    Map<String, BigDecimal> out = ResourceAmounts.of(requests);
    if (limitsDefaultRequests && rr.getLimits() != null) {
      // API defaulting: a limit without a request makes the request equal to the limit.
      rr.getLimits()
          .forEach(
              (name, q) -> {
                if (!requests.containsKey(name)) {
                  out.put(name, ResourceAmounts.of(name, q));
                }
              });
    }
    return out;
  }

  private static void add(Map<String, BigDecimal> into, Map<String, BigDecimal> more) {
    more.forEach((k, v) -> into.merge(k, v, BigDecimal::add));
  }

  private static void max(Map<String, BigDecimal> into, Map<String, BigDecimal> other) {
    other.forEach((k, v) -> into.merge(k, v, (a, b) -> a.compareTo(b) >= 0 ? a : b));
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
