package dev.aiconform.core.internal.fabric8;

import dev.aiconform.core.ApplyOrder;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ApplyOptions;
import dev.aiconform.core.cluster.ApplyProgress;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.ClusterRequestException;
import dev.aiconform.core.cluster.Fabric8ClusterClient;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.cluster.Prune;
import dev.aiconform.core.cluster.RetryPolicy;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.internal.fabric8.ApplyPlan.Dependency;
import dev.aiconform.core.internal.fabric8.ApplyPlan.Relation;
import dev.aiconform.core.internal.fabric8.ApplyPlan.Step;
import dev.aiconform.core.internal.fabric8.ResourceLocator.NotServed;
import dev.aiconform.core.internal.fabric8.ResourceLocator.ResourceType;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@link Fabric8ClusterClient} does with a bundle: plan it ({@link ApplyPlan}), apply each
 * object by server-side apply (or validate it, for a client-side dry run), skip what depends on a
 * failure, prune, and read objects back.
 */
public final class ClusterApply {
  public static final String APPLY_PATCH = "application/apply-patch+yaml";

  /** Kinds AIConform renders, looked at for labelled leftovers even when the bundle has none. */
  static final List<GroupKind> RENDERED_KINDS =
      List.of(
          GroupKind.of("", "ConfigMap"),
          GroupKind.of("", "Service"),
          GroupKind.of("", "Pod"),
          GroupKind.of("apps", "Deployment"),
          GroupKind.of("apps", "StatefulSet"),
          GroupKind.of("batch", "Job"),
          GroupKind.of("resource.k8s.io", "ResourceClaim"),
          GroupKind.of("resource.k8s.io", "ResourceClaimTemplate"),
          GroupKind.of("resource.k8s.io", "DeviceClass"),
          GroupKind.of("scheduling.k8s.io", "Workload"),
          GroupKind.of("scheduling.k8s.io", "PodGroup"),
          GroupKind.of("scheduling.volcano.sh", "PodGroup"),
          GroupKind.of("scheduling.x-k8s.io", "PodGroup"),
          GroupKind.of("kueue.x-k8s.io", "LocalQueue"),
          GroupKind.of("jobset.x-k8s.io", "JobSet"),
          GroupKind.of("leaderworkerset.x-k8s.io", "LeaderWorkerSet"),
          GroupKind.of("autoscaling", "HorizontalPodAutoscaler"),
          GroupKind.of("keda.sh", "ScaledObject"),
          GroupKind.of("monitoring.coreos.com", "ServiceMonitor"));

  private static final String DELETE_OPTIONS =
      "{\"apiVersion\":\"v1\",\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"Background\"%s}";

  private final ApiServer api;
  private final ResourceLocator locator;
  private final String defaultNamespace;
  private final TargetVersion targetVersion;
  private final RetryPolicy retryPolicy;
  private final Fabric8ClusterClient.Sleeper sleeper;
  private final ApplyProgress progress;

  public ClusterApply(
      ApiServer api,
      ResourceLocator locator,
      String defaultNamespace,
      TargetVersion targetVersion,
      RetryPolicy retryPolicy,
      Fabric8ClusterClient.Sleeper sleeper,
      ApplyProgress progress) {
    this.api = api;
    this.locator = locator;
    this.defaultNamespace = defaultNamespace;
    this.targetVersion = targetVersion;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  public ApplyResult apply(ManifestBundle bundle, ApplyOptions options, Prune prune) {
    boolean client = options.dryRun() == ApplyOptions.DryRun.CLIENT;
    ManifestBundle labelled = prune == null ? bundle : labelled(bundle, prune);
    ApplyPlan plan = ApplyPlan.of(labelled, o -> refOf(o, client));
    Validator validator =
        client
            ? Validator.builder().targetVersion(targetVersion).categories(Category.API).build()
            : null;
    Map<ObjectRef, ObjectOutcome> done = new HashMap<>();
    List<ObjectOutcome> outcomes = new ArrayList<>();
    for (Step step : plan.steps()) {
      ObjectOutcome outcome =
          skipped(step, done)
              .orElseGet(
                  () ->
                      client ? validate(step, labelled, validator) : applyOne(step, options, done));
      done.put(step.ref(), outcome);
      outcomes.add(outcome);
      progress.applied(outcome);
    }
    if (prune != null && !client) {
      for (ObjectOutcome o : prune(plan, prune, options, outcomes)) {
        outcomes.add(o);
        progress.applied(o);
      }
    }
    return new ApplyResult(outcomes);
  }

  /** The ref an object is applied as: a namespaced object without namespace gets the default. */
  ObjectRef refOf(HasMetadata object, boolean offline) {
    ObjectRef ref = ObjectRef.of(object);
    if (!ref.namespace().isEmpty()) {
      return ref;
    }
    Optional<Boolean> namespaced = locator.knownNamespaced(ref.apiVersion(), ref.kind());
    if (namespaced.isEmpty() && !offline) {
      try {
        namespaced = Optional.of(locator.resolve(ref, ref.apiVersion(), ref.kind()).namespaced());
      } catch (NotServed e) {
        namespaced = Optional.empty();
      }
    }
    // Without an answer, kinds applied before configuration are cluster-wide, the rest namespaced.
    boolean ns = namespaced.orElse(ApplyOrder.rank(ref.groupKind()) > ApplyOrder.CLUSTER_OBJECTS);
    return ns ? ref.inNamespace(defaultNamespace) : ref;
  }

  private Optional<ObjectOutcome> skipped(Step step, Map<ObjectRef, ObjectOutcome> done) {
    for (Dependency d : step.dependsOn()) {
      ObjectOutcome o = done.get(d.ref());
      if (o != null && o.action().isFailure()) {
        String what =
            o.action() == Action.SKIPPED
                ? "was not applied either"
                : "failed (" + o.action().name().toLowerCase(java.util.Locale.ROOT) + ")";
        String consequence;
        switch (d.relation()) {
          case GANG:
            consequence = "creating this member alone would start a partial gang";
            break;
          case CLAIM:
            consequence = "its pods could not get their devices";
            break;
          default:
            consequence = "it cannot be created without it";
        }
        return Optional.of(
            ObjectOutcome.builder()
                .ref(step.ref())
                .action(Action.SKIPPED)
                .message(
                    "not applied: its "
                        + d.relation().label()
                        + " "
                        + d.ref()
                        + " "
                        + what
                        + "; "
                        + consequence)
                .attempts(0)
                .build());
      }
    }
    return Optional.empty();
  }

  private ObjectOutcome validate(Step step, ManifestBundle bundle, Validator validator) {
    List<Diagnostic> errors =
        validator.validate(step.manifest(), bundle).stream()
            .filter(d -> d.severity() == Severity.ERROR)
            .collect(Collectors.toList());
    if (!errors.isEmpty()) {
      return ObjectOutcome.builder()
          .ref(step.ref())
          .action(Action.REJECTED)
          .message(
              "client dry run: "
                  + errors.size()
                  + " API error"
                  + (errors.size() == 1 ? "" : "s")
                  + " for Kubernetes "
                  + validator.targetVersion().label())
          .causes(errors)
          .attempts(0)
          .build();
    }
    return ObjectOutcome.builder()
        .ref(step.ref())
        .action(Action.VALIDATED)
        .message(
            "client dry run: passes API validation for Kubernetes "
                + validator.targetVersion().label())
        .attempts(0)
        .build();
  }

  private ObjectOutcome applyOne(
      Step step, ApplyOptions options, Map<ObjectRef, ObjectOutcome> done) {
    ObjectRef ref = step.ref();
    HasMetadata object = step.object();
    if (object.getMetadata() == null
        || object.getMetadata().getName() == null
        || object.getMetadata().getName().isEmpty()) {
      return rejectedLocally(
          ref,
          "metadata.name",
          Reason.REQUIRED,
          "server-side apply needs metadata.name; metadata.generateName cannot be applied",
          "give the object a name");
    }
    ResourceType type;
    try {
      type = resolve(step, done);
    } catch (NotServed e) {
      return ObjectOutcome.builder().ref(ref).action(Action.FAILED).message(e.getMessage()).build();
    }
    boolean serverDryRun = options.dryRun() == ApplyOptions.DryRun.SERVER;
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fieldManager", options.fieldManager());
    // Strict: unknown or duplicate fields are rejected, never dropped silently.
    query.put("fieldValidation", "Strict");
    query.put("force", Boolean.toString(options.forceConflicts()));
    if (serverDryRun) {
      query.put("dryRun", "All");
    }
    String path = ApiServer.query(type.objectPath(ref.namespace(), ref.name()), query);
    ApiServer.Answer a = api.patch(ref, path, APPLY_PATCH, applyBody(object));
    return outcome(ref, a, serverDryRun, options);
  }

  /**
   * Resolves the step's kind; when its CRD was applied earlier in this run, waits (under the retry
   * policy) for the API server to serve the new kind.
   */
  private ResourceType resolve(Step step, Map<ObjectRef, ObjectOutcome> done) throws NotServed {
    ObjectRef ref = step.ref();
    boolean definitionApplied =
        step.dependsOn().stream()
            .anyMatch(
                d ->
                    d.relation() == Relation.DEFINITION
                        && done.containsKey(d.ref())
                        && !done.get(d.ref()).action().isFailure());
    long start = api.clock().millis();
    for (int attempt = 1; ; attempt++) {
      try {
        return locator.resolve(ref, ref.apiVersion(), ref.kind());
      } catch (NotServed e) {
        Duration delay = retryPolicy.backoff(attempt, 0);
        if (!definitionApplied
            || e.statusCode() != 404
            || attempt >= retryPolicy.maxAttempts()
            || api.clock().millis() - start + delay.toMillis()
                > retryPolicy.maxElapsed().toMillis()) {
          throw e;
        }
        progress.retrying(
            ref, attempt, delay, "waiting for its CustomResourceDefinition to be established");
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        locator.invalidate();
      }
    }
  }

  private ObjectOutcome outcome(
      ObjectRef ref, ApiServer.Answer a, boolean dryRun, ApplyOptions options) {
    OutcomeFor b = new OutcomeFor(ref, a.attempts());
    if (a.code() == 201 || a.code() == 200) {
      boolean created = a.code() == 201;
      if (dryRun) {
        return b.of(
            Action.VALIDATED, "server dry run: would be " + (created ? "created" : "configured"));
      }
      return b.of(created ? Action.CREATED : Action.CONFIGURED, "");
    }
    if (a.noAnswer() || a.failure() != null) {
      return b.of(Action.FAILED, Answers.describe(a));
    }
    Optional<ApiStatus> status = ApiStatus.parse(a.body());
    switch (a.code()) {
      case 409:
        {
          List<ApiStatus.Conflict> conflicts = status.map(ApiStatus::conflicts).orElse(List.of());
          if (conflicts.isEmpty()) {
            return b.of(
                Action.CONFLICT, "HTTP 409 " + status.map(ApiStatus::summary).orElse("Conflict"));
          }
          String hint =
              "re-apply with force-conflicts to take these fields over from their manager, or"
                  + " remove them from the manifest to leave them to it";
          List<Diagnostic> causes = new ArrayList<>();
          for (ApiStatus.Conflict c : conflicts) {
            causes.add(
                Diagnostic.builder()
                    .rule(ApiStatus.RULE_CONFLICT)
                    .category(Category.API)
                    .severity(Severity.ERROR)
                    .object(ref)
                    .path(c.field())
                    .message(
                        "field is managed by "
                            + (c.manager().isEmpty()
                                ? "another manager"
                                : "\"" + c.manager() + "\"")
                            + (c.apiVersion().isEmpty() ? "" : " (" + c.apiVersion() + ")")
                            + ", not by \""
                            + options.fieldManager()
                            + "\"")
                    .hint(hint)
                    .build());
          }
          return b.with(
              Action.CONFLICT,
              ApiStatus.describeConflicts(conflicts)
                  + " (field manager \""
                  + options.fieldManager()
                  + "\")",
              causes);
        }
      case 400:
      case 422:
        return b.with(
            Action.REJECTED,
            "HTTP " + a.code() + " " + status.map(ApiStatus::summary).orElse(a.body()),
            status
                .map(
                    s ->
                        s.diagnostics(
                            ref, ApiStatus.RULE_REJECTED, "fix the field and apply again"))
                .orElse(List.of()));
      case 403:
        {
          String summary = status.map(ApiStatus::summary).orElse("Forbidden");
          if (summary.contains("admission webhook") || summary.contains("denied the request")) {
            return b.with(
                Action.REJECTED,
                "HTTP 403 " + summary,
                status
                    .map(
                        s ->
                            s.diagnostics(
                                ref, ApiStatus.RULE_REJECTED, "satisfy the admission policy"))
                    .orElse(List.of()));
          }
          return b.of(
              Action.FAILED,
              "HTTP 403 "
                  + summary
                  + "; the kubeconfig's user may not patch "
                  + ref.groupKind()
                  + " here (kubectl auth can-i patch "
                  + ref.kind().toLowerCase(java.util.Locale.ROOT)
                  + (ref.namespace().isEmpty() ? "" : " -n " + ref.namespace())
                  + ")");
        }
      case 404:
        {
          String summary = status.map(ApiStatus::summary).orElse("Not Found");
          if (status.map(s -> "namespaces".equals(s.detailsKind())).orElse(false)) {
            return b.of(
                Action.FAILED,
                "HTTP 404 "
                    + summary
                    + "; add a Namespace "
                    + ref.namespace()
                    + " to the bundle or create it first");
          }
          boolean served =
              locator.listedInDiscovery(ref, ref.apiVersion(), ref.kind()).orElse(false);
          return b.of(
              Action.FAILED,
              "HTTP 404 "
                  + summary
                  + (served
                      ? "; the server lists "
                          + ref.apiVersion()
                          + " "
                          + ref.kind()
                          + " in discovery but answered 404 to server-side apply, so it does not"
                          + " implement server-side apply (fabric8's mock server in CRUD mode does"
                          + " not)"
                      : "; the cluster does not serve " + ref.apiVersion() + " " + ref.kind()));
        }
      case 415:
        return b.of(
            Action.FAILED,
            "HTTP 415 "
                + status.map(ApiStatus::summary).orElse("Unsupported Media Type")
                + "; the server does not support server-side apply ("
                + APPLY_PATCH
                + ")");
      default:
        return b.of(Action.FAILED, Answers.describe(a));
    }
  }

  /** Builds outcomes for one ref. */
  private static final class OutcomeFor {
    private final ObjectRef ref;
    private final int attempts;

    OutcomeFor(ObjectRef ref, int attempts) {
      this.ref = ref;
      this.attempts = attempts;
    }

    ObjectOutcome of(Action action, String message) {
      return with(action, message, List.of());
    }

    ObjectOutcome with(Action action, String message, List<Diagnostic> causes) {
      return ObjectOutcome.builder()
          .ref(ref)
          .action(action)
          .message(message)
          .causes(causes)
          .attempts(attempts)
          .build();
    }
  }

  private static ObjectOutcome rejectedLocally(
      ObjectRef ref, String path, Reason reason, String message, String hint) {
    return ObjectOutcome.builder()
        .ref(ref)
        .action(Action.REJECTED)
        .message(message)
        .addCause(
            Diagnostic.builder()
                .rule(ApiStatus.RULE_REJECTED)
                .category(Category.API)
                .severity(Severity.ERROR)
                .object(ref)
                .path(path)
                .reason(reason)
                .message(message)
                .hint(hint)
                .build())
        .attempts(0)
        .build();
  }

  /** The object as server-side apply takes it: managedFields are the server's to write. */
  static String applyBody(HasMetadata object) {
    HasMetadata body = object;
    if (object.getMetadata() != null && object.getMetadata().getManagedFields() != null) {
      body = KubeSerialization.get().clone(object);
      body.getMetadata().setManagedFields(null);
    }
    return KubeSerialization.get().asJson(body);
  }

  private static ManifestBundle labelled(ManifestBundle bundle, Prune prune) {
    ManifestBundle.Builder b = ManifestBundle.builder();
    for (Manifest m : bundle) {
      HasMetadata copy = KubeSerialization.get().clone(m.object());
      if (copy.getMetadata() == null) {
        copy.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
      }
      Map<String, String> labels =
          copy.getMetadata().getLabels() == null
              ? new LinkedHashMap<>()
              : new LinkedHashMap<>(copy.getMetadata().getLabels());
      labels.put(prune.labelKey(), prune.bundleName());
      copy.getMetadata().setLabels(labels);
      b.add(m.withObject(copy));
    }
    return b.build();
  }

  private List<ObjectOutcome> prune(
      ApplyPlan plan, Prune prune, ApplyOptions options, List<ObjectOutcome> applied) {
    Set<String> inBundle = new LinkedHashSet<>();
    Set<String> namespaces = new TreeSet<>();
    Set<GroupKind> kinds = new LinkedHashSet<>();
    for (Step s : plan.steps()) {
      inBundle.add(key(s.ref().groupKind(), s.ref().namespace(), s.ref().name()));
      kinds.add(s.ref().groupKind());
      if (!s.ref().namespace().isEmpty()) {
        namespaces.add(s.ref().namespace());
      }
    }
    if (namespaces.isEmpty()) {
      namespaces.add(defaultNamespace);
    }
    kinds.addAll(prune.kinds());
    kinds.addAll(RENDERED_KINDS);
    List<Candidate> candidates = new ArrayList<>();
    for (GroupKind kind : kinds) {
      ResourceType type;
      ObjectRef about = ObjectRef.of("", kind.kind(), "", "(prune)");
      try {
        String apiVersion = locator.preferredApiVersion(about, kind);
        type = locator.resolve(about, apiVersion, kind.kind());
      } catch (NotServed notServed) {
        continue; // a kind the cluster does not serve has nothing to prune
      }
      for (String ns : type.namespaced() ? namespaces : Set.of("")) {
        String path =
            ApiServer.query(type.collectionPath(ns), Map.of("labelSelector", prune.selector()));
        ApiServer.Answer a = api.get(about, path);
        if (!a.isSuccess()) {
          continue;
        }
        for (Map<String, Object> item : Discovery.items(a.body())) {
          Map<String, Object> meta = ApplyPlan.map(item.get("metadata"));
          String name = ApplyPlan.string(meta.get("name"));
          String itemNs = type.namespaced() ? ns : "";
          if (name != null && !inBundle.contains(key(kind, itemNs, name))) {
            candidates.add(
                new Candidate(ObjectRef.of(type.apiVersion(), kind.kind(), itemNs, name), type));
          }
        }
      }
    }
    // Delete dependents first: workloads before gang objects before claims before namespaces.
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> -ApplyOrder.rank(c.ref.groupKind()))
            .thenComparing(c -> c.ref));
    List<ObjectOutcome> out = new ArrayList<>();
    boolean failed = applied.stream().anyMatch(o -> o.action().isFailure());
    boolean dryRun = options.dryRun() == ApplyOptions.DryRun.SERVER;
    for (Candidate c : candidates) {
      if (failed) {
        out.add(
            ObjectOutcome.builder()
                .ref(c.ref)
                .action(Action.SKIPPED)
                .message(
                    "not pruned: it carries "
                        + prune.selector()
                        + " but is no longer in the bundle; pruning waits until every object of the"
                        + " bundle applies")
                .attempts(0)
                .build());
        continue;
      }
      String path = c.type.objectPath(c.ref.namespace(), c.ref.name());
      if (dryRun) {
        path = ApiServer.query(path, Map.of("dryRun", "All"));
      }
      ApiServer.Answer a =
          api.delete(
              c.ref, path, String.format(DELETE_OPTIONS, dryRun ? ",\"dryRun\":[\"All\"]" : ""));
      OutcomeFor b = new OutcomeFor(c.ref, a.attempts());
      if (a.isSuccess() || a.code() == 404) {
        out.add(
            dryRun
                ? b.of(
                    Action.VALIDATED,
                    "server dry run: would be pruned (carries " + prune.selector() + ")")
                : b.of(
                    Action.PRUNED,
                    "carried " + prune.selector() + " but is no longer in the bundle"));
      } else {
        out.add(b.of(Action.FAILED, "prune failed: " + Answers.describe(a)));
      }
    }
    return out;
  }

  private record Candidate(ObjectRef ref, ResourceType type) {}

  private static String key(GroupKind kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  public Optional<HasMetadata> get(ObjectRef ref) {
    ResourceType type = resolveOrThrow(ref, ref.apiVersion(), ref.kind());
    String ns = ref.namespace().isEmpty() && type.namespaced() ? defaultNamespace : ref.namespace();
    ApiServer.Answer a = api.get(ref, type.objectPath(ns, ref.name()));
    if (a.code() == 404 && a.failure() == null) {
      return Optional.empty();
    }
    if (!a.isSuccess()) {
      throw new ClusterRequestException("GET " + ref + ": " + Answers.describe(a), a.code(), null);
    }
    return Optional.of(toObject(Discovery.tree(a.body()), type));
  }

  public List<HasMetadata> list(GroupKind kind, String namespace, String labelSelector) {
    ObjectRef about = ObjectRef.of("", kind.kind(), namespace, "(list)");
    ResourceType type;
    try {
      type = locator.resolve(about, locator.preferredApiVersion(about, kind), kind.kind());
    } catch (NotServed e) {
      throw new ClusterRequestException(e.getMessage(), e.statusCode(), e);
    }
    String path = type.collectionPath(namespace);
    if (labelSelector != null && !labelSelector.isEmpty()) {
      path = ApiServer.query(path, Map.of("labelSelector", labelSelector));
    }
    ApiServer.Answer a = api.get(about, path);
    if (!a.isSuccess()) {
      throw new ClusterRequestException(
          "list " + kind + ": " + Answers.describe(a), a.code(), null);
    }
    List<HasMetadata> out = new ArrayList<>();
    for (Map<String, Object> item : Discovery.items(a.body())) {
      out.add(toObject(item, type));
    }
    out.sort(Comparator.comparing(ObjectRef::of));
    return out;
  }

  public boolean delete(ObjectRef ref) {
    ResourceType type = resolveOrThrow(ref, ref.apiVersion(), ref.kind());
    String ns = ref.namespace().isEmpty() && type.namespaced() ? defaultNamespace : ref.namespace();
    ApiServer.Answer a =
        api.delete(ref, type.objectPath(ns, ref.name()), String.format(DELETE_OPTIONS, ""));
    if (a.code() == 404 && a.failure() == null) {
      return false;
    }
    if (!a.isSuccess()) {
      throw new ClusterRequestException(
          "DELETE " + ref + ": " + Answers.describe(a), a.code(), null);
    }
    return true;
  }

  private ResourceType resolveOrThrow(ObjectRef ref, String apiVersion, String kind) {
    try {
      return locator.resolve(ref, apiVersion, kind);
    } catch (NotServed e) {
      throw new ClusterRequestException(ref + ": " + e.getMessage(), e.statusCode(), e);
    }
  }

  /** A fabric8 model object when there is a model for the kind, else a generic resource. */
  static HasMetadata toObject(Map<String, Object> item, ResourceType type) {
    Map<String, Object> copy = new LinkedHashMap<>(item);
    copy.putIfAbsent("apiVersion", type.apiVersion());
    copy.putIfAbsent("kind", type.kind());
    Class<? extends HasMetadata> cls =
        ResourceLocator.modelClass(type.apiVersion(), type.kind())
            .orElse(GenericKubernetesResource.class);
    return KubeSerialization.get().convertValue(copy, cls);
  }
}
