package dev.aiconform.dra;

import dev.aiconform.core.AiconformStyle;
import io.fabric8.kubernetes.api.model.resource.v1.CELDeviceSelectorBuilder;
import org.immutables.value.Value;

/**
 * One CEL device selector ({@code selectors[].cel.expression}). Built from typed attributes ({@code
 * NvidiaGpu.MEMORY.atLeast("80Gi")}) or, as an escape hatch, from raw CEL ({@link #cel}); either
 * way the expression meets the same validation as hand-written manifests ({@link
 * DeviceSelectorCel#compile}).
 *
 * <pre>{@code
 * DeviceSelector s = NvidiaGpu.ARCHITECTURE.is("Hopper").and(NvidiaGpu.MEMORY.atLeast("80Gi"));
 * DeviceSelector raw = DeviceSelector.cel("device.driver == 'gpu.nvidia.com'");
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class DeviceSelector {
  /** The CEL expression. */
  @Value.Parameter
  public abstract String expression();

  /** A selector from a raw CEL expression, taken as written. */
  public static DeviceSelector cel(String expression) {
    return ImmutableDeviceSelector.of(expression);
  }

  /**
   * {@code comparison} guarded with {@code has(celPath)}: a device lacking the attribute or
   * capacity does not match, instead of failing the pod's scheduling with a CEL runtime error.
   */
  static DeviceSelector guarded(String celPath, String comparison) {
    return cel("has(" + celPath + ") && " + comparison);
  }

  /** Both selectors ({@code (a) && (b)}); a request's separate selectors are ANDed too. */
  public DeviceSelector and(DeviceSelector other) {
    return cel("(" + expression() + ") && (" + other.expression() + ")");
  }

  /** Either selector. */
  public DeviceSelector or(DeviceSelector other) {
    return cel("(" + expression() + ") || (" + other.expression() + ")");
  }

  /** The fabric8 form, {@code {cel: {expression: ...}}}. */
  public io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector toFabric8() {
    return new io.fabric8.kubernetes.api.model.resource.v1.DeviceSelectorBuilder()
        .withCel(new CELDeviceSelectorBuilder().withExpression(expression()).build())
        .build();
  }

  @Override
  public String toString() {
    return expression();
  }
}
