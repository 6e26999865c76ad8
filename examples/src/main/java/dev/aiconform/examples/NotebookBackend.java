package dev.aiconform.examples;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.Inventories;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.gang.GangBackend;
import dev.aiconform.gang.GangGroup;
import dev.aiconform.gang.GangRole;
import dev.aiconform.gang.WorkloadShape;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The backend of a notebook's "run this on GPUs" button: a user's request ("2 GPUs with at least 40
 * GiB, 3 replicas, my team's queue") becomes YAML documents that were validated for Kubernetes 1.37
 * against the cluster's device inventory — or, when the request cannot run, the diagnostics that
 * say why.
 *
 * <pre>{@code
 * NotebookBackend backend = new NotebookBackend(Inventories.a100Nodes(4));
 * NotebookBackend.Answer a = backend.submit(new GpuRequest("sweep", "team-a", "ghcr.io/team-a/sweep:1", 2, "40Gi", 3, "team-a"));
 * }</pre>
 */
public final class NotebookBackend {
  /**
   * What the user asked for: {@code replicas} pods of {@code image}, each with {@code gpus} GPUs of
   * at least {@code minGpuMemory}, admitted together through the Kueue LocalQueue {@code queue}.
   */
  public record GpuRequest(
      String name,
      String namespace,
      String image,
      int gpus,
      String minGpuMemory,
      int replicas,
      String queue) {}

  /** YAML documents ready to apply, or the problems that stop the request (never both). */
  public record Answer(List<String> yaml, List<String> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  private final ManifestBundle inventory;
  private final Validator validator = Validator.forVersion(TargetVersion.V1_37);

  /** A backend for a cluster with this inventory (Nodes, ResourceSlices, DeviceClasses). */
  public NotebookBackend(List<? extends HasMetadata> inventory) {
    this.inventory = ManifestBundle.of(inventory);
  }

  /**
   * Submits {@code sweep}: 3 replicas × 2 GPUs with at least {@code 40Gi} (or the memory given as
   * the first argument) to a cluster of 4 nodes × 8 A100 40GB, and prints the answer.
   */
  public static void main(String[] args) {
    String memory = args.length > 0 ? args[0] : "40Gi";
    NotebookBackend backend = new NotebookBackend(Inventories.a100Nodes(4));
    Answer answer =
        backend.submit(
            new GpuRequest("sweep", "team-a", "ghcr.io/team-a/sweep:1.4", 2, memory, 3, "team-a"));
    if (answer.accepted()) {
      System.out.print(String.join("---\n", answer.yaml()));
    } else {
      answer.problems().forEach(System.out::println);
    }
  }

  // tag::submit[]
  public Answer submit(GpuRequest request) {
    ManifestBundle job;
    try {
      job = render(request);
    } catch (IllegalArgumentException e) { // GangRenderException too: what the user can fix
      return new Answer(List.of(), List.of("the request cannot be built: " + e.getMessage()));
    }
    // tag::validate[]
    // The inventory rides along so that rules can tell whether any node could hold the claim.
    ValidationReport report = validator.validate(job.plus(inventory));
    Set<ObjectRef> ours = job.stream().map(m -> m.ref()).collect(Collectors.toSet());
    List<String> problems =
        report.diagnostics().stream()
            .filter(d -> d.severity() != Severity.INFO)
            .filter(d -> d.object().map(ours::contains).orElse(true))
            .map(Diagnostic::toString)
            .toList();
    // end::validate[]
    if (!problems.isEmpty()) {
      return new Answer(List.of(), problems);
    }
    return new Answer(job.objects().stream().map(ManifestWriter.yaml()::write).toList(), List.of());
  }

  /** A ResourceClaimTemplate and an Indexed Job that Kueue admits as one gang. */
  static ManifestBundle render(GpuRequest request) {
    // count: 0 is valid Kubernetes (the API server defaults it to 1): refuse it before it is.
    if (request.gpus() < 1 || request.replicas() < 1) {
      throw new IllegalArgumentException(
          "gpus and replicas must be at least 1, were "
              + request.gpus()
              + " and "
              + request.replicas());
    }
    DeviceClaim gpus =
        DeviceClaim.template(request.name() + "-gpus")
            .namespace(request.namespace())
            .request(
                "gpus",
                r ->
                    r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                        .count(request.gpus())
                        .where(NvidiaGpu.MEMORY.atLeast(request.minGpuMemory())))
            .build();
    GangRole workers =
        GangRole.builder()
            .name("worker")
            .replicas(request.replicas())
            .template(podTemplate(request.image()))
            .addClaimTemplates(gpus.toResourceClaimTemplate())
            .build();
    return GangGroup.named(request.name())
        .namespace(request.namespace())
        .role(workers)
        .shape(WorkloadShape.INDEXED_JOB)
        .queue(request.queue())
        .build()
        .render(GangBackend.KUEUE, TargetVersion.V1_37);
  }

  // end::submit[]

  private static PodTemplateSpec podTemplate(String image) {
    Objects.requireNonNull(image, "image");
    return new PodTemplateSpecBuilder()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage(image)
        .withNewResources()
        .addToRequests("cpu", new Quantity("8"))
        .addToRequests("memory", new Quantity("64Gi"))
        .addToLimits("memory", new Quantity("64Gi"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }
}
