package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.fixtures.FakeApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiconform demo --kubeconfig}: the examples go to a real API server (fabric8's mock server
 * here) instead of the in-memory cluster, as a server-side dry run unless {@code --apply}.
 */
class DemoOnAClusterTest {
  @TempDir Path dir;
  FakeApiServer server;
  Path kubeconfig;

  @BeforeEach
  void start() throws IOException {
    server =
        FakeApiServer.start()
            .version("v1.37.1")
            .serve("monitoring.coreos.com/v1", "ServiceMonitor", "servicemonitors", true);
    kubeconfig = Files.writeString(dir.resolve("kubeconfig"), server.kubeconfig("fake", "ml"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aServerSideDryRunByDefaultStoresNothing() {
    CliRun r = demo("--kubeconfig", kubeconfig.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("4. Applied to http://127.0.0.1:" + server.port())
        .contains("(v1.37.1) — server-side dry run: the API server admits, stores nothing")
        .contains("the cluster serves the Workload API")
        .contains("fine-tuning/workload-api.yaml: 5 objects ok")
        .contains("inference/hpa.yaml: 7 objects ok")
        .containsPattern("Workload ml/llama-finetune +validated")
        .doesNotContain("5. All or nothing")
        .contains("6. vLLM autoscaling");
    assertThat(server.requests("PATCH", "/"))
        .hasSize(12)
        .allSatisfy(q -> assertThat(q.query()).containsEntry("dryRun", "All"));
  }

  @Test
  void applyReallyApplies() {
    CliRun r = demo("--kubeconfig", kubeconfig.toString(), "--apply");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("— applied")
        .containsPattern("Job ml/llama-finetune-worker +created");
    assertThat(server.requests("PATCH", "/"))
        .hasSize(12)
        .allSatisfy(q -> assertThat(q.query()).doesNotContainKey("dryRun"));
  }

  @Test
  void aClusterThatServesKedaGetsTheKedaVariant() {
    server.serve("keda.sh/v1alpha1", "ScaledObject", "scaledobjects", true);

    CliRun r = demo("--kubeconfig", kubeconfig.toString());

    assertThat(r.out()).contains("inference/keda.yaml: 6 objects ok").doesNotContain("hpa.yaml:");
  }

  @Test
  void applyWithoutAKubeconfigIsAUsageError() {
    CliRun r = demo("--apply");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "aiconform demo: --apply needs --kubeconfig FILE: the cluster to apply to (see"
                + " 'aiconform demo --help')\n");
  }

  @Test
  void anUnreachableClusterIsOneLineAndExitTwo() throws IOException {
    Path closed =
        Files.writeString(
            dir.resolve("closed"),
            server.kubeconfig("fake", "ml").replace(server.url(), "http://127.0.0.1:1"));

    CliRun r = demo("--kubeconfig", closed.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("aiconform demo: cannot use the cluster of " + closed + ": ");
    assertThat(r.hasStackTrace()).isFalse();
  }

  private CliRun demo(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "demo";
    args[1] = "--output";
    args[2] = dir.resolve("out").toString();
    args[3] = "--color";
    args[4] = "never";
    System.arraycopy(options, 0, args, 5, options.length);
    return CliRun.run(args);
  }
}
