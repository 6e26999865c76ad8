package dev.aiconform.cli.internal;

import dev.aiconform.core.ObjectRef;

/** Small text helpers shared by the report formats and the commands' one-line failures. */
public final class Lines {
  private Lines() {}

  /** Line breaks and tabs become spaces, so a message is one line of a report. */
  public static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").trim();
  }

  /** {@code Job ml/train}, {@code DeviceClass gpu.nvidia.com}. */
  static String object(ObjectRef ref) {
    String kind = ref.kind().isEmpty() ? "object" : ref.kind();
    String name = ref.name().isEmpty() ? "(no name)" : ref.name();
    return kind + " " + (ref.namespace().isEmpty() ? "" : ref.namespace() + "/") + name;
  }

  static String plural(long n, String singular) {
    return n + " " + singular + (n == 1 ? "" : "s");
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
