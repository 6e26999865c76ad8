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
 * A KEDA {@code keda.sh/v1alpha1} ScaledObject: a typed view of, and builder for, the
 * GenericKubernetesResource that represents it (fabric8 has no KEDA model).
 *
 * <pre>{@code
 * ScaledObject so = ScaledObject.of(resource);
 * so.scaleTargetName(); so.triggers().get(0).metadata().get("query");
 * }</pre>
 */
public final class ScaledObject {
  public static final String API_VERSION = "keda.sh/v1alpha1";
  public static final GroupKind GROUP_KIND = GroupKind.of("keda.sh", "ScaledObject");

  private final GenericKubernetesResource resource;

  private ScaledObject(GenericKubernetesResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** A view of a ScaledObject resource (read from YAML or built). */
  public static ScaledObject of(GenericKubernetesResource resource) {
    if (!GROUP_KIND.matches(resource)) {
      throw new IllegalArgumentException(
          "expected a keda.sh ScaledObject; found "
              + resource.getApiVersion()
              + " "
              + resource.getKind());
    }
    return new ScaledObject(resource);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public GenericKubernetesResource resource() {
    return resource;
  }

  private Map<String, Object> spec() {
    return Tree.map(Tree.root(resource).get("spec"));
  }

  public Optional<String> scaleTargetName() {
    return Tree.string(Tree.at(spec(), "scaleTargetRef", "name"));
  }

  /** The target's kind; KEDA defaults it to Deployment. */
  public String scaleTargetKind() {
    return Tree.string(Tree.at(spec(), "scaleTargetRef", "kind")).orElse("Deployment");
  }

  /** The target's apiVersion; KEDA defaults it to apps/v1. */
  public String scaleTargetApiVersion() {
    return Tree.string(Tree.at(spec(), "scaleTargetRef", "apiVersion")).orElse("apps/v1");
  }

  public Optional<Long> minReplicaCount() {
    return Tree.integer(spec().get("minReplicaCount"));
  }

  public Optional<Long> maxReplicaCount() {
    return Tree.integer(spec().get("maxReplicaCount"));
  }

  /** The name of the HPA KEDA creates: the configured one, or {@code keda-hpa-<name>}. */
  public String hpaName() {
    return Tree.string(Tree.at(spec(), "advanced", "horizontalPodAutoscalerConfig", "name"))
        .filter(s -> !s.isEmpty())
        .orElse("keda-hpa-" + resource.getMetadata().getName());
  }

  public List<Trigger> triggers() {
    List<Trigger> out = new ArrayList<>();
    for (Object t : Tree.list(spec().get("triggers"))) {
      Map<String, Object> m = Tree.map(t);
      Map<String, String> metadata = new LinkedHashMap<>();
      Tree.map(m.get("metadata"))
          .forEach((k, v) -> metadata.put(k, v == null ? null : String.valueOf(v)));
      out.add(
          new Trigger(
              Tree.string(m.get("type")).orElse(""),
              Tree.string(m.get("name")),
              metadata,
              Tree.string(m.get("metricType")),
              Tree.string(Tree.at(m, "authenticationRef", "name"))));
    }
    return out;
  }

  /** One {@code spec.triggers[]} entry. */
  public static final class Trigger {
    private final String type;
    private final Optional<String> name;
    private final Map<String, String> metadata;
    private final Optional<String> metricType;
    private final Optional<String> authenticationRef;

    public Trigger(
        String type,
        Optional<String> name,
        Map<String, String> metadata,
        Optional<String> metricType,
        Optional<String> authenticationRef) {
      this.type = type;
      this.name = name;
      this.metadata = Map.copyOf(new LinkedHashMap<>(metadata));
      this.metricType = metricType;
      this.authenticationRef = authenticationRef;
    }

    public String type() {
      return type;
    }

    public Optional<String> name() {
      return name;
    }

    public Map<String, String> metadata() {
      return metadata;
    }

    /** KEDA's default is AverageValue. */
    public Optional<String> metricType() {
      return metricType;
    }

    public Optional<String> authenticationRef() {
      return authenticationRef;
    }
  }

  /** Builds a ScaledObject resource; fields are written in KEDA's documented order. */
  public static final class Builder {
    private final String name;
    private String namespace;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, Object> scaleTargetRef = new LinkedHashMap<>();
    private final Map<String, Object> spec = new LinkedHashMap<>();
    private Map<String, Object> behavior;
    private final List<Object> triggers = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder labels(Map<String, String> more) {
      labels.putAll(more);
      return this;
    }

    public Builder scaleTarget(String apiVersion, String kind, String targetName) {
      scaleTargetRef.put("apiVersion", apiVersion);
      scaleTargetRef.put("kind", kind);
      scaleTargetRef.put("name", targetName);
      return this;
    }

    public Builder pollingInterval(int seconds) {
      spec.put("pollingInterval", seconds);
      return this;
    }

    public Builder cooldownPeriod(int seconds) {
      spec.put("cooldownPeriod", seconds);
      return this;
    }

    public Builder initialCooldownPeriod(int seconds) {
      spec.put("initialCooldownPeriod", seconds);
      return this;
    }

    public Builder idleReplicaCount(int replicas) {
      spec.put("idleReplicaCount", replicas);
      return this;
    }

    public Builder minReplicaCount(int replicas) {
      spec.put("minReplicaCount", replicas);
      return this;
    }

    public Builder maxReplicaCount(int replicas) {
      spec.put("maxReplicaCount", replicas);
      return this;
    }

    /** The HPA {@code behavior} KEDA passes to the HPA it creates, as a JSON tree. */
    public Builder hpaBehavior(Map<String, Object> hpaBehavior) {
      this.behavior = hpaBehavior;
      return this;
    }

    /** Adds a trigger; {@code metadata} values are strings, as KEDA's CRD requires. */
    public Builder trigger(
        String type,
        String triggerName,
        String metricType,
        Map<String, String> metadata,
        String authenticationRef) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("type", type);
      if (triggerName != null) {
        t.put("name", triggerName);
      }
      if (metricType != null) {
        t.put("metricType", metricType);
      }
      t.put("metadata", new LinkedHashMap<>(metadata));
      if (authenticationRef != null) {
        t.put("authenticationRef", new LinkedHashMap<>(Map.of("name", authenticationRef)));
      }
      triggers.add(t);
      return this;
    }

    public ScaledObject build() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("scaleTargetRef", scaleTargetRef);
      s.putAll(spec);
      if (behavior != null) {
        Map<String, Object> hpaConfig = new LinkedHashMap<>();
        hpaConfig.put("behavior", behavior);
        Map<String, Object> advanced = new LinkedHashMap<>();
        advanced.put("horizontalPodAutoscalerConfig", hpaConfig);
        s.put("advanced", advanced);
      }
      s.put("triggers", triggers);
      GenericKubernetesResource r = new GenericKubernetesResource();
      r.setApiVersion(API_VERSION);
      r.setKind("ScaledObject");
      r.setMetadata(
          new ObjectMetaBuilder()
              .withName(name)
              .withNamespace(namespace)
              .withLabels(labels.isEmpty() ? null : labels)
              .build());
      r.setAdditionalProperty("spec", s);
      return new ScaledObject(r);
    }
  }
}
