package dev.aiconform.examples;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.dra.DeviceClaim;
import dev.aiconform.dra.NvidiaGpu;
import dev.aiconform.dra.StandardAttributes;
import dev.aiconform.gang.GangBackend;
import dev.aiconform.gang.GangGroup;
import dev.aiconform.gang.GangRole;
import dev.aiconform.gang.KueueQueueSetup;
import dev.aiconform.gang.WorkloadShape;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/**
 * Distributed fine-tuning: {@value #WORKERS} workers with eight H100 80GB GPUs each, asked for by
 * attribute through a ResourceClaimTemplate (memory, driver version floor, GPUs paired on a PCIe
 * root) and gang-scheduled, rendered for the native Workload API and for Kueue (a JobSet, with the
 * Kueue queue objects).
 *
 * <pre>{@code
 * ManifestBundle bundle = FineTuning.workloadApi(); // Namespace, claim template, Workload, PodGroup, Job
 * ManifestBundle kueue = FineTuning.kueue(); // Namespace, claim template, Kueue queues, JobSet
 * }</pre>
 */
public final class FineTuning {
  public static final String NAMESPACE = "ml";
  public static final String NAME = "llama-finetune";
  public static final int WORKERS = 4;
  public static final String QUEUE = "team-ml";

  /**
   * Findings the examples keep on purpose when validated for Kubernetes 1.37, by rule id, with the
   * reason. Everything else must be clean.
   */
  public static final Map<String, String> INTENTIONAL_FINDINGS =
      Map.of(
          "gang.native.feature-gate",
          "the Workload API is beta in 1.37 behind the GenericWorkload gate, off by default: the"
              + " warning reminds whoever applies it to enable the gate (the in-memory cluster"
              + " has it on)");

  private FineTuning() {}

  /** Prints the Workload API rendering, or the Kueue one with the argument {@code kueue}. */
  public static void main(String[] args) {
    boolean kueue = args.length > 0 && args[0].equals("kueue");
    System.out.print(ManifestWriter.yaml().write(kueue ? kueue() : workloadApi()));
  }

  // tag::claim[]
  /**
   * Eight H100s for one worker, as four pairs: each pair on one PCIe root (for peer-to-peer
   * transfers), every GPU with at least 80 GB of memory and driver 550.54 or newer.
   */
  public static DeviceClaim eightH100s() {
    DeviceClaim.Builder claim = DeviceClaim.template("h100x8").namespace(NAMESPACE);
    for (int pair = 0; pair < 4; pair++) {
      String request = "pair-" + pair;
      claim
          .request(
              request,
              r ->
                  r.deviceClass(NvidiaGpu.DEVICE_CLASS)
                      .count(2)
                      .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100"))
                      .where(NvidiaGpu.MEMORY.atLeast("80G"))
                      .where(NvidiaGpu.DRIVER_VERSION.atLeast("550.54.0")))
          .matchAttribute(StandardAttributes.PCIE_ROOT, request);
    }
    return claim.build();
  }

  // end::claim[]

  // tag::gang[]
  /** The training gang: {@code workers} workers, all of which must start together. */
  public static GangGroup gang(int workers, WorkloadShape shape) {
    GangRole worker =
        GangRole.builder()
            .name("worker")
            .replicas(workers)
            .template(workerTemplate(workers))
            .addClaimTemplates(eightH100s().toResourceClaimTemplate())
            .build();
    return GangGroup.named(NAME)
        .namespace(NAMESPACE)
        .role(worker)
        .shape(shape)
        .queue(QUEUE) // used by Kueue, ignored by the Workload API
        .kueueQueues(
            KueueQueueSetup.builder()
                .clusterQueue("gpu-cluster-queue")
                .resourceFlavor("h100")
                .putNominalQuota("cpu", "256")
                .putNominalQuota("memory", "2Ti")
                .putNominalQuota(NvidiaGpu.DEVICE_CLASS, "32") // devices of the class
                .build())
        .build();
  }

  // end::gang[]

  // tag::render[]
  /** The native Workload API of Kubernetes 1.37: Workload, PodGroup and an Indexed Job. */
  public static ManifestBundle workloadApi() {
    return workloadApi(TargetVersion.V1_37, WORKERS);
  }

  /** Kueue: ResourceFlavor, ClusterQueue, LocalQueue and a JobSet admitted as one workload. */
  public static ManifestBundle kueue() {
    return kueue(TargetVersion.V1_37, WORKERS);
  }

  /**
   * The Workload API objects of {@code version} (1.35 and newer) for {@code workers} workers.
   *
   * @throws dev.aiconform.gang.GangRenderException on 1.34, which has no Workload API
   */
  public static ManifestBundle workloadApi(TargetVersion version, int workers) {
    // tag::render-native[]
    GangGroup gang = gang(workers, WorkloadShape.INDEXED_JOB);
    return namespace().plus(gang.render(GangBackend.NATIVE, version));
    // end::render-native[]
  }

  /** The Kueue objects for {@code workers} workers, validated for {@code version}. */
  public static ManifestBundle kueue(TargetVersion version, int workers) {
    GangGroup gang = gang(workers, WorkloadShape.JOBSET);
    return namespace().plus(gang.render(GangBackend.KUEUE, version));
  }

  // end::render[]

  static ManifestBundle namespace() {
    return ManifestBundle.of(
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build());
  }

  private static PodTemplateSpec workerTemplate(int workers) {
    return new PodTemplateSpecBuilder()
        .withNewSpec()
        .addNewContainer()
        .withName("trainer")
        .withImage("nvcr.io/nvidia/pytorch:25.01-py3")
        .withCommand("torchrun")
        .withArgs(
            "--nnodes=" + workers,
            "--nproc-per-node=8",
            "finetune.py",
            "--model=meta-llama/Llama-3.1-70B",
            "--dataset=/data/instructions.jsonl")
        .withNewResources()
        .addToRequests("cpu", new Quantity("32"))
        .addToRequests("memory", new Quantity("256Gi"))
        .addToLimits("memory", new Quantity("256Gi"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }
}
