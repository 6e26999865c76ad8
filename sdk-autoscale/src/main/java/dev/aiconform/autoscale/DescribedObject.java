package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.GroupKind;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * The object an {@code Object} metric describes (a Service, a Namespace, an InferencePool), and the
 * Prometheus label that names it.
 *
 * <pre>{@code
 * DescribedObject ns = DescribedObject.of("v1", "Namespace", "ml"); // label "namespace"
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class DescribedObject {
  public abstract String apiVersion();

  public abstract String kind();

  public abstract String name();

  /**
   * The Prometheus label whose value is the object's name; by default the kind in lower case
   * ({@code service}, {@code namespace}), which is what Prometheus' Kubernetes service discovery
   * attaches.
   */
  @Value.Default
  public String promLabel() {
    return kind().toLowerCase(Locale.ROOT);
  }

  public static DescribedObject of(String apiVersion, String kind, String name) {
    return ImmutableDescribedObject.builder().apiVersion(apiVersion).kind(kind).name(name).build();
  }

  public GroupKind groupKind() {
    return GroupKind.of(GroupKind.groupOf(apiVersion()), kind());
  }

  /**
   * The resource prometheus-adapter maps the label to, in its configuration's singular form ({@code
   * service}, {@code deployment}).
   */
  public String resource() {
    return kind().toLowerCase(Locale.ROOT);
  }

  public boolean isNamespace() {
    return kind().equals("Namespace") && groupKind().group().isEmpty();
  }
}
