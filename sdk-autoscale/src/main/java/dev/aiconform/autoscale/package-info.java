/**
 * Autoscaling AI workloads on accelerator and inference metrics: one {@link
 * dev.aiconform.autoscale.AcceleratorAutoscaler} intent rendered as an {@code autoscaling/v2}
 * HorizontalPodAutoscaler with the prometheus-adapter rules that make its metrics exist, or as a
 * KEDA ScaledObject; a typed metric catalogue (DCGM, AMD, Intel, Google Cloud, vLLM, TGI, Triton,
 * custom PromQL); and an HPA replica calculator that follows the Kubernetes controller, usable on
 * its own ({@link dev.aiconform.autoscale.HpaSimulation}) and as the in-memory cluster's HPA
 * controller.
 *
 * <pre>{@code
 * AcceleratorAutoscaler vllm = AcceleratorAutoscaler.forDeployment("vllm").namespace("ml")
 *     .maxReplicas(8).metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5)).build();
 * ManifestBundle bundle = vllm.renderHpa().plus(vllm.renderPrometheusAdapterRules());
 * }</pre>
 */
package dev.aiconform.autoscale;
