package dev.aiconform.testing;

import dev.aiconform.core.cluster.SimulationReport.Device;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import dev.aiconform.testing.internal.Lines;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one pod of a simulation: bound or pending (and why), its node, its devices.
 *
 * <pre>{@code
 * assertThat(cluster).pod("train-0").isBound().hasDevices(2).isOnNode("h100-node-0");
 * assertThat(cluster).pod("big-0").isPending().hasPendingReasonContaining("Insufficient");
 * }</pre>
 */
public final class PodAssert extends AbstractAssert<PodAssert, PodPlacement> {
  PodAssert(PodPlacement actual) {
    super(actual, PodAssert.class);
  }

  public PodAssert isBound() {
    if (actual.phase() != Phase.BOUND) {
      failWithMessage(
          "%nExpecting pod%n%s%nto be bound but it is pending:%n%s",
          Lines.quoted(actual.namespace() + "/" + actual.name()),
          "  " + actual.reason().orElse("(no reason recorded)"));
    }
    return this;
  }

  public PodAssert isPending() {
    if (actual.phase() != Phase.PENDING) {
      failWithMessage(
          "%nExpecting pod%n%s%nto be pending but it is bound to node %s",
          Lines.quoted(actual.namespace() + "/" + actual.name()), actual.node().orElse("?"));
    }
    return this;
  }

  public PodAssert isOnNode(String node) {
    isBound();
    if (!actual.node().orElse("").equals(node)) {
      failWithMessage(
          "%nExpecting pod%n%s%nto be on node%n%s%nbut it is on%n%s",
          Lines.quoted(actual.namespace() + "/" + actual.name()),
          Lines.quoted(node),
          Lines.quoted(actual.node().orElse("")));
    }
    return this;
  }

  /** Exactly {@code count} allocated devices, over all its claims. */
  public PodAssert hasDevices(int count) {
    if (actual.devices().size() != count) {
      failWithMessage(
          "%nExpecting pod%n%s%nto have %s device%s but it has %s:%n%s",
          Lines.quoted(actual.namespace() + "/" + actual.name()),
          count,
          count == 1 ? "" : "s",
          actual.devices().size(),
          Lines.indented(
              actual.devices().stream().map(PodAssert::describe).collect(Collectors.toList())));
    }
    return this;
  }

  /** A device of {@code driver} named {@code device} (in any pool). */
  public PodAssert hasDevice(String driver, String device) {
    boolean found =
        actual.devices().stream()
            .anyMatch(d -> d.driver().equals(driver) && d.device().equals(device));
    if (!found) {
      failWithMessage(
          "%nExpecting pod%n%s%nto have device%n%s%nbut its devices were:%n%s",
          Lines.quoted(actual.namespace() + "/" + actual.name()),
          Lines.quoted(driver + " " + device),
          Lines.indented(
              actual.devices().stream().map(PodAssert::describe).collect(Collectors.toList())));
    }
    return this;
  }

  public PodAssert hasPendingReasonContaining(String text) {
    isPending();
    String reason = actual.reason().orElse("");
    if (!reason.contains(text)) {
      failWithMessage(
          "%nExpecting pending pod%n%s%nto wait for a reason containing%n%s%nbut its reason is%n%s",
          Lines.quoted(actual.namespace() + "/" + actual.name()),
          Lines.quoted(text),
          Lines.quoted(reason));
    }
    return this;
  }

  static String describe(PodPlacement p) {
    return p.namespace()
        + "/"
        + p.name()
        + ": "
        + (p.phase() == Phase.BOUND
            ? "bound to "
                + p.node().orElse("?")
                + (p.devices().isEmpty() ? "" : ", " + p.devices().size() + " devices")
            : "pending" + p.reason().map(r -> " (" + r + ")").orElse(""));
  }

  static String describe(Device d) {
    return d.request() + ": " + d.driver() + " " + d.pool() + "/" + d.device();
  }
}
