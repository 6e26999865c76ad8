package dev.aiconform.testing;

import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.ObjectOutcome.Action;
import dev.aiconform.testing.internal.Lines;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the outcome of applying a bundle to a cluster (in memory or real).
 *
 * <pre>{@code
 * assertThat(cluster.apply(bundle)).isSuccessful();
 * assertThat(result).outcome("Job", "train").is(Action.SKIPPED);
 * }</pre>
 */
public final class ApplyResultAssert extends AbstractAssert<ApplyResultAssert, ApplyResult> {
  ApplyResultAssert(ApplyResult actual) {
    super(actual, ApplyResultAssert.class);
  }

  /** No object failed, was rejected, conflicted or was skipped. */
  public ApplyResultAssert isSuccessful() {
    isNotNull();
    if (!actual.isSuccess()) {
      failWithMessage(
          "%nExpecting every object to apply but %s did not:%n%s%nAll outcomes:%n%s",
          actual.failures().size(),
          Lines.indented(actual.failures()),
          Lines.indented(actual.outcomes()));
    }
    return this;
  }

  /** The outcome of the object of this kind and name. */
  public OutcomeAssert outcome(String kind, String name) {
    isNotNull();
    List<ObjectOutcome> found =
        actual.outcomes().stream()
            .filter(o -> o.ref().kind().equals(kind) && o.ref().name().equals(name))
            .collect(Collectors.toList());
    if (found.isEmpty()) {
      failWithMessage(
          "%nExpecting an outcome for%n%s%nbut the outcomes were:%n%s",
          Lines.quoted(kind + " " + name), Lines.indented(actual.outcomes()));
    }
    return new OutcomeAssert(found.get(0));
  }

  /** Assertions on one {@link ObjectOutcome}. */
  public static final class OutcomeAssert extends AbstractAssert<OutcomeAssert, ObjectOutcome> {
    OutcomeAssert(ObjectOutcome actual) {
      super(actual, OutcomeAssert.class);
    }

    public OutcomeAssert is(Action action) {
      if (actual.action() != action) {
        failWithMessage(
            "%nExpecting%n%s%nto be %s but it was %s%s",
            Lines.quoted(actual.ref()),
            action,
            actual.action(),
            actual.message().isEmpty() ? "" : ":\n  " + actual.message());
      }
      return this;
    }

    public OutcomeAssert hasMessageContaining(String text) {
      if (!actual.message().contains(text)) {
        failWithMessage(
            "%nExpecting the outcome of%n%s%nto say%n%s%nbut it says%n%s",
            Lines.quoted(actual.ref()), Lines.quoted(text), Lines.quoted(actual.message()));
      }
      return this;
    }
  }
}
