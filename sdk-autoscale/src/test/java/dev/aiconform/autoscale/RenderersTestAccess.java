package dev.aiconform.autoscale;

/** Gives tests in other packages the intent the golden files show. */
public final class RenderersTestAccess {
  private RenderersTestAccess() {}

  public static AcceleratorAutoscaler vllm() {
    return RenderersTest.vllm();
  }
}
