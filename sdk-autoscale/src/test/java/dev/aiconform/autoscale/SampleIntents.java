package dev.aiconform.autoscale;

/** Intents the tests of several packages share. */
public final class SampleIntents {
  private SampleIntents() {}

  /**
   * The vLLM Deployment in namespace ml, up to 8 replicas, on its request queue (5 waiting per pod)
   * and GPU engine activity (70 %), with the inference behaviour; tests add what they need.
   */
  public static AcceleratorAutoscaler.Builder vllmOnQueueAndEngine() {
    return AcceleratorAutoscaler.forDeployment("vllm")
        .namespace("ml")
        .maxReplicas(8)
        .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5))
        .metric(Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7))
        .behaviour(BehaviourPreset.INFERENCE);
  }
}
