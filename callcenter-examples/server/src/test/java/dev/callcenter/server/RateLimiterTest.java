package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong nanos = new AtomicLong(123_456_789L);
  private final RateLimiter limiter = new RateLimiter(3, 2, nanos::get);

  @Test
  void aBurstIsAllowedThenRefilledAtTheRateOnTheInjectedClock() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("token-a");
    }
    HttpProblem refused = catchThrowableOfType(HttpProblem.class, () -> limiter.acquire("token-a"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers()).containsEntry("Retry-After", "1");
    assertThatCode(() -> limiter.acquire("token-b")).as("buckets are per key").doesNotThrowAnyException();

    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
    assertThat(catchThrowableOfType(HttpProblem.class, () -> limiter.acquire("token-a"))).isNotNull();
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    limiter.acquire("token-a");
    assertThat(catchThrowableOfType(HttpProblem.class, () -> limiter.acquire("token-a"))).isNotNull();

    nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
    for (int i = 0; i < 3; i++) {
      limiter.acquire("token-a");
    }
    assertThat(catchThrowableOfType(HttpProblem.class, () -> limiter.acquire("token-a")))
        .as("refill stops at the capacity").isNotNull();
  }
}
