package dev.aiconform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh {@link dev.aiconform.core.cluster.InMemoryCluster} that starts with an
 * inventory ({@link #preset()} × {@link #nodes()}) and the objects of {@link #resources()}, as a
 * parameter ({@code InMemoryCluster} or {@code ClusterClient}) or in a field of type {@code
 * InMemoryCluster}. On a method it overrides the class's.
 *
 * <pre>{@code
 * @Test @WithInMemoryCluster(preset = ClusterPreset.H100, nodes = 2)
 * void fits(InMemoryCluster cluster) { assertThat(cluster.apply(bundle)).isSuccessful(); }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InMemoryClusterExtension.class)
public @interface WithInMemoryCluster {
  /** The inventory the cluster starts with. */
  ClusterPreset preset() default ClusterPreset.EXAMPLE_GPU;

  /** How many nodes of the preset. */
  int nodes() default 1;

  /** The Kubernetes version to simulate, such as {@code "1.36"}; empty: the newest supported. */
  String kubernetesVersion() default "";

  /** Feature gates to set, as {@code Name=true} or {@code Name=false}. */
  String[] featureGates() default {};

  /**
   * Manifests (class-path resources such as {@code /cluster/queues.yaml}) applied after the preset,
   * before the test: queues, priority classes, device classes of your own.
   */
  String[] resources() default {};
}
