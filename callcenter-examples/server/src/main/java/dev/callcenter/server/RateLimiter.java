package dev.callcenter.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a token's hash, or the client address for open endpoints): {@code capacity} requests at
 * once, refilled at {@code perSecond}. Idle buckets are forgotten after ten minutes. Time comes from an injected
 * nanosecond source ({@link System#nanoTime} unless given), so refill can be tested on a fake clock.
 */
final class RateLimiter {
  private final double capacity;
  private final double perNano;
  private final LongSupplier nanoTime;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  RateLimiter(int capacity, double perSecond) {
    this(capacity, perSecond, System::nanoTime);
  }

  /** @param nanoTime a monotonic time source in nanoseconds, like {@link System#nanoTime} */
  RateLimiter(int capacity, double perSecond, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.nanoTime = nanoTime;
  }

  /** Takes one request from {@code key}'s bucket, or answers 429 when it is empty. */
  void acquire(String key) {
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.get(key, k -> new Bucket(capacity, now));
    long waitNanos = bucket.take(capacity, perNano, now);
    if (waitNanos > 0) {
      throw HttpProblem.tooManyRequests(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    /** 0 when a request was taken, else how long until one is available. */
    synchronized long take(double capacity, double perNano, long now) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano);
    }
  }
}
