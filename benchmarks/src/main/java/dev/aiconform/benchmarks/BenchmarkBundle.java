package dev.aiconform.benchmarks;

import dev.aiconform.core.ManifestBundle;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A realistic 1,000-object bundle of an ML platform: namespaces, DRA device classes and claim
 * templates, training Jobs (GPU by extended resource or by claim), inference Deployments and
 * StatefulSets with Services, and configuration. Deterministic: the same objects every time.
 *
 * <pre>{@code
 * ManifestBundle bundle = BenchmarkBundle.of(1000);
 * }</pre>
 */
public final class BenchmarkBundle {
  private BenchmarkBundle() {}

  /** {@code size} objects in the mix below (size should be a multiple of 100). */
  public static ManifestBundle of(int size) {
    List<HasMetadata> objects = new ArrayList<>(size);
    int unit = size / 100;
    for (int i = 0; i < unit; i++) {
      objects.add(
          new NamespaceBuilder().withNewMetadata().withName("team-" + i).endMetadata().build());
    }
    for (int i = 0; i < 2 * unit; i++) {
      objects.add(deviceClass(i));
    }
    for (int i = 0; i < 15 * unit; i++) {
      objects.add(claimTemplate(i, unit));
    }
    for (int i = 0; i < 20 * unit; i++) {
      objects.add(job(i, unit));
    }
    for (int i = 0; i < 15 * unit; i++) {
      objects.add(deployment(i, unit));
    }
    for (int i = 0; i < 7 * unit; i++) {
      objects.add(statefulSet(i, unit));
    }
    for (int i = 0; i < 20 * unit; i++) {
      objects.add(service(i, unit));
    }
    for (int i = 0; i < 20 * unit; i++) {
      objects.add(configMap(i, unit));
    }
    return ManifestBundle.of(objects);
  }

  private static String ns(int i, int unit) {
    return "team-" + (i % Math.max(1, unit));
  }

  private static HasMetadata deviceClass(int i) {
    return new DeviceClassBuilder()
        .withNewMetadata()
        .withName("gpu-" + i + ".example.com")
        .endMetadata()
        .withNewSpec()
        .addNewSelector()
        .withNewCel()
        .withExpression(
            "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].productName"
                + " == 'NVIDIA H100 80GB HBM3'")
        .endCel()
        .endSelector()
        .endSpec()
        .build();
  }

  private static HasMetadata claimTemplate(int i, int unit) {
    return new ResourceClaimTemplateBuilder()
        .withNewMetadata()
        .withName("gpus-" + i)
        .withNamespace(ns(i, unit))
        .endMetadata()
        .withNewSpec()
        .withNewSpec()
        .withNewDevices()
        .addNewRequest()
        .withName("gpu")
        .withNewExactly()
        .withDeviceClassName("gpu-" + (i % (2 * Math.max(1, unit))) + ".example.com")
        .withCount((long) (1 + i % 8))
        .addNewSelector()
        .withNewCel()
        .withExpression("device.capacity['gpu.nvidia.com'].memory.compareTo(quantity('40Gi')) >= 0")
        .endCel()
        .endSelector()
        .endExactly()
        .endRequest()
        .endDevices()
        .endSpec()
        .endSpec()
        .build();
  }

  private static PodSpec podSpec(
      String name, int gpus, String claimTemplate, String restartPolicy) {
    PodSpecBuilder spec =
        new PodSpecBuilder()
            .withRestartPolicy(restartPolicy)
            .addToTolerations(
                new io.fabric8.kubernetes.api.model.TolerationBuilder()
                    .withKey("nvidia.com/gpu")
                    .withOperator("Exists")
                    .withEffect("NoSchedule")
                    .build());
    ContainerBuilder c =
        new ContainerBuilder()
            .withName(name)
            .withImage("nvcr.io/nvidia/pytorch:25.01-py3")
            .withCommand(
                "torchrun", "--nproc-per-node", String.valueOf(Math.max(1, gpus)), "train.py")
            .addNewEnv()
            .withName("MODEL")
            .withValue("llama-3-8b")
            .endEnv()
            .withNewResources()
            .addToRequests("cpu", new Quantity("8"))
            .addToRequests("memory", new Quantity("64Gi"))
            .addToLimits("memory", new Quantity("64Gi"))
            .endResources();
    if (claimTemplate != null) {
      spec.addNewResourceClaim()
          .withName("gpus")
          .withResourceClaimTemplateName(claimTemplate)
          .endResourceClaim();
      c.editResources().addNewClaim().withName("gpus").endClaim().endResources();
    } else {
      c.editResources()
          .addToLimits("nvidia.com/gpu", new Quantity(String.valueOf(gpus)))
          .endResources();
    }
    return spec.addToContainers(c.build()).build();
  }

  private static HasMetadata job(int i, int unit) {
    boolean dra = i % 2 == 0;
    return new JobBuilder()
        .withNewMetadata()
        .withName("train-" + i)
        .withNamespace(ns(i, unit))
        .withLabels(Map.of("app.kubernetes.io/name", "train", "team", ns(i, unit)))
        .endMetadata()
        .withNewSpec()
        .withCompletionMode("Indexed")
        .withCompletions(4)
        .withParallelism(4)
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app.kubernetes.io/name", "train"))
        .endMetadata()
        .withSpec(podSpec("trainer", 1 + i % 8, dra ? "gpus-" + (i % (15 * unit)) : null, "Never"))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static HasMetadata deployment(int i, int unit) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("serve-" + i)
        .withNamespace(ns(i, unit))
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", "serve-" + i)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "serve-" + i)
        .endMetadata()
        .withSpec(podSpec("server", 1, null, "Always"))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static HasMetadata statefulSet(int i, int unit) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("cache-" + i)
        .withNamespace(ns(i, unit))
        .endMetadata()
        .withNewSpec()
        .withServiceName("cache-" + i)
        .withReplicas(3)
        .withNewSelector()
        .addToMatchLabels("app", "cache-" + i)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "cache-" + i)
        .endMetadata()
        .withSpec(podSpec("cache", 1, null, "Always"))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static HasMetadata service(int i, int unit) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("serve-" + i)
        .withNamespace(ns(i, unit))
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", "serve-" + i)
        .addNewPort()
        .withName("http")
        .withPort(8000)
        .withTargetPort(new IntOrString(8000))
        .endPort()
        .endSpec()
        .build();
  }

  private static HasMetadata configMap(int i, int unit) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("config-" + i)
        .withNamespace(ns(i, unit))
        .addToAnnotations("example.com/owner", "ml-platform")
        .endMetadata()
        .addToData(
            "config.yaml", "model: llama-3-8b\nbatch_size: " + (8 << (i % 4)) + "\nlr: 3e-4\n")
        .addToData("LOG_LEVEL", "info")
        .build();
  }
}
