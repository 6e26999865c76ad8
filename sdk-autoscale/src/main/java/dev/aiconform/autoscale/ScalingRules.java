package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The rules for one direction of {@code behavior}: the stabilisation window, the policies and how
 * one is selected, and the tolerance (per direction; {@code HPAConfigurableTolerance}, on by
 * default from Kubernetes 1.35). Unset fields take the API server's defaults.
 *
 * <pre>{@code
 * ScalingRules slowDown = ScalingRules.builder().stabilizationWindow(Duration.ofMinutes(10))
 *     .addPolicy(ScalingPolicy.pods(1, Duration.ofMinutes(2))).build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ScalingRules {
  public abstract Optional<Duration> stabilizationWindow();

  public abstract Optional<SelectPolicy> selectPolicy();

  public abstract List<ScalingPolicy> policies();

  /** Relative change of the metric, around the target, below which nothing happens (0.05 = 5 %). */
  public abstract Optional<BigDecimal> tolerance();

  public static ImmutableScalingRules.Builder builder() {
    return ImmutableScalingRules.builder();
  }

  /** Rules that forbid scaling in this direction. */
  public static ScalingRules disabled() {
    return builder().selectPolicy(SelectPolicy.DISABLED).build();
  }
}
