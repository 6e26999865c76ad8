package dev.aiconform.dra;

import dev.aiconform.core.AiconformStyle;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTolerationBuilder;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A device toleration on a request: lets the request use devices with a matching taint.
 *
 * <pre>{@code
 * Toleration t = Toleration.exists("gpu.example.com/unhealthy").withEffect("NoSchedule");
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class Toleration {
  public abstract Optional<String> key();

  /** {@code Equal} (the default) or {@code Exists}. */
  @Value.Default
  public String operator() {
    return "Equal";
  }

  public abstract Optional<String> value();

  /** {@code NoSchedule}, {@code NoExecute} or {@code None}; empty tolerates every effect. */
  public abstract Optional<String> effect();

  public abstract OptionalLong tolerationSeconds();

  public static Toleration exists(String key) {
    return ImmutableToleration.builder().key(key).operator("Exists").build();
  }

  public static Toleration equal(String key, String value) {
    return ImmutableToleration.builder().key(key).operator("Equal").value(value).build();
  }

  /** Tolerates every taint. */
  public static Toleration all() {
    return ImmutableToleration.builder().operator("Exists").build();
  }

  public Toleration withEffect(String effect) {
    return ImmutableToleration.copyOf(this).withEffect(effect);
  }

  public static ImmutableToleration.Builder builder() {
    return ImmutableToleration.builder();
  }

  public io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration toFabric8() {
    DeviceTolerationBuilder b = new DeviceTolerationBuilder().withOperator(operator());
    key().ifPresent(b::withKey);
    value().ifPresent(b::withValue);
    effect().ifPresent(b::withEffect);
    if (tolerationSeconds().isPresent()) b.withTolerationSeconds(tolerationSeconds().getAsLong());
    return b.build();
  }
}
