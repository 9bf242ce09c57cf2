package dev.callcenter.testkit;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A clock that stands still until a test moves it, for the {@code clock(...)} setting of the SDK's builders:
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-01-15T09:00:00Z"));
 * CallCenter center = CallCenter.builder().clock(clock).build();
 * clock.advance(Duration.ofMinutes(3));
 * }</pre>
 *
 * <p>Thread-safe. Clocks made by {@link #withZone} share the time of the clock they came from.
 */
public final class MutableClock extends Clock {
  /** Where {@link #create()} starts: 2026-01-15T09:00:00Z, a Thursday morning. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-15T09:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@link #DEFAULT_START}, in UTC. */
  public static MutableClock create() {
    return at(DEFAULT_START);
  }

  /** A clock at {@code start}, in UTC. */
  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(Checks.notNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @return the new time
   * @throws InvalidInputException when {@code amount} is negative; use {@link #set} to go back on purpose
   */
  public Instant advance(Duration amount) {
    Checks.notNull(amount, "amount");
    if (amount.isNegative()) {
      throw InvalidInputException.of("amount", "must not be negative, was %s; use set(...) to go back", amount);
    }
    return now.updateAndGet(t -> t.plus(amount));
  }

  /** Moves the clock to {@code instant}, forward or back. */
  public void set(Instant instant) {
    now.set(Checks.notNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone; advancing either moves both. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, Checks.notNull(newZone, "zone"));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof MutableClock that && that.now == now && that.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(now), zone);
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
