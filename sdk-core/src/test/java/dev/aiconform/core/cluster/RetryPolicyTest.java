package dev.aiconform.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backsOffExponentiallyUpToTheCap() {
    RetryPolicy p = RetryPolicy.builder().jitter(0).build();

    assertThat(p.backoff(1, 0)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoff(2, 0)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoff(6, 0)).isEqualTo(Duration.ofMillis(6400));
    assertThat(p.backoff(7, 0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.backoff(30, 0)).isEqualTo(Duration.ofSeconds(10));
  }

  @Property
  void jitterOnlyShortensTheWaitByAtMostItsShare(
      @ForAll @IntRange(min = 1, max = 40) int attempt,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    RetryPolicy p = RetryPolicy.defaults();
    Duration full = RetryPolicy.builder().jitter(0).build().backoff(attempt, 0);

    Duration jittered = p.backoff(attempt, random);

    assertThat(jittered).isLessThanOrEqualTo(full);
    assertThat(jittered.toMillis()).isGreaterThanOrEqualTo(Math.round(full.toMillis() * 0.8) - 1);
  }

  @Test
  void rejectsNonsenseWithTheValueFound() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
        .hasMessage("jitter must be between 0 and 1, was 1.5");
  }
}
