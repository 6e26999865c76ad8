package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.fixtures.Corpus;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest of the upstream corpus applies to the in-memory cluster without an error inside
 * the cluster, and its workloads become pods: real manifests written by the projects this SDK
 * models, not just ours.
 */
class UpstreamCorpusTest {
  /**
   * Documents of the corpus that look like Kubernetes objects but are files for a program, not for
   * the API server: they have no metadata.name, and the API server would refuse them.
   */
  static final java.util.Set<GroupKind> NOT_API_OBJECTS =
      java.util.Set.of(
          // A conformance report of the Gateway API project.
          GroupKind.of("gateway.networking.k8s.io", "ConformanceReport"),
          // kube-scheduler's configuration file (--config).
          GroupKind.of("kubescheduler.config.k8s.io", "KubeSchedulerConfiguration"));

  static Stream<Path> files() {
    return Corpus.yamlFiles().stream();
  }

  /**
   * The Kubernetes objects of a file; documents fabric8 cannot read are the YAML reader's concern.
   */
  static List<HasMetadata> read(Path file) throws IOException {
    List<HasMetadata> out = new ArrayList<>();
    for (String doc : Files.readString(file).split("(?m)^---\\s*$")) {
      if (doc.isBlank()) {
        continue;
      }
      try {
        Object o = KubeSerialization.get().unmarshal(doc);
        if (o instanceof KubernetesList) {
          out.addAll(((KubernetesList) o).getItems());
        } else if (o instanceof HasMetadata && ((HasMetadata) o).getKind() != null) {
          out.add((HasMetadata) o);
        }
      } catch (RuntimeException notKubernetes) {
        // Helm values, kustomizations, templates with {{ }}: not objects.
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void appliesAndRunsToQuiescence(Path file) throws IOException {
    List<HasMetadata> objects = read(file);
    InMemoryCluster cluster =
        InMemoryCluster.builder()
            .extensions(List.of())
            .objects(
                Nodes.named("gpu-%d")
                    .count(8)
                    .cpu("96")
                    .memory("1Ti")
                    .allocatable("nvidia.com/gpu", "8")
                    .build())
            .build();

    ApplyResult result = cluster.apply(ManifestBundle.of(objects));

    assertThat(result.outcomes()).hasSize(objects.size());
    String unknownField = Corpus.UNKNOWN_FIELDS.get(Corpus.name(file));
    if (unknownField != null) {
      // genuinely invalid upstream: the API server's strict field validation rejects it
      assertThat(result.failures()).anySatisfy(o -> assertThat(o.message()).contains(unknownField));
      return;
    }
    for (ObjectOutcome o : result.outcomes()) {
      if (NOT_API_OBJECTS.contains(o.ref().groupKind())) {
        assertThat(o.message())
            .contains("metadata.name: Required value: name or generateName is required");
      } else {
        assertThat(o.action().isFailure()).as(Corpus.name(file) + ": " + o).isFalse();
      }
    }
    assertThat(cluster.errors()).as(Corpus.name(file)).isEmpty();
    assertThat(cluster.settle().quiescent()).isTrue();
    int expectedPods = 0;
    for (HasMetadata o : objects) {
      if (o instanceof Pod) {
        expectedPods++;
      } else if (o instanceof Deployment
          && !Boolean.TRUE.equals(((Deployment) o).getSpec().getPaused())) {
        Integer r = ((Deployment) o).getSpec().getReplicas();
        expectedPods += r == null ? 1 : r;
      } else if (o instanceof Job && !Boolean.TRUE.equals(((Job) o).getSpec().getSuspend())) {
        Job job = (Job) o;
        int parallelism =
            job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
        Integer completions = job.getSpec().getCompletions();
        expectedPods += completions == null ? parallelism : Math.min(parallelism, completions);
      }
    }
    assertThat(cluster.list(GroupKind.of("", "Pod"), null))
        .as(Corpus.name(file))
        .hasSize(expectedPods);
    assertThat(cluster.report().pods())
        .allSatisfy(p -> assertThat(p.node().isPresent() || p.reason().isPresent()).isTrue());
  }
}
