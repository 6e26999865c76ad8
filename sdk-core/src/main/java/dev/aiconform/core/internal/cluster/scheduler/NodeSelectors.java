package dev.aiconform.core.internal.cluster.scheduler;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;

/**
 * Node selector terms as component-helpers' nodeaffinity matches them: terms are ORed; a term
 * matches when all its label expressions and field expressions do; a term with neither matches
 * nothing; an expression that cannot be evaluated (bad operator, Gt/Lt values that are not
 * integers) does not match.
 */
public final class NodeSelectors {
  private NodeSelectors() {}

  public static boolean matches(
      NodeSelector selector, String nodeName, Map<String, String> labels) {
    if (selector == null || selector.getNodeSelectorTerms() == null) {
      return false;
    }
    for (NodeSelectorTerm term : selector.getNodeSelectorTerms()) {
      if (matches(term, nodeName, labels)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(NodeSelectorTerm term, String nodeName, Map<String, String> labels) {
    List<NodeSelectorRequirement> exprs = list(term.getMatchExpressions());
    List<NodeSelectorRequirement> fields = list(term.getMatchFields());
    if (exprs.isEmpty() && fields.isEmpty()) {
      return false;
    }
    for (NodeSelectorRequirement r : exprs) {
      if (!matchesLabel(r, labels)) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : fields) {
      if (!matchesField(r, nodeName)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesLabel(NodeSelectorRequirement r, Map<String, String> labels) {
    String key = r.getKey();
    List<String> values = list(r.getValues());
    String op = r.getOperator() == null ? "" : r.getOperator();
    boolean has = labels.containsKey(key);
    String value = labels.get(key);
    switch (op) {
      case "In":
        return !values.isEmpty() && has && values.contains(value);
      case "NotIn":
        return !values.isEmpty() && (!has || !values.contains(value));
      case "Exists":
        return values.isEmpty() && has;
      case "DoesNotExist":
        return values.isEmpty() && !has;
      case "Gt":
      case "Lt":
        if (values.size() != 1 || !has) {
          return false;
        }
        try {
          long actual = Long.parseLong(value);
          long bound = Long.parseLong(values.get(0));
          return op.equals("Gt") ? actual > bound : actual < bound;
        } catch (NumberFormatException e) {
          return false;
        }
      default:
        return false;
    }
  }

  private static boolean matchesField(NodeSelectorRequirement r, String nodeName) {
    // The only field selectors a node supports: metadata.name with In or NotIn of one value.
    if (!"metadata.name".equals(r.getKey())) {
      return false;
    }
    List<String> values = list(r.getValues());
    if (values.size() != 1) {
      return false;
    }
    if ("In".equals(r.getOperator())) {
      return values.get(0).equals(nodeName);
    }
    if ("NotIn".equals(r.getOperator())) {
      return !values.get(0).equals(nodeName);
    }
    return false;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
