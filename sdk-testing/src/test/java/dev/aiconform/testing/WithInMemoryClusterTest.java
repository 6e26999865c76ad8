package dev.aiconform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link WithInMemoryCluster}, run through the JUnit engine on {@link ExtensionSamples}. */
class WithInMemoryClusterTest {
  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  @Test
  void eachTestGetsAFreshClusterInFieldsAndParameters() {
    Events events = run(ExtensionSamples.FreshClusterPerTest.class);

    events.assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void aMethodsAnnotationOverridesItsClasss() {
    run(ExtensionSamples.MethodOverridesClass.class)
        .assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void resourcesAreAppliedAfterThePreset() {
    run(ExtensionSamples.ResourcesAreApplied.class).assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void configurationErrorsSayWhatIsExpected() {
    run(ExtensionSamples.UnsupportedVersion.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.startsWith(
                                "@WithInMemoryCluster kubernetesVersion '1.12' is not supported: expected one of")))));
    run(ExtensionSamples.BadFeatureGate.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        "@WithInMemoryCluster featureGates entry 'DynamicResourceAllocation' must read Name=true or Name=false"))));
    run(ExtensionSamples.MissingResource.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(m -> m.contains("'/nowhere.yaml' is not on the class path")))));
    assertThat(ExtensionSamples.class.getSimpleName()).doesNotEndWith("Test");
  }
}
