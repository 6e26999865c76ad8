package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.fixtures.DroppingProxy;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.FakeTime;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.client.KubernetesClient;
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
 * retries or clear per-object failures, never to a partial gang. Time is fake: no test sleeps.
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
    server =
        FakeApiServer.start().serve("scheduling.x-k8s.io/v1alpha1", "PodGroup", "podgroups", true);
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
    return Fabric8ClusterClient.builder()
        .client(fabric8)
        .retryPolicy(policy)
        .clock(time.clock())
        .sleeper(time.sleeper())
        .random(() -> 0.5)
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
  }

  private static ObjectOutcome outcome(ApplyResult result, String kind) {
    return result.outcomes().stream()
        .filter(o -> o.ref().kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }
}
