package dev.aiconform.dra.internal.allocator;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration;
import java.util.List;
import java.util.Objects;

/**
 * Device taints against request tolerations (dynamic-resource-allocation resourceclaim:
 * ToleratesTaint): only NoSchedule and NoExecute taints prevent allocation; a toleration with an
 * empty effect or key matches any, {@code Exists} any value, {@code Equal} (or empty) equal values.
 */
final class DeviceTaints {
  private DeviceTaints() {}

  static boolean preventsAllocation(List<DeviceTaint> taints, List<DeviceToleration> tolerations) {
    return untolerated(taints, tolerations) != null;
  }

  /** The first taint that blocks allocation, or null. */
  static DeviceTaint untolerated(List<DeviceTaint> taints, List<DeviceToleration> tolerations) {
    for (DeviceTaint t : taints) {
      String effect = Objects.toString(t.getEffect(), "");
      if (!effect.equals("NoSchedule") && !effect.equals("NoExecute")) continue;
      boolean tolerated = false;
      for (DeviceToleration tol : tolerations) {
        if (tolerates(tol, t)) {
          tolerated = true;
          break;
        }
      }
      if (!tolerated) return t;
    }
    return null;
  }

  static boolean tolerates(DeviceToleration tol, DeviceTaint taint) {
    String effect = Objects.toString(tol.getEffect(), "");
    if (!effect.isEmpty() && !effect.equals(taint.getEffect())) return false;
    String key = Objects.toString(tol.getKey(), "");
    if (!key.isEmpty() && !key.equals(taint.getKey())) return false;
    String op = Objects.toString(tol.getOperator(), "");
    switch (op) {
      case "":
      case "Equal":
        return Objects.toString(tol.getValue(), "").equals(Objects.toString(taint.getValue(), ""));
      case "Exists":
        return true;
      default:
        return false;
    }
  }

  static String describe(DeviceTaint t) {
    return t.getKey()
        + (t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue())
        + ":"
        + t.getEffect();
  }
}
