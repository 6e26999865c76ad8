package dev.aiconform.core.internal.fabric8;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ApplyProgress;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.Fabric8ClusterClient;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.cluster.ReadinessReport;
import dev.aiconform.core.cluster.ReadinessReport.ObjectReadiness;
import dev.aiconform.core.cluster.ReadinessReport.Stage;
import dev.aiconform.core.internal.fabric8.ReadinessProbe.Observation;
import dev.aiconform.core.internal.fabric8.ResourceLocator.NotServed;
import dev.aiconform.core.internal.fabric8.ResourceLocator.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waits for applied objects to become ready: polls each one not yet final, reads its stage with
 * {@link ReadinessProbe}, tells the {@link ApplyProgress} about every change, and stops when all
 * are final or the timeout passed.
 */
public final class Readiness {
  private static final Set<Action> WAITABLE =
      EnumSet.of(Action.CREATED, Action.CONFIGURED, Action.UNCHANGED);

  private final ApiServer api;
  private final ResourceLocator locator;
  private final Duration pollInterval;
  private final Fabric8ClusterClient.Sleeper sleeper;
  private final ApplyProgress progress;

  public Readiness(
      ApiServer api,
      ResourceLocator locator,
      Duration pollInterval,
      Fabric8ClusterClient.Sleeper sleeper,
      ApplyProgress progress) {
    this.api = api;
    this.locator = locator;
    this.pollInterval = pollInterval;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  public ReadinessReport await(ApplyResult result, Duration timeout) {
    long start = api.clock().millis();
    long deadline = start + timeout.toMillis();
    Map<ObjectRef, Observation> state = new LinkedHashMap<>();
    for (ObjectOutcome o : result.outcomes()) {
      if (WAITABLE.contains(o.action())) {
        state.put(o.ref(), Observation.at(Stage.APPLIED, ""));
        progress.stage(o.ref(), Stage.APPLIED, "");
      }
    }
    boolean timedOut = false;
    while (true) {
      for (Map.Entry<ObjectRef, Observation> e : state.entrySet()) {
        if (e.getValue().isFinal()) {
          continue;
        }
        Observation now = observe(e.getKey(), e.getValue());
        if (now.stage() != e.getValue().stage() || !now.detail().equals(e.getValue().detail())) {
          progress.stage(e.getKey(), now.stage(), now.detail());
        }
        e.setValue(now);
      }
      if (state.values().stream().allMatch(Observation::isFinal)) {
        break;
      }
      long now = api.clock().millis();
      if (now >= deadline) {
        timedOut = true;
        break;
      }
      try {
        sleeper.sleep(Duration.ofMillis(Math.min(pollInterval.toMillis(), deadline - now)));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        timedOut = true;
        break;
      }
    }
    List<ObjectReadiness> objects = new ArrayList<>();
    state.forEach(
        (ref, o) -> objects.add(new ObjectReadiness(ref, o.stage(), o.failed(), o.detail())));
    return new ReadinessReport(objects, Duration.ofMillis(api.clock().millis() - start), timedOut);
  }

  private Observation observe(ObjectRef ref, Observation previous) {
    ResourceType type;
    try {
      type = locator.resolve(ref, ref.apiVersion(), ref.kind());
    } catch (NotServed e) {
      return new Observation(previous.stage(), false, "cannot read it: " + e.getMessage());
    }
    ApiServer.Answer a = api.get(ref, type.objectPath(ref.namespace(), ref.name()));
    if (a.code() == 404 && a.failure() == null) {
      return Observation.failure(previous.stage(), "it is gone (deleted after it was applied)");
    }
    if (!a.isSuccess()) {
      return new Observation(previous.stage(), false, "cannot read it: " + Answers.describe(a));
    }
    return ReadinessProbe.observe(ref.groupKind(), Discovery.tree(a.body()), this::pods);
  }

  private List<Map<String, Object>> pods(String namespace, String labelSelector) {
    ObjectRef about = ObjectRef.of("v1", "Pod", namespace, "(" + labelSelector + ")");
    String path =
        ApiServer.query(
            "/api/v1" + (namespace.isEmpty() ? "" : "/namespaces/" + namespace) + "/pods",
            Map.of("labelSelector", labelSelector));
    ApiServer.Answer a = api.get(about, path);
    return a.isSuccess() ? Discovery.items(a.body()) : List.of();
  }
}
