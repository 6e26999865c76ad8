package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One metric of the catalogue: the series an exporter publishes, its unit and range, what one
 * series describes, how it is queried, and the pitfalls AIConform knows about it. Targets are made
 * from it, checked against the unit and range.
 *
 * <pre>{@code
 * MetricIntent busy = Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7); // AverageValue 700m per pod
 * MetricIntent queue = Vllm.NUM_REQUESTS_WAITING.averageValue(5);
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class MetricDefinition {
  /**
   * The series name as the exporter publishes it: {@code DCGM_FI_PROF_GR_ENGINE_ACTIVE}, {@code
   * vllm:num_requests_waiting}, {@code vllm:time_to_first_token_seconds} (a histogram's base name),
   * {@code kubernetes.io/container/accelerator/duty_cycle}.
   */
  public abstract String series();

  public abstract Exporter exporter();

  public abstract Unit unit();

  @Value.Default
  public SeriesKind kind() {
    return SeriesKind.GAUGE;
  }

  /** The quantile read from a histogram, such as 0.9. */
  public abstract Optional<Double> quantile();

  public abstract Optional<BigDecimal> minimum();

  public abstract Optional<BigDecimal> maximum();

  @Value.Default
  public Scope scope() {
    return Scope.POD;
  }

  /** How the series of one pod combine (several GPUs, several models). */
  @Value.Default
  public PodAggregation podAggregation() {
    return PodAggregation.AVG;
  }

  /**
   * Whether per-pod values add up to a meaningful total (queue lengths, rates): KEDA then divides a
   * sum by the replica count ({@code AverageValue}); otherwise it compares an average ({@code
   * Value}).
   */
  @Value.Default
  public boolean additive() {
    return false;
  }

  /** One line: what it measures. */
  public abstract String description();

  /** False for metrics the exporter cannot report on MIG instances (always 0 or absent there). */
  @Value.Default
  public boolean reportedOnMig() {
    return true;
  }

  /**
   * True for memory metrics that inference servers fill at start-up (vLLM, TGI pre-allocate the KV
   * cache): they do not fall when load falls, so the HPA never scales down on them.
   */
  @Value.Default
  public boolean filledAtStartup() {
    return false;
  }

  /** The name that replaces this deprecated one. */
  public abstract Optional<String> replacedBy();

  /** Other names the same measurement goes by (exporter prefixes, older releases). */
  public abstract Set<String> otherNames();

  /**
   * For custom metrics: the whole PromQL expression that yields the value. KEDA queries it as is;
   * prometheus-adapter discovers {@link #series()} and runs it.
   */
  public abstract Optional<String> promQl();

  /**
   * The name in the custom or external metrics API (the HPA's {@code metric.name}): the series in
   * lower case with anything but letters, digits and underscores replaced, plus {@code _p90} for a
   * histogram quantile or {@code _per_second} for a counter rate. Google Cloud metrics keep the
   * Stackdriver adapter's form ({@code kubernetes.io|container|accelerator|duty_cycle}).
   */
  @Value.Default
  public String apiName() {
    if (exporter() == Exporter.GOOGLE_CLOUD) {
      return series().replace('/', '|');
    }
    String base = series().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    switch (kind()) {
      case HISTOGRAM:
        return base + "_p" + Math.round(quantile().orElse(0.9) * 100);
      case COUNTER:
        return base + "_per_second";
      default:
        return base;
    }
  }

  public static ImmutableMetricDefinition.Builder builder() {
    return ImmutableMetricDefinition.builder();
  }

  /**
   * A series {@code exporter} reports at {@code scope}, never below zero: the start of every
   * catalogue entry.
   */
  static ImmutableMetricDefinition.Builder reported(
      Exporter exporter, Scope scope, String series, Unit unit, String description) {
    return builder()
        .series(series)
        .exporter(exporter)
        .unit(unit)
        .scope(scope)
        .minimum(BigDecimal.ZERO)
        .description(description);
  }

  /**
   * Scale so that each pod averages {@code perPod} (in this metric's unit): an HPA {@code Pods}
   * metric with an {@code AverageValue} target, or an {@code External} one for cluster-level
   * metrics.
   *
   * @throws IllegalArgumentException when the value is not positive or outside the metric's range
   */
  public MetricIntent averageValue(double perPod) {
    return intent(TargetValue.averageValue(checked(perPod, "averageValue")));
  }

  /**
   * Scale so that each pod's average use of the accelerator is {@code fraction} of full (0.7 for 70
   * %): 70 for a percentage metric, 0.7 for a ratio metric.
   *
   * @throws IllegalArgumentException when the metric is not a percentage or ratio, or the fraction
   *     is not in (0, 1]
   */
  public MetricIntent utilisation(double fraction) {
    double full = unit().fullScale();
    if (Double.isNaN(full)) {
      throw new IllegalArgumentException(
          series()
              + " is measured in "
              + unit()
              + ", not a percentage or ratio: utilisation("
              + fraction
              + ") has no meaning; use averageValue(...) in "
              + unit().symbol());
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException(
          "utilisation must be a fraction in (0, 1], such as 0.7 for 70 %; found " + fraction);
    }
    return intent(
        TargetValue.averageValue(
            checked(
                BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(full)).doubleValue(),
                "utilisation")));
  }

  /**
   * Scale so that the metric's total is {@code total}: an HPA {@code External} (or, with {@link
   * MetricIntent#onObject}, {@code Object}) metric with a {@code Value} target. Per-pod metrics
   * need {@code onObject(...)} for this; otherwise use {@link #averageValue}.
   */
  public MetricIntent value(double total) {
    return intent(TargetValue.value(checked(total, "value")));
  }

  /**
   * Compare the metric's total on one object (a Namespace, a Service) with {@code total}: an HPA
   * {@code Object} metric with a {@code Value} target.
   */
  public MetricIntent valueOn(DescribedObject object, double total) {
    return MetricIntent.builder()
        .metric(this)
        .target(TargetValue.value(checkedPositive(total, "value")))
        .describedObject(object)
        .build();
  }

  private BigDecimal checkedPositive(double v, String what) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          what + " for " + series() + " must be a positive number; found " + v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros();
  }

  private MetricIntent intent(TargetValue target) {
    return MetricIntent.builder().metric(this).target(target).build();
  }

  private BigDecimal checked(double v, String what) {
    BigDecimal value = checkedPositive(v, what);
    if (maximum().isPresent() && value.compareTo(maximum().get()) > 0) {
      throw new IllegalArgumentException(
          what
              + " for "
              + series()
              + " must be at most "
              + maximum().get().toPlainString()
              + " "
              + unit().symbol()
              + " (its range); found "
              + value.toPlainString());
    }
    return value;
  }

  @Override
  public String toString() {
    return series() + (quantile().isPresent() ? " p" + Math.round(quantile().get() * 100) : "");
  }
}
