package dev.aiconform.autoscale;

import java.time.Duration;

/**
 * Scaling behaviours for common AI workloads.
 *
 * <ul>
 *   <li>{@link #INFERENCE}: replicas are expensive to start (model load) and users wait, so scale
 *       up at once and fast, down one pod every two minutes after ten quiet minutes;
 *   <li>{@link #BATCH}: throughput work that tolerates a queue: ignore one-minute spikes, add two
 *       pods a minute, release half the surplus a minute after five quiet minutes;
 *   <li>{@link #KUBERNETES_DEFAULT}: the API server's defaults, written out;
 *   <li>{@link #SCALE_UP_ONLY}: defaults up, never down (drain by hand).
 * </ul>
 *
 * <pre>{@code
 * AcceleratorAutoscaler.forDeployment("vllm").behaviour(BehaviourPreset.INFERENCE)
 * }</pre>
 */
public enum BehaviourPreset {
  INFERENCE(
      ScalingBehaviour.builder()
          .scaleUp(
              ScalingRules.builder()
                  .stabilizationWindow(Duration.ZERO)
                  .selectPolicy(SelectPolicy.MAX)
                  .addPolicy(ScalingPolicy.percent(100, Duration.ofSeconds(15)))
                  .addPolicy(ScalingPolicy.pods(4, Duration.ofSeconds(15)))
                  .build())
          .scaleDown(
              ScalingRules.builder()
                  .stabilizationWindow(Duration.ofMinutes(10))
                  .selectPolicy(SelectPolicy.MIN)
                  .addPolicy(ScalingPolicy.pods(1, Duration.ofMinutes(2)))
                  .addPolicy(ScalingPolicy.percent(10, Duration.ofMinutes(2)))
                  .build())
          .build()),
  BATCH(
      ScalingBehaviour.builder()
          .scaleUp(
              ScalingRules.builder()
                  .stabilizationWindow(Duration.ofMinutes(1))
                  .selectPolicy(SelectPolicy.MAX)
                  .addPolicy(ScalingPolicy.pods(2, Duration.ofMinutes(1)))
                  .build())
          .scaleDown(
              ScalingRules.builder()
                  .stabilizationWindow(Duration.ofMinutes(5))
                  .selectPolicy(SelectPolicy.MAX)
                  .addPolicy(ScalingPolicy.percent(50, Duration.ofMinutes(1)))
                  .build())
          .build()),
  KUBERNETES_DEFAULT(
      ScalingBehaviour.builder()
          .scaleUp(kubernetesDefaultScaleUp())
          .scaleDown(
              ScalingRules.builder()
                  .stabilizationWindow(Duration.ofMinutes(5))
                  .selectPolicy(SelectPolicy.MAX)
                  .addPolicy(ScalingPolicy.percent(100, Duration.ofSeconds(15)))
                  .build())
          .build()),
  SCALE_UP_ONLY(
      ScalingBehaviour.builder()
          .scaleUp(kubernetesDefaultScaleUp())
          .scaleDown(ScalingRules.disabled())
          .build());

  private final ScalingBehaviour behaviour;

  /** The API server's scale-up defaults: no window, Max of 4 pods and 100 % per 15 s. */
  private static ScalingRules kubernetesDefaultScaleUp() {
    return ScalingRules.builder()
        .stabilizationWindow(Duration.ZERO)
        .selectPolicy(SelectPolicy.MAX)
        .addPolicy(ScalingPolicy.pods(4, Duration.ofSeconds(15)))
        .addPolicy(ScalingPolicy.percent(100, Duration.ofSeconds(15)))
        .build();
  }

  BehaviourPreset(ScalingBehaviour behaviour) {
    this.behaviour = behaviour;
  }

  public ScalingBehaviour behaviour() {
    return behaviour;
  }
}
