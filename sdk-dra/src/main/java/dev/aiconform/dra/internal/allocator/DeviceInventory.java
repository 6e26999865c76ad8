package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.cel.CompiledExpression;
import dev.aiconform.dra.internal.cel.DraCelEnvironment;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.resource.v1.CounterSet;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaintRule;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSliceSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the allocator knows about devices, built once per set of ResourceSlices, DeviceClasses
 * and DeviceTaintRules: every device with precomputed properties, which pools each node sees
 * (dynamic-resource-allocation structured: GatherPools — node relevance, highest generation,
 * incomplete and invalid pools), and the results of CEL selectors per device, cached per distinct
 * combination of device class and request selectors ({@link MatchKey}).
 *
 * <p>Not thread-safe; the in-memory cluster runs on one thread.
 */
public final class DeviceInventory {
  /** A distinct combination of device class and request selectors, with its cached results. */
  static final class MatchKey {
    final int id;
    final String className;
    final List<String> selectors;

    /** Per device entry: 0 not evaluated, 1 match, 2 no match, 3 runtime error. */
    final byte[] results;

    final Map<Integer, SelectorError> errors = new HashMap<>();
    boolean evaluatedAll;

    MatchKey(int id, String className, List<String> selectors, int devices) {
      this.id = id;
      this.className = className;
      this.selectors = selectors;
      this.results = new byte[devices];
    }

    String describe() {
      return selectors.isEmpty()
          ? "class " + className
          : "selector " + String.join(" && ", selectors);
    }
  }

  /** A CEL runtime error of a class selector or a request selector on one device. */
  record SelectorError(boolean classSelector, String className, int index, String message) {
    String format(String claim, DeviceId device) {
      return (classSelector ? "class " + className : "claim " + claim)
          + ": selector #"
          + index
          + " on device "
          + device
          + ": CEL runtime error: "
          + message;
    }
  }

  static final byte UNKNOWN = 0;
  static final byte MATCH = 1;
  static final byte NO_MATCH = 2;
  static final byte ERROR = 3;

  private final AllocatorFeatures features;
  private final DeviceEntry[] entries;
  private final Map<DeviceId, Integer> slots = new HashMap<>();
  private int[][] slotEntries;
  private final Map<String, DeviceClass> classes = new HashMap<>();
  private final Map<String, List<ResourceSlice>> localSlices = new HashMap<>();
  private final List<ResourceSlice> sharedSlices = new ArrayList<>();
  private final Map<String, List<ResourceSlice>> poolSlices = new HashMap<>();
  private final Map<ResourceSlice, int[]> sliceEntries = new HashMap<>();
  private final List<String> localNodes;
  private final Map<String, Integer> nodeOrdinals = new HashMap<>();
  private final Map<String, CachedView> views = new HashMap<>();
  private final Map<List<Object>, MatchKey> keys = new HashMap<>();
  private final List<MatchKey> keyList = new ArrayList<>();
  private final DraCelEnvironment cel;

  private record CachedView(Map<String, String> labels, NodeView view) {}

  public DeviceInventory(
      Collection<ResourceSlice> slices,
      Collection<DeviceClass> deviceClasses,
      Collection<DeviceTaintRule> taintRules,
      AllocatorFeatures features) {
    this.features = features;
    this.cel = DraCelEnvironment.get(features.listTypeAttributes());
    for (DeviceClass c : deviceClasses) {
      if (c.getMetadata() != null && c.getMetadata().getName() != null) {
        classes.put(c.getMetadata().getName(), c);
      }
    }
    List<ResourceSlice> sorted = new ArrayList<>();
    for (ResourceSlice s : slices) {
      if (s.getSpec() != null
          && s.getSpec().getPool() != null
          && s.getSpec().getDriver() != null
          && s.getSpec().getPool().getName() != null) {
        sorted.add(s);
      }
    }
    sorted.sort(Comparator.comparing(DeviceInventory::sliceName));
    List<DeviceEntry> list = new ArrayList<>();
    Set<String> nodes = new TreeSet<>();
    for (ResourceSlice s : sorted) {
      ResourceSliceSpec spec = s.getSpec();
      String poolKey = spec.getDriver() + "/" + spec.getPool().getName();
      poolSlices.computeIfAbsent(poolKey, k -> new ArrayList<>()).add(s);
      String nodeName = spec.getNodeName();
      if (nodeName != null && !nodeName.isEmpty()) {
        localSlices.computeIfAbsent(nodeName, k -> new ArrayList<>()).add(s);
      } else {
        sharedSlices.add(s);
      }
      List<Device> devices = NodeSelectors.nn(spec.getDevices());
      int[] indices = new int[devices.size()];
      for (int i = 0; i < devices.size(); i++) {
        Device d = devices.get(i);
        if (d == null || d.getName() == null) {
          indices[i] = -1;
          continue;
        }
        DeviceId id = new DeviceId(spec.getDriver(), spec.getPool().getName(), d.getName());
        int slot = slots.computeIfAbsent(id, k -> slots.size());
        DeviceEntry e = new DeviceEntry(list.size(), slot, s, d);
        indices[i] = e.index;
        list.add(e);
        if (e.localNode != null) nodes.add(e.localNode);
      }
      sliceEntries.put(s, indices);
    }
    this.entries = list.toArray(new DeviceEntry[0]);
    int[] perSlot = new int[slots.size()];
    for (DeviceEntry e : entries) perSlot[e.slot]++;
    this.slotEntries = new int[slots.size()][];
    for (int i = 0; i < perSlot.length; i++) slotEntries[i] = new int[perSlot[i]];
    int[] fill = new int[slots.size()];
    for (DeviceEntry e : entries) slotEntries[e.slot][fill[e.slot]++] = e.index;
    this.localNodes = List.copyOf(nodes);
    for (int i = 0; i < localNodes.size(); i++) nodeOrdinals.put(localNodes.get(i), i);
    if (features.deviceTaints() && features.deviceTaintRules()) {
      for (DeviceTaintRule rule : taintRules) {
        applyTaintRule(rule);
      }
    }
  }

  private static String sliceName(ResourceSlice s) {
    return s.getMetadata() == null || s.getMetadata().getName() == null
        ? ""
        : s.getMetadata().getName();
  }

  private void applyTaintRule(DeviceTaintRule rule) {
    if (rule.getSpec() == null || rule.getSpec().getTaint() == null) return;
    var sel = rule.getSpec().getDeviceSelector();
    for (DeviceEntry e : entries) {
      if (sel != null) {
        if (sel.getDriver() != null && !sel.getDriver().equals(e.id.driver())) continue;
        if (sel.getPool() != null && !sel.getPool().equals(e.id.pool())) continue;
        if (sel.getDevice() != null && !sel.getDevice().equals(e.id.device())) continue;
      }
      e.taints.add(rule.getSpec().getTaint());
    }
  }

  AllocatorFeatures features() {
    return features;
  }

  DeviceEntry entry(int index) {
    return entries[index];
  }

  int size() {
    return entries.length;
  }

  /** How many distinct device ids (allocation state slots) there are. */
  int slotCount() {
    return slots.size();
  }

  /** The entries (one per slice publishing it) of an allocation state slot. */
  int[] entriesOfSlot(int slot) {
    return slotEntries[slot];
  }

  /** The allocation state slot of a device id, or -1 when no slice publishes it. */
  int slotOf(DeviceId id) {
    Integer s = slots.get(id);
    return s == null ? -1 : s;
  }

  DeviceClass deviceClass(String name) {
    return name == null ? null : classes.get(name);
  }

  /** Nodes that have node-local devices, by name. */
  public List<String> localNodes() {
    return localNodes;
  }

  /** The position of a node among {@link #localNodes}, or -1. */
  int nodeOrdinal(String node) {
    Integer i = nodeOrdinals.get(node);
    return i == null ? -1 : i;
  }

  /** Whether any slice is not local to one node (allNodes, nodeSelector, per-device). */
  boolean hasSharedSlices() {
    return !sharedSlices.isEmpty();
  }

  // ------------------------------------------------------------------ selectors

  /** The match key of a class and request selectors (class must exist). */
  MatchKey key(String className, List<String> selectors) {
    List<Object> k = List.of(className, selectors);
    MatchKey key = keys.get(k);
    if (key == null) {
      key = new MatchKey(keyList.size(), className, List.copyOf(selectors), entries.length);
      keys.put(k, key);
      keyList.add(key);
    }
    return key;
  }

  List<MatchKey> keys() {
    return Collections.unmodifiableList(keyList);
  }

  private final Map<String, Optional<String>> classErrors = new HashMap<>();

  /** Compile problems of a class's selectors, in Kubernetes' words; null when they compile. */
  String classCompileError(String className) {
    return classErrors
        .computeIfAbsent(className, c -> Optional.ofNullable(compileClass(c)))
        .orElse(null);
  }

  private String compileClass(String className) {
    DeviceClass dc = classes.get(className);
    List<DeviceSelector> sel = dc == null || dc.getSpec() == null ? List.of() : selectors(dc);
    for (int i = 0; i < sel.size(); i++) {
      DeviceSelector s = sel.get(i);
      if (s == null || s.getCel() == null) {
        return "class " + className + ": selector #" + i + ": CEL expression empty";
      }
      CompiledExpression ce = cel.compile(Objects.toString(s.getCel().getExpression(), ""));
      if (!ce.isValid()) {
        return "class " + className + ": selector #" + i + ": CEL compile error: " + ce.detail();
      }
    }
    return null;
  }

  private static List<DeviceSelector> selectors(DeviceClass dc) {
    return NodeSelectors.nn(dc.getSpec().getSelectors());
  }

  CompiledExpression compile(String expression) {
    return cel.compile(expression);
  }

  /** Evaluates (once) whether a device matches a key: {@link #MATCH}, NO_MATCH or ERROR. */
  byte matches(MatchKey key, int entry) {
    byte r = key.results[entry];
    if (r != UNKNOWN) return r;
    r = evaluate(key, entries[entry]);
    key.results[entry] = r;
    return r;
  }

  /** Evaluates a key on every device (used by indexes that count matching devices). */
  void evaluateAll(MatchKey key) {
    if (key.evaluatedAll) return;
    for (int i = 0; i < entries.length; i++) matches(key, i);
    key.evaluatedAll = true;
  }

  private byte evaluate(MatchKey key, DeviceEntry e) {
    if (!features.bindingConditions() && e.hasBindingConditions) {
      return NO_MATCH;
    }
    DeviceClass dc = classes.get(key.className);
    if (dc == null) return NO_MATCH;
    List<DeviceSelector> classSel = dc.getSpec() == null ? List.of() : selectors(dc);
    int n = classSel.size() + key.selectors.size();
    for (int i = 0; i < n; i++) {
      boolean isClass = i < classSel.size();
      String expr =
          isClass
              ? classSel.get(i).getCel().getExpression()
              : key.selectors.get(i - classSel.size());
      int index = isClass ? i : i - classSel.size();
      CompiledExpression ce = cel.compile(expr);
      if (!ce.isValid()) return NO_MATCH; // reported when the claim is planned
      var input = e.input();
      if (input == null) {
        key.errors.put(e.index, new SelectorError(isClass, key.className, index, e.inputError()));
        return ERROR;
      }
      try {
        if (!ce.matches(input)) return NO_MATCH;
      } catch (CompiledExpression.CelRuntimeError | IllegalArgumentException ex) {
        key.errors.put(e.index, new SelectorError(isClass, key.className, index, ex.getMessage()));
        return ERROR;
      }
    }
    return MATCH;
  }

  SelectorError error(MatchKey key, int entry) {
    return key.errors.get(entry);
  }

  // ------------------------------------------------------------------ pools per node

  /** The pools {@code node} sees; cached per node name and labels. */
  NodeView view(Node node) {
    if (node == lastNode && lastView != null) return lastView;
    NodeView v = lookupView(node);
    lastNode = node;
    lastView = v;
    return v;
  }

  private Node lastNode;
  private NodeView lastView;

  private NodeView lookupView(Node node) {
    String name = node.getMetadata().getName();
    Map<String, String> labels =
        node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    CachedView c = views.get(name);
    if (c != null && c.labels().equals(labels)) return c.view();
    NodeView v = gather(node);
    views.put(name, new CachedView(Map.copyOf(labels), v));
    return v;
  }

  private NodeView gather(Node node) {
    String nodeName = node.getMetadata().getName();
    boolean partitionable = features.partitionableDevices();
    Map<String, List<ResourceSlice>> byPool = new TreeMap<>();
    List<ResourceSlice> candidates = new ArrayList<>(localSlices.getOrDefault(nodeName, List.of()));
    candidates.addAll(sharedSlices);
    for (ResourceSlice s : candidates) {
      ResourceSliceSpec spec = s.getSpec();
      boolean perDevice = Boolean.TRUE.equals(spec.getPerDeviceNodeSelection());
      if (!partitionable && (perDevice || !NodeSelectors.nn(spec.getSharedCounters()).isEmpty())) {
        continue;
      }
      boolean relevant;
      if (spec.getNodeName() != null && !spec.getNodeName().isEmpty()) {
        relevant = nodeName.equals(spec.getNodeName());
      } else if (Boolean.TRUE.equals(spec.getAllNodes())) {
        relevant = true;
      } else if (spec.getNodeSelector() != null) {
        relevant = NodeSelectors.matches(spec.getNodeSelector(), node);
      } else if (perDevice) {
        relevant = false;
        for (Device d : NodeSelectors.nn(spec.getDevices())) {
          if (d != null && deviceReaches(d, node)) {
            relevant = true;
            break;
          }
        }
      } else {
        continue; // an unknown node selection: some future extension
      }
      if (!relevant) continue;
      String key = spec.getDriver() + "/" + spec.getPool().getName();
      List<ResourceSlice> current = byPool.get(key);
      long gen = generation(s);
      if (current == null || gen > generation(current.get(0))) {
        byPool.put(key, new ArrayList<>(List.of(s)));
      } else if (gen == generation(current.get(0))) {
        current.add(s);
      }
    }
    List<NodeView.PoolView> pools = new ArrayList<>();
    List<NodeView.PoolView> boundPools = new ArrayList<>();
    Map<NodeView.PoolView, List<Integer>> devicesOf = new LinkedHashMap<>();
    for (Map.Entry<String, List<ResourceSlice>> e : byPool.entrySet()) {
      List<ResourceSlice> relevant = e.getValue();
      ResourceSliceSpec first = relevant.get(0).getSpec();
      long gen = generation(relevant.get(0));
      long expected = sliceCount(relevant.get(0));
      List<ResourceSlice> all = null;
      if (relevant.size() != expected) {
        boolean obsolete = false;
        all = new ArrayList<>();
        for (ResourceSlice s : poolSlices.get(e.getKey())) {
          long g = generation(s);
          if (g > gen) {
            obsolete = true;
            break;
          }
          if (g == gen) all.add(s);
        }
        if (obsolete) continue;
        if (all.size() != expected) {
          NodeView.PoolView p =
              new NodeView.PoolView(
                  first.getDriver(), first.getPool().getName(), true, false, "", Map.of(), false);
          pools.add(p);
          devicesOf.put(p, List.of());
          continue;
        }
      }
      NodeView.PoolView built = buildPool(first, relevant, all, node, devicesOf);
      (built.bindingConditions ? boundPools : pools).add(built);
    }
    pools.sort(Comparator.comparing((NodeView.PoolView p) -> p.driver).thenComparing(p -> p.name));
    boundPools.sort(
        Comparator.comparing((NodeView.PoolView p) -> p.driver).thenComparing(p -> p.name));
    pools.addAll(boundPools);
    int total = 0;
    for (NodeView.PoolView p : pools) total += devicesOf.get(p).size();
    int[] devices = new int[total];
    int[] poolOf = new int[total];
    int pos = 0;
    for (int pi = 0; pi < pools.size(); pi++) {
      NodeView.PoolView p = pools.get(pi);
      p.start = pos;
      for (int d : devicesOf.get(p)) {
        devices[pos] = d;
        poolOf[pos] = pi;
        pos++;
      }
      p.end = pos;
    }
    return new NodeView(nodeName, List.copyOf(pools), devices, poolOf);
  }

  private NodeView.PoolView buildPool(
      ResourceSliceSpec first,
      List<ResourceSlice> relevant,
      List<ResourceSlice> allOfGeneration,
      Node node,
      Map<NodeView.PoolView, List<Integer>> devicesOf) {
    boolean partitionable = features.partitionableDevices();
    List<ResourceSlice> slices = new ArrayList<>(relevant);
    slices.sort(Comparator.comparing(DeviceInventory::sliceName));
    List<ResourceSlice> deviceSlices = new ArrayList<>();
    List<ResourceSlice> counterSlices = new ArrayList<>();
    List<ResourceSlice> notTargeting = new ArrayList<>();
    for (ResourceSlice s : slices) {
      if (partitionable && !NodeSelectors.nn(s.getSpec().getSharedCounters()).isEmpty()) {
        counterSlices.add(s);
      } else {
        deviceSlices.add(s);
      }
    }
    if (allOfGeneration != null && allOfGeneration.size() > slices.size()) {
      Set<String> have = new HashSet<>();
      for (ResourceSlice s : slices) have.add(sliceName(s));
      for (ResourceSlice s : allOfGeneration) {
        if (have.contains(sliceName(s))) continue;
        if (partitionable && !NodeSelectors.nn(s.getSpec().getSharedCounters()).isEmpty()) {
          counterSlices.add(s);
        } else {
          notTargeting.add(s);
        }
      }
    }
    String driver = first.getDriver();
    String pool = first.getPool().getName();
    boolean binding = false;
    Set<String> names = new HashSet<>();
    String invalid = null;
    for (ResourceSlice s : deviceSlices) {
      for (Device d : NodeSelectors.nn(s.getSpec().getDevices())) {
        if (d == null) continue;
        if (!names.add(d.getName()) && invalid == null) {
          invalid = "duplicate device name " + d.getName();
        }
        if (d.getBindingConditions() != null && !d.getBindingConditions().isEmpty()) {
          binding = true;
        }
      }
    }
    Map<String, Map<String, BigDecimal>> counters = new HashMap<>();
    if (invalid == null && partitionable) {
      for (ResourceSlice s : counterSlices) {
        for (CounterSet cs : NodeSelectors.nn(s.getSpec().getSharedCounters())) {
          if (counters.containsKey(cs.getName())) {
            if (invalid == null) invalid = "duplicate counter set name " + cs.getName();
            continue;
          }
          Map<String, BigDecimal> m = new HashMap<>();
          if (cs.getCounters() != null) {
            cs.getCounters().forEach((k, v) -> m.put(k, CapacitySpec.value(v.getValue())));
          }
          counters.put(cs.getName(), m);
        }
      }
      if (invalid == null) {
        List<ResourceSlice> consumers = new ArrayList<>(deviceSlices);
        consumers.addAll(notTargeting);
        invalid = unknownCounters(consumers, counters);
      }
    }
    if (invalid != null) {
      NodeView.PoolView p =
          new NodeView.PoolView(driver, pool, false, true, invalid, Map.of(), binding);
      devicesOf.put(p, List.of());
      return p;
    }
    NodeView.PoolView p = new NodeView.PoolView(driver, pool, false, false, "", counters, binding);
    List<Integer> devs = new ArrayList<>();
    for (ResourceSlice s : deviceSlices) {
      int[] idx = sliceEntries.get(s);
      boolean perDevice = Boolean.TRUE.equals(s.getSpec().getPerDeviceNodeSelection());
      for (int i : idx) {
        if (i < 0) continue;
        if (perDevice && !deviceReaches(entries[i].device, node)) continue;
        devs.add(i);
      }
    }
    devicesOf.put(p, devs);
    return p;
  }

  private static String unknownCounters(
      List<ResourceSlice> slices, Map<String, Map<String, BigDecimal>> counters) {
    for (ResourceSlice s : slices) {
      for (Device d : NodeSelectors.nn(s.getSpec().getDevices())) {
        if (d == null) continue;
        for (var cc : NodeSelectors.nn(d.getConsumesCounters())) {
          Map<String, BigDecimal> set = counters.get(cc.getCounterSet());
          if (set == null) return "counter set " + cc.getCounterSet() + " not found";
          if (cc.getCounters() != null) {
            for (String name : cc.getCounters().keySet()) {
              if (!set.containsKey(name)) {
                return "counter " + name + " not found in counter set " + cc.getCounterSet();
              }
            }
          }
        }
      }
    }
    return null;
  }

  /** Per-device node selection: nodeName, allNodes or nodeSelector of the device. */
  static boolean deviceReaches(Device d, Node node) {
    if (d.getNodeName() != null && !d.getNodeName().isEmpty()) {
      return node != null && node.getMetadata().getName().equals(d.getNodeName());
    }
    if (Boolean.TRUE.equals(d.getAllNodes())) return true;
    if (d.getNodeSelector() != null) return NodeSelectors.matches(d.getNodeSelector(), node);
    return false;
  }

  private static long generation(ResourceSlice s) {
    Long g = s.getSpec().getPool().getGeneration();
    return g == null ? 0 : g;
  }

  private static long sliceCount(ResourceSlice s) {
    Long c = s.getSpec().getPool().getResourceSliceCount();
    return c == null ? 1 : c;
  }
}
