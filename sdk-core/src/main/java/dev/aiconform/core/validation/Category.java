package dev.aiconform.core.validation;

import java.util.Locale;

/** Why a rule exists. */
public enum Category {
  /** What the Kubernetes API server of the target version would reject. */
  API,
  /** Derived from a requirement of the CNCF Kubernetes AI Conformance program. */
  CONFORMANCE,
  /** A known pitfall: accepted by the server, but not what the author meant. */
  PRACTICE;

  /** {@code "api"}, as the CLI prints it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
