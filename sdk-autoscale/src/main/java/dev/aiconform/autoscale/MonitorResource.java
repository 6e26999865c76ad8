package dev.aiconform.autoscale;

import dev.aiconform.autoscale.internal.Tree;
import dev.aiconform.core.GroupKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Prometheus Operator {@code monitoring.coreos.com/v1} ServiceMonitor or PodMonitor: a typed view
 * of, and builder for, the GenericKubernetesResource that represents it.
 *
 * <pre>{@code
 * MonitorResource m = MonitorResource.of(resource);
 * m.endpoints().get(0).port(); // "metrics"
 * }</pre>
 */
public final class MonitorResource {
  public static final String API_VERSION = "monitoring.coreos.com/v1";
  public static final GroupKind SERVICE_MONITOR =
      GroupKind.of("monitoring.coreos.com", "ServiceMonitor");
  public static final GroupKind POD_MONITOR = GroupKind.of("monitoring.coreos.com", "PodMonitor");

  private final GenericKubernetesResource resource;

  private MonitorResource(GenericKubernetesResource resource) {
    this.resource = resource;
  }

  public static MonitorResource of(GenericKubernetesResource resource) {
    if (!SERVICE_MONITOR.matches(resource) && !POD_MONITOR.matches(resource)) {
      throw new IllegalArgumentException(
          "expected a monitoring.coreos.com ServiceMonitor or PodMonitor; found "
              + resource.getApiVersion()
              + " "
              + resource.getKind());
    }
    return new MonitorResource(resource);
  }

  public GenericKubernetesResource resource() {
    return resource;
  }

  public boolean isPodMonitor() {
    return POD_MONITOR.matches(resource);
  }

  /** The spec field holding the endpoints: {@code endpoints} or {@code podMetricsEndpoints}. */
  public String endpointsField() {
    return isPodMonitor() ? "podMetricsEndpoints" : "endpoints";
  }

  private Map<String, Object> spec() {
    return Tree.map(Tree.root(resource).get("spec"));
  }

  public Map<String, String> matchLabels() {
    Map<String, String> out = new LinkedHashMap<>();
    Tree.map(Tree.at(spec(), "selector", "matchLabels"))
        .forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  public List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (Object e : Tree.list(spec().get(endpointsField()))) {
      Map<String, Object> m = Tree.map(e);
      out.add(
          new Endpoint(
              Tree.string(m.get("port")),
              Tree.string(m.get("path")),
              m.get("honorLabels") instanceof Boolean ? (Boolean) m.get("honorLabels") : false));
    }
    return out;
  }

  /** One scrape endpoint. */
  public static final class Endpoint {
    private final Optional<String> port;
    private final Optional<String> path;
    private final boolean honorLabels;

    public Endpoint(Optional<String> port, Optional<String> path, boolean honorLabels) {
      this.port = port;
      this.path = path;
      this.honorLabels = honorLabels;
    }

    public Optional<String> port() {
      return port;
    }

    public Optional<String> path() {
      return path;
    }

    public boolean honorLabels() {
      return honorLabels;
    }
  }

  /** Builds a ServiceMonitor or PodMonitor with one endpoint. */
  public static MonitorResource build(
      Scrape.Kind kind,
      String name,
      String namespace,
      Map<String, String> labels,
      Map<String, String> matchLabels,
      Map<String, Object> endpoint) {
    Objects.requireNonNull(name, "name");
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("matchLabels", new LinkedHashMap<>(matchLabels));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", selector);
    spec.put(
        kind == Scrape.Kind.POD_MONITOR ? "podMetricsEndpoints" : "endpoints",
        new ArrayList<>(List.of(new LinkedHashMap<>(endpoint))));
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(kind.kindName());
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels.isEmpty() ? null : new LinkedHashMap<>(labels))
            .build());
    r.setAdditionalProperty("spec", spec);
    return new MonitorResource(r);
  }
}
