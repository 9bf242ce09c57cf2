package dev.callcenter.testkit.sip;

import dev.callcenter.sip.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} and {@link Clock} that move only when the test calls {@link #advance}: tasks due by then run on
 * the test's thread, in order of their due time.
 */
public final class ManualScheduler extends Clock implements Scheduler {
  private final List<Task> tasks = new ArrayList<>();
  private Instant now;
  private long order;

  private final class Task implements Cancellable {
    final Instant due;
    final long seq;
    final Runnable action;
    boolean cancelled;

    Task(Instant due, long seq, Runnable action) {
      this.due = due;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public void cancel() {
      synchronized (ManualScheduler.this) {
        cancelled = true;
        tasks.remove(this);
      }
    }
  }

  public ManualScheduler(Instant start) {
    this.now = start;
  }

  public ManualScheduler() {
    this(Instant.parse("2026-01-01T08:00:00Z"));
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), order++, task);
    tasks.add(t);
    return t;
  }

  /** Moves time forward by {@code duration}, running every task that falls due, each at its due time. */
  public void advance(Duration duration) {
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream().filter(t -> !t.due.isAfter(target))
            .min(Comparator.<Task, Instant>comparing(t -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.action.run();
    }
  }

  /** How many tasks wait to run. */
  public synchronized int pending() {
    return tasks.size();
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualScheduler stays in UTC");
  }
}
