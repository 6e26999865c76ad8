package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * One {@code behavior.scaleUp|scaleDown.policies[]} entry: at most {@code value} pods, or {@code
 * value} percent of the replicas at the start of the period, may be added (or removed) per {@code
 * period}.
 *
 * <pre>{@code
 * ScalingPolicy.pods(4, Duration.ofSeconds(60)); // at most 4 pods a minute
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ScalingPolicy {
  /** {@code Pods} or {@code Percent}. */
  public enum Type {
    PODS("Pods"),
    PERCENT("Percent");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  @Value.Parameter
  public abstract Type type();

  @Value.Parameter
  public abstract int value();

  @Value.Parameter
  public abstract Duration period();

  public static ScalingPolicy pods(int pods, Duration period) {
    return ImmutableScalingPolicy.of(Type.PODS, pods, period);
  }

  public static ScalingPolicy percent(int percent, Duration period) {
    return ImmutableScalingPolicy.of(Type.PERCENT, percent, period);
  }

  @Override
  public String toString() {
    return type().wireName() + " " + value() + " per " + period().toSeconds() + "s";
  }
}
