package dev.aiconform.testing;

import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.cluster.SimulationReport.Group;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import dev.aiconform.testing.internal.Lines;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a simulated cluster did: its gangs, its pods (node, devices, why pending) and
 * what admission rejected.
 *
 * <pre>{@code
 * assertThat(cluster.report()).gang("train").isAdmitted();
 * assertThat(cluster.report()).pod("train-0").isBound().hasDevices(2);
 * }</pre>
 */
public final class SimulationReportAssert
    extends AbstractAssert<SimulationReportAssert, SimulationReport> {
  SimulationReportAssert(SimulationReport actual) {
    super(actual, SimulationReportAssert.class);
  }

  /** The gang (pod group) named {@code name}, in whatever namespace it is (it must be unique). */
  public GangAssert gang(String name) {
    isNotNull();
    List<Group> found =
        actual.groups().stream().filter(g -> g.name().equals(name)).collect(Collectors.toList());
    if (found.size() != 1) {
      failWithMessage(
          "%nExpecting the cluster to have %s gang named%n%s%nbut %s:%n%s",
          found.isEmpty() ? "a" : "one",
          Lines.quoted(name),
          found.isEmpty()
              ? "its gangs were"
              : "there are " + found.size() + ", one per namespace; use gang(namespace, name)",
          gangLines());
    }
    return new GangAssert(found.get(0), actual);
  }

  public GangAssert gang(String namespace, String name) {
    isNotNull();
    Group g =
        actual
            .group(namespace, name)
            .orElseGet(
                () -> {
                  failWithMessage(
                      "%nExpecting the cluster to have a gang%n%s%nbut its gangs were:%n%s",
                      Lines.quoted(namespace + "/" + name), gangLines());
                  return null;
                });
    return new GangAssert(g, actual);
  }

  /**
   * The pod named {@code name}, in whatever namespace it is (it must be unique). A name without the
   * suffix a controller adds finds the pod too when only one has it: {@code "train-0"} is the
   * Indexed Job's pod {@code train-0-x7k2p}.
   */
  public PodAssert pod(String name) {
    isNotNull();
    List<PodPlacement> found =
        actual.pods().stream().filter(p -> p.name().equals(name)).collect(Collectors.toList());
    if (found.isEmpty()) {
      found =
          actual.pods().stream()
              .filter(
                  p ->
                      p.name().startsWith(name + "-")
                          && p.name().indexOf('-', name.length() + 1) < 0)
              .collect(Collectors.toList());
    }
    if (found.size() != 1) {
      failWithMessage(
          "%nExpecting the cluster to have %s pod named%n%s%nbut %s:%n%s",
          found.isEmpty() ? "a" : "one",
          Lines.quoted(name),
          found.isEmpty()
              ? "its pods were"
              : "there are " + found.size() + "; use pod(namespace, name)",
          podLines());
    }
    return new PodAssert(found.get(0));
  }

  public PodAssert pod(String namespace, String name) {
    isNotNull();
    PodPlacement p =
        actual
            .pod(namespace, name)
            .orElseGet(
                () -> {
                  failWithMessage(
                      "%nExpecting the cluster to have a pod%n%s%nbut its pods were:%n%s",
                      Lines.quoted(namespace + "/" + name), podLines());
                  return null;
                });
    return new PodAssert(p);
  }

  /** Every pod is bound to a node. */
  public SimulationReportAssert hasNoPendingPods() {
    isNotNull();
    List<PodPlacement> pending =
        actual.pods().stream().filter(p -> p.phase() == Phase.PENDING).collect(Collectors.toList());
    if (!pending.isEmpty()) {
      failWithMessage(
          "%nExpecting every pod to be bound but %s of %s %s pending:%n%s",
          pending.size(),
          actual.pods().size(),
          pending.size() == 1 ? "is" : "are",
          Lines.indented(pending.stream().map(PodAssert::describe).collect(Collectors.toList())));
    }
    return this;
  }

  /** Exactly {@code count} pods are bound. */
  public SimulationReportAssert hasBoundPods(int count) {
    isNotNull();
    if (actual.bound() != count) {
      failWithMessage(
          "%nExpecting %s bound pod%s but %s %s bound; the pods were:%n%s",
          count,
          count == 1 ? "" : "s",
          actual.bound(),
          actual.bound() == 1 ? "is" : "are",
          podLines());
    }
    return this;
  }

  /** Admission rejected nothing. */
  public SimulationReportAssert hasNoRejections() {
    isNotNull();
    if (!actual.rejected().isEmpty()) {
      failWithMessage(
          "%nExpecting admission to reject nothing but it rejected:%n%s",
          Lines.indented(actual.rejected()));
    }
    return this;
  }

  /** The cluster's gangs, one a line, as the failure messages list them. */
  private String gangLines() {
    return Lines.indented(
        actual.groups().stream()
            .map(SimulationReportAssert::describe)
            .collect(Collectors.toList()));
  }

  /** The cluster's pods, one a line, as the failure messages list them. */
  private String podLines() {
    return Lines.indented(
        actual.pods().stream().map(PodAssert::describe).collect(Collectors.toList()));
  }

  static String describe(Group g) {
    return g.namespace()
        + "/"
        + g.name()
        + " ("
        + g.backend()
        + "): "
        + (g.admitted() ? "admitted" : "not admitted")
        + ", "
        + g.bound()
        + "/"
        + g.minCount()
        + " bound";
  }
}
