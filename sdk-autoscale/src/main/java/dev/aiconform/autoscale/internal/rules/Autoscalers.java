package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.autoscale.Annotations;
import dev.aiconform.autoscale.MetricCatalogue;
import dev.aiconform.autoscale.MetricDefinition;
import dev.aiconform.autoscale.ScaledObject;
import dev.aiconform.autoscale.internal.Tree;
import dev.aiconform.core.Accelerators;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.EmbeddedPodSpec.Holder;
import dev.aiconform.core.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A common view of HPAs and KEDA ScaledObjects for the rules that look past one object: what they
 * scale, the metrics they read, and the scaled workload's pods.
 */
final class Autoscalers {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final List<String> SERVER_MARKERS =
      List.of(
          "vllm",
          "text-generation-inference",
          "tritonserver",
          "sglang",
          "tensorrt-llm",
          "lmdeploy");

  /** Kinds known to have a scale subresource with a pod selector. */
  static final Set<GroupKind> SCALABLE =
      Set.of(
          GroupKind.of("apps", "Deployment"),
          GroupKind.of("apps", "StatefulSet"),
          GroupKind.of("apps", "ReplicaSet"),
          GroupKind.of("", "ReplicationController"),
          GroupKind.of("leaderworkerset.x-k8s.io", "LeaderWorkerSet"),
          GroupKind.of("argoproj.io", "Rollout"));

  /** Built-in workloads whose pods keep running: their templates are read as a target's pods. */
  private static final Set<Holder> LONG_RUNNING =
      EnumSet.of(
          Holder.DEPLOYMENT,
          Holder.REPLICA_SET,
          Holder.DAEMON_SET,
          Holder.STATEFUL_SET,
          Holder.REPLICATION_CONTROLLER);

  /** Kinds known to have no scale subresource. */
  static final Set<GroupKind> NOT_SCALABLE =
      Set.of(
          GroupKind.of("apps", "DaemonSet"),
          GroupKind.of("batch", "Job"),
          GroupKind.of("batch", "CronJob"),
          GroupKind.of("", "Pod"),
          GroupKind.of("", "Service"),
          GroupKind.of("", "ConfigMap"),
          GroupKind.of("jobset.x-k8s.io", "JobSet"),
          GroupKind.of("ray.io", "RayJob"),
          GroupKind.of("kubeflow.org", "PyTorchJob"),
          GroupKind.of("trainer.kubeflow.org", "TrainJob"));

  private Autoscalers() {}

  /** What an autoscaler scales, as written (KEDA's defaults applied). */
  static final class Target {
    final String apiVersion;
    final String kind;
    final String name;
    final String namespace;
    final FieldPath path;

    Target(String apiVersion, String kind, String name, String namespace, FieldPath path) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.name = name;
      this.namespace = namespace;
      this.path = path;
    }

    GroupKind groupKind() {
      return GroupKind.of(GroupKind.groupOf(apiVersion), kind);
    }

    boolean sameAs(Target o) {
      return groupKind().equals(o.groupKind())
          && name.equals(o.name)
          && namespace.equals(o.namespace);
    }

    @Override
    public String toString() {
      return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }

  /** One metric an autoscaler reads, where, and the catalogue entry it resolves to. */
  static final class MetricUse {
    final String name;
    final FieldPath path;
    final Optional<MetricDefinition> known;
    final boolean resource;

    MetricUse(String name, FieldPath path, Optional<MetricDefinition> known, boolean resource) {
      this.name = name;
      this.path = path;
      this.known = known;
      this.resource = resource;
    }
  }

  static boolean isAutoscaler(HasMetadata o) {
    return o instanceof HorizontalPodAutoscaler
        || (o instanceof GenericKubernetesResource && ScaledObject.GROUP_KIND.matches(o));
  }

  static String namespace(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getNamespace() == null
        ? ""
        : o.getMetadata().getNamespace();
  }

  static boolean declaredExternal(HasMetadata o) {
    Map<String, String> a = o.getMetadata() == null ? null : o.getMetadata().getAnnotations();
    return a != null && "true".equalsIgnoreCase(a.get(Annotations.EXTERNAL_TARGET));
  }

  static Optional<Target> target(HasMetadata o) {
    if (o instanceof HorizontalPodAutoscaler) {
      CrossVersionObjectReference r = Hpa.spec((HorizontalPodAutoscaler) o).getScaleTargetRef();
      if (r == null || r.getName() == null || r.getKind() == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Target(
              Objects.toString(r.getApiVersion(), ""),
              r.getKind(),
              r.getName(),
              namespace(o),
              FieldPath.of("spec", "scaleTargetRef")));
    }
    if (o instanceof GenericKubernetesResource && ScaledObject.GROUP_KIND.matches(o)) {
      ScaledObject so = ScaledObject.of((GenericKubernetesResource) o);
      return so.scaleTargetName()
          .map(
              n ->
                  new Target(
                      so.scaleTargetApiVersion(),
                      so.scaleTargetKind(),
                      n,
                      namespace(o),
                      FieldPath.of("spec", "scaleTargetRef")));
    }
    return Optional.empty();
  }

  static List<MetricUse> metrics(HasMetadata o) {
    List<MetricUse> out = new ArrayList<>();
    if (o instanceof HorizontalPodAutoscaler) {
      List<MetricSpec> metrics = Hpa.metrics((HorizontalPodAutoscaler) o);
      for (int i = 0; i < metrics.size(); i++) {
        MetricSpec m = metrics.get(i);
        FieldPath p = Hpa.metricPath(i);
        Optional<String> source = Hpa.identifierSource(m);
        if (source.isPresent()) {
          String name = Hpa.identifier(m).map(id -> Objects.toString(id.getName(), "")).orElse("");
          if (!name.isEmpty()) {
            out.add(
                new MetricUse(
                    name,
                    p.child(source.get(), "metric", "name"),
                    MetricCatalogue.find(name),
                    false));
          }
        } else if (m.getResource() != null || m.getContainerResource() != null) {
          out.add(new MetricUse("resource", p, Optional.empty(), true));
        }
      }
    } else if (o instanceof GenericKubernetesResource) {
      List<Object> triggers =
          Tree.list(Tree.at(Tree.root((GenericKubernetesResource) o), "spec", "triggers"));
      for (int i = 0; i < triggers.size(); i++) {
        Map<String, Object> t = Tree.map(triggers.get(i));
        String type = Tree.string(t.get("type")).orElse("");
        FieldPath p = FieldPath.of("spec", "triggers").index(i);
        if (type.equals("cpu") || type.equals("memory")) {
          out.add(new MetricUse(type, p, Optional.empty(), true));
        } else if (type.equals("prometheus")) {
          String query = Tree.string(Tree.at(t, "metadata", "query")).orElse("");
          for (String series : seriesIn(query)) {
            out.add(
                new MetricUse(
                    series, p.child("metadata", "query"), MetricCatalogue.find(series), false));
          }
        }
      }
    }
    return out;
  }

  /** The catalogue series a PromQL query reads. */
  static Set<String> seriesIn(String query) {
    Set<String> out = new LinkedHashSet<>();
    String q = query.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    Matcher m = IDENTIFIER.matcher(q);
    while (m.find()) {
      String id = m.group();
      if (MetricCatalogue.find(id).isPresent()) {
        out.add(id);
      } else if (id.endsWith("_bucket") || id.endsWith("_sum") || id.endsWith("_count")) {
        String base = id.substring(0, id.lastIndexOf('_'));
        if (MetricCatalogue.find(base).isPresent()) {
          out.add(base);
        }
      }
    }
    return out;
  }

  static Optional<Manifest> find(ManifestBundle bundle, Target t) {
    return bundle.find(t.groupKind(), t.namespace, t.name);
  }

  /**
   * The pod template of a scale target: that of a workload that keeps its pods running, or of a
   * custom resource with a scale subresource (a LeaderWorkerSet's leader template first), as core's
   * {@link EmbeddedPodSpec#all} finds them; for another custom resource, its {@code spec.template},
   * the convention of scalable custom resources (Argo Rollout, OpenKruise CloneSet).
   */
  static Optional<PodTemplateSpec> podTemplate(HasMetadata w) {
    boolean scalable = !NOT_SCALABLE.contains(GroupKind.of(w));
    Optional<PodTemplateSpec> known =
        EmbeddedPodSpec.all(w).stream()
            .filter(
                p ->
                    LONG_RUNNING.contains(p.holder())
                        || (p.holder() == Holder.CUSTOM_RESOURCE && scalable))
            .findFirst()
            .map(p -> new PodTemplateSpec(p.templateMetadata().orElse(null), p.spec()));
    if (known.isPresent() || !(w instanceof GenericKubernetesResource)) {
      return known;
    }
    Object template =
        Tree.map(Tree.root((GenericKubernetesResource) w).get("spec")).get("template");
    if (!(template instanceof Map)) {
      return Optional.empty();
    }
    try {
      return Optional.of(KubeSerialization.get().convertValue(template, PodTemplateSpec.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static Stream<Container> containers(PodSpec spec) {
    return Stream.concat(
        spec.getContainers() == null ? Stream.empty() : spec.getContainers().stream(),
        spec.getInitContainers() == null ? Stream.empty() : spec.getInitContainers().stream());
  }

  static Set<String> resourceNames(PodSpec spec) {
    Set<String> names = new LinkedHashSet<>();
    containers(spec)
        .filter(c -> c.getResources() != null)
        .forEach(
            c -> {
              if (c.getResources().getRequests() != null)
                names.addAll(c.getResources().getRequests().keySet());
              if (c.getResources().getLimits() != null)
                names.addAll(c.getResources().getLimits().keySet());
            });
    return names;
  }

  /**
   * Whether the pods ask for accelerators as core's {@link Accelerators} tells them (an extended
   * resource of a known vendor, or DRA claims), or for any resource named like a GPU.
   */
  static boolean requestsAccelerators(PodSpec spec) {
    return Accelerators.requestsAccelerator(spec)
        || resourceNames(spec).stream().anyMatch(r -> r.contains("gpu"));
  }

  /** Whether the pods ask for NVIDIA MIG slices (extended resources {@code nvidia.com/mig-*}). */
  static boolean requestsMig(PodSpec spec) {
    return resourceNames(spec).stream().anyMatch(r -> r.startsWith("nvidia.com/mig-"));
  }

  /** Whether a container runs an inference server known to pre-allocate accelerator memory. */
  static boolean runsInferenceServer(PodSpec spec) {
    return containers(spec)
        .anyMatch(
            c -> {
              String text =
                  (Objects.toString(c.getImage(), "")
                          + " "
                          + (c.getCommand() == null ? "" : String.join(" ", c.getCommand()))
                          + " "
                          + (c.getArgs() == null ? "" : String.join(" ", c.getArgs())))
                      .toLowerCase(Locale.ROOT);
              return SERVER_MARKERS.stream().anyMatch(text::contains);
            });
  }
}
