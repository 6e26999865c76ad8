package dev.aiconform.gang;

import dev.aiconform.core.fixtures.GuideSnippets;
import org.junit.jupiter.api.Test;

/** docs/gang.md shows the tagged examples of GangGuideTest exactly as they compile. */
class GangGuideSnippetsTest {
  @Test
  void everyExampleOfTheGuideIsTestedCode() {
    GuideSnippets.assertShown(
        "docs/gang.md",
        "sdk-gang/src/test/java/dev/aiconform/gang/GangGuideTest.java",
        "intent",
        "render",
        "detect",
        "validate",
        "simulate",
        "kueue");
  }
}
