package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.cel.CelDeviceInput;
import dev.aiconform.dra.internal.cel.CompiledExpression;
import dev.aiconform.dra.internal.cel.DraCelEnvironment;
import dev.aiconform.dra.internal.cel.KubeQuantity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResultBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.Counter;
import io.fabric8.kubernetes.api.model.resource.v1.CounterSet;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCounterConsumption;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResultBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kubernetes' structured allocation (dynamic-resource-allocation/structured, "incubating"
 * semantics), re-implemented for one node at a time: gather the pools the node sees (highest
 * generation, incomplete and invalid pools never used), then a depth-first search over claims →
 * requests → device slots in order (first solution wins, no scoring), with firstAvailable tried in
 * order, class and request CEL selectors, device taints vs request tolerations, shared counters of
 * partitionable devices, matchAttribute/distinctAttribute constraints and admin access. Devices are
 * in use if the {@link AllocatedState} says so or they were picked earlier in the same search.
 */
public final class StructuredAllocator {
  // staging/src/k8s.io/api/resource/v1/types.go: AllocationResultsMaxSize (devices per claim)
  static final int ALLOCATION_RESULTS_MAX_SIZE = 32;

  /** driver/pool/device. */
  public record DeviceId(String driver, String pool, String device) {
    @Override
    public String toString() {
      return driver + "/" + pool + "/" + device;
    }
  }

  /** A device of a usable pool, with everything the search needs precomputed. */
  static final class Candidate {
    final DeviceId id;
    final Device device;
    final String driver;
    final boolean nodeLocal;
    final Map<String, Map<String, BigDecimal>> consumes;
    CelDeviceInput input;

    Candidate(DeviceId id, Device device, boolean nodeLocal) {
      this.id = id;
      this.device = device;
      this.driver = id.driver();
      this.nodeLocal = nodeLocal;
      Map<String, Map<String, BigDecimal>> c = new HashMap<>();
      for (DeviceCounterConsumption cc : nn(device.getConsumesCounters())) {
        Map<String, BigDecimal> m = new HashMap<>();
        if (cc.getCounters() != null) cc.getCounters().forEach((k, v) -> m.put(k, q(v)));
        c.put(cc.getCounterSet(), m);
      }
      this.consumes = c;
    }

    CelDeviceInput input() {
      if (input == null) input = CelDeviceInput.of(driver, device);
      return input;
    }
  }

  /** The devices of one pool a node sees. */
  static final class Pool {
    final String driver;
    final String name;
    final List<Candidate> devices = new ArrayList<>();
    final Map<String, Map<String, BigDecimal>> counters = new HashMap<>();
    boolean incomplete;
    boolean invalid;
    String invalidReason = "";

    Pool(String driver, String name) {
      this.driver = driver;
      this.name = name;
    }
  }

  /** Devices allocated to claims already, and counter consumption per pool. */
  public static final class AllocatedState {
    final Set<DeviceId> inUse = new HashSet<>();

    public void add(DeviceId id) {
      inUse.add(id);
    }

    public void remove(DeviceId id) {
      inUse.remove(id);
    }

    public boolean contains(DeviceId id) {
      return inUse.contains(id);
    }

    public Set<DeviceId> devices() {
      return java.util.Collections.unmodifiableSet(inUse);
    }

    /** Records the devices of an allocated claim (admin-access results do not count). */
    public void addClaim(ResourceClaim claim) {
      if (claim.getStatus() == null
          || claim.getStatus().getAllocation() == null
          || claim.getStatus().getAllocation().getDevices() == null) return;
      for (var r : nn(claim.getStatus().getAllocation().getDevices().getResults())) {
        if (!Boolean.TRUE.equals(r.getAdminAccess()))
          inUse.add(new DeviceId(r.getDriver(), r.getPool(), r.getDevice()));
      }
    }
  }

  /** A successful allocation: per claim, the result to write into its status. */
  public record Allocation(Map<ResourceClaim, AllocationResult> results, List<DeviceId> devices) {}

  /** Why a node cannot satisfy the claims. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean fatal;

    Failure(String message, boolean fatal) {
      super(message, null, false, false);
      this.fatal = fatal;
    }

    /** A runtime CEL error or a missing class: not node-specific. */
    public boolean isFatal() {
      return fatal;
    }
  }

  private final List<ResourceSlice> slices;
  private final Map<String, DeviceClass> classes;
  private final boolean partitionableDevices;
  private final Map<String, Map<DeviceId, Boolean>> selectorCache = new HashMap<>();

  public StructuredAllocator(
      Collection<ResourceSlice> slices,
      Collection<DeviceClass> classes,
      boolean partitionableDevices) {
    this.slices = new ArrayList<>(slices);
    this.slices.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
    this.classes = new HashMap<>();
    for (DeviceClass c : classes) this.classes.put(c.getMetadata().getName(), c);
    this.partitionableDevices = partitionableDevices;
  }

  // ------------------------------------------------------------------------------------ pools

  List<Pool> pools(Node node) {
    Map<String, List<ResourceSlice>> byPool = new TreeMap<>();
    Map<String, Long> maxGen = new HashMap<>();
    for (ResourceSlice s : slices) {
      if (s.getSpec() == null || s.getSpec().getPool() == null) continue;
      String key = s.getSpec().getDriver() + "\u0000" + s.getSpec().getPool().getName();
      long gen =
          s.getSpec().getPool().getGeneration() == null ? 0 : s.getSpec().getPool().getGeneration();
      maxGen.merge(key, gen, Math::max);
    }
    for (ResourceSlice s : slices) {
      if (s.getSpec() == null || s.getSpec().getPool() == null) continue;
      var spec = s.getSpec();
      boolean counterSlice = !nn(spec.getSharedCounters()).isEmpty();
      if (!partitionableDevices
          && (counterSlice || Boolean.TRUE.equals(spec.getPerDeviceNodeSelection()))) continue;
      boolean relevant =
          node == null
              ? Boolean.TRUE.equals(spec.getAllNodes())
              : (node.getMetadata().getName().equals(spec.getNodeName())
                  || Boolean.TRUE.equals(spec.getAllNodes())
                  || (spec.getNodeSelector() != null && matches(spec.getNodeSelector(), node))
                  || Boolean.TRUE.equals(spec.getPerDeviceNodeSelection())
                  || counterSlice);
      if (!relevant) continue;
      String key = spec.getDriver() + "\u0000" + spec.getPool().getName();
      long gen = spec.getPool().getGeneration() == null ? 0 : spec.getPool().getGeneration();
      if (gen < maxGen.get(key)) continue;
      byPool.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    List<Pool> pools = new ArrayList<>();
    for (Map.Entry<String, List<ResourceSlice>> e : byPool.entrySet()) {
      List<ResourceSlice> ss = e.getValue();
      var first = ss.get(0).getSpec();
      Pool p = new Pool(first.getDriver(), first.getPool().getName());
      long expected =
          first.getPool().getResourceSliceCount() == null
              ? 1
              : first.getPool().getResourceSliceCount();
      long have =
          slices.stream()
              .filter(
                  s ->
                      s.getSpec() != null
                          && s.getSpec().getPool() != null
                          && s.getSpec().getDriver().equals(p.driver)
                          && s.getSpec().getPool().getName().equals(p.name)
                          && Objects.equals(
                              s.getSpec().getPool().getGeneration(),
                              first.getPool().getGeneration()))
              .count();
      p.incomplete = have < expected;
      Set<String> names = new HashSet<>();
      boolean anyDevice = false;
      for (ResourceSlice s : ss) {
        for (CounterSet cs : nn(s.getSpec().getSharedCounters())) {
          if (p.counters.containsKey(cs.getName())) {
            p.invalid = true;
            p.invalidReason = "duplicate counter set " + cs.getName();
          }
          Map<String, BigDecimal> m = new HashMap<>();
          if (cs.getCounters() != null) cs.getCounters().forEach((k, v) -> m.put(k, q(v)));
          p.counters.put(cs.getName(), m);
        }
        boolean sliceLocal =
            node != null && node.getMetadata().getName().equals(s.getSpec().getNodeName());
        for (Device d : nn(s.getSpec().getDevices())) {
          if (!names.add(d.getName())) {
            p.invalid = true;
            p.invalidReason = "duplicate device name " + d.getName();
          }
          boolean local = sliceLocal;
          if (Boolean.TRUE.equals(s.getSpec().getPerDeviceNodeSelection())) {
            if (node == null) {
              if (!Boolean.TRUE.equals(d.getAllNodes())) continue;
            } else if (node.getMetadata().getName().equals(d.getNodeName())) {
              local = true;
            } else if (!(Boolean.TRUE.equals(d.getAllNodes())
                || (d.getNodeSelector() != null && matches(d.getNodeSelector(), node)))) {
              continue;
            }
          }
          anyDevice = true;
          p.devices.add(new Candidate(new DeviceId(p.driver, p.name, d.getName()), d, local));
        }
      }
      for (Candidate c : p.devices) {
        for (var e2 : c.consumes.entrySet()) {
          Map<String, BigDecimal> set = p.counters.get(e2.getKey());
          if (set == null || !set.keySet().containsAll(e2.getValue().keySet())) {
            p.invalid = true;
            p.invalidReason =
                "device " + c.id.device() + " consumes unknown counters of " + e2.getKey();
          }
        }
      }
      if (anyDevice || !p.counters.isEmpty()) pools.add(p);
    }
    // pools with binding conditions go last in Kubernetes; we keep (driver, pool) order otherwise
    return pools;
  }

  static boolean matches(NodeSelector selector, Node node) {
    for (NodeSelectorTerm t : nn(selector.getNodeSelectorTerms())) {
      boolean ok = true;
      Map<String, String> labels =
          node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
      for (NodeSelectorRequirement r : nn(t.getMatchExpressions()))
        ok &= requirement(r, labels.get(r.getKey()), labels.containsKey(r.getKey()));
      for (NodeSelectorRequirement r : nn(t.getMatchFields())) {
        if ("metadata.name".equals(r.getKey()))
          ok &= requirement(r, node.getMetadata().getName(), true);
        else ok = false;
      }
      if (ok && (!nn(t.getMatchExpressions()).isEmpty() || !nn(t.getMatchFields()).isEmpty()))
        return true;
    }
    return false;
  }

  private static boolean requirement(NodeSelectorRequirement r, String value, boolean present) {
    List<String> vs = nn(r.getValues());
    switch (Objects.toString(r.getOperator(), "")) {
      case "In":
        return present && vs.contains(value);
      case "NotIn":
        return !present || !vs.contains(value);
      case "Exists":
        return present;
      case "DoesNotExist":
        return !present;
      case "Gt":
      case "Lt":
        try {
          long v = Long.parseLong(value);
          long b = Long.parseLong(vs.get(0));
          return r.getOperator().equals("Gt") ? v > b : v < b;
        } catch (RuntimeException e) {
          return false;
        }
      default:
        return false;
    }
  }

  // ------------------------------------------------------------------------------------ search

  /** One (sub)request to fill, with its resolved class and selectors. */
  private static final class Slot {
    final ResourceClaim claim;
    final int claimIndex;
    final String requestName;
    final String resultName;
    final String className;
    final List<String> selectors = new ArrayList<>();
    final List<DeviceToleration> tolerations;
    final boolean all;
    final long count;
    final boolean adminAccess;

    Slot(
        ResourceClaim claim,
        int claimIndex,
        String requestName,
        String resultName,
        String className,
        List<DeviceSelector> sel,
        List<DeviceToleration> tol,
        String mode,
        Long count,
        boolean admin) {
      this.claim = claim;
      this.claimIndex = claimIndex;
      this.requestName = requestName;
      this.resultName = resultName;
      this.className = className;
      for (DeviceSelector s : nn(sel))
        if (s.getCel() != null) selectors.add(s.getCel().getExpression());
      this.tolerations = nn(tol);
      this.all = "All".equals(mode);
      this.count = count == null || count == 0 ? 1 : count;
      this.adminAccess = admin;
    }
  }

  /** A request: one slot, or alternatives (firstAvailable) in order. */
  private record RequestAlternatives(ResourceClaim claim, String name, List<Slot> alternatives) {}

  private final class Search {
    final List<Pool> pools;
    final AllocatedState state;
    final List<RequestAlternatives> requests = new ArrayList<>();
    final Map<ResourceClaim, List<DeviceConstraint>> constraints = new HashMap<>();
    final Set<DeviceId> picked = new HashSet<>();
    final Map<String, Map<String, BigDecimal>> consumed = new HashMap<>();
    final List<Object[]> chosen = new ArrayList<>(); // {Slot, Candidate}
    final Map<String, String> explanations = new LinkedHashMap<>();

    Search(List<Pool> pools, AllocatedState state) {
      this.pools = pools;
      this.state = state;
    }

    boolean solve(int r) throws Failure {
      if (r == requests.size()) return true;
      RequestAlternatives ra = requests.get(r);
      for (Slot s : ra.alternatives()) {
        if (fill(r, s, 0, 0, 0)) return true;
      }
      return false;
    }

    /** Fills device {@code n} of slot {@code s}, trying candidates from pool/device index on. */
    boolean fill(int r, Slot s, long n, int poolStart, int devStart) throws Failure {
      if (s.all) {
        List<Candidate> all = new ArrayList<>();
        for (Pool p : pools) {
          if (p.incomplete || p.invalid) {
            boolean matchesAny = false;
            for (Candidate c : p.devices) if (selectable(s, c)) matchesAny = true;
            if (matchesAny || p.devices.isEmpty()) {
              explain(
                  s,
                  "pool "
                      + p.name
                      + " of "
                      + p.driver
                      + " is "
                      + (p.incomplete ? "incomplete" : "invalid (" + p.invalidReason + ")")
                      + ": allocationMode All cannot be satisfied");
              return false;
            }
            continue;
          }
          for (Candidate c : p.devices) if (selectable(s, c)) all.add(c);
        }
        if (all.isEmpty()) {
          explain(s, "allocationMode All matched no device");
          return false;
        }
        int mark = chosen.size();
        for (Candidate c : all) {
          if (!usable(s, c)) {
            undo(mark);
            return false;
          }
          take(s, c);
        }
        if (solve(r + 1)) return true;
        undo(mark);
        return false;
      }
      if (n == s.count) return solve(r + 1);
      for (int pi = poolStart; pi < pools.size(); pi++) {
        Pool p = pools.get(pi);
        if (p.incomplete || p.invalid) continue;
        for (int di = pi == poolStart ? devStart : 0; di < p.devices.size(); di++) {
          Candidate c = p.devices.get(di);
          if (!selectable(s, c) || !usable(s, c)) continue;
          int mark = chosen.size();
          take(s, c);
          if (chosen.stream().filter(o -> ((Slot) o[0]).claim == s.claim).count()
                  <= ALLOCATION_RESULTS_MAX_SIZE
              && fill(r, s, n + 1, pi, di + 1)) return true;
          undo(mark);
        }
      }
      return false;
    }

    boolean selectable(Slot s, Candidate c) throws Failure {
      String key = s.className + "\u0000" + String.join("\u0001", s.selectors);
      Map<DeviceId, Boolean> cache = selectorCache.computeIfAbsent(key, k -> new HashMap<>());
      Boolean hit = cache.get(c.id);
      if (hit != null) return hit;
      boolean ok = evalSelectors(s, c);
      cache.put(c.id, ok);
      return ok;
    }

    private boolean evalSelectors(Slot s, Candidate c) throws Failure {
      DeviceClass dc = classes.get(s.className);
      if (dc == null)
        throw new Failure(
            "claim "
                + name(s.claim)
                + ": request "
                + s.resultName
                + ": device class "
                + s.className
                + " does not exist",
            true);
      List<String> exprs = new ArrayList<>();
      if (dc.getSpec() != null)
        for (DeviceSelector sel : nn(dc.getSpec().getSelectors()))
          if (sel.getCel() != null) exprs.add(sel.getCel().getExpression());
      int classSelectors = exprs.size();
      exprs.addAll(s.selectors);
      for (int i = 0; i < exprs.size(); i++) {
        CompiledExpression ce = DraCelEnvironment.get().compile(exprs.get(i));
        if (!ce.isValid())
          throw new Failure(
              "claim " + name(s.claim) + ": selector #" + i + ": " + ce.detail(), true);
        try {
          if (!ce.matches(c.input())) return false;
        } catch (CompiledExpression.CelRuntimeError | IllegalArgumentException e) {
          String which =
              i < classSelectors
                  ? "class " + s.className + ": selector #" + i
                  : "request " + s.resultName + ": selector #" + (i - classSelectors);
          throw new Failure(
              "claim "
                  + name(s.claim)
                  + ", "
                  + which
                  + " on device "
                  + c.id
                  + ": CEL runtime error: "
                  + e.getMessage(),
              true);
        }
      }
      return true;
    }

    boolean usable(Slot s, Candidate c) {
      if (!s.adminAccess && (state.contains(c.id) || picked.contains(c.id))) return false;
      if (s.adminAccess
          && chosen.stream()
              .anyMatch(o -> ((Candidate) o[1]).id.equals(c.id) && ((Slot) o[0]).claim == s.claim))
        return false;
      for (DeviceTaint t : nn(c.device.getTaints())) {
        String effect = Objects.toString(t.getEffect(), "");
        if (!(effect.equals("NoSchedule") || effect.equals("NoExecute"))) continue;
        if (s.tolerations.stream().noneMatch(tol -> tolerates(tol, t))) return false;
      }
      if (!c.consumes.isEmpty()) {
        Pool p = pool(c);
        for (var e : c.consumes.entrySet()) {
          Map<String, BigDecimal> set = p.counters.get(e.getKey());
          if (set == null) return false;
          for (var ctr : e.getValue().entrySet()) {
            BigDecimal used =
                consumed
                    .getOrDefault(p.driver + "/" + p.name + "/" + e.getKey(), Map.of())
                    .getOrDefault(ctr.getKey(), BigDecimal.ZERO);
            BigDecimal already = stateConsumption(p, e.getKey(), ctr.getKey());
            if (used.add(already)
                    .add(ctr.getValue())
                    .compareTo(set.getOrDefault(ctr.getKey(), BigDecimal.ZERO))
                > 0) return false;
          }
        }
      }
      return constraintsAllow(s, c);
    }

    private BigDecimal stateConsumption(Pool p, String set, String counter) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Candidate d : p.devices) {
        if (state.contains(d.id)) {
          Map<String, BigDecimal> m = d.consumes.get(set);
          if (m != null) sum = sum.add(m.getOrDefault(counter, BigDecimal.ZERO));
        }
      }
      return sum;
    }

    private Pool pool(Candidate c) {
      for (Pool p : pools)
        if (p.driver.equals(c.id.driver()) && p.name.equals(c.id.pool())) return p;
      throw new IllegalStateException("no pool for " + c.id);
    }

    boolean constraintsAllow(Slot s, Candidate c) {
      for (DeviceConstraint k : constraints.getOrDefault(s.claim, List.of())) {
        if (!applies(k, s)) continue;
        String attr =
            k.getMatchAttribute() != null ? k.getMatchAttribute() : k.getDistinctAttribute();
        if (attr == null) continue;
        Object value = attribute(c, attr);
        if (value == null) return false;
        for (Object[] o : chosen) {
          Slot os = (Slot) o[0];
          if (os.claim != s.claim || !applies(k, os)) continue;
          Object other = attribute((Candidate) o[1], attr);
          boolean same = value.equals(other);
          if (k.getMatchAttribute() != null && !same) return false;
          if (k.getMatchAttribute() == null && same) return false;
        }
      }
      return true;
    }

    void take(Slot s, Candidate c) {
      chosen.add(new Object[] {s, c});
      if (!s.adminAccess) picked.add(c.id);
      Pool p = c.consumes.isEmpty() ? null : pool(c);
      for (var e : c.consumes.entrySet()) {
        Map<String, BigDecimal> m =
            consumed.computeIfAbsent(
                p.driver + "/" + p.name + "/" + e.getKey(), k -> new HashMap<>());
        e.getValue().forEach((k, v) -> m.merge(k, v, BigDecimal::add));
      }
    }

    void undo(int mark) {
      while (chosen.size() > mark) {
        Object[] o = chosen.remove(chosen.size() - 1);
        Slot s = (Slot) o[0];
        Candidate c = (Candidate) o[1];
        if (!s.adminAccess) picked.remove(c.id);
        Pool p = c.consumes.isEmpty() ? null : pool(c);
        for (var e : c.consumes.entrySet()) {
          Map<String, BigDecimal> m = consumed.get(p.driver + "/" + p.name + "/" + e.getKey());
          e.getValue().forEach((k, v) -> m.merge(k, v.negate(), BigDecimal::add));
        }
      }
    }

    void explain(Slot s, String why) {
      explanations.putIfAbsent(s.resultName, why);
    }
  }

  private static boolean applies(DeviceConstraint k, Slot s) {
    List<String> rs = nn(k.getRequests());
    return rs.isEmpty() || rs.contains(s.requestName) || rs.contains(s.resultName);
  }

  /** The value of a fully qualified attribute (bare ids in the driver's domain also count). */
  static Object attribute(Candidate c, String qualified) {
    Map<String, DeviceAttribute> attrs = c.device.getAttributes();
    if (attrs == null) return null;
    DeviceAttribute a = attrs.get(qualified);
    if (a == null && qualified.startsWith(c.driver + "/"))
      a = attrs.get(qualified.substring(c.driver.length() + 1));
    if (a == null) return null;
    if (a.getString() != null) return "s:" + a.getString();
    if (a.getInt() != null) return "i:" + a.getInt();
    if (a.getBool() != null) return "b:" + a.getBool();
    if (a.getVersion() != null) return "v:" + a.getVersion();
    return null;
  }

  static boolean tolerates(DeviceToleration tol, DeviceTaint t) {
    String effect = Objects.toString(tol.getEffect(), "");
    if (!effect.isEmpty() && !effect.equals(t.getEffect())) return false;
    String key = Objects.toString(tol.getKey(), "");
    if (!key.isEmpty() && !key.equals(t.getKey())) return false;
    if ("Exists".equals(tol.getOperator())) return true;
    if (key.isEmpty()) return false;
    return Objects.toString(tol.getValue(), "").equals(Objects.toString(t.getValue(), ""));
  }

  /**
   * Allocates devices for all {@code claims} (together) on {@code node}; {@code node} null means
   * only network-attached pools (allNodes). Does not change {@code state}.
   *
   * @throws Failure with a per-request explanation when there is no solution
   */
  public Allocation allocate(List<ResourceClaim> claims, Node node, AllocatedState state)
      throws Failure {
    Search search = new Search(pools(node), state);
    for (int ci = 0; ci < claims.size(); ci++) {
      ResourceClaim claim = claims.get(ci);
      var devices = claim.getSpec() == null ? null : claim.getSpec().getDevices();
      if (devices == null) continue;
      search.constraints.put(claim, nn(devices.getConstraints()));
      for (DeviceRequest r : nn(devices.getRequests())) {
        List<Slot> alts = new ArrayList<>();
        if (r.getExactly() != null) {
          var e = r.getExactly();
          alts.add(
              new Slot(
                  claim,
                  ci,
                  r.getName(),
                  r.getName(),
                  e.getDeviceClassName(),
                  e.getSelectors(),
                  e.getTolerations(),
                  e.getAllocationMode(),
                  e.getCount(),
                  Boolean.TRUE.equals(e.getAdminAccess())));
        } else {
          for (DeviceSubRequest s : nn(r.getFirstAvailable())) {
            alts.add(
                new Slot(
                    claim,
                    ci,
                    r.getName(),
                    r.getName() + "/" + s.getName(),
                    s.getDeviceClassName(),
                    s.getSelectors(),
                    s.getTolerations(),
                    s.getAllocationMode(),
                    s.getCount(),
                    false));
          }
        }
        search.requests.add(new RequestAlternatives(claim, r.getName(), alts));
      }
    }
    if (!search.solve(0)) {
      throw new Failure(explain(search, claims), false);
    }
    Map<ResourceClaim, AllocationResult> results = new LinkedHashMap<>();
    List<DeviceId> ids = new ArrayList<>();
    for (ResourceClaim claim : claims) {
      List<io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult> rs =
          new ArrayList<>();
      boolean local = false;
      for (Object[] o : search.chosen) {
        Slot s = (Slot) o[0];
        Candidate c = (Candidate) o[1];
        if (s.claim != claim) continue;
        local |= c.nodeLocal;
        var b =
            new DeviceRequestAllocationResultBuilder()
                .withRequest(s.resultName)
                .withDriver(c.id.driver())
                .withPool(c.id.pool())
                .withDevice(c.id.device());
        if (s.adminAccess) b.withAdminAccess(true);
        if (!s.tolerations.isEmpty()) b.withTolerations(s.tolerations);
        rs.add(b.build());
        ids.add(c.id);
      }
      AllocationResultBuilder ab =
          new AllocationResultBuilder().withNewDevices().withResults(rs).endDevices();
      if (local && node != null) {
        ab.withNodeSelector(
            new io.fabric8.kubernetes.api.model.NodeSelectorBuilder()
                .addNewNodeSelectorTerm()
                .addNewMatchField()
                .withKey("metadata.name")
                .withOperator("In")
                .withValues(node.getMetadata().getName())
                .endMatchField()
                .endNodeSelectorTerm()
                .build());
      }
      results.put(claim, ab.build());
    }
    return new Allocation(results, ids);
  }

  /**
   * Per request: why nothing fits (no device of the class, selector matched none, all in use,
   * constraint).
   */
  private String explain(Search search, List<ResourceClaim> claims) throws Failure {
    for (RequestAlternatives ra : search.requests) {
      Slot s = ra.alternatives().get(ra.alternatives().size() - 1);
      String pre = search.explanations.get(s.resultName);
      if (pre != null)
        return "cannot allocate claim "
            + name(ra.claim())
            + ": request "
            + s.resultName
            + ": "
            + pre;
      int ofClass = 0;
      int matching = 0;
      int free = 0;
      for (Pool p : search.pools) {
        if (p.incomplete || p.invalid) continue;
        for (Candidate c : p.devices) {
          ofClass++;
          if (search.selectable(s, c)) {
            matching++;
            if (!search.state.contains(c.id)) free++;
          }
        }
      }
      String sel =
          s.selectors.isEmpty()
              ? "class " + s.className
              : "selector " + String.join(" && ", s.selectors);
      if (matching == 0) {
        boolean invalid = search.pools.stream().anyMatch(p -> p.invalid);
        return "cannot allocate claim "
            + name(ra.claim())
            + ": request "
            + s.resultName
            + ": "
            + sel
            + " matched 0 of "
            + ofClass
            + " devices"
            + (invalid ? " (invalid resource pools were encountered)" : "");
      }
      if (free < s.count) {
        return "cannot allocate claim "
            + name(ra.claim())
            + ": request "
            + s.resultName
            + ": "
            + (matching - free)
            + " of "
            + matching
            + " devices matching "
            + sel
            + " are already allocated, "
            + s.count
            + " needed";
      }
    }
    for (ResourceClaim c : claims) {
      List<DeviceConstraint> ks = search.constraints.getOrDefault(c, List.of());
      if (!ks.isEmpty()) {
        DeviceConstraint k = ks.get(0);
        String what =
            k.getMatchAttribute() != null
                ? "matchAttribute " + k.getMatchAttribute()
                : "distinctAttribute " + k.getDistinctAttribute();
        return "cannot allocate claim "
            + name(c)
            + ": constraint "
            + what
            + " cannot be satisfied by the free devices";
      }
    }
    return "cannot allocate claims together: not enough free devices for all requests";
  }

  static String name(ResourceClaim c) {
    return (c.getMetadata().getNamespace() == null ? "" : c.getMetadata().getNamespace() + "/")
        + c.getMetadata().getName();
  }

  static BigDecimal q(Counter c) {
    return c == null || c.getValue() == null
        ? BigDecimal.ZERO
        : CelDeviceInput.quantity(c.getValue()).value();
  }

  static <T> List<T> nn(List<T> l) {
    return l == null ? List.of() : l;
  }

  @SuppressWarnings("unused")
  private static KubeQuantity unused() {
    return null;
  }
}
