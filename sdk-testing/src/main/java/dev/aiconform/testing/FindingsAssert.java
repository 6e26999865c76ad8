package dev.aiconform.testing;

import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.testing.internal.Lines;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the findings of one rule (and severity) of a report; each method narrows them down
 * to those that match, and fails listing what there was.
 *
 * <pre>{@code
 * assertThat(report).hasError("dra.request.count")
 *     .at("spec.devices.requests[0].exactly.count")
 *     .withReason(Reason.INVALID)
 *     .withMessageContaining("must be greater than zero");
 * }</pre>
 */
public final class FindingsAssert extends AbstractAssert<FindingsAssert, List<Diagnostic>> {
  private final String what;

  FindingsAssert(List<Diagnostic> findings, String what) {
    super(List.copyOf(findings), FindingsAssert.class);
    this.what = what;
  }

  /**
   * At the Kubernetes field path, as the API server prints it: {@code spec.devices.requests[0]}.
   */
  public FindingsAssert at(String fieldPath) {
    return narrow(d -> d.path().equals(fieldPath), "at", fieldPath);
  }

  public FindingsAssert withReason(Reason reason) {
    return narrow(
        d -> d.reason().filter(reason::equals).isPresent(), "with reason", reason.wireName());
  }

  public FindingsAssert withMessageContaining(String text) {
    return narrow(d -> d.message().contains(text), "with a message containing", text);
  }

  public FindingsAssert withHintContaining(String text) {
    return narrow(d -> d.hint().contains(text), "with a hint containing", text);
  }

  /** About the object of this kind and name ({@code ResourceClaim}, {@code gpus}). */
  public FindingsAssert about(String kind, String name) {
    return narrow(
        d -> d.object().filter(o -> o.kind().equals(kind) && o.name().equals(name)).isPresent(),
        "about",
        kind + " " + name);
  }

  /** Supporting the AI-conformance requirement, such as {@code gang_scheduling}. */
  public FindingsAssert forRequirement(String requirement) {
    return narrow(
        d -> d.requirement().filter(requirement::equals).isPresent(),
        "for requirement",
        requirement);
  }

  /** On the line of the file it was read from. */
  public FindingsAssert onLine(int line) {
    return narrow(d -> d.source().filter(s -> s.line() == line).isPresent(), "on line", line);
  }

  /** Exactly {@code count} findings (after narrowing). */
  public FindingsAssert hasCount(int count) {
    if (actual.size() != count) {
      failWithMessage(
          "%nExpecting %s finding%s (%s) but found %s:%n%s",
          count, count == 1 ? "" : "s", what, actual.size(), Lines.indented(actual));
    }
    return this;
  }

  private FindingsAssert narrow(Predicate<Diagnostic> test, String how, Object value) {
    List<Diagnostic> matching = actual.stream().filter(test).collect(Collectors.toList());
    if (matching.isEmpty()) {
      failWithMessage(
          "%nExpecting a finding (%s) %s%n%s%nbut the %s finding%s were:%n%s",
          what,
          how,
          Lines.quoted(value),
          actual.size(),
          actual.size() == 1 ? "" : "s",
          Lines.indented(actual));
    }
    return new FindingsAssert(matching, what + " " + how + " " + value);
  }
}
