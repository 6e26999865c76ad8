package dev.aiconform.dra.internal.allocator;

import dev.aiconform.dra.internal.allocator.ClaimPlan.RequestPlan;
import dev.aiconform.dra.internal.allocator.ClaimPlan.RequestSpec;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.AllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAllocationConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A successful allocation of a pod's claims on one node: per claim the {@code status.allocation} to
 * write (results, configuration from class and claim, node selector) and what it takes from the
 * {@link DeviceLedger}; plus the score Kubernetes gives the node for the firstAvailable
 * alternatives it could use (higher for earlier alternatives).
 */
public final class NodeAllocation {
  /** FirstAvailableDeviceRequestMaxSize: the score base for firstAvailable alternatives. */
  static final int FIRST_AVAILABLE_MAX = 8;

  final String node;
  final List<ClaimPlan> claims;
  final List<AllocationResult> results;
  final List<LedgerRecord> records;
  final long score;
  final long ledgerVersion;

  private NodeAllocation(
      String node,
      List<ClaimPlan> claims,
      List<AllocationResult> results,
      List<LedgerRecord> records,
      long score,
      long ledgerVersion) {
    this.node = node;
    this.claims = claims;
    this.results = results;
    this.records = records;
    this.score = score;
    this.ledgerVersion = ledgerVersion;
  }

  static NodeAllocation of(
      DeviceInventory inventory,
      String node,
      List<ClaimPlan> claims,
      List<List<NodeSearch.Chosen>> chosen,
      NodeSearch search,
      long ledgerVersion) {
    AllocatorFeatures features = inventory.features();
    List<AllocationResult> results = new ArrayList<>();
    List<LedgerRecord> records = new ArrayList<>();
    long score = 0;
    for (int ci = 0; ci < claims.size(); ci++) {
      ClaimPlan plan = claims.get(ci);
      List<NodeSearch.Chosen> devices = chosen.get(ci);
      List<DeviceRequestAllocationResult> rs = new ArrayList<>();
      List<LedgerRecord.Use> uses = new ArrayList<>();
      for (int i = 0; i < devices.size(); i++) {
        NodeSearch.Chosen c = devices.get(i);
        DeviceEntry e = inventory.entry(c.entry());
        DeviceRequestAllocationResult r = new DeviceRequestAllocationResult();
        r.setRequest(c.spec().resultName);
        r.setDriver(e.id.driver());
        r.setPool(e.id.pool());
        r.setDevice(e.id.device());
        if (c.spec().adminAccess) r.setAdminAccess(true);
        if (!c.spec().tolerations.isEmpty()) r.setTolerations(c.spec().tolerations);
        if (c.multi()) {
          r.setShareID(shareId(plan.claim, i, e.id));
          Map<String, Quantity> consumed = new TreeMap<>();
          for (CapacitySpec cap : e.capacities) {
            consumed.put(
                cap.name,
                cap.consumedQuantity(
                    c.spec().capacityValues.get(cap.name),
                    c.spec().capacityRequests.get(cap.name)));
          }
          if (!consumed.isEmpty()) r.setConsumedCapacity(consumed);
          uses.add(new LedgerRecord.Use(e.slot, LedgerRecord.Kind.SHARED, c.consumed()));
        } else if (c.spec().adminAccess) {
          uses.add(new LedgerRecord.Use(e.slot, LedgerRecord.Kind.ADMIN, Map.of()));
        } else {
          uses.add(new LedgerRecord.Use(e.slot, LedgerRecord.Kind.EXCLUSIVE, Map.of()));
        }
        if (features.bindingConditions() && e.hasBindingConditions) {
          r.setBindingConditions(e.device.getBindingConditions());
          r.setBindingFailureConditions(e.device.getBindingFailureConditions());
        }
        rs.add(r);
      }
      AllocationResult result = new AllocationResult();
      DeviceAllocationResult dar = new DeviceAllocationResult();
      dar.setResults(rs);
      List<DeviceAllocationConfiguration> config = config(inventory, plan, search, ci);
      if (!config.isEmpty()) dar.setConfig(config);
      result.setDevices(dar);
      result.setNodeSelector(nodeSelector(inventory, devices, node));
      results.add(result);
      records.add(new LedgerRecord(uses));
      for (int ri = 0; ri < plan.requests.size(); ri++) {
        if (plan.requests.get(ri).firstAvailable()) {
          score += FIRST_AVAILABLE_MAX - search.selectedAlternative(ci, ri);
        }
      }
    }
    return new NodeAllocation(node, claims, results, records, score, ledgerVersion);
  }

  /** A share id that is unique per claim, result and device, and the same on every run. */
  static String shareId(ResourceClaim claim, int result, DeviceId device) {
    String owner =
        claim.getMetadata() != null && claim.getMetadata().getUid() != null
            ? claim.getMetadata().getUid()
            : ClaimPlan.name(claim);
    return UUID.nameUUIDFromBytes(
            (owner + "/" + result + "/" + device).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static List<DeviceAllocationConfiguration> config(
      DeviceInventory inventory, ClaimPlan plan, NodeSearch search, int ci) {
    if (!plan.hasConfig()) return List.of();
    List<DeviceAllocationConfiguration> out = new ArrayList<>();
    Map<String, int[]> classRanges = new LinkedHashMap<>();
    List<String> chosenNames = new ArrayList<>();
    for (int ri = 0; ri < plan.requests.size(); ri++) {
      RequestPlan rp = plan.requests.get(ri);
      RequestSpec spec = rp.alternatives().get(search.selectedAlternative(ci, ri));
      chosenNames.add(spec.resultName);
      int[] range = classRanges.get(spec.className);
      if (range != null) {
        for (int i = range[0]; i < range[1]; i++) out.get(i).getRequests().add(spec.resultName);
        continue;
      }
      int start = out.size();
      DeviceClass dc = inventory.deviceClass(spec.className);
      if (dc != null && dc.getSpec() != null) {
        for (DeviceClassConfiguration c : NodeSelectors.nn(dc.getSpec().getConfig())) {
          DeviceAllocationConfiguration a = new DeviceAllocationConfiguration();
          a.setSource("FromClass");
          a.setRequests(new ArrayList<>(List.of(spec.resultName)));
          a.setOpaque(c.getOpaque());
          out.add(a);
        }
      }
      classRanges.put(spec.className, new int[] {start, out.size()});
    }
    var devices = plan.claim.getSpec() == null ? null : plan.claim.getSpec().getDevices();
    if (devices != null) {
      for (DeviceClaimConfiguration c : NodeSelectors.nn(devices.getConfig())) {
        List<String> reqs = NodeSelectors.nn(c.getRequests());
        boolean include = reqs.isEmpty();
        for (int ri = 0; !include && ri < plan.requests.size(); ri++) {
          RequestPlan rp = plan.requests.get(ri);
          include =
              reqs.contains(rp.name())
                  || (rp.firstAvailable() && reqs.contains(chosenNames.get(ri)));
        }
        if (!include) continue;
        DeviceAllocationConfiguration a = new DeviceAllocationConfiguration();
        a.setSource("FromClaim");
        a.setRequests(reqs.isEmpty() ? null : new ArrayList<>(reqs));
        a.setOpaque(c.getOpaque());
        out.add(a);
      }
    }
    for (DeviceAllocationConfiguration a : out) {
      List<String> reqs = a.getRequests();
      if (reqs == null || reqs.isEmpty()) continue;
      boolean appliesToAll = true;
      for (int ri = 0; ri < plan.requests.size() && appliesToAll; ri++) {
        RequestPlan rp = plan.requests.get(ri);
        appliesToAll =
            reqs.contains(rp.name()) || (rp.firstAvailable() && reqs.contains(chosenNames.get(ri)));
      }
      if (appliesToAll) a.setRequests(null);
    }
    return out;
  }

  /** structured allocator: createNodeSelector. */
  private static NodeSelector nodeSelector(
      DeviceInventory inventory, List<NodeSearch.Chosen> devices, String node) {
    List<NodeSelectorRequirement> fields = new ArrayList<>();
    List<NodeSelectorRequirement> exprs = new ArrayList<>();
    for (NodeSearch.Chosen c : devices) {
      DeviceEntry e = inventory.entry(c.entry());
      String nodeName;
      NodeSelector selector;
      if (e.perDeviceNodeSelection) {
        nodeName = e.device.getNodeName();
        selector = e.device.getNodeSelector();
      } else {
        nodeName = e.slice.getSpec().getNodeName();
        selector = e.slice.getSpec().getNodeSelector();
      }
      if ((nodeName != null && !nodeName.isEmpty()) || e.bindsToNode) {
        // Plain POJOs: fabric8's builders cost more than the whole search on a small node.
        NodeSelectorRequirement name = new NodeSelectorRequirement();
        name.setKey("metadata.name");
        name.setOperator("In");
        name.setValues(List.of(node));
        NodeSelectorTerm term = new NodeSelectorTerm();
        term.setMatchFields(List.of(name));
        NodeSelector ns = new NodeSelector();
        ns.setNodeSelectorTerms(List.of(term));
        return ns;
      }
      if (selector != null && selector.getNodeSelectorTerms() != null) {
        List<NodeSelectorTerm> terms = selector.getNodeSelectorTerms();
        if (terms.size() == 1) {
          addNew(NodeSelectors.nn(terms.get(0).getMatchFields()), fields);
          addNew(NodeSelectors.nn(terms.get(0).getMatchExpressions()), exprs);
        }
      }
    }
    if (fields.isEmpty() && exprs.isEmpty()) return null;
    NodeSelectorTerm term = new NodeSelectorTerm();
    if (!exprs.isEmpty()) term.setMatchExpressions(exprs);
    if (!fields.isEmpty()) term.setMatchFields(fields);
    NodeSelector ns = new NodeSelector();
    ns.setNodeSelectorTerms(List.of(term));
    return ns;
  }

  private static void addNew(List<NodeSelectorRequirement> from, List<NodeSelectorRequirement> to) {
    for (NodeSelectorRequirement r : from) {
      boolean present = false;
      Set<String> values = new HashSet<>(NodeSelectors.nn(r.getValues()));
      for (NodeSelectorRequirement x : to) {
        if (x.getKey().equals(r.getKey())
            && x.getOperator().equals(r.getOperator())
            && new HashSet<>(NodeSelectors.nn(x.getValues())).equals(values)) {
          present = true;
          break;
        }
      }
      if (!present) to.add(r);
    }
  }

  public String node() {
    return node;
  }

  /** Per claim (in the order given), the {@code status.allocation} to write. */
  public List<AllocationResult> results() {
    return results;
  }

  /** Per claim, what the allocation takes from the allocated state. */
  public List<LedgerRecord> records() {
    return records;
  }

  /** Kubernetes' DynamicResources score for the node (firstAvailable alternatives). */
  public long score() {
    return score;
  }

  /** The allocated-state version the allocation was computed against. */
  public long ledgerVersion() {
    return ledgerVersion;
  }

  /** All devices of all claims, for reports. */
  public List<DeviceId> devices() {
    List<DeviceId> out = new ArrayList<>();
    for (AllocationResult r : results) {
      for (DeviceRequestAllocationResult d : r.getDevices().getResults()) {
        out.add(new DeviceId(d.getDriver(), d.getPool(), d.getDevice()));
      }
    }
    return out;
  }
}
