package dev.aiconform.dra;

import java.util.Objects;
import java.util.Optional;

/**
 * A device attribute a DRA driver publishes in its ResourceSlices: its domain (the driver name, or
 * {@code resource.kubernetes.io} for standard attributes), its id and value type. Typed subclasses
 * build {@link DeviceSelector}s that compile to CEL which is safe on devices lacking the attribute:
 * every comparison is guarded with {@code has()}, so such a device simply does not match (instead
 * of failing the pod's scheduling with a CEL runtime error).
 *
 * <pre>{@code
 * DeviceSelector h100 = NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100");
 * h100.expression(); // has(device.attributes["gpu.nvidia.com"].productName) && ...
 * }</pre>
 */
public abstract class Attribute {
  /** The value type of an attribute, as {@code DeviceAttribute}'s one-of fields. */
  public enum Type {
    STRING("string"),
    INT("int"),
    BOOL("bool"),
    VERSION("version"),
    INTS("ints"),
    STRINGS("strings");

    private final String field;

    Type(String field) {
      this.field = field;
    }

    /** The DeviceAttribute field holding such a value ({@code string}, {@code int}, …). */
    public String field() {
      return field;
    }
  }

  private final String domain;
  private final String id;
  private final Type type;
  private final String description;
  private final String removedIn;

  Attribute(String domain, String id, Type type, String description, String removedIn) {
    this.domain = Objects.requireNonNull(domain, "domain");
    this.id = Objects.requireNonNull(id, "id");
    this.type = type;
    this.description = description;
    this.removedIn = removedIn;
  }

  public String domain() {
    return domain;
  }

  public String id() {
    return id;
  }

  public Type type() {
    return type;
  }

  public String description() {
    return description;
  }

  /** The driver release that stopped publishing it, for attributes drivers removed. */
  public Optional<String> removedIn() {
    return Optional.ofNullable(removedIn);
  }

  /** {@code gpu.nvidia.com/productName}: the form constraints ({@code matchAttribute}) use. */
  public String qualifiedName() {
    return domain + "/" + id;
  }

  /** {@code device.attributes["gpu.nvidia.com"].productName}. */
  public String celPath() {
    return "device.attributes[" + Cel.quote(domain) + "]." + id;
  }

  /** A selector: the device has this attribute (any value). */
  public DeviceSelector isPresent() {
    return DeviceSelector.cel("has(" + celPath() + ")");
  }

  DeviceSelector guarded(String comparison) {
    return DeviceSelector.guarded(celPath(), comparison);
  }

  @Override
  public String toString() {
    return qualifiedName() + " (" + type.field() + ")";
  }

  /** CEL literal helpers. */
  static final class Cel {
    private Cel() {}

    static String quote(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '\\':
            sb.append("\\\\");
            break;
          case '"':
            sb.append("\\\"");
            break;
          case '\n':
            sb.append("\\n");
            break;
          default:
            sb.append(c);
        }
      }
      return sb.append('"').toString();
    }
  }
}
