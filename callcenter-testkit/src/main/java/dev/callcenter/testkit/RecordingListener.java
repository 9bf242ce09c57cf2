package dev.callcenter.testkit;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventListener;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventListener} that keeps every event it receives, for assertions. Thread-safe; {@link #awaitCount}
 * waits for publishers that deliver on another thread.
 *
 * <pre>{@code
 * RecordingListener events = new RecordingListener();
 * center.subscribe(events);
 * center.createCall(NewCall.fromPhone("+966501234567"));
 * assertThat(events.types()).containsExactly(EventType.CALL_NEW);
 * }</pre>
 */
public final class RecordingListener implements EventListener {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(Event event) {
    events.add(event);
    notifyAll();
  }

  /** Every event received so far, in the order received. */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** The types of the events received so far, in order. */
  public synchronized List<EventType> types() {
    return events.stream().map(Event::type).toList();
  }

  /** The sequence numbers of the events received so far, in order. */
  public synchronized List<Long> sequences() {
    return events.stream().map(Event::sequence).toList();
  }

  /** The events about {@code subject} (a call, agent or ticket id), in order. */
  public synchronized List<Event> eventsAbout(String subject) {
    return events.stream().filter(e -> e.subject().equals(subject)).toList();
  }

  public synchronized int size() {
    return events.size();
  }

  /** Forgets every event received so far. */
  public synchronized void clear() {
    events.clear();
  }

  /**
   * Waits until at least {@code count} events have arrived and returns all of them.
   *
   * @throws AssertionError when they have not arrived within {@code timeout}, listing what did arrive
   */
  public synchronized List<Event> awaitCount(int count, Duration timeout) {
    Checks.inRange(count, 0, Integer.MAX_VALUE, "count");
    Checks.notNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(String.format("expected %d events within %s but received %d: %s", count, timeout,
            events.size(), describe(events)));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for events", e);
      }
    }
    return List.copyOf(events);
  }

  @Override
  public synchronized String toString() {
    return "RecordingListener" + describe(events);
  }

  private static String describe(List<Event> events) {
    return events.stream().map(e -> e.type() + "#" + e.sequence()).toList().toString();
  }
}
