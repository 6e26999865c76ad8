package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The HPA's {@code behavior}: how fast it may scale up and down. Start from a {@link
 * BehaviourPreset} or build your own.
 *
 * <pre>{@code
 * ScalingBehaviour b = BehaviourPreset.INFERENCE.behaviour()
 *     .withScaleDown(ScalingRules.disabled());
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ScalingBehaviour {
  public abstract Optional<ScalingRules> scaleUp();

  public abstract Optional<ScalingRules> scaleDown();

  public static ImmutableScalingBehaviour.Builder builder() {
    return ImmutableScalingBehaviour.builder();
  }

  public ScalingBehaviour withScaleUp(ScalingRules rules) {
    return ImmutableScalingBehaviour.copyOf(this).withScaleUp(rules);
  }

  public ScalingBehaviour withScaleDown(ScalingRules rules) {
    return ImmutableScalingBehaviour.copyOf(this).withScaleDown(rules);
  }
}
