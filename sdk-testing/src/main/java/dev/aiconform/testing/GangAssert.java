package dev.aiconform.testing;

import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.cluster.SimulationReport.Group;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import dev.aiconform.testing.internal.Lines;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one gang of a simulation: admitted or not, how many members are bound. A failure
 * shows the gang and why its pending pods wait.
 *
 * <pre>{@code
 * assertThat(cluster).gang("train").isAdmitted().hasBound(4);
 * }</pre>
 */
public final class GangAssert extends AbstractAssert<GangAssert, Group> {
  private final SimulationReport report;

  GangAssert(Group actual, SimulationReport report) {
    super(actual, GangAssert.class);
    this.report = report;
  }

  /** All-or-nothing: at least minCount members are bound together. */
  public GangAssert isAdmitted() {
    if (!actual.admitted()) {
      failWithMessage(
          "%nExpecting gang%n%s%nto be admitted but it was not: %s of at least %s members bound.%nIts namespace's pending pods:%n%s",
          Lines.quoted(actual.namespace() + "/" + actual.name() + " (" + actual.backend() + ")"),
          actual.bound(),
          actual.minCount(),
          Lines.indented(pendingInNamespace()));
    }
    return this;
  }

  /** Not admitted: no member runs (none, or too few, fit). */
  public GangAssert isNotAdmitted() {
    if (actual.admitted()) {
      failWithMessage(
          "%nExpecting gang%n%s%nnot to be admitted but it was, with %s of %s members bound",
          Lines.quoted(actual.namespace() + "/" + actual.name() + " (" + actual.backend() + ")"),
          actual.bound(),
          actual.minCount());
    }
    return this;
  }

  public GangAssert hasBound(int members) {
    if (actual.bound() != members) {
      failWithMessage(
          "%nExpecting gang%n%s%nto have %s bound members but it has %s (minCount %s)",
          Lines.quoted(actual.namespace() + "/" + actual.name()),
          members,
          actual.bound(),
          actual.minCount());
    }
    return this;
  }

  public GangAssert hasMinCount(int minCount) {
    if (actual.minCount() != minCount) {
      failWithMessage(
          "%nExpecting gang%n%s%nto need %s members but it needs %s",
          Lines.quoted(actual.namespace() + "/" + actual.name()), minCount, actual.minCount());
    }
    return this;
  }

  /** The gang mechanism, as the report names it ({@code coscheduling}, {@code volcano}, …). */
  public GangAssert usesBackend(String backend) {
    if (!actual.backend().equals(backend)) {
      failWithMessage(
          "%nExpecting gang%n%s%nto use backend%n%s%nbut it uses%n%s",
          Lines.quoted(actual.namespace() + "/" + actual.name()),
          Lines.quoted(backend),
          Lines.quoted(actual.backend()));
    }
    return this;
  }

  private List<String> pendingInNamespace() {
    return report.pods().stream()
        .filter(p -> p.namespace().equals(actual.namespace()) && p.phase() == Phase.PENDING)
        .map(PodAssert::describe)
        .collect(Collectors.toList());
  }
}
