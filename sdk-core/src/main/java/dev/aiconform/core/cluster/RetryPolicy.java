package dev.aiconform.core.cluster;

import dev.aiconform.core.AiconformStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a real-cluster client retries a request the API server could not serve now: 429 Too Many
 * Requests (waiting at least as long as its {@code Retry-After}), 500/502/503/504 and dropped
 * connections. Attempts back off exponentially with jitter, bounded both in number and in total
 * time; whatever is still failing then is reported per object, never dropped.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(8).maxElapsed(Duration.ofMinutes(2)).build();
 * Fabric8ClusterClient.builder().retryPolicy(patient).build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class RetryPolicy {
  /** Requests per object and operation, the first one included. */
  @Value.Default
  public int maxAttempts() {
    return 5;
  }

  /** The wait before the second attempt. */
  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofMillis(200);
  }

  /** The longest wait between two attempts (a longer {@code Retry-After} still wins). */
  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofSeconds(10);
  }

  /** How much each wait grows. */
  @Value.Default
  public double multiplier() {
    return 2.0;
  }

  /**
   * The share of each wait that is random, from 0 (none) to 1: a wait of {@code d} becomes a value
   * in {@code [d * (1 - jitter), d]}, so that many clients do not retry in lockstep.
   */
  @Value.Default
  public double jitter() {
    return 0.2;
  }

  /** The time after which no new attempt starts, counted from the first attempt. */
  @Value.Default
  public Duration maxElapsed() {
    return Duration.ofSeconds(60);
  }

  /** Five attempts in at most a minute, from 200 ms doubling up to 10 s, 20 % jitter. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static ImmutableRetryPolicy.Builder builder() {
    return ImmutableRetryPolicy.builder();
  }

  /**
   * The wait before attempt {@code attempt + 1}, given a uniform random number in {@code [0, 1)}.
   */
  public Duration backoff(int attempt, double random) {
    double base = initialBackoff().toMillis() * Math.pow(multiplier(), Math.max(0, attempt - 1));
    double capped = Math.min(base, maxBackoff().toMillis());
    return Duration.ofMillis(Math.round(capped * (1 - jitter() * random)));
  }

  @Value.Check
  protected void check() {
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts());
    }
    if (multiplier() < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier());
    }
    if (jitter() < 0 || jitter() > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter());
    }
    if (initialBackoff().isNegative() || maxBackoff().isNegative() || maxElapsed().isNegative()) {
      throw new IllegalArgumentException(
          "backoffs and maxElapsed must not be negative, were "
              + initialBackoff()
              + ", "
              + maxBackoff()
              + ", "
              + maxElapsed());
    }
  }
}
