package dev.aiconform.core.cluster;

import static dev.aiconform.core.cluster.Fabric8ClusterClientApplyTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.fixtures.DroppingProxy;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.FakeTime;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults in the middle of a bundle — 409, 429 with Retry-After, 5xx, dropped connections — lead to
 * retries or clear per-object failures, never to a partial gang; an API server that cannot be
 * reached at all costs one round of retries, not one per object. Time is fake: no test sleeps.
 */
class Fabric8ClusterClientFaultTest {
  private static final String JOB = "/apis/batch/v1/namespaces/ml/jobs/train";
  private static final String POD_GROUP =
      "/apis/scheduling.x-k8s.io/v1alpha1/namespaces/ml/podgroups/train";

  private FakeApiServer server;
  private DroppingProxy proxy;
  private KubernetesClient fabric8;
  private final FakeTime time = new FakeTime();
  private final List<String> retries = new ArrayList<>();

  @BeforeEach
  void start() {
    server = FakeApiServer.startServingPodGroups();
    proxy = DroppingProxy.to(server.port());
    fabric8 = FakeApiServer.clientFor(proxy.url());
  }

  @AfterEach
  void stop() {
    fabric8.close();
    proxy.close();
    server.close();
  }

  private Fabric8ClusterClient cluster(RetryPolicy policy) {
    return time.client(fabric8)
        .retryPolicy(policy)
        .progress(
            new ApplyProgress() {
              @Override
              public void retrying(
                  dev.aiconform.core.ObjectRef ref, int attempt, Duration delay, String reason) {
                retries.add(
                    ref.kind() + " #" + attempt + " in " + delay.toMillis() + "ms: " + reason);
              }
            })
        .build();
  }

  @Test
  void retriesServerErrorsWithExponentialBackoffAndJitter() {
    server.fail(
        "PATCH",
        JOB,
        2,
        500,
        FakeApiServer.status(500, "InternalError", "etcdserver: request timed out"));

    ApplyResult result = cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    ObjectOutcome job = outcome(result, "Job");
    assertThat(job.action()).isEqualTo(Action.CREATED);
    assertThat(job.attempts()).isEqualTo(3);
    // 200 ms then 400 ms, each less 20 % jitter x 0.5
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(180), Duration.ofMillis(360));
    assertThat(retries)
        .containsExactly(
            "Job #1 in 180ms: HTTP 500 InternalError: etcdserver: request timed out",
            "Job #2 in 360ms: HTTP 500 InternalError: etcdserver: request timed out");
    assertThat(result.isSuccess()).isTrue();
  }

  @Test
  void waitsAsLongAsRetryAfterSaysWhenLongerThanTheBackoff() {
    server.fail(
        "PATCH",
        JOB,
        1,
        503,
        FakeApiServer.status(503, "ServiceUnavailable", "apiserver is shutting down"),
        Map.of("Retry-After", "7"));

    ApplyResult result = cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    assertThat(outcome(result, "Job").action()).isEqualTo(Action.CREATED);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void readsRetryAfterGivenAsAnHttpDate() {
    String in10s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.now().plusSeconds(10).atZone(ZoneOffset.UTC));
    server.fail("PATCH", JOB, 1, 429, "", Map.of("Retry-After", in10s));

    cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void readsRetryAfterFromTheStatusDetailsWithoutAHeader() {
    server.fail(
        "PATCH",
        JOB,
        1,
        429,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":429,\"reason\":\"TooManyRequests\","
            + "\"message\":\"too many requests\",\"details\":{\"retryAfterSeconds\":4}}");

    cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void givesUpAfterMaxAttemptsAndKeepsTheGangsMembersOut() {
    server.fail(
        "PATCH",
        POD_GROUP,
        10,
        500,
        FakeApiServer.status(500, "InternalError", "etcdserver: leader changed"));

    ApplyResult result = cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    ObjectOutcome podGroup = outcome(result, "PodGroup");
    assertThat(podGroup.action()).isEqualTo(Action.FAILED);
    assertThat(podGroup.attempts()).isEqualTo(5);
    assertThat(podGroup.message())
        .isEqualTo("HTTP 500 InternalError: etcdserver: leader changed; gave up after 5 attempts");
    assertThat(outcome(result, "Job").action()).isEqualTo(Action.SKIPPED);
    assertThat(server.requests("PATCH", JOB)).isEmpty();
    assertThat(server.requests("PATCH", POD_GROUP)).hasSize(5);
    assertThat(time.sleeps()).hasSize(4);
  }

  @Test
  void stopsWhenRetryAfterWouldPassTheRetryBudget() {
    server.fail(
        "PATCH",
        JOB,
        1,
        429,
        FakeApiServer.status(429, "TooManyRequests", "storage is (re)initializing"),
        Map.of("Retry-After", "120"));

    ApplyResult result = cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    ObjectOutcome job = outcome(result, "Job");
    assertThat(job.action()).isEqualTo(Action.FAILED);
    assertThat(job.attempts()).isEqualTo(1);
    assertThat(job.message())
        .isEqualTo(
            "HTTP 429 TooManyRequests: storage is (re)initializing; gave up after 1 attempt: the next one,"
                + " in 2m (Retry-After), would pass the retry budget of 1m");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void doesNotRetryAnswersThatWillNotChange() {
    server.fail(
        "PATCH",
        JOB,
        1,
        400,
        FakeApiServer.status(400, "BadRequest", "json: cannot unmarshal string"));

    ApplyResult result = cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    assertThat(outcome(result, "Job").action()).isEqualTo(Action.REJECTED);
    assertThat(server.requests("PATCH", JOB)).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void fabric8DoesNotRetryBehindThePolicysBack() {
    server.fail("PATCH", JOB, 1, 500, FakeApiServer.status(500, "InternalError", "boom"));

    ApplyResult result = cluster(RetryPolicy.none()).apply(GangBundles.training());

    assertThat(outcome(result, "Job").action()).isEqualTo(Action.FAILED);
    assertThat(server.requests("PATCH", JOB)).hasSize(1);
  }

  @Test
  void droppedConnectionInTheMiddleOfABundleIsRetried() {
    proxy.dropNext("PATCH " + JOB, 1);

    ApplyResult result = cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    assertThat(proxy.dropped()).isEqualTo(1);
    ObjectOutcome job = outcome(result, "Job");
    assertThat(job.action()).isEqualTo(Action.CREATED);
    assertThat(job.attempts()).isEqualTo(2);
    assertThat(retries).singleElement().asString().startsWith("Job #1 in 180ms: connection failed");
    assertThat(result.isSuccess()).isTrue();
    assertThat(server.stored(JOB)).isNotNull();
  }

  @Test
  void gangObjectWhoseConnectionKeepsDroppingFailsAndItsMembersAreNotCreated() {
    proxy.dropNext("PATCH " + POD_GROUP, 100);

    ApplyResult result = cluster(RetryPolicy.defaults()).apply(GangBundles.training());

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action)
        .containsExactly(
            tuple("Namespace", Action.CREATED),
            tuple("ResourceClaimTemplate", Action.CREATED),
            tuple("PodGroup", Action.FAILED),
            tuple("Job", Action.SKIPPED),
            tuple("Service", Action.CREATED));
    assertThat(outcome(result, "PodGroup").message())
        .startsWith("connection failed")
        .endsWith("; gave up after 5 attempts");
    assertThat(proxy.dropped()).isEqualTo(5);
    assertThat(server.stored(JOB)).isNull();
    // One probe showed the server alive, so the objects after the PodGroup were still applied.
    assertThat(server.requests("GET", "/version")).hasSize(1);
    assertThat(result.unreachable()).isEmpty();
  }

  @Test
  void twoHundredObjectsAgainstAClosedPortFailAfterOneRoundOfRetries() {
    String url = "http://127.0.0.1:" + closedPort();
    ManifestBundle bundle = trainingWithConfigMaps(195);
    List<String> heard = new ArrayList<>();
    try (KubernetesClient dead = FakeApiServer.clientFor(url)) {
      ApplyResult result =
          time.client(dead)
              .progress(
                  new ApplyProgress() {
                    @Override
                    public void applied(ObjectOutcome outcome) {
                      heard.add(outcome.ref().name());
                    }

                    @Override
                    public void unreachable(String reason) {
                      heard.add("unreachable: " + reason);
                    }
                  })
              .build()
              .apply(bundle);

      assertThat(time.sleeps()).hasSize(4); // one round: 5 attempts of the first request
      assertThat(result.outcomes()).hasSize(200);
      assertThat(result.outcomes().stream().map(ObjectOutcome::ref).distinct()).hasSize(200);
      assertThat(result.outcomes()).allMatch(o -> o.action() == Action.FAILED);
      ObjectOutcome first = result.outcomes().get(0);
      assertThat(first.ref().kind()).isEqualTo("Namespace");
      assertThat(first.attempts()).isEqualTo(5);
      assertThat(first.message())
          .startsWith("connection failed: ")
          .endsWith("; gave up after 5 attempts");
      String why = result.unreachable().orElseThrow();
      assertThat(why).startsWith("the API server at " + url + " is unreachable (").endsWith(")");
      assertThat(result.outcomes().subList(1, 200))
          .allSatisfy(
              o -> {
                assertThat(o.message()).isEqualTo("not attempted: " + why);
                assertThat(o.attempts()).isZero();
              });
      assertThat(heard.get(1)).isEqualTo("unreachable: " + why);
      assertThat(heard).hasSize(201);
    }
  }

  @Test
  void aTlsFailureOnTheFirstRequestMakesTheServerUnreachable() {
    // TLS spoken to a plain-HTTP port: no handshake can succeed.
    try (KubernetesClient tls = FakeApiServer.clientFor("https://127.0.0.1:" + server.port())) {
      ApplyResult result = time.client(tls).build().apply(GangBundles.training());

      assertThat(result.unreachable().orElseThrow())
          .isEqualTo(
              "the API server at https://127.0.0.1:"
                  + server.port()
                  + " is unreachable (not an SSL/TLS record: the server does not speak TLS at this"
                  + " address; is it http://?)");
      assertThat(result.outcomes()).hasSize(5).allMatch(o -> o.action() == Action.FAILED);
      assertThat(result.outcomes().subList(1, 5)).allMatch(o -> o.attempts() == 0);
      assertThat(time.sleeps()).hasSizeLessThanOrEqualTo(4);
      assertThat(server.requests("PATCH", "/")).isEmpty();
    }
  }

  @Test
  void aServerThatGoesAwayMidBundleFailsTheRestWithoutRetryingEachObject() {
    Fabric8ClusterClient cluster =
        time.client(fabric8)
            .progress(
                new ApplyProgress() {
                  @Override
                  public void applied(ObjectOutcome outcome) {
                    if (outcome.ref().kind().equals("Namespace")) {
                      proxy.close(); // the API server's address stops answering
                    }
                  }
                })
            .build();

    ApplyResult result = cluster.apply(GangBundles.training());

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action, ObjectOutcome::attempts)
        .containsExactly(
            tuple("Namespace", Action.CREATED, 1),
            tuple("ResourceClaimTemplate", Action.FAILED, 5),
            tuple("PodGroup", Action.FAILED, 0),
            tuple("Job", Action.FAILED, 0),
            tuple("Service", Action.FAILED, 0));
    assertThat(outcome(result, "Job").message())
        .startsWith("not attempted: the API server at " + proxy.url() + " is unreachable (");
    assertThat(time.sleeps()).hasSize(4);
    assertThat(server.stored(JOB)).isNull();
    assertThat(server.requests("PATCH", POD_GROUP)).isEmpty();
  }

  @Test
  void aServerThatAnsweredNothingInOneApplyIsAskedAgainByTheNext() {
    proxy.dropNext("", 5); // every request of the first apply's first object
    Fabric8ClusterClient cluster = cluster(RetryPolicy.defaults());

    ApplyResult down = cluster.apply(GangBundles.training());
    ApplyResult back = cluster.apply(GangBundles.training());

    assertThat(down.unreachable()).isPresent();
    assertThat(down.failures()).hasSize(5);
    assertThat(back.unreachable()).isEmpty();
    assertThat(back.isSuccess()).as(back.toString()).isTrue();
  }

  @Test
  void aPruneAfterTheServerWentAwayIsNotAttempted() {
    proxy.dropNext("PATCH " + JOB, 100);
    Fabric8ClusterClient cluster =
        time.client(fabric8)
            .progress(
                new ApplyProgress() {
                  @Override
                  public void retrying(
                      dev.aiconform.core.ObjectRef ref,
                      int attempt,
                      Duration delay,
                      String reason) {
                    if (attempt == 4) {
                      proxy.close(); // the probe after the last attempt finds no server
                    }
                  }
                })
            .build();

    ApplyResult result =
        cluster.apply(GangBundles.training(), ApplyOptions.defaults(), Prune.bundle("train"));

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind(), ObjectOutcome::action)
        .containsExactly(
            tuple("Namespace", Action.CREATED),
            tuple("ResourceClaimTemplate", Action.CREATED),
            tuple("PodGroup", Action.CREATED),
            tuple("Job", Action.FAILED),
            tuple("Service", Action.FAILED));
    assertThat(result.unreachable()).isPresent();
    // Only the Job's retries: the Service and the prune's listing were not tried each in turn.
    assertThat(time.sleeps()).hasSize(4);
  }

  /** The training bundle and {@code n} ConfigMaps in its namespace. */
  private static ManifestBundle trainingWithConfigMaps(int n) {
    ManifestBundle.Builder b = GangBundles.training().toBuilder();
    for (int i = 0; i < n; i++) {
      b.add(
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName(String.format("settings-%03d", i))
              .withNamespace("ml")
              .endMetadata()
              .addToData("index", Integer.toString(i))
              .build());
    }
    return b.build();
  }

  /** A loopback port nothing listens on. */
  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
