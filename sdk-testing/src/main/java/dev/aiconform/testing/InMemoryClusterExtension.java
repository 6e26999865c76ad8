package dev.aiconform.testing;

import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.ClusterClient;
import dev.aiconform.core.cluster.InMemoryCluster;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WithInMemoryCluster}: before each test it builds a fresh
 * cluster as the nearest annotation says (method, then class, then enclosing classes), injects it
 * into {@code InMemoryCluster} fields and resolves {@code InMemoryCluster}/{@code ClusterClient}
 * parameters to it.
 *
 * <pre>{@code
 * @ExtendWith(InMemoryClusterExtension.class) // what @WithInMemoryCluster does for you
 * class MyTest { InMemoryCluster cluster; }
 * }</pre>
 */
public final class InMemoryClusterExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(InMemoryClusterExtension.class);
  private static final String KEY = "cluster";

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    InMemoryCluster cluster = cluster(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> c = instance.getClass();
          c != null && c != Object.class;
          c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.getType() == InMemoryCluster.class
              && !Modifier.isStatic(f.getModifiers())
              && !Modifier.isFinal(f.getModifiers())) {
            f.setAccessible(true);
            f.set(instance, cluster);
          }
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == InMemoryCluster.class || type == ClusterClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  /** The cluster of the current test, built on first use. */
  private static InMemoryCluster cluster(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(KEY, k -> build(context), InMemoryCluster.class);
  }

  private static InMemoryCluster build(ExtensionContext context) {
    WithInMemoryCluster config = configuration(context);
    if (config.nodes() < 0) {
      throw new ExtensionConfigurationException(
          "@WithInMemoryCluster nodes must not be negative, was " + config.nodes());
    }
    InMemoryCluster.Builder b =
        InMemoryCluster.builder().objects(config.preset().objects(config.nodes()));
    if (!config.kubernetesVersion().isEmpty()) {
      b.targetVersion(
          TargetVersion.find(config.kubernetesVersion())
              .orElseThrow(
                  () ->
                      new ExtensionConfigurationException(
                          "@WithInMemoryCluster kubernetesVersion '"
                              + config.kubernetesVersion()
                              + "' is not supported: expected one of "
                              + TargetVersion.supportedLabels())));
    }
    for (String gate : config.featureGates()) {
      int eq = gate.indexOf('=');
      String value = eq < 0 ? "" : gate.substring(eq + 1).trim();
      if (eq <= 0 || !(value.equals("true") || value.equals("false"))) {
        throw new ExtensionConfigurationException(
            "@WithInMemoryCluster featureGates entry '"
                + gate
                + "' must read Name=true or Name=false");
      }
      b.featureGate(gate.substring(0, eq).trim(), Boolean.parseBoolean(value));
    }
    InMemoryCluster cluster = b.build();
    if (!cluster.initialApply().isSuccess()) {
      throw new ExtensionConfigurationException(
          "@WithInMemoryCluster preset "
              + config.preset()
              + " did not apply: "
              + cluster.initialApply().failures());
    }
    Class<?> testClass = context.getRequiredTestClass();
    for (String resource : config.resources()) {
      ReadResult read;
      try (InputStream in = testClass.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ExtensionConfigurationException(
              "@WithInMemoryCluster resource '"
                  + resource
                  + "' is not on the class path (relative to "
                  + testClass.getPackageName()
                  + " unless it starts with /)");
        }
        read = ManifestReader.defaults().read(in, resource);
      } catch (IOException e) {
        throw new ExtensionConfigurationException(
            "cannot read " + resource + ": " + e.getMessage(), e);
      }
      if (read.hasErrors()) {
        throw new ExtensionConfigurationException(
            "@WithInMemoryCluster resource "
                + resource
                + " is not readable: "
                + read.diagnostics());
      }
      ApplyResult applied = cluster.apply(read.bundle());
      if (!applied.isSuccess()) {
        throw new ExtensionConfigurationException(
            "@WithInMemoryCluster resource " + resource + " did not apply: " + applied.failures());
      }
    }
    return cluster;
  }

  private static WithInMemoryCluster configuration(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      Optional<WithInMemoryCluster> onElement =
          c.get()
              .getElement()
              .flatMap(e -> AnnotationSupport.findAnnotation(e, WithInMemoryCluster.class));
      if (onElement.isPresent()) {
        return onElement.get();
      }
    }
    return Defaults.class.getAnnotation(WithInMemoryCluster.class);
  }

  /** Carries the annotation's defaults for tests that register the extension without it. */
  @WithInMemoryCluster
  private static final class Defaults {}
}
