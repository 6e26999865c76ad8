package dev.aiconform.core.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as Kubernetes writes them (metav1.Time): RFC 3339, UTC, whole seconds. */
public final class Timestamps {
  private Timestamps() {}

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
