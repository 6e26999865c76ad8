package dev.aiconform.core.internal.cluster.scheduler;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Objects;

/**
 * Whether tolerations tolerate a taint, as component-helpers' ToleratesTaint: an effect, when set,
 * must be the taint's; a key, when set, must be the taint's (an empty key with {@code Exists}
 * tolerates every taint); {@code Exists} ignores the value, {@code Equal} (the default) compares
 * it. The alpha {@code Gt}/{@code Lt} operators (TaintTolerationComparisonOperators, off by
 * default) are not modelled and tolerate nothing.
 */
public final class Tolerations {
  private Tolerations() {}

  public static boolean tolerates(List<Toleration> tolerations, Taint taint) {
    if (tolerations == null) {
      return false;
    }
    for (Toleration t : tolerations) {
      if (tolerates(t, taint)) {
        return true;
      }
    }
    return false;
  }

  static boolean tolerates(Toleration t, Taint taint) {
    if (!isEmpty(t.getEffect()) && !t.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (!isEmpty(t.getKey()) && !t.getKey().equals(taint.getKey())) {
      return false;
    }
    String op = isEmpty(t.getOperator()) ? "Equal" : t.getOperator();
    switch (op) {
      case "Exists":
        return true;
      case "Equal":
        return Objects.equals(nullToEmpty(t.getValue()), nullToEmpty(taint.getValue()));
      default:
        return false;
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
