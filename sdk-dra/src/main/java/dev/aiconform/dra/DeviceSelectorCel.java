package dev.aiconform.dra;

import dev.aiconform.dra.internal.cel.CelDeviceInput;
import dev.aiconform.dra.internal.cel.CompiledExpression;
import dev.aiconform.dra.internal.cel.DraCelEnvironment;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import java.util.Optional;

/**
 * DRA device-selector CEL as Kubernetes compiles and runs it: compile an expression (with the API
 * server's checks: 10,240-byte limit, type check against the {@code device} object, bool result,
 * cost estimate against the 1,000,000 limit) and evaluate it on devices. Compilations are cached.
 *
 * <pre>{@code
 * DeviceSelectorCel.Compiled c = DeviceSelectorCel.compile("device.driver == 'gpu.nvidia.com'");
 * boolean ok = c.matches("gpu.nvidia.com", device);
 * }</pre>
 */
public final class DeviceSelectorCel {
  /** The API server's limit on the length of an expression, in bytes. */
  public static final int MAX_EXPRESSION_BYTES =
      DraCelEnvironment.CEL_SELECTOR_EXPRESSION_MAX_LENGTH;

  /** The API server's limit on the estimated cost of an expression. */
  public static final long MAX_COST = DraCelEnvironment.CEL_SELECTOR_EXPRESSION_MAX_COST;

  private DeviceSelectorCel() {}

  public static Compiled compile(String expression) {
    return new Compiled(DraCelEnvironment.get().compile(expression));
  }

  /** With the DRAListTypeAttributes environment ({@code includes()}). */
  public static Compiled compile(String expression, boolean listTypeAttributes) {
    return new Compiled(DraCelEnvironment.get(listTypeAttributes).compile(expression));
  }

  /**
   * The CEL value of one device ({@code device.driver}, attributes and capacities by domain), built
   * once to evaluate several selectors on it, as the allocator does.
   *
   * <pre>{@code
   * DeviceSelectorCel.DeviceValue gpu = DeviceSelectorCel.device("gpu.nvidia.com", device);
   * boolean both = classSelector.matches(gpu) && requestSelector.matches(gpu);
   * }</pre>
   */
  public static final class DeviceValue {
    private final CelDeviceInput input;

    private DeviceValue(CelDeviceInput input) {
      this.input = input;
    }
  }

  /**
   * The CEL value of a device of {@code driver}.
   *
   * @throws IllegalArgumentException when an attribute value cannot be read (an invalid semantic
   *     version, for example)
   */
  public static DeviceValue device(String driver, Device device) {
    return new DeviceValue(CelDeviceInput.of(driver, device));
  }

  /** A compiled expression or why it did not compile. */
  public static final class Compiled {
    private final CompiledExpression delegate;

    Compiled(CompiledExpression delegate) {
      this.delegate = delegate;
    }

    public String expression() {
      return delegate.expression();
    }

    /** Compiled, type-checked, bool-valued and within the cost limit. */
    public boolean isValid() {
      return delegate.isValid() && !delegate.exceedsCostLimit();
    }

    /** Why it is not valid, as the API server words it. */
    public Optional<String> error() {
      if (!delegate.isValid()) return Optional.of(delegate.detail());
      if (delegate.exceedsCostLimit()) return Optional.of("too complex, exceeds cost limit");
      return Optional.empty();
    }

    public long estimatedCost() {
      return delegate.estimatedCost();
    }

    /**
     * Whether the device of {@code driver} matches.
     *
     * @throws IllegalStateException with the CEL runtime error (for example a missing attribute),
     *     which Kubernetes treats as an error for the pod, not as "no match"
     */
    public boolean matches(String driver, Device device) {
      try {
        return delegate.matches(CelDeviceInput.of(driver, device));
      } catch (CompiledExpression.CelRuntimeError | IllegalArgumentException e) {
        throw new IllegalStateException("CEL runtime error: " + e.getMessage(), e);
      }
    }

    /**
     * Whether the device matches, for a device value built once with {@link #device}.
     *
     * @throws IllegalStateException with the CEL runtime error
     */
    public boolean matches(DeviceValue device) {
      try {
        return delegate.matches(device.input);
      } catch (CompiledExpression.CelRuntimeError e) {
        throw new IllegalStateException("CEL runtime error: " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return expression() + (isValid() ? "" : " (" + error().orElse("") + ")");
    }
  }
}
