package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.ApiResources;
import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ApplyOptions;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.ClusterCapabilities;
import dev.aiconform.core.cluster.ClusterExtension;
import dev.aiconform.core.cluster.ClusterState;
import dev.aiconform.core.cluster.Controller;
import dev.aiconform.core.cluster.Convergence;
import dev.aiconform.core.cluster.GroupReporter;
import dev.aiconform.core.cluster.MutatingAdmission;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.core.cluster.SchedulingPlugin;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.internal.GeneratedNames;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.internal.Timestamps;
import dev.aiconform.core.internal.cluster.controllers.DeploymentController;
import dev.aiconform.core.internal.cluster.controllers.JobController;
import dev.aiconform.core.internal.cluster.controllers.ReplicaSetController;
import dev.aiconform.core.internal.cluster.controllers.StatefulSetController;
import dev.aiconform.core.internal.cluster.scheduler.CorePlugins;
import dev.aiconform.core.internal.cluster.scheduler.Scheduler;
import dev.aiconform.core.internal.cluster.scheduler.SchedulerHost;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link dev.aiconform.core.cluster.InMemoryCluster}: the object store with
 * admission, the controllers and the scheduling framework, run round after round to quiescence on
 * the caller's thread.
 */
public final class SimulatedCluster implements ClusterState, SchedulerHost {
  /** The rule ids of what admission reports outside the validator's rules. */
  public static final String NAME_RULE = "core.admission.name";

  public static final String PRIORITY_CLASS_RULE = "core.admission.priority-class";

  public static final String GENERIC_WORKLOAD = "GenericWorkload";

  /** PodLevelResources: beta and on by default since 1.34. */
  static final FeatureGate POD_LEVEL_RESOURCES =
      FeatureGate.of("PodLevelResources").enabledSince(TargetVersion.V1_34);

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedCluster.class);
  private static final GroupKind POD = GroupKind.of("", "Pod");
  private static final GroupKind NODE = GroupKind.of("", "Node");
  private static final GroupKind NAMESPACE = GroupKind.of("", "Namespace");
  private static final GroupKind CRD =
      GroupKind.of("apiextensions.k8s.io", "CustomResourceDefinition");
  private static final GroupKind API_SERVICE = GroupKind.of("apiregistration.k8s.io", "APIService");
  private static final GroupKind RESOURCE_CLAIM = GroupKind.of("resource.k8s.io", "ResourceClaim");

  /** How a cluster is configured. */
  public record Config(
      TargetVersion targetVersion,
      Map<String, Boolean> featureGates,
      Validator validator,
      Instant startTime,
      int maxRounds,
      int searchBudget) {}

  private final TargetVersion version;
  private final Map<String, Boolean> gates;
  private final Validator validator;
  private final boolean validates;
  private final int maxRounds;
  private Instant now;

  private final ObjectStore store = new ObjectStore();
  private final List<Controller> controllers;
  private final Scheduler scheduler;
  private final List<GroupReporter> reporters;
  private final List<MutatingAdmission> admissions;
  private final Set<String> extensionGroupVersions;
  private final Map<Class<?>, Object> services;
  private final LinkedHashSet<Diagnostic> rejected = new LinkedHashSet<>();
  private final LinkedHashSet<String> errors = new LinkedHashSet<>();
  private final Map<String, Integer> podIpsUsed = new HashMap<>();
  private final Map<String, Long> nameAttempts = new HashMap<>();
  private long storeEpoch;
  private int nodesCreated;
  private ManifestBundle bundleCache;
  private List<Manifest> dryRunAdmitted = List.of();
  private Convergence lastConvergence = new Convergence(0, true, List.of());

  public SimulatedCluster(Config config, List<ClusterExtension> extensions) {
    this.version = config.targetVersion();
    this.gates = Map.copyOf(config.featureGates());
    this.validator =
        config.validator() != null
            ? config.validator()
            : Validator.builder()
                .targetVersion(version)
                .featureGates(gates)
                .categories(Category.API)
                .build();
    this.validates = !validator.rules().isEmpty();
    this.maxRounds = config.maxRounds();
    this.now = config.startTime();
    ExtensionSetup setup = new ExtensionSetup(version, gates);
    for (ClusterExtension e : extensions) {
      try {
        e.install(setup);
      } catch (RuntimeException ex) {
        throw new IllegalStateException(
            "cluster extension " + e.getClass().getName() + " failed to install: " + ex, ex);
      }
    }
    List<Controller> all = new ArrayList<>();
    all.add(new GarbageCollector(this));
    all.add(new DeploymentController());
    all.add(new ReplicaSetController());
    all.add(new StatefulSetController());
    all.add(new JobController());
    all.addAll(setup.controllers);
    this.controllers = List.copyOf(all);
    List<SchedulingPlugin> plugins = new ArrayList<>(CorePlugins.all());
    plugins.addAll(setup.plugins);
    this.scheduler = new Scheduler(this, plugins, config.searchBudget());
    this.reporters = List.copyOf(setup.reporters);
    this.admissions = List.copyOf(setup.admissions);
    this.extensionGroupVersions = Collections.unmodifiableSet(new TreeSet<>(setup.groupVersions));
    this.services = Map.copyOf(setup.services);
  }

  // ================================================================ ClusterClient side

  public ApplyResult apply(ManifestBundle bundle, ApplyOptions options) {
    boolean dryRun = options.dryRun() != ApplyOptions.DryRun.NONE;
    List<ObjectOutcome> outcomes = new ArrayList<>();
    // A dry run stores nothing, but what it admitted is context for the bundle's later objects.
    dryRunAdmitted = dryRun ? new ArrayList<>() : List.of();
    try {
      for (Manifest m : bundle.inApplyOrder()) {
        outcomes.add(admit(m, dryRun, true));
      }
    } finally {
      dryRunAdmitted = List.of();
    }
    if (!dryRun) {
      settle();
    }
    return new ApplyResult(outcomes);
  }

  public Optional<HasMetadata> find(ObjectRef ref) {
    return store.get(keyOf(ref)).map(so -> copy(so.object));
  }

  public List<HasMetadata> find(GroupKind kind, String namespace) {
    boolean namespaced = isNamespaced(kind);
    return store.list(kind).stream()
        .filter(so -> namespace == null || !namespaced || so.key.namespace().equals(namespace))
        .map(so -> copy(so.object))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Deletes the object (and, through the garbage collector, what it owns), then settles. */
  public boolean deleteAndSettle(ObjectRef ref) {
    ObjectKey key = keyOf(ref);
    boolean deleted = delete(key.kind(), key.namespace(), key.name());
    if (deleted) {
      settle();
    }
    return deleted;
  }

  public List<Pod> podCopies() {
    return store.list(POD).stream()
        .map(so -> (Pod) copy(so.object))
        .collect(Collectors.toUnmodifiableList());
  }

  public Convergence advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "the clock only moves forward, was asked to move " + duration);
    }
    now = now.plus(duration);
    // Time passing is an event: plugins with timeouts may decide differently now.
    storeEpoch++;
    return settle();
  }

  public <T> Optional<T> serviceOf(Class<T> type) {
    return Optional.ofNullable(services.get(type)).map(type::cast);
  }

  // ================================================================ quiescence

  public Convergence lastConvergence() {
    return lastConvergence;
  }

  /** Runs controllers, then a scheduling round, until nothing changes. */
  public Convergence settle() {
    lastConvergence = runToQuiescence();
    return lastConvergence;
  }

  private Convergence runToQuiescence() {
    List<String> unsettled = List.of();
    for (int round = 1; round <= maxRounds; round++) {
      long writesBefore = store.resourceVersion();
      long progressBefore = scheduler.progress();
      List<String> reporting = new ArrayList<>();
      for (Controller c : controllers) {
        if (reconcile(c)) {
          reporting.add(c.name());
        }
      }
      scheduler.round();
      boolean schedulerMoved = scheduler.progress() != progressBefore;
      if (reporting.isEmpty() && !schedulerMoved && store.resourceVersion() == writesBefore) {
        if (scheduler.hasWaiting()) {
          scheduler.rejectWaitingAtQuiescence();
          continue;
        }
        return new Convergence(round, true, List.of());
      }
      List<String> busy = new ArrayList<>(reporting);
      if (schedulerMoved) {
        busy.add("scheduler");
      }
      unsettled = busy;
    }
    LOG.warn(
        "the in-memory cluster did not settle within {} rounds; still changing: {}",
        maxRounds,
        unsettled);
    return new Convergence(maxRounds, false, unsettled);
  }

  private boolean reconcile(Controller c) {
    try {
      return c.reconcile(this);
    } catch (RuntimeException e) {
      recordError("controller " + c.name() + " failed", e);
      return false;
    }
  }

  // ================================================================ admission

  private ObjectOutcome admit(Manifest manifest, boolean dryRun, boolean apply) {
    HasMetadata obj;
    try {
      obj = normalized(manifest.object());
    } catch (RuntimeException e) {
      return ObjectOutcome.of(
          manifest.ref(), Action.FAILED, "the object could not be read: " + e.getMessage());
    }
    GroupKind kind = GroupKind.of(obj);
    if (kind.kind().isEmpty()) {
      return ObjectOutcome.of(
          manifest.ref(), Action.FAILED, "the object has no kind, so the cluster cannot store it");
    }
    if (obj.getMetadata() == null) {
      obj.setMetadata(new ObjectMeta());
    }
    ObjectMeta meta = obj.getMetadata();
    if (isNamespaced(kind)) {
      if (isEmpty(meta.getNamespace())) {
        meta.setNamespace("default");
      }
    } else {
      meta.setNamespace(null);
    }
    String ns = meta.getNamespace() == null ? "" : meta.getNamespace();
    GeneratedNames.Generated generated = null;
    if (isEmpty(meta.getName())) {
      if (isEmpty(meta.getGenerateName())) {
        Diagnostic d =
            admissionDiagnostic(
                NAME_RULE,
                ObjectRef.of(obj),
                manifest,
                FieldPath.of("metadata", "name"),
                Reason.REQUIRED,
                "name or generateName is required",
                "set metadata.name (or metadata.generateName for a generated name)");
        Status status =
            ApiErrors.invalidFields(
                kind,
                "",
                List.of(
                    new ApiErrors.FieldError(
                        "metadata.name", Reason.REQUIRED, "name or generateName is required")));
        return reject(ObjectRef.of(obj), status, List.of(d));
      }
      generated =
          GeneratedNames.generate(
              kind + "/" + ns,
              meta.getGenerateName(),
              nameAttempts,
              name -> store.contains(new ObjectKey(kind, ns, name)));
      meta.setName(generated.name());
    }
    ObjectKey key = new ObjectKey(kind, ns, meta.getName());
    Optional<StoredObject> existing = store.get(key);
    if (existing.isPresent()) {
      if (!apply) {
        Status status = ApiErrors.alreadyExists(kind, key.name());
        return ObjectOutcome.builder()
            .ref(ObjectRef.of(obj))
            .action(Action.FAILED)
            .message(status.getMessage())
            .status(status)
            .build();
      }
      return admitUpdate(manifest, obj, existing.get(), dryRun);
    }
    ObjectOutcome created = admitCreate(manifest, obj, key, dryRun, apply);
    if (generated != null && created.action() == Action.CREATED) {
      nameAttempts.put(generated.key(), generated.nextAttempt());
    }
    return created;
  }

  private ObjectOutcome admitCreate(
      Manifest manifest, HasMetadata obj, ObjectKey key, boolean dryRun, boolean apply) {
    Map<String, Object> lastApplied = apply ? applied(obj) : null;
    RegistryStrategies.prepareForCreate(obj, store.nextUid(key), Timestamps.format(now));
    if (obj instanceof Node && !dryRun) {
      RegistryStrategies.assignPodCidr((Node) obj, nodesCreated);
    }
    Optional<ObjectOutcome> failed = runAdmissions(obj, MutatingAdmission.Operation.CREATE);
    if (failed.isPresent()) {
      return failed.get();
    }
    HasMetadata defaulted = defaulted(obj);
    ObjectRef ref = ObjectRef.of(defaulted);
    if (defaulted instanceof Pod) {
      Optional<String> forbidden = PriorityAdmission.admit((Pod) defaulted, this);
      if (forbidden.isPresent()) {
        Diagnostic d =
            admissionDiagnostic(
                PRIORITY_CLASS_RULE,
                ref,
                manifest,
                FieldPath.of("spec", "priorityClassName"),
                Reason.FORBIDDEN,
                forbidden.get(),
                "create the PriorityClass first, or name an existing one");
        return reject(
            ref, ApiErrors.forbidden(key.kind(), key.name(), forbidden.get()), List.of(d));
      }
    }
    Manifest candidate = manifest.withObject(defaulted);
    List<Diagnostic> errors = validate(candidate, key);
    if (!errors.isEmpty()) {
      return reject(ref, ApiErrors.invalid(key.kind(), key.name(), errors), errors);
    }
    if (dryRun) {
      dryRunAdmitted.add(candidate);
      return ObjectOutcome.of(ref, Action.VALIDATED, "");
    }
    if (defaulted instanceof Node) {
      nodesCreated++;
    }
    store.insert(key, defaulted, candidate, lastApplied, now);
    written(true);
    return ObjectOutcome.of(ObjectRef.of(defaulted), Action.CREATED, "");
  }

  private ObjectOutcome admitUpdate(
      Manifest manifest, HasMetadata incoming, StoredObject so, boolean dryRun) {
    Map<String, Object> desired = applied(incoming);
    Map<String, Object> merged =
        ApplyMerge.merge(ObjectStore.tree(so.object), so.lastApplied, desired);
    HasMetadata candidate = KubeSerialization.get().convertValue(merged, so.object.getClass());
    RegistryStrategies.prepareForUpdate(candidate, so.object);
    Optional<ObjectOutcome> failed = runAdmissions(candidate, MutatingAdmission.Operation.UPDATE);
    if (failed.isPresent()) {
      return failed.get();
    }
    HasMetadata defaulted = defaulted(candidate);
    ObjectRef ref = ObjectRef.of(defaulted);
    Manifest checked = manifest.withObject(defaulted);
    List<Diagnostic> errors = validate(checked, so.key);
    if (!errors.isEmpty()) {
      return reject(ref, ApiErrors.invalid(so.key.kind(), so.key.name(), errors), errors);
    }
    if (dryRun) {
      dryRunAdmitted.add(checked);
      return ObjectOutcome.of(ref, Action.VALIDATED, "");
    }
    boolean changed = store.record(so, defaulted);
    so.lastApplied = desired;
    if (!changed) {
      return ObjectOutcome.of(ref, Action.UNCHANGED, "");
    }
    so.manifest = checked;
    written(true);
    return ObjectOutcome.of(ref, Action.CONFIGURED, "");
  }

  private Optional<ObjectOutcome> runAdmissions(HasMetadata obj, MutatingAdmission.Operation op) {
    for (MutatingAdmission m : admissions) {
      try {
        m.admit(obj, op, this);
      } catch (RuntimeException e) {
        String message = recordError("admission " + m.getClass().getName() + " failed", e);
        return Optional.of(ObjectOutcome.of(ObjectRef.of(obj), Action.FAILED, message));
      }
    }
    return Optional.empty();
  }

  /** What was applied, as kubectl records it: without server-owned metadata. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> applied(HasMetadata obj) {
    Map<String, Object> tree = ObjectStore.tree(obj);
    Object meta = tree.get("metadata");
    if (meta instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) meta);
      for (String field :
          List.of("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields")) {
        m.remove(field);
      }
      tree.put("metadata", m);
    }
    return tree;
  }

  private HasMetadata defaulted(HasMetadata obj) {
    try {
      return validator.defaulted(obj);
    } catch (RuntimeException e) {
      LOG.warn("defaulting {} failed", ObjectRef.of(obj), e);
      return obj;
    }
  }

  private List<Diagnostic> validate(Manifest candidate, ObjectKey key) {
    if (!validates) {
      return List.of();
    }
    List<Diagnostic> found = validator.validate(candidate, contextBundle(candidate, key));
    return found.stream()
        .filter(d -> d.category() == Category.API && d.severity() == Severity.ERROR)
        .collect(Collectors.toList());
  }

  /**
   * What the cluster holds (and what a dry run of the same apply admitted before), the incoming
   * object in place of its stored version.
   */
  private ManifestBundle contextBundle(Manifest candidate, ObjectKey key) {
    if (bundleCache == null) {
      List<Manifest> all = new ArrayList<>();
      store.all().forEach(so -> all.add(so.manifest));
      bundleCache = ManifestBundle.ofManifests(all);
    }
    ManifestBundle held =
        store.contains(key) ? bundleCache.filter(m -> !sameKey(m, key)) : bundleCache;
    ManifestBundle.Builder context = held.toBuilder();
    for (Manifest m : dryRunAdmitted) {
      if (!sameKey(m, key)) {
        context.add(m);
      }
    }
    return context.add(candidate).build();
  }

  private boolean sameKey(Manifest m, ObjectKey key) {
    ObjectRef r = m.ref();
    return key.kind().matches(m.object())
        && r.name().equals(key.name())
        && r.namespace().equals(key.namespace());
  }

  private ObjectOutcome reject(ObjectRef ref, Status status, List<Diagnostic> causes) {
    rejected.addAll(causes);
    return ObjectOutcome.builder()
        .ref(ref)
        .action(Action.REJECTED)
        .message(status.getMessage())
        .causes(causes)
        .status(status)
        .build();
  }

  private Diagnostic admissionDiagnostic(
      String rule,
      ObjectRef ref,
      Manifest manifest,
      FieldPath path,
      Reason reason,
      String message,
      String hint) {
    return Diagnostic.builder()
        .rule(rule)
        .category(Category.API)
        .severity(Severity.ERROR)
        .object(ref)
        .source(manifest.locate(path))
        .path(path.toString())
        .reason(reason)
        .message(message)
        .hint(hint)
        .build();
  }

  /** A private, typed copy of what was given: fabric8's class for the kind when it has one. */
  private static HasMetadata normalized(HasMetadata given) {
    if (given instanceof GenericKubernetesResource) {
      Class<? extends KubernetesResource> type =
          KubeSerialization.get()
              .getRegisteredKubernetesResource(given.getApiVersion(), given.getKind());
      if (type != null
          && HasMetadata.class.isAssignableFrom(type)
          && type != GenericKubernetesResource.class) {
        return (HasMetadata) KubeSerialization.get().convertValue(given, type);
      }
    }
    return KubeSerialization.get().clone(given);
  }

  private static HasMetadata copy(HasMetadata o) {
    return KubeSerialization.get().clone(o);
  }

  private void written(boolean relevant) {
    if (relevant) {
      storeEpoch++;
    }
    bundleCache = null;
  }

  // ================================================================ scopes and keys

  private boolean isNamespaced(GroupKind kind) {
    for (StoredObject so : store.list(CRD)) {
      CustomResourceDefinition crd = (CustomResourceDefinition) so.object;
      if (crd.getSpec() != null
          && crd.getSpec().getNames() != null
          && kind.kind().equals(crd.getSpec().getNames().getKind())
          && kind.group().equals(crd.getSpec().getGroup())) {
        return !"Cluster".equals(crd.getSpec().getScope());
      }
    }
    return ApiResources.isNamespaced(kind);
  }

  private ObjectKey keyOf(ObjectRef ref) {
    GroupKind kind = ref.groupKind();
    String ns = isNamespaced(kind) ? (ref.namespace().isEmpty() ? "default" : ref.namespace()) : "";
    return new ObjectKey(kind, ns, ref.name());
  }

  private ObjectKey keyOf(GroupKind kind, String namespace, String name) {
    String ns = isNamespaced(kind) ? (isEmpty(namespace) ? "default" : namespace) : "";
    return new ObjectKey(kind, ns, name);
  }

  private static GroupKind kindOf(Class<? extends HasMetadata> type) {
    return GroupKind.of(HasMetadata.getGroup(type), HasMetadata.getKind(type));
  }

  // ================================================================ ClusterState

  @Override
  public TargetVersion targetVersion() {
    return version;
  }

  @Override
  public boolean isEnabled(FeatureGate gate) {
    return gates.getOrDefault(gate.name(), gate.enabledByDefault(version));
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public <T extends HasMetadata> List<T> list(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (StoredObject so : store.list(kindOf(type))) {
      if (type.isInstance(so.object)) {
        out.add(type.cast(so.object));
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<HasMetadata> list(GroupKind kind) {
    return ObjectStore.objects(store.list(kind));
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return store
        .get(keyOf(kindOf(type), namespace, name))
        .map(so -> so.object)
        .filter(type::isInstance)
        .map(type::cast);
  }

  @Override
  public Optional<HasMetadata> get(GroupKind kind, String namespace, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return store.get(keyOf(kind, namespace, name)).map(so -> so.object);
  }

  @Override
  public ObjectOutcome create(HasMetadata object) {
    return admit(Manifest.of(object), false, false);
  }

  @Override
  public void update(HasMetadata object) {
    record(object, true);
  }

  private void record(HasMetadata object, boolean relevant) {
    if (object.getMetadata() == null || object.getMetadata().getName() == null) {
      throw new IllegalArgumentException("an object to update needs metadata.name: " + object);
    }
    ObjectKey key =
        keyOf(
            GroupKind.of(object),
            object.getMetadata().getNamespace(),
            object.getMetadata().getName());
    Optional<StoredObject> so = store.get(key);
    if (so.isEmpty()) {
      LOG.debug("update of {} ignored: it is not stored (deleted meanwhile?)", key);
      return;
    }
    boolean replaced = so.get().object != object;
    if (store.record(so.get(), object)) {
      if (replaced) {
        bundleCache = null;
      }
      if (relevant) {
        storeEpoch++;
      }
    }
  }

  @Override
  public boolean delete(GroupKind kind, String namespace, String name) {
    if (name == null) {
      return false;
    }
    Optional<StoredObject> removed = store.remove(keyOf(kind, namespace, name));
    if (removed.isEmpty()) {
      return false;
    }
    HasMetadata obj = removed.get().object;
    if (obj instanceof Pod) {
      scheduler.podDeleted((Pod) obj);
    }
    written(true);
    if (NAMESPACE.equals(kind)) {
      // The namespace controller removes everything the namespace held.
      for (StoredObject so : store.all()) {
        if (so.key.namespace().equals(removed.get().key.name())) {
          delete(so.key.kind(), so.key.namespace(), so.key.name());
        }
      }
    }
    return true;
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return serviceOf(type);
  }

  /** Every stored object (for the garbage collector). */
  List<StoredObject> stored() {
    return store.all();
  }

  boolean hasUid(String uid) {
    return store.hasUid(uid);
  }

  boolean hasNode(String name) {
    return store.contains(new ObjectKey(NODE, "", name));
  }

  /** Exceptions of controllers, plugins, admissions and reporters, one line each. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private String recordError(String what, RuntimeException e) {
    String line =
        what
            + ": "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage());
    LOG.warn(what, e);
    errors.add(line);
    return line;
  }

  // ================================================================ SchedulerHost

  @Override
  public void reportError(String what, RuntimeException error) {
    recordError(what, error);
  }

  @Override
  public ClusterState state() {
    return this;
  }

  @Override
  public List<Pod> pods() {
    return list(Pod.class);
  }

  @Override
  public List<Node> nodes() {
    return list(Node.class);
  }

  @Override
  public boolean isStored(Pod pod) {
    return store
        .get(keyOf(POD, pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
        .map(so -> so.object == pod)
        .orElse(false);
  }

  @Override
  public long creationOrder(Pod pod) {
    return store
        .get(keyOf(POD, pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
        .map(so -> so.creationOrder)
        .orElse(Long.MAX_VALUE);
  }

  @Override
  public long storeEpoch() {
    return storeEpoch;
  }

  @Override
  public void recordBinding(Pod pod) {
    record(pod, true);
  }

  @Override
  public void recordSchedulingStatus(Pod pod) {
    record(pod, false);
  }

  @Override
  public String nextPodIp(Node node) {
    String cidr = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
    if (cidr == null) {
      return null;
    }
    String[] parts = cidr.split("/");
    String[] octets = parts[0].split("\\.");
    if (parts.length != 2 || octets.length != 4) {
      return null;
    }
    try {
      long base = 0;
      for (String o : octets) {
        base = base * 256 + Integer.parseInt(o);
      }
      int prefix = Integer.parseInt(parts[1]);
      long size = prefix >= 31 ? 1 : (1L << (32 - prefix)) - 3;
      int used = podIpsUsed.merge(node.getMetadata().getName(), 1, Integer::sum) - 1;
      long ip = base + 2 + (used % Math.max(1, size));
      return ((ip >> 24) & 255)
          + "."
          + ((ip >> 16) & 255)
          + "."
          + ((ip >> 8) & 255)
          + "."
          + (ip & 255);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public boolean podLevelResources() {
    return isEnabled(POD_LEVEL_RESOURCES);
  }

  @Override
  public boolean hasAllocatedClaim(Pod pod) {
    for (String claim : claimNames(pod).values()) {
      if (claimResults(pod.getMetadata().getNamespace(), claim).isPresent()) {
        return true;
      }
    }
    return false;
  }

  // ================================================================ report and discovery

  public SimulationReport report() {
    List<SimulationReport.PodPlacement> pods = new ArrayList<>();
    for (StoredObject so : store.list(POD)) {
      Pod pod = (Pod) so.object;
      Optional<SimulationReport.Owner> owner =
          Optional.ofNullable(pod.getMetadata().getOwnerReferences())
              .flatMap(
                  refs ->
                      refs.stream()
                          .filter(r -> Boolean.TRUE.equals(r.getController()))
                          .findFirst()
                          .or(() -> refs.stream().findFirst()))
              .map(r -> new SimulationReport.Owner(r.getKind(), r.getName()));
      boolean bound = Scheduler.isBound(pod);
      pods.add(
          new SimulationReport.PodPlacement(
              so.key.namespace(),
              so.key.name(),
              owner,
              bound ? SimulationReport.Phase.BOUND : SimulationReport.Phase.PENDING,
              bound ? Optional.of(pod.getSpec().getNodeName()) : Optional.empty(),
              devices(pod),
              bound ? Optional.empty() : Optional.of(pendingReason(pod))));
    }
    List<SimulationReport.Group> groups = new ArrayList<>();
    for (GroupReporter r : reporters) {
      try {
        groups.addAll(r.groups(this));
      } catch (RuntimeException e) {
        recordError("group reporter " + r.getClass().getName() + " failed", e);
      }
    }
    return new SimulationReport(pods, groups, new ArrayList<>(rejected));
  }

  private static String pendingReason(Pod pod) {
    if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
      for (var c : pod.getStatus().getConditions()) {
        if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
          return c.getMessage() == null || c.getMessage().isEmpty()
              ? Objects.toString(c.getReason(), "Unschedulable")
              : c.getMessage();
        }
      }
    }
    return "not scheduled yet";
  }

  /** The pod's claims by their name in the pod: named directly, or generated from a template. */
  private static Map<String, String> claimNames(Pod pod) {
    Map<String, String> out = new LinkedHashMap<>();
    if (pod.getSpec() == null || pod.getSpec().getResourceClaims() == null) {
      return out;
    }
    Map<String, String> generated = new HashMap<>();
    if (pod.getStatus() != null && pod.getStatus().getResourceClaimStatuses() != null) {
      pod.getStatus()
          .getResourceClaimStatuses()
          .forEach(s -> generated.put(s.getName(), s.getResourceClaimName()));
    }
    for (var claim : pod.getSpec().getResourceClaims()) {
      String name =
          claim.getResourceClaimName() != null
              ? claim.getResourceClaimName()
              : generated.get(claim.getName());
      if (name != null) {
        out.put(claim.getName(), name);
      }
    }
    return out;
  }

  private List<SimulationReport.Device> devices(Pod pod) {
    List<SimulationReport.Device> out = new ArrayList<>();
    for (String claim : claimNames(pod).values()) {
      claimResults(pod.getMetadata().getNamespace(), claim)
          .ifPresent(
              results -> {
                for (Object r : results) {
                  if (r instanceof Map) {
                    Map<?, ?> m = (Map<?, ?>) r;
                    out.add(
                        new SimulationReport.Device(
                            Objects.toString(m.get("request"), ""),
                            Objects.toString(m.get("driver"), ""),
                            Objects.toString(m.get("pool"), ""),
                            Objects.toString(m.get("device"), "")));
                  }
                }
              });
    }
    return out;
  }

  /**
   * The allocation results of a claim ({@code status.allocation.devices.results}), if allocated.
   */
  private Optional<List<?>> claimResults(String namespace, String claimName) {
    Optional<StoredObject> so = store.get(keyOf(RESOURCE_CLAIM, namespace, claimName));
    if (so.isEmpty()) {
      return Optional.empty();
    }
    Object results = ObjectStore.tree(so.get().object);
    for (String field : List.of("status", "allocation", "devices", "results")) {
      results = results instanceof Map ? ((Map<?, ?>) results).get(field) : null;
    }
    return results instanceof List ? Optional.of((List<?>) results) : Optional.empty();
  }

  public ClusterCapabilities capabilities() {
    Set<String> groupVersions =
        new TreeSet<>(ServedApis.core(version, isEnabled(FeatureGate.of(GENERIC_WORKLOAD))));
    groupVersions.addAll(extensionGroupVersions);
    Set<String> crds = new TreeSet<>();
    for (StoredObject so : store.list(CRD)) {
      CustomResourceDefinition crd = (CustomResourceDefinition) so.object;
      boolean established =
          crd.getStatus() != null
              && crd.getStatus().getConditions() != null
              && crd.getStatus().getConditions().stream()
                  .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
      if (!established || crd.getSpec() == null) {
        continue;
      }
      crds.add(crd.getMetadata().getName());
      if (crd.getSpec().getVersions() != null) {
        crd.getSpec()
            .getVersions()
            .forEach(
                v -> {
                  if (!Boolean.FALSE.equals(v.getServed())) {
                    groupVersions.add(crd.getSpec().getGroup() + "/" + v.getName());
                  }
                });
      }
    }
    Set<String> apiServices = new TreeSet<>();
    for (StoredObject so : store.list(API_SERVICE)) {
      apiServices.add(so.key.name());
      Object spec = ObjectStore.tree(so.object).get("spec");
      if (spec instanceof Map) {
        Object group = ((Map<?, ?>) spec).get("group");
        Object v = ((Map<?, ?>) spec).get("version");
        if (group != null && v != null) {
          groupVersions.add(group + "/" + v);
        }
      }
    }
    return ClusterCapabilities.builder()
        .serverVersion("v" + version.label() + ".0")
        .groupVersions(groupVersions)
        .customResourceDefinitions(crds)
        .apiServices(apiServices)
        .build();
  }

  public List<SchedulingPlugin> schedulingPlugins() {
    return scheduler.plugins();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
