package dev.aiconform.gang;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import java.time.Duration;
import java.util.Map;

/** Gangs shared by the tests: the training gang of the guide, and small building blocks. */
public final class GangFixtures {
  private GangFixtures() {}

  /**
   * The {@code spec} of the bundle's first object of {@code kind}, a kind without a fabric8 model
   * (so a map, and changes to it change the bundle's object).
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> specOf(ManifestBundle bundle, GroupKind kind) {
    GenericKubernetesResource object =
        (GenericKubernetesResource) bundle.manifestsOf(kind).get(0).object();
    return (Map<String, Object>) object.getAdditionalProperties().get("spec");
  }

  /** A container asking for {@code cpu} cores and {@code gpus} whole GPUs (extended resource). */
  public static PodTemplateSpec template(String image, String cpu, int gpus) {
    PodTemplateSpecBuilder b =
        new PodTemplateSpecBuilder()
            .withNewSpec()
            .addNewContainer()
            .withName("main")
            .withImage(image)
            .withNewResources()
            .addToRequests("cpu", new Quantity(cpu))
            .addToRequests("memory", new Quantity("4Gi"))
            .endResources()
            .endContainer()
            .endSpec();
    PodTemplateSpec t = b.build();
    if (gpus > 0) {
      t.getSpec()
          .getContainers()
          .get(0)
          .getResources()
          .getLimits()
          .put("nvidia.com/gpu", new Quantity(Integer.toString(gpus)));
      t.getSpec()
          .getContainers()
          .get(0)
          .getResources()
          .getRequests()
          .put("nvidia.com/gpu", new Quantity(Integer.toString(gpus)));
    }
    return t;
  }

  /** A container asking for {@code millicores} of CPU, 1Gi of memory and {@code gpus} GPUs. */
  public static PodTemplateSpec templateMillis(String image, int millicores, int gpus) {
    PodTemplateSpec t = template(image, millicores + "m", gpus);
    t.getSpec()
        .getContainers()
        .get(0)
        .getResources()
        .getRequests()
        .put("memory", new Quantity("1Gi"));
    return t;
  }

  /** A claim template for {@code count} devices of class {@code gpu.nvidia.com}. */
  public static ResourceClaimTemplate gpuClaims(String name, long count) {
    return new ResourceClaimTemplateBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewSpec()
        .withNewDevices()
        .addNewRequest()
        .withName("gpus")
        .withNewExactly()
        .withDeviceClassName("gpu.nvidia.com")
        .withCount(count)
        .endExactly()
        .endRequest()
        .endDevices()
        .endSpec()
        .endSpec()
        .build();
  }

  /** The guide's gang: 1 launcher and 4 workers with 8 GPUs each, all needed, in one rack. */
  public static GangGroup.Builder train() {
    return GangGroup.named("train")
        .namespace("ml")
        .role("launcher", 1, template("ghcr.io/example/launcher:1.0", "2", 0))
        .role("worker", 4, 4, template("ghcr.io/example/trainer:1.0", "16", 8))
        .queue("team-a")
        .priorityClassName("training")
        .scheduleTimeout(Duration.ofMinutes(5))
        .topology(TopologyHint.required("topology.kubernetes.io/rack"));
  }
}
