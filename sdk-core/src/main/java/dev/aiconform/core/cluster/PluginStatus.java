package dev.aiconform.core.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The answer of a scheduling plugin at an extension point, as kube-scheduler's framework.Status: a
 * code and, when not successful, a reason a person understands ("Insufficient nvidia.com/gpu").
 * Reasons of Filter failures are counted per node into "0/4 nodes are available: 4 Insufficient
 * nvidia.com/gpu." A status may carry several reasons (NodeResourcesFit reports one per
 * insufficient resource); each is counted on its own, as kube-scheduler does.
 *
 * <pre>{@code
 * return fits ? PluginStatus.success() : PluginStatus.unschedulable("Insufficient nvidia.com/gpu");
 * }</pre>
 */
public final class PluginStatus {
  /** The outcome. */
  public enum Code {
    SUCCESS,
    /** Not on this node now; may fit later (after other pods go). */
    UNSCHEDULABLE,
    /** Not on this node whatever happens (node selector, missing device class). */
    UNSCHEDULABLE_AND_UNRESOLVABLE,
    /** Permit only: hold the reservation and wait (gang members). */
    WAIT,
    /** The plugin could not decide (runtime CEL error): the pod stays pending with this reason. */
    ERROR
  }

  private static final PluginStatus SUCCESS = new PluginStatus(Code.SUCCESS, List.of());

  private final Code code;
  private final List<String> reasons;

  private PluginStatus(Code code, List<String> reasons) {
    this.code = code;
    this.reasons = List.copyOf(reasons);
  }

  private PluginStatus(Code code, String reason) {
    this(code, List.of(Objects.requireNonNull(reason, "reason")));
  }

  public static PluginStatus success() {
    return SUCCESS;
  }

  public static PluginStatus unschedulable(String reason) {
    return new PluginStatus(Code.UNSCHEDULABLE, reason);
  }

  /** Unschedulable for several reasons at once ("Insufficient cpu", "Insufficient memory"). */
  public static PluginStatus unschedulable(List<String> reasons) {
    return withReasons(Code.UNSCHEDULABLE, reasons);
  }

  public static PluginStatus unresolvable(String reason) {
    return new PluginStatus(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, reason);
  }

  /** Unresolvable for several reasons at once. */
  public static PluginStatus unresolvable(List<String> reasons) {
    return withReasons(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, reasons);
  }

  private static PluginStatus withReasons(Code code, List<String> reasons) {
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a " + code + " status needs at least one reason");
    }
    return new PluginStatus(code, reasons);
  }

  public static PluginStatus waiting(String reason) {
    return new PluginStatus(Code.WAIT, reason);
  }

  public static PluginStatus error(String reason) {
    return new PluginStatus(Code.ERROR, reason);
  }

  public Code code() {
    return code;
  }

  /** The reasons joined with ", " (as kube-scheduler's Status.Message); empty on success. */
  public String reason() {
    return String.join(", ", reasons);
  }

  /** Each reason on its own, as counted in "0/4 nodes are available: …"; empty on success. */
  public List<String> reasons() {
    return reasons;
  }

  public boolean isSuccess() {
    return code == Code.SUCCESS;
  }

  @Override
  public String toString() {
    return code + (reasons.isEmpty() ? "" : ": " + reason());
  }
}
