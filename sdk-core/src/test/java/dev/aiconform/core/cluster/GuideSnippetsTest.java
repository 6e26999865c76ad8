package dev.aiconform.core.cluster;

import dev.aiconform.core.fixtures.GuideSnippets;
import org.junit.jupiter.api.Test;

/** docs/core-cluster.md shows the tagged examples of ClusterGuideTest, exactly as they compile. */
class GuideSnippetsTest {
  @Test
  void everyExampleOfTheGuideIsTestedCode() {
    GuideSnippets.assertShown(
        "docs/core-cluster.md",
        "sdk-core/src/test/java/dev/aiconform/core/cluster/ClusterGuideTest.java",
        "tour",
        "nodes",
        "rejection",
        "scaling",
        "plugin",
        "gang",
        "clock");
  }
}
