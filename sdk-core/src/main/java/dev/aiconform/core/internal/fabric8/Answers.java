package dev.aiconform.core.internal.fabric8;

/** Sentences about {@link ApiServer.Answer}s. */
final class Answers {
  private Answers() {}

  /** {@code HTTP 403 Forbidden: pods is forbidden: ...}, or the connection failure. */
  static String describe(ApiServer.Answer a) {
    if (a.failure() != null) {
      return a.failure(); // already says what the last attempt got and why retries stopped
    }
    if (a.noAnswer()) {
      return "no answer";
    }
    String status =
        ApiStatus.parse(a.body())
            .map(ApiStatus::summary)
            .orElse(a.body().length() > 200 ? a.body().substring(0, 200) + "…" : a.body());
    String text = "HTTP " + a.code() + (status.isBlank() ? "" : " " + status);
    return text;
  }
}
