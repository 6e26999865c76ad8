package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.fixtures.FakeApiServer;
import dev.aiconform.core.fixtures.FakeTime;
import dev.aiconform.core.fixtures.GangBundles;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the server answers, object by object: every object gets exactly one final outcome, a
 * gang member is never created when its gang object or claim template failed, retryable faults
 * within the policy end in success, and attempts stay within the policy.
 */
class Fabric8ClusterClientFaultProperties {
  private static final Map<String, String> PATHS =
      Map.of(
          "Namespace", "/api/v1/namespaces/ml?",
          "ResourceClaimTemplate",
              "/apis/resource.k8s.io/v1/namespaces/ml/resourceclaimtemplates/gpus?",
          "PodGroup", "/apis/scheduling.x-k8s.io/v1alpha1/namespaces/ml/podgroups/train?",
          "Job", "/apis/batch/v1/namespaces/ml/jobs/train?",
          "Service", "/api/v1/namespaces/ml/services/train?");

  private static FakeApiServer server;
  private static KubernetesClient fabric8;

  @BeforeContainer
  static void start() {
    server = FakeApiServer.startServingPodGroups();
    fabric8 = server.client();
  }

  @AfterContainer
  static void stop() {
    fabric8.close();
    server.close();
  }

  /** An answer the server gives {@code times} times before letting the request through. */
  record Fault(String kind, int code, int times) {
    boolean retryable() {
      return code == 429 || code >= 500;
    }
  }

  @Provide
  Arbitrary<List<Fault>> faults() {
    Arbitrary<Fault> fault =
        Combinators.combine(
                Arbitraries.of(PATHS.keySet()),
                Arbitraries.of(409, 422, 429, 500, 503),
                Arbitraries.integers().between(1, 7))
            .as(Fault::new);
    return fault.list().ofMaxSize(4).uniqueElements(Fault::kind);
  }

  @Property(tries = 40)
  void everyObjectGetsOneOutcomeAndNoGangIsPartial(@ForAll("faults") List<Fault> faults) {
    server.reset();
    FakeTime time = new FakeTime();
    for (Fault f : faults) {
      String body =
          f.code == 409
              ? Fabric8ClusterClientApplyTest.CONFLICT
              : FakeApiServer.status(f.code, "Fault", "injected");
      server.fail(
          "PATCH",
          PATHS.get(f.kind),
          f.times,
          f.code,
          body,
          f.code == 429 ? Map.of("Retry-After", "1") : Map.of());
    }
    RetryPolicy policy = RetryPolicy.defaults();
    Fabric8ClusterClient cluster = time.client(fabric8).build();

    ApplyResult result = cluster.apply(GangBundles.training());

    assertThat(result.outcomes())
        .extracting(o -> o.ref().kind())
        .containsExactlyInAnyOrderElementsOf(PATHS.keySet());
    Map<String, ObjectOutcome> byKind =
        result.outcomes().stream().collect(Collectors.toMap(o -> o.ref().kind(), o -> o));
    Set<String> failedDeps =
        Set.of("Namespace", "ResourceClaimTemplate", "PodGroup").stream()
            .filter(k -> byKind.get(k).action().isFailure())
            .collect(Collectors.toSet());
    if (!failedDeps.isEmpty()) {
      assertThat(byKind.get("Job").action()).isEqualTo(Action.SKIPPED);
      assertThat(server.requests("PATCH", PATHS.get("Job"))).isEmpty();
      assertThat(server.stored("/apis/batch/v1/namespaces/ml/jobs/train")).isNull();
    }
    for (ObjectOutcome o : result.outcomes()) {
      assertThat(o.attempts()).isBetween(0, policy.maxAttempts());
      Fault f = faults.stream().filter(x -> x.kind.equals(o.ref().kind())).findFirst().orElse(null);
      boolean dependencyFailed = o.action() == Action.SKIPPED;
      if (dependencyFailed) {
        continue;
      }
      if (f == null || (f.retryable() && f.times < policy.maxAttempts())) {
        assertThat(o.action()).as(o.toString()).isEqualTo(Action.CREATED);
        assertThat(o.attempts()).isEqualTo(f == null ? 1 : f.times + 1);
      } else {
        assertThat(o.action().isFailure()).as(o.toString()).isTrue();
        assertThat(o.message()).isNotBlank();
      }
    }
    assertThat(
            result.outcomes().stream().map(ObjectOutcome::ref).map(ObjectRef::toString).distinct())
        .hasSize(5);
  }
}
