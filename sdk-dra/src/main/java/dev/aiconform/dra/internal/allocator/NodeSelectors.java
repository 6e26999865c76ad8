package dev.aiconform.dra.internal.allocator;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Node selectors as component-helpers/scheduling/corev1/nodeaffinity evaluates them: terms are
 * ORed, the requirements of a term ANDed, a term without requirements matches nothing, and only
 * {@code metadata.name} is supported as a match field.
 */
public final class NodeSelectors {
  private NodeSelectors() {}

  static boolean matches(NodeSelector selector, Node node) {
    if (selector == null || node == null) return false;
    Map<String, String> labels =
        node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    return matches(selector, node.getMetadata().getName(), labels);
  }

  /** Whether a node with this name and these labels matches the selector. */
  public static boolean matches(
      NodeSelector selector, String nodeName, Map<String, String> labels) {
    if (selector == null) return false;
    for (NodeSelectorTerm t : nn(selector.getNodeSelectorTerms())) {
      if (t == null) continue;
      List<NodeSelectorRequirement> exprs = nn(t.getMatchExpressions());
      List<NodeSelectorRequirement> fields = nn(t.getMatchFields());
      if (exprs.isEmpty() && fields.isEmpty()) continue;
      boolean ok = true;
      for (NodeSelectorRequirement r : exprs) {
        ok &= requirement(r, labels.get(r.getKey()), labels.containsKey(r.getKey()));
      }
      for (NodeSelectorRequirement r : fields) {
        ok &= "metadata.name".equals(r.getKey()) && requirement(r, nodeName, true);
      }
      if (ok) return true;
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
        if (!present || vs.size() != 1) return false;
        try {
          long v = Long.parseLong(value);
          long bound = Long.parseLong(vs.get(0));
          return r.getOperator().equals("Gt") ? v > bound : v < bound;
        } catch (NumberFormatException e) {
          return false;
        }
      default:
        return false;
    }
  }

  static <T> List<T> nn(List<T> l) {
    return l == null ? List.of() : l;
  }
}
