package dev.callcenter.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and scheduler that move only on {@link #advance}. */
final class ManualTime extends Clock implements Scheduler {
  private record Task(Instant due, long seq, Runnable action) {}

  private final List<Task> tasks = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-01T08:00:00Z");
  private long seq;

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable action) {
    Task task = new Task(now.plus(delay), seq++, action);
    tasks.add(task);
    return () -> {
      synchronized (this) {
        tasks.remove(task);
      }
    };
  }

  void advance(Duration duration) {
    Instant target = now.plus(duration);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream().filter(t -> !t.due().isAfter(target))
            .min(Comparator.comparing(Task::due).thenComparingLong(Task::seq)).orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        now = next.due().isAfter(now) ? next.due() : now;
      }
      next.action().run();
    }
  }

  synchronized int pending() {
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
    return this;
  }
}
