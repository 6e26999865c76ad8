package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ClusterSetup;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.GroupReporter;
import dev.aiconform.core.cluster.MutatingAdmission;
import dev.aiconform.core.cluster.SchedulingPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects what {@link dev.aiconform.core.cluster.ClusterExtension}s add while a cluster is built.
 */
final class ExtensionSetup implements ClusterSetup {
  private final TargetVersion version;
  private final Map<String, Boolean> gates;
  final List<SchedulingPlugin> plugins = new ArrayList<>();
  final List<Controller> controllers = new ArrayList<>();
  final List<GroupReporter> reporters = new ArrayList<>();
  final List<MutatingAdmission> admissions = new ArrayList<>();
  final Set<String> groupVersions = new TreeSet<>();
  final Map<Class<?>, Object> services = new LinkedHashMap<>();

  ExtensionSetup(TargetVersion version, Map<String, Boolean> gates) {
    this.version = version;
    this.gates = gates;
  }

  @Override
  public TargetVersion targetVersion() {
    return version;
  }

  @Override
  public boolean isEnabled(FeatureGate gate) {
    return gates.getOrDefault(gate.name(), gate.enabledByDefault(version));
  }

  @Override
  public void addSchedulingPlugin(SchedulingPlugin plugin) {
    plugins.add(Objects.requireNonNull(plugin, "plugin"));
  }

  @Override
  public void addController(Controller controller) {
    controllers.add(Objects.requireNonNull(controller, "controller"));
  }

  @Override
  public void addGroupReporter(GroupReporter reporter) {
    reporters.add(Objects.requireNonNull(reporter, "reporter"));
  }

  @Override
  public void addMutatingAdmission(MutatingAdmission admission) {
    admissions.add(Objects.requireNonNull(admission, "admission"));
  }

  @Override
  public void serve(String groupVersion) {
    if (groupVersion == null || groupVersion.isBlank()) {
      throw new IllegalArgumentException(
          "a served group-version looks like 'kueue.x-k8s.io/v1beta2', was '" + groupVersion + "'");
    }
    groupVersions.add(groupVersion);
  }

  @Override
  public <T> void provide(Class<T> type, T service) {
    Objects.requireNonNull(type, "type");
    if (!type.isInstance(service)) {
      throw new IllegalArgumentException(
          "service for " + type.getName() + " must be an instance of it, was " + service);
    }
    if (services.putIfAbsent(type, service) != null) {
      throw new IllegalStateException(
          "a service for " + type.getName() + " was already provided by another extension");
    }
  }
}
