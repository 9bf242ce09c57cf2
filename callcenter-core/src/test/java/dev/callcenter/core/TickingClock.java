package dev.callcenter.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A test clock that moves only when told to (the testkit's MutableClock cannot be used here: it depends on core). */
final class TickingClock extends Clock {
  static final Instant START = Instant.parse("2026-01-15T09:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(START);

  void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
