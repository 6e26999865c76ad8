package dev.aiconform.core.cluster;

import java.util.Objects;

/**
 * The answer of a scheduling plugin at an extension point, as kube-scheduler's framework.Status: a
 * code and, when not successful, a reason a person understands ("Insufficient nvidia.com/gpu").
 * Reasons of Filter failures are counted per node into "0/4 nodes are available: 4 Insufficient
 * nvidia.com/gpu."
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

  private static final PluginStatus SUCCESS = new PluginStatus(Code.SUCCESS, "");

  private final Code code;
  private final String reason;

  private PluginStatus(Code code, String reason) {
    this.code = code;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public static PluginStatus success() {
    return SUCCESS;
  }

  public static PluginStatus unschedulable(String reason) {
    return new PluginStatus(Code.UNSCHEDULABLE, reason);
  }

  public static PluginStatus unresolvable(String reason) {
    return new PluginStatus(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, reason);
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

  public String reason() {
    return reason;
  }

  public boolean isSuccess() {
    return code == Code.SUCCESS;
  }

  @Override
  public String toString() {
    return code + (reason.isEmpty() ? "" : ": " + reason);
  }
}
