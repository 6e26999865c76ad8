package dev.aiconform.core.internal.fabric8;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ApplyProgress;
import dev.aiconform.core.cluster.Fabric8ClusterClient;
import dev.aiconform.core.cluster.RetryPolicy;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes API server as the real-cluster client talks to it: one method per HTTP call, each
 * retried under the {@link RetryPolicy} on 429 (no sooner than its Retry-After), 500/502/503/504
 * and dropped connections. Calls go through fabric8's {@link HttpClient} (authentication, TLS and
 * proxies as the kubeconfig says) with fabric8's own retries switched off, so the policy here is
 * the only one and its attempts are counted per object.
 */
public final class ApiServer {
  private static final Logger logger = LoggerFactory.getLogger(ApiServer.class);

  /** Answers worth another attempt: the server was overloaded or briefly unavailable. */
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);

  private final HttpClient http;
  private final String baseUrl;
  private final long requestTimeoutMillis;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Fabric8ClusterClient.Sleeper sleeper;
  private final DoubleSupplier random;
  private final ApplyProgress progress;

  public ApiServer(
      HttpClient http,
      String masterUrl,
      long requestTimeoutMillis,
      RetryPolicy policy,
      Clock clock,
      Fabric8ClusterClient.Sleeper sleeper,
      DoubleSupplier random,
      ApplyProgress progress) {
    this.http = http;
    this.baseUrl =
        masterUrl.endsWith("/") ? masterUrl.substring(0, masterUrl.length() - 1) : masterUrl;
    this.requestTimeoutMillis = requestTimeoutMillis;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.progress = progress;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Clock clock() {
    return clock;
  }

  /** The final answer to a call: a status code and body, or no answer at all (code 0). */
  public record Answer(int code, String body, int attempts, String failure) {
    public boolean isSuccess() {
      return code >= 200 && code < 300;
    }

    /** No HTTP answer: the connection failed on every attempt. */
    public boolean noAnswer() {
      return code == 0;
    }
  }

  public Answer get(ObjectRef about, String path) {
    return call(about, "GET", path, null, null);
  }

  public Answer patch(ObjectRef about, String path, String contentType, String body) {
    return call(about, "PATCH", path, contentType, body);
  }

  public Answer delete(ObjectRef about, String path, String body) {
    return call(about, "DELETE", path, "application/json", body);
  }

  /** Sends one request, retrying it under the policy; never throws for HTTP or network errors. */
  public Answer call(ObjectRef about, String method, String path, String contentType, String body) {
    long start = clock.millis();
    int attempt = 0;
    while (true) {
      attempt++;
      Single single = once(method, path, contentType, body);
      Optional<String> retryReason = retryReason(single);
      if (retryReason.isEmpty()) {
        return new Answer(single.code, single.body, attempt, single.failure);
      }
      Duration delay = policy.backoff(attempt, random.getAsDouble());
      Duration retryAfter = single.retryAfter;
      if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
        delay = retryAfter;
      }
      long elapsed = clock.millis() - start;
      String gaveUp = null;
      if (attempt >= policy.maxAttempts()) {
        gaveUp = "gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s");
      } else if (elapsed + delay.toMillis() > policy.maxElapsed().toMillis()) {
        gaveUp =
            "gave up after "
                + attempt
                + " attempt"
                + (attempt == 1 ? "" : "s")
                + ": the next one, in "
                + format(delay)
                + (retryAfter != null && retryAfter.equals(delay) ? " (Retry-After)" : "")
                + ", would pass the retry budget of "
                + format(policy.maxElapsed());
      }
      if (gaveUp != null) {
        String why = retryReason.get() + "; " + gaveUp;
        return new Answer(single.code, single.body, attempt, why);
      }
      logger.debug(
          "{} {} failed ({}), attempt {} of {}, retrying in {}",
          method,
          path,
          retryReason.get(),
          attempt,
          policy.maxAttempts(),
          delay);
      progress.retrying(about, attempt, delay, retryReason.get());
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Answer(
            single.code,
            single.body,
            attempt,
            retryReason.get() + "; interrupted while waiting to retry");
      }
    }
  }

  private Optional<String> retryReason(Single single) {
    if (single.code == 0) {
      return single.retryableFailure ? Optional.of(single.failure) : Optional.empty();
    }
    if (RETRYABLE_STATUS.contains(single.code)) {
      return Optional.of(
          "HTTP "
              + single.code
              + " "
              + ApiStatus.parse(single.body)
                  .map(ApiStatus::summary)
                  .orElse(reasonPhrase(single.code)));
    }
    return Optional.empty();
  }

  private static String reasonPhrase(int code) {
    switch (code) {
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "";
    }
  }

  /** One attempt's result. */
  private static final class Single {
    int code;
    String body = "";
    Duration retryAfter;
    String failure;
    boolean retryableFailure;
  }

  private Single once(String method, String path, String contentType, String body) {
    Single s = new Single();
    HttpRequest.Builder b =
        http.newHttpRequestBuilder()
            .uri(URI.create(baseUrl + path))
            .header("Accept", "application/json")
            .timeout(requestTimeoutMillis, TimeUnit.MILLISECONDS);
    if (!"GET".equals(method)) {
      b.method(method, contentType, body == null ? "" : body);
    }
    try {
      HttpResponse<String> response =
          http.sendAsync(b.build(), String.class)
              .get(requestTimeoutMillis + 5_000, TimeUnit.MILLISECONDS);
      s.code = response.code();
      s.body = response.body() == null ? "" : response.body();
      s.retryAfter = retryAfter(response.header("Retry-After"), s.body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      s.failure = "interrupted";
    } catch (ExecutionException | CompletionException | TimeoutException e) {
      Throwable cause = e instanceof TimeoutException ? e : unwrap(e);
      s.failure = describe(cause);
      s.retryableFailure = isTransient(cause);
    } catch (RuntimeException e) {
      s.failure = describe(e);
      s.retryableFailure = isTransient(e);
    }
    return s;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * A failure without an HTTP answer that another attempt may not meet: a dropped or refused
   * connection, a timeout. TLS trust failures are deterministic and not retried.
   */
  static boolean isTransient(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SSLPeerUnverifiedException
          || t instanceof CertificateException
          || (t instanceof SSLHandshakeException && hasCause(t, CertificateException.class))) {
        return false;
      }
    }
    seen.clear();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
      // Vert.x reports a connection the server closed as HttpClosedException/VertxException.
      String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (name.contains("closed")
          || message.contains("connection was closed")
          || message.contains("connection reset")
          || message.contains("connection refused")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  static String describe(Throwable t) {
    Throwable root = t;
    Set<Throwable> seen = new HashSet<>();
    while (root.getCause() != null && seen.add(root)) {
      root = root.getCause();
    }
    String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof TimeoutException) {
      what = "no answer in time";
    }
    return "connection failed: " + what;
  }

  /**
   * Retry-After in seconds or as an HTTP date; else the Status body's details.retryAfterSeconds.
   */
  Duration retryAfter(String header, String body) {
    if (header != null && !header.isBlank()) {
      String h = header.trim();
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
          long millis = at.toInstant().toEpochMilli() - clock.millis();
          return Duration.ofMillis(Math.max(0, millis));
        } catch (DateTimeParseException notADate) {
          logger.debug("ignoring unreadable Retry-After '{}'", h);
        }
      }
    }
    return ApiStatus.parse(body)
        .flatMap(ApiStatus::retryAfterSeconds)
        .map(Duration::ofSeconds)
        .orElse(null);
  }

  static String format(Duration d) {
    return dev.aiconform.core.cluster.ReadinessReport.formatDuration(d);
  }

  /** Appends URL query parameters, encoding values. */
  public static String query(String path, Map<String, String> params) {
    StringBuilder sb = new StringBuilder(path);
    char sep = path.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sep)
          .append(e.getKey())
          .append('=')
          .append(
              java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
      sep = '&';
    }
    return sb.toString();
  }
}
