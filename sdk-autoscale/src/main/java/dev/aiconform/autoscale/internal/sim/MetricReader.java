package dev.aiconform.autoscale.internal.sim;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the engine reads metric values, as the metrics APIs would return them. */
public interface MetricReader {
  /** Per-pod values of a Pods, Resource or ContainerResource metric; empty when unavailable. */
  Optional<Map<String, BigDecimal>> podValues(MetricSpec metric);

  /** The value of an Object metric; empty when unavailable. */
  Optional<BigDecimal> objectValue(MetricSpec metric);

  /** The values of an External metric's series; empty when unavailable. */
  Optional<List<BigDecimal>> externalValues(MetricSpec metric);
}
