package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.Nodes;
import dev.aiconform.gang.GangBackend;
import dev.aiconform.gang.GangGroup;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** {@code aiconform simulate} with gangs: each gang is one entry of the JSON's {@code groups}. */
class SimulateGangsTest {
  @TempDir Path dir;

  Path write(String name, ManifestBundle bundle) throws IOException {
    Path file = dir.resolve(name);
    ManifestWriter.yaml().write(bundle, file);
    return file;
  }

  static GangGroup train() {
    return GangGroup.named("train")
        .namespace("default")
        .role(
            "worker",
            4,
            new PodTemplateSpecBuilder()
                .withNewSpec()
                .addNewContainer()
                .withName("trainer")
                .withImage("trainer")
                .withNewResources()
                .addToLimits("nvidia.com/gpu", new Quantity("8"))
                .endResources()
                .endContainer()
                .endSpec()
                .build())
        .queue("team-a")
        .build();
  }

  @ParameterizedTest
  @EnumSource(GangBackend.class)
  void reportsEachGangAsOneGroup(GangBackend backend) throws IOException {
    Path enough =
        write(
            "big.yaml",
            ManifestBundle.of(
                Nodes.named("gpu-%d").count(4).allocatable("nvidia.com/gpu", "8").build()));
    Path small =
        write(
            "small.yaml",
            ManifestBundle.of(
                Nodes.named("gpu-%d").count(3).allocatable("nvidia.com/gpu", "8").build()));
    Path gang = write("train.yaml", train().render(backend, TargetVersion.V1_37));

    CliRun ok =
        CliRun.run("simulate", "--cluster", enough.toString(), "--format", "json", gang.toString());
    JsonNode root = ValidateCommandTest.JSON.readTree(ok.out());
    assertThat(root.at("/summary/bound").asInt()).isEqualTo(4);
    JsonNode g = root.at("/groups/0");
    assertThat(ValidateCommandTest.fieldNames(g))
        .containsExactly("namespace", "name", "backend", "minCount", "bound", "admitted");
    assertThat(g.get("backend").asString()).isEqualTo(backend.id());
    assertThat(g.get("minCount").asInt()).isEqualTo(4);
    assertThat(g.get("bound").asInt()).isEqualTo(4);
    assertThat(g.get("admitted").asBoolean()).isTrue();

    CliRun none =
        CliRun.run("simulate", "--cluster", small.toString(), "--format", "json", gang.toString());
    JsonNode r2 = ValidateCommandTest.JSON.readTree(none.out());
    assertThat(r2.at("/summary/bound").asInt()).isZero();
    assertThat(r2.at("/groups/0/bound").asInt()).isZero();
  }
}
