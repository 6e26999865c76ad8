package dev.aiconform.cli.internal;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.Nodes;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample of {@code aiconform demo}, built in code: a namespace with a training Job that fits,
 * one that asks for more GPUs per pod than a node has, and an inference server with its Service;
 * and the cluster they run on, two GPU nodes with four GPUs each, tainted for GPU work.
 *
 * <pre>{@code
 * cluster.apply(DemoBundle.workloads());
 * }</pre>
 */
public final class DemoBundle {
  public static final String NAMESPACE = "ml-demo";
  public static final int GPU_NODES = 2;
  public static final int GPUS_PER_NODE = 4;

  private DemoBundle() {}

  /** The cluster: GPU nodes and a CPU node. */
  public static ManifestBundle cluster() {
    List<HasMetadata> nodes = new ArrayList<>();
    nodes.addAll(
        Nodes.named("gpu-node-%d")
            .count(GPU_NODES)
            .allocatable("nvidia.com/gpu", String.valueOf(GPUS_PER_NODE))
            .label("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
            .taint("nvidia.com/gpu", "present", "NoSchedule")
            .build());
    nodes.addAll(Nodes.named("cpu-node-0").build());
    return ManifestBundle.of(nodes);
  }

  /** The workloads. */
  public static ManifestBundle workloads() {
    return ManifestBundle.of(
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build(),
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("train-config")
            .withNamespace(NAMESPACE)
            .endMetadata()
            .addToData("config.yaml", "model: llama-3-8b\nepochs: 3\nbatch_size: 32\n")
            .build(),
        trainingJob("train", 2, 2),
        trainingJob("train-large", 2, GPUS_PER_NODE * 2),
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("llm-server")
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withNewSpec()
            .withReplicas(2)
            .withNewSelector()
            .addToMatchLabels("app", "llm-server")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "llm-server")
            .endMetadata()
            .withSpec(gpuPod("server", "vllm/vllm-openai:v0.9.0", 1, "Always"))
            .endTemplate()
            .endSpec()
            .build(),
        new ServiceBuilder()
            .withNewMetadata()
            .withName("llm-server")
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withNewSpec()
            .addToSelector("app", "llm-server")
            .addNewPort()
            .withName("http")
            .withPort(8000)
            .withTargetPort(new IntOrString(8000))
            .endPort()
            .endSpec()
            .build());
  }

  private static HasMetadata trainingJob(String name, int pods, int gpusPerPod) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withNewSpec()
        .withCompletionMode("Indexed")
        .withCompletions(pods)
        .withParallelism(pods)
        .withBackoffLimit(0)
        .withNewTemplate()
        .withSpec(gpuPod("trainer", "nvcr.io/nvidia/pytorch:25.01-py3", gpusPerPod, "Never"))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static PodSpec gpuPod(String container, String image, int gpus, String restartPolicy) {
    return new PodSpecBuilder()
        .withRestartPolicy(restartPolicy)
        .addToTolerations(
            new TolerationBuilder()
                .withKey("nvidia.com/gpu")
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build())
        .addToContainers(
            new ContainerBuilder()
                .withName(container)
                .withImage(image)
                .withNewResources()
                .addToRequests("cpu", new Quantity("4"))
                .addToRequests("memory", new Quantity("32Gi"))
                .addToLimits("memory", new Quantity("32Gi"))
                .addToLimits("nvidia.com/gpu", new Quantity(String.valueOf(gpus)))
                .endResources()
                .build())
        .build();
  }
}
