package dev.aiconform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gate's state: the version's default unless the user set it, as --feature-gates works. */
class FeatureGateTest {
  private static final FeatureGate BETA_IN_136 =
      FeatureGate.of("DRAConsumableCapacity").enabledSince(TargetVersion.V1_36);

  @Test
  void followsTheVersionsDefaultWhenNotSet() {
    assertThat(BETA_IN_136.isEnabled(TargetVersion.V1_35, Map.of())).isFalse();
    assertThat(BETA_IN_136.isEnabled(TargetVersion.V1_36, Map.of("Other", false))).isTrue();
  }

  @Test
  void aSettingWinsOverTheDefaultEitherWay() {
    assertThat(BETA_IN_136.isEnabled(TargetVersion.V1_35, Map.of("DRAConsumableCapacity", true)))
        .isTrue();
    assertThat(BETA_IN_136.isEnabled(TargetVersion.V1_37, Map.of("DRAConsumableCapacity", false)))
        .isFalse();
  }
}
