package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;

/** Where shared checks report to: a rule's context, possibly rewording for its category. */
@FunctionalInterface
interface Findings {
  void report(FieldPath path, Reason reason, String message, String hint);
}
