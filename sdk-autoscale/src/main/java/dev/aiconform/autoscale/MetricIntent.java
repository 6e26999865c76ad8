package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One metric an autoscaler follows: a catalogue metric, the value to hold it at, and optionally the
 * object it describes, a label selector on its series (such as one model of a multi-model server)
 * and KEDA's activation threshold.
 *
 * <pre>{@code
 * MetricIntent waiting = Vllm.NUM_REQUESTS_WAITING.averageValue(5)
 *     .withLabel("model_name", "llama-3-8b").withActivationThreshold(1);
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class MetricIntent {
  public abstract MetricDefinition metric();

  public abstract TargetValue target();

  /** For {@code Object} metrics: the object whose value is compared with the target. */
  public abstract Optional<DescribedObject> describedObject();

  /** Label matchers on the metric's series ({@code model_name}, {@code queue}). */
  public abstract Map<String, String> matchLabels();

  /** KEDA's {@code activationThreshold}: below it the workload may rest at zero replicas. */
  public abstract Optional<BigDecimal> activationThreshold();

  public static ImmutableMetricIntent.Builder builder() {
    return ImmutableMetricIntent.builder();
  }

  /** The HPA metric source this intent becomes. */
  public MetricSourceType sourceType() {
    if (describedObject().isPresent()) {
      return MetricSourceType.OBJECT;
    }
    if (metric().scope() == Scope.EXTERNAL) {
      return MetricSourceType.EXTERNAL;
    }
    return MetricSourceType.PODS;
  }

  /** The same metric compared on one object (a Namespace, a Service) instead of per pod. */
  public MetricIntent onObject(String apiVersion, String kind, String name) {
    return ImmutableMetricIntent.copyOf(this)
        .withDescribedObject(DescribedObject.of(apiVersion, kind, name));
  }

  public MetricIntent withLabel(String name, String value) {
    return ImmutableMetricIntent.builder().from(this).putMatchLabel(name, value).build();
  }

  public MetricIntent withActivationThreshold(double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException(
          "activationThreshold must be zero or more; found " + threshold);
    }
    return ImmutableMetricIntent.copyOf(this)
        .withActivationThreshold(new BigDecimal(Double.toString(threshold)).stripTrailingZeros());
  }

  @Value.Check
  protected void check() {
    if (sourceType() == MetricSourceType.PODS && target().kind() == TargetValue.Kind.VALUE) {
      throw new IllegalArgumentException(
          metric().series()
              + " is reported per "
              + (metric().scope() == Scope.DEVICE ? "accelerator" : "pod")
              + ": an HPA Pods metric takes an AverageValue target, found "
              + target()
              + "; use averageValue(...), or onObject(...) to compare a total");
    }
  }

  @Override
  public String toString() {
    return metric()
        + " "
        + target()
        + (describedObject().map(o -> " on " + o.kind() + "/" + o.name()).orElse(""));
  }
}
