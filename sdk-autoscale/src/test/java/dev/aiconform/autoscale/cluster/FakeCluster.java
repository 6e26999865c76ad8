package dev.aiconform.autoscale.cluster;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ClusterExtension;
import dev.aiconform.core.cluster.ClusterSetup;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.GroupReporter;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.SchedulingPlugin;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * A minimal stand-in for the InMemoryCluster, implementing core's cluster SPI: an object store, a
 * virtual clock, services, controllers installed through ClusterExtensions found by ServiceLoader,
 * and a toy Deployment controller whose pods start Running after a delay, or stay Pending beyond
 * the number of GPUs. Replaced by the real cluster once it lands.
 */
final class FakeCluster implements ClusterState {
  private final TargetVersion version;
  private final List<HasMetadata> objects = new ArrayList<>();
  private final Map<Class<?>, Object> services = new HashMap<>();
  private final List<Controller> controllers = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private int gpus = Integer.MAX_VALUE;
  private Duration podStartup = Duration.ZERO;
  private int serial;

  FakeCluster(TargetVersion version) {
    this.version = version;
    ClusterSetup setup =
        new ClusterSetup() {
          @Override
          public TargetVersion targetVersion() {
            return version;
          }

          @Override
          public boolean isEnabled(FeatureGate gate) {
            return gate.enabledByDefault(version);
          }

          @Override
          public void addSchedulingPlugin(SchedulingPlugin plugin) {}

          @Override
          public void addController(Controller controller) {
            controllers.add(controller);
          }

          @Override
          public void addGroupReporter(GroupReporter reporter) {}

          @Override
          public void serve(String groupVersion) {}

          @Override
          public <T> void provide(Class<T> type, T service) {
            services.put(type, service);
          }
        };
    for (ClusterExtension e : ServiceLoader.load(ClusterExtension.class)) {
      e.install(setup);
    }
    controllers.add(new ToyDeploymentController());
  }

  FakeCluster gpus(int gpus) {
    this.gpus = gpus;
    return this;
  }

  FakeCluster podStartup(Duration d) {
    this.podStartup = d;
    return this;
  }

  void apply(HasMetadata... more) {
    objects.addAll(List.of(more));
    settle();
  }

  /** Moves the clock in 15 s steps, running controllers to quiescence at each. */
  void advance(Duration d) {
    Instant end = now.plus(d);
    while (now.isBefore(end)) {
      now = now.plusSeconds(15);
      settle();
    }
  }

  private void settle() {
    for (int round = 0; round < 100; round++) {
      boolean changed = false;
      for (Controller c : controllers) {
        changed |= c.reconcile(this);
      }
      if (!changed) {
        return;
      }
    }
    throw new IllegalStateException("no quiescence");
  }

  List<Pod> pods() {
    return list(Pod.class);
  }

  @Override
  public TargetVersion targetVersion() {
    return version;
  }

  @Override
  public boolean isEnabled(FeatureGate gate) {
    return gate.enabledByDefault(version);
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public <T extends HasMetadata> List<T> list(Class<T> type) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .sorted(Comparator.comparing((T o) -> o.getMetadata().getName()))
        .collect(Collectors.toList());
  }

  @Override
  public List<HasMetadata> list(GroupKind kind) {
    return objects.stream().filter(kind::matches).collect(Collectors.toList());
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    return list(type).stream().filter(o -> same(o, namespace, name)).findFirst();
  }

  @Override
  public Optional<HasMetadata> get(GroupKind kind, String namespace, String name) {
    return list(kind).stream().filter(o -> same(o, namespace, name)).findFirst();
  }

  private static boolean same(HasMetadata o, String namespace, String name) {
    String ns = o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
    return ns.equals(namespace == null ? "" : namespace) && name.equals(o.getMetadata().getName());
  }

  @Override
  public ObjectOutcome create(HasMetadata object) {
    objects.add(object);
    return ObjectOutcome.of(
        dev.aiconform.core.ObjectRef.of(object), ObjectOutcome.Action.CREATED, "");
  }

  @Override
  public void update(HasMetadata object) {}

  @Override
  public boolean delete(GroupKind kind, String namespace, String name) {
    return objects.removeIf(o -> kind.matches(o) && same(o, namespace, name));
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return Optional.ofNullable(type.cast(services.get(type)));
  }

  /** Keeps a Deployment's pods at spec.replicas; pods start after podStartup if a GPU is free. */
  private final class ToyDeploymentController implements Controller {
    @Override
    public String name() {
      return "toy-deployment";
    }

    @Override
    public boolean reconcile(ClusterState state) {
      boolean changed = false;
      for (Deployment d : list(Deployment.class)) {
        List<Pod> mine =
            pods().stream()
                .filter(
                    p ->
                        p.getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()))
                .collect(Collectors.toList());
        int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        while (mine.size() > want) {
          Pod victim =
              mine.stream()
                  .filter(p -> !"Running".equals(p.getStatus().getPhase()))
                  .reduce((a, b) -> b)
                  .orElse(mine.get(mine.size() - 1));
          objects.remove(victim);
          mine.remove(victim);
          changed = true;
        }
        while (mine.size() < want) {
          Pod p =
              new PodBuilder()
                  .withMetadata(
                      new ObjectMetaBuilder()
                          .withName(d.getMetadata().getName() + "-" + serial++)
                          .withNamespace(d.getMetadata().getNamespace())
                          .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
                          .withCreationTimestamp(now.toString())
                          .build())
                  .withSpec(d.getSpec().getTemplate().getSpec())
                  .withNewStatus()
                  .withPhase("Pending")
                  .endStatus()
                  .build();
          objects.add(p);
          mine.add(p);
          changed = true;
        }
        long running =
            mine.stream().filter(p -> "Running".equals(p.getStatus().getPhase())).count();
        for (Pod p : mine) {
          boolean started =
              !Instant.parse(p.getMetadata().getCreationTimestamp()).plus(podStartup).isAfter(now);
          if ("Pending".equals(p.getStatus().getPhase()) && started && running < gpus) {
            p.getStatus().setPhase("Running");
            p.getStatus().setStartTime(now.toString());
            p.getStatus()
                .setConditions(
                    List.of(
                        new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                            .withType("Ready")
                            .withStatus("True")
                            .withLastTransitionTime(now.toString())
                            .build()));
            running++;
            changed = true;
          }
        }
      }
      return changed;
    }
  }
}
