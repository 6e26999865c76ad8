package dev.aiconform.examples;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.BehaviourPreset;
import dev.aiconform.autoscale.Dcgm;
import dev.aiconform.autoscale.HpaSimulation;
import dev.aiconform.autoscale.Load;
import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.autoscale.Scrape;
import dev.aiconform.autoscale.Signal;
import dev.aiconform.autoscale.Vllm;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.NvidiaMig;
import dev.aiconform.dra.PodClaims;
import dev.aiconform.dra.StandardAttributes;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * LLM inference with vLLM: a Deployment whose pods ask for one H100, else two A100s on one PCIe
 * root, else a 3g.40gb MIG slice ({@code firstAvailable}), autoscaled on its request queue and on
 * GPU engine activity — as an HPA with the prometheus-adapter rules that serve its metrics, or as a
 * KEDA ScaledObject — with a ServiceMonitor that scrapes vLLM's metrics.
 *
 * <pre>{@code
 * ManifestBundle hpa = LlmInference.withHpa();   // … HPA, adapter rules, ServiceMonitor
 * ManifestBundle keda = LlmInference.withKeda(); // … ScaledObject, ServiceMonitor
 * }</pre>
 */
public final class LlmInference {
  public static final String NAMESPACE = "inference";
  public static final String NAME = "vllm";

  /** Findings kept on purpose when validated for Kubernetes 1.37, by rule id, with the reason. */
  public static final Map<String, String> INTENTIONAL_FINDINGS = Map.of();

  private LlmInference() {}

  /** Prints the HPA variant, or the KEDA one with the argument {@code keda}. */
  public static void main(String[] args) {
    boolean keda = args.length > 0 && args[0].equals("keda");
    System.out.print(ManifestWriter.yaml().write(keda ? withKeda() : withHpa()));
  }

  // tag::claim[]
  /** One H100, else two A100s on one PCIe root, else a 3g.40gb MIG slice: the first that fits. */
  public static DeviceClaim acceleratorClaim() {
    return DeviceClaim.template("vllm-gpu")
        .namespace(NAMESPACE)
        .request(
            "gpu",
            r ->
                r.firstAvailable(
                        "h100",
                        h100 ->
                            h100.deviceClass(NvidiaGpu.DEVICE_CLASS)
                                .count(1)
                                .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
                    .firstAvailable(
                        "a100-pair",
                        a100 ->
                            a100.deviceClass(NvidiaGpu.DEVICE_CLASS)
                                .count(2)
                                .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA A100")))
                    .firstAvailable(
                        "mig-3g40gb",
                        mig ->
                            mig.deviceClass(NvidiaMig.DEVICE_CLASS)
                                .count(1)
                                .where(NvidiaMig.PROFILE.is("3g.40gb"))))
        .matchAttribute(StandardAttributes.PCIE_ROOT, "gpu/a100-pair")
        .build();
  }

  // end::claim[]

  // tag::autoscaler[]
  /** Scale on vLLM's queue and on GPU engine activity (reported per MIG slice too). */
  public static AcceleratorAutoscaler autoscaler() {
    return AcceleratorAutoscaler.forDeployment(NAME)
        .namespace(NAMESPACE)
        .minReplicas(1)
        .maxReplicas(8)
        .metric(Vllm.NUM_REQUESTS_WAITING.averageValue(5).withActivationThreshold(1))
        .metric(Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7))
        .behaviour(BehaviourPreset.INFERENCE)
        .scrape(
            Scrape.serviceMonitor("http")
                .putMatchLabel("app", NAME)
                .putMonitorLabel("release", "kube-prometheus-stack")
                .build())
        .build();
  }

  // end::autoscaler[]

  // tag::render[]
  /** Server, Service, HPA, prometheus-adapter rules and the ServiceMonitor. */
  public static ManifestBundle withHpa() {
    AcceleratorAutoscaler scaling = autoscaler();
    return server()
        .plus(scaling.renderHpa())
        .plus(scaling.renderPrometheusAdapterRules())
        .plus(scaling.renderServiceMonitor());
  }

  /** Server, Service, a KEDA ScaledObject (querying Prometheus itself) and the ServiceMonitor. */
  public static ManifestBundle withKeda() {
    AcceleratorAutoscaler scaling = autoscaler();
    return server().plus(scaling.renderKeda()).plus(scaling.renderServiceMonitor());
  }

  // end::render[]

  // tag::rush-hour[]
  /** Requests waiting at vLLM: up to 60 over 5 minutes, held until minute 15, then 3. */
  public static final Load RUSH_HOUR =
      Load.ramp(0, 60, Duration.ofMinutes(5)).then(Duration.ofMinutes(15), Load.constant(3));

  /** GPU engine activity of each ready pod: 20 % rising to 90 % with the rush, then 20 %. */
  public static final Load ENGINE_ACTIVITY =
      Load.ramp(0.2, 0.9, Duration.ofMinutes(5)).then(Duration.ofMinutes(15), Load.constant(0.2));

  /** How long a new vLLM pod takes to become ready: scheduling, image pull, model load. */
  public static final Duration POD_STARTUP = Duration.ofSeconds(90);

  /** The HPA of {@link #autoscaler()} through the rush hour, sync by sync, for 45 minutes. */
  public static ReplicaTimeline rushHour() {
    // tag::rush-hour-run[]
    return HpaSimulation.of(autoscaler())
        .podStartup(POD_STARTUP)
        .signal(Vllm.NUM_REQUESTS_WAITING, Signal.sharedAcrossPods(RUSH_HOUR))
        .signal(Dcgm.GR_ENGINE_ACTIVE, Signal.perPod(ENGINE_ACTIVITY))
        .run(Duration.ofMinutes(45));
    // end::rush-hour-run[]
  }

  // end::rush-hour[]

  /** Namespace, claim template, Deployment and Service. */
  public static ManifestBundle server() {
    DeviceClaim gpu = acceleratorClaim();
    return ManifestBundle.of(
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build(),
        gpu.toResourceClaimTemplate(),
        deployment(gpu),
        service());
  }

  // tag::deployment[]
  static Deployment deployment(DeviceClaim gpu) {
    PodSpec spec =
        new PodSpecBuilder()
            .addNewContainer()
            .withName("vllm")
            .withImage("vllm/vllm-openai:v0.9.2")
            .withArgs("--model", "meta-llama/Llama-3.1-8B-Instruct", "--port", "8000")
            .addNewPort()
            .withName("http")
            .withContainerPort(8000)
            .endPort()
            .withNewReadinessProbe()
            .withNewHttpGet()
            .withPath("/health")
            .withPort(new IntOrString("http"))
            .endHttpGet()
            .endReadinessProbe()
            .withNewResources()
            .addToRequests("cpu", new Quantity("8"))
            .addToRequests("memory", new Quantity("64Gi"))
            .addToLimits("memory", new Quantity("64Gi"))
            .endResources()
            .endContainer()
            .build();
    PodClaims.useTemplateInFirstContainer(spec, gpu); // the pod's own devices, from the template
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(NAMESPACE)
        .addToLabels("app", NAME)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", NAME)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", NAME)
        .endMetadata()
        .withSpec(spec)
        .endTemplate()
        .endSpec()
        .build();
  }

  // end::deployment[]

  static Service service() {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(NAMESPACE)
        .addToLabels("app", NAME)
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", NAME)
        .addNewPort()
        .withName("http")
        .withPort(8000)
        .withTargetPort(new IntOrString("http"))
        .endPort()
        .endSpec()
        .build();
  }
}
