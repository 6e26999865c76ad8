package dev.aiconform.autoscale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric AIConform knows, looked up by any of its names: the exporter's series name, its
 * metrics-API name, and its other names. Rules use it to recognise metrics in hand-written HPAs and
 * suggest the closest known name for unknown ones.
 *
 * <pre>{@code
 * MetricCatalogue.find("vllm_num_requests_waiting"); // Optional[Vllm.NUM_REQUESTS_WAITING]
 * MetricCatalogue.closest("vllm:num_request_waiting"); // Optional[vllm:num_requests_waiting]
 * }</pre>
 */
public final class MetricCatalogue {
  private static final List<MetricDefinition> ALL =
      List.of(
          Dcgm.GPU_UTIL,
          Dcgm.GR_ENGINE_ACTIVE,
          Dcgm.PIPE_TENSOR_ACTIVE,
          Dcgm.DRAM_ACTIVE,
          Dcgm.SM_ACTIVE,
          Dcgm.FB_USED,
          Dcgm.FB_FREE,
          Dcgm.MEM_COPY_UTIL,
          Dcgm.POWER_USAGE,
          AmdGpu.GFX_ACTIVITY,
          AmdGpu.UMC_ACTIVITY,
          AmdGpu.TENSOR_ACTIVE,
          AmdGpu.USED_VRAM,
          AmdGpu.PACKAGE_POWER,
          IntelGpu.ENGINE_GROUP_RATIO,
          IntelGpu.MEMORY_RATIO,
          IntelGpu.MEMORY_USED,
          IntelGpu.POWER,
          GoogleCloud.CONTAINER_DUTY_CYCLE,
          GoogleCloud.CONTAINER_MEMORY_USED,
          GoogleCloud.CONTAINER_TENSORCORE_UTILIZATION,
          GoogleCloud.CONTAINER_MEMORY_BANDWIDTH_UTILIZATION,
          GoogleCloud.NODE_DUTY_CYCLE,
          Vllm.NUM_REQUESTS_WAITING,
          Vllm.NUM_REQUESTS_RUNNING,
          Vllm.KV_CACHE_USAGE,
          Vllm.GPU_CACHE_USAGE,
          Vllm.TIME_TO_FIRST_TOKEN_P90,
          Vllm.INTER_TOKEN_LATENCY_P90,
          Vllm.E2E_REQUEST_LATENCY_P90,
          Vllm.REQUEST_QUEUE_TIME_P90,
          Vllm.GENERATION_TOKENS_RATE,
          Vllm.PROMPT_TOKENS_RATE,
          Tgi.QUEUE_SIZE,
          Tgi.BATCH_CURRENT_SIZE,
          Tgi.BATCH_CURRENT_MAX_TOKENS,
          Tgi.REQUEST_QUEUE_DURATION_P90,
          Tgi.REQUEST_DURATION_P90,
          Triton.PENDING_REQUESTS,
          Triton.QUEUE_DURATION_RATE,
          Triton.REQUEST_SUCCESS_RATE,
          Triton.GPU_UTILIZATION,
          Triton.GPU_MEMORY_USED);

  private static final Map<String, MetricDefinition> BY_NAME = index();

  private MetricCatalogue() {}

  /** Every catalogue metric, grouped by exporter. */
  public static List<MetricDefinition> all() {
    return ALL;
  }

  /**
   * The metric any of whose names is {@code name} (case-insensitive, {@code :} and {@code _}
   * alike), or whose names appear in a name a metrics pipeline derived from it ({@code
   * prometheus.googleapis.com|dcgm_fi_dev_gpu_util|unknown}).
   */
  public static Optional<MetricDefinition> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    MetricDefinition exact = BY_NAME.get(normalise(name));
    if (exact != null) {
      return Optional.of(exact);
    }
    // Managed Prometheus and similar pipelines wrap the series name: a|b|c.
    for (String part : name.split("\\|")) {
      MetricDefinition m = BY_NAME.get(normalise(part));
      if (m != null) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * The known name nearest to {@code name} by edit distance (case-insensitive), with the distance;
   * on a tie the exporter's series name wins over the metrics-API name.
   */
  public static Optional<Map.Entry<String, Integer>> closest(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    Map.Entry<String, Integer> best = null;
    for (MetricDefinition m : ALL) {
      for (String candidate : knownNames(m)) {
        int d = distance(n, candidate.toLowerCase(Locale.ROOT));
        if (best == null || d < best.getValue()) {
          best = Map.entry(candidate, d);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The names a metric is known by: its series, its metrics-API name, then any other names. */
  private static List<String> knownNames(MetricDefinition m) {
    List<String> names = new ArrayList<>();
    names.add(m.series());
    names.add(m.apiName());
    names.addAll(m.otherNames());
    return names;
  }

  static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace(':', '_').replace('/', '|');
  }

  private static Map<String, MetricDefinition> index() {
    Map<String, MetricDefinition> map = new LinkedHashMap<>();
    for (MetricDefinition m : ALL) {
      for (String n : knownNames(m)) {
        map.putIfAbsent(normalise(n), m);
      }
    }
    return Map.copyOf(map);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
