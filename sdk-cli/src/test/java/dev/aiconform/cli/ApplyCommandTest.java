package dev.aiconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aiconform apply} against fabric8's mock API server over HTTP. */
class ApplyCommandTest {
  @TempDir Path dir;

  private FakeApiServer server;
  private Path manifests;
  private Path kubeconfig;

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    server = FakeApiServer.startServingPodGroups();
    manifests = Files.writeString(dir.resolve("train.yaml"), GangBundles.TRAINING_YAML);
    kubeconfig = Files.writeString(dir.resolve("kubeconfig"), server.kubeconfig("fake", "ml"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd =
        new CommandLine(
            new ApplyCommand(
                env,
                dir.resolve("home"),
                new ByteArrayInputStream(
                    GangBundles.TRAINING_YAML.getBytes(StandardCharsets.UTF_8))));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Run run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void appliesAndPrintsATableOnStdoutAndProgressOnStderr() {
    Run r = run("--kubeconfig", kubeconfig.toString(), manifests.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .isEqualTo(
            String.join(
                "\n",
                "KIND                                   NAMESPACE  NAME   RESULT   ATTEMPTS  MESSAGE",
                "Namespace                                         ml     created  1",
                "ResourceClaimTemplate.resource.k8s.io  ml         gpus   created  1",
                "PodGroup.scheduling.x-k8s.io           ml         train  created  1",
                "Job.batch                              ml         train  created  1",
                "Service                                ml         train  created  1",
                "5 objects: 5 ok, 0 failed",
                ""));
    assertThat(r.err())
        .startsWith("applying 5 objects to http://127.0.0.1:")
        .contains("as field manager aiconform\n", "  created    batch/v1/Job ml/train\n");
    assertThat(server.requests("PATCH", "/")).hasSize(5);
  }

  @Test
  void findsTheKubeconfigThroughKUBECONFIGAndUsesTheContextAsked() throws IOException {
    // Current context "elsewhere" points at a closed port; --context fake at the server.
    String two =
        server
            .kubeconfig("fake", "ml")
            .replace("current-context: fake", "current-context: elsewhere")
            .replace(
                "contexts:\n",
                "contexts:\n- name: elsewhere\n  context:\n    cluster: closed\n    user: tester\n")
            .replace(
                "clusters:\n",
                "clusters:\n- name: closed\n  cluster:\n    server: http://127.0.0.1:1\n");
    Path file = Files.writeString(dir.resolve("two-contexts"), two);

    Run r = run(Map.of("KUBECONFIG", file.toString()), "--context", "fake", "-");

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("to http://127.0.0.1:" + server.port());
  }

  @Test
  void exitsWithOneAndExplainsWhenAnObjectFails() {
    server.fail(
        "PATCH",
        "/apis/scheduling.x-k8s.io/v1alpha1/namespaces/ml/podgroups/train",
        1,
        422,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":422,\"reason\":\"Invalid\","
            + "\"message\":\"PodGroup is invalid\",\"details\":{\"causes\":[{\"reason\":\"FieldValueInvalid\","
            + "\"message\":\"Invalid value: 0: must be at least 1\",\"field\":\"spec.minMember\"}]}}");

    Run r = run("--kubeconfig", kubeconfig.toString(), manifests.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "PodGroup.scheduling.x-k8s.io           ml         train  rejected  1         HTTP 422 Invalid: PodGroup is invalid",
            "Job.batch                              ml         train  skipped   0         not applied: its gang object",
            "  scheduling.x-k8s.io/v1alpha1/PodGroup ml/train spec.minMember: FieldValueInvalid: Invalid value: 0: must be at least 1",
            "5 objects: 3 ok, 2 failed");
  }

  @Test
  void printsJsonForMachines() {
    Run r =
        run(
            "--kubeconfig",
            kubeconfig.toString(),
            "--format",
            "json",
            "--field-manager",
            "ci",
            manifests.toString());

    assertThat(r.exit()).isEqualTo(0);
    Map<String, Object> json = new KubernetesSerialization().unmarshal(r.out(), Map.class);
    assertThat(json).containsEntry("dryRun", "none").containsEntry("fieldManager", "ci");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects = (List<Map<String, Object>>) json.get("objects");
    assertThat(objects).hasSize(5);
    assertThat(objects.get(3))
        .containsEntry("kind", "Job")
        .containsEntry("namespace", "ml")
        .containsEntry("result", "created")
        .containsEntry("failed", false)
        .containsEntry("attempts", 1);
    assertThat(json.get("summary")).isEqualTo(Map.of("objects", 5, "failed", 0));
  }

  @Test
  void serverDryRunAsksTheServerToStoreNothing() {
    Run r = run("--kubeconfig", kubeconfig.toString(), "--dry-run=server", manifests.toString());

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).startsWith("dry run (server) of 5 objects to ");
    assertThat(r.out()).contains("validated  1         server dry run: would be created");
    assertThat(server.requests("PATCH", "/"))
        .allSatisfy(q -> assertThat(q.query()).containsEntry("dryRun", "All"));
  }

  @Test
  void waitInADryRunSaysThereIsNothingToWaitFor() {
    Run r =
        run(
            "--kubeconfig",
            kubeconfig.toString(),
            "--dry-run=server",
            "--wait",
            manifests.toString());

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).contains("--wait has nothing to wait for in a dry run: nothing was stored");
    assertThat(r.out()).doesNotContain("READY");
  }

  @Test
  void forceConflictsAndFieldManagerReachTheServer() {
    run(
        "--kubeconfig",
        kubeconfig.toString(),
        "--force-conflicts",
        "--field-manager",
        "platform",
        manifests.toString());

    assertThat(server.requests("PATCH", "/"))
        .allSatisfy(
            q ->
                assertThat(q.query())
                    .containsEntry("force", "true")
                    .containsEntry("fieldManager", "platform"));
  }

  @Test
  void withoutAKubeconfigSaysHowToGetOneOrToSimulate() {
    Run r = run(manifests.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("aiconform apply: no kubeconfig found (no --kubeconfig, $KUBECONFIG is unset")
        .contains(
            "kind create cluster",
            "--kubeconfig FILE",
            "aiconform simulate PATH",
            "--dry-run=client");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void againstAClosedPortExitsAfterOneRoundOfRetriesWithOneLineThatSaysWhy() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed;
    Path dead =
        Files.writeString(
            dir.resolve("dead"), server.kubeconfig("fake", "ml").replace(server.url(), url));

    Run r = run("--kubeconfig", dead.toString(), "--wait", manifests.toString());

    assertThat(r.exit()).isEqualTo(1);
    List<String> err = r.err().lines().collect(Collectors.toList());
    assertThat(err).filteredOn(l -> l.contains("retrying")).hasSize(4);
    assertThat(err).filteredOn(l -> l.contains("not attempted")).hasSize(1);
    assertThat(err)
        .last()
        .asString()
        .startsWith("aiconform apply: the API server at " + url + " is unreachable (")
        .contains("; 4 objects not attempted. Is the cluster running");
    assertThat(r.out())
        .contains("5 objects: 0 ok, 5 failed; the API server at " + url + " is unreachable (");
  }

  @Test
  void clientDryRunNeedsNoCluster() {
    Run r = run("--dry-run=client", manifests.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("validated", "client dry run: passes API validation");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void waitsForReadinessAndAddsAReadyColumn() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("cm.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ml}\ndata: {a: b}\n");

    Run r =
        run("--kubeconfig", kubeconfig.toString(), "--wait", "--timeout", "30s", config.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains(
            "KIND       NAMESPACE  NAME      RESULT   ATTEMPTS  READY  MESSAGE",
            "ConfigMap  ml         settings  created  1         ready")
        .contains("1 object: 1 ok, 0 failed; 1/1 ready after");
    assertThat(r.err())
        .contains("waiting up to 30s for readiness", "  ready      v1/ConfigMap ml/settings");
  }

  @Test
  void unreadableInputIsAUsageErrorAndNothingIsSent() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n");

    Run missing = run("--kubeconfig", kubeconfig.toString(), dir.resolve("nope.yaml").toString());
    Run broken = run("--kubeconfig", kubeconfig.toString(), bad.toString());

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo(
            "aiconform apply: " + dir.resolve("nope.yaml") + ": no such file or directory\n");
    assertThat(broken.exit()).isEqualTo(2);
    assertThat(broken.err()).contains("bad.yaml:", "nothing applied: 1 input error");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void badOptionValuesAreUsageErrorsThatNameWhatIsAccepted() {
    Run timeout = run("--timeout", "soon", manifests.toString());
    Run dryRun = run("--dry-run=maybe", manifests.toString());
    Run prune = run("--prune", manifests.toString());

    assertThat(timeout.exit()).isEqualTo(2);
    assertThat(timeout.err())
        .contains("'soon' is not a duration: expected a positive one such as 90s, 5m or 1h30m");
    assertThat(dryRun.err()).contains("'maybe' is not one of client, server, none");
    assertThat(prune.err()).contains("--prune needs --bundle NAME");
  }

  @Test
  void durationsReadLikeKubectls() {
    ApplyCommand.DurationName d = new ApplyCommand.DurationName();

    assertThat(d.convert("90s")).hasSeconds(90);
    assertThat(d.convert("1h30m")).hasMinutes(90);
    assertThat(d.convert("250ms")).hasMillis(250);
  }

  @Test
  void prunesWithABundleName() throws IOException {
    run(
        "--kubeconfig",
        kubeconfig.toString(),
        "--prune",
        "--bundle",
        "train",
        manifests.toString());
    Path smaller =
        Files.writeString(
            dir.resolve("smaller.yaml"),
            GangBundles.TRAINING_YAML.substring(GangBundles.TRAINING_YAML.indexOf("---") + 4));

    Run r =
        run(
            "--kubeconfig",
            kubeconfig.toString(),
            "--prune",
            "--bundle",
            "train",
            smaller.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("Service                                ml         train  pruned");
  }

  @Test
  void helpShowsOptionsExamplesAndExitCodes() {
    Run r = run("--help");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out())
        .contains("--dry-run[=MODE]", "--force-conflicts", "--wait", "--timeout=D", "--prune")
        .contains(
            "aiconform apply --dry-run=server k8s/",
            "2 usage error, unreadable input or no kubeconfig.");
  }

  @Test
  void runsAsASubcommandOfAiconformReadingItsStdin() {
    CliRun r = CliRun.withStdin(GangBundles.TRAINING_YAML, "apply", "--dry-run=client", "-");

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("5 objects: 5 ok, 0 failed");
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(CliRun.run("--help").out()).contains("apply");
  }
}
