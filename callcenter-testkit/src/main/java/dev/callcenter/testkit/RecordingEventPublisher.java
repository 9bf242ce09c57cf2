package dev.callcenter.testkit;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventListener;
import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventPublisher} that keeps every event published through it and delivers them to its subscribers
 * synchronously, like {@link EventPublisher#inProcess()}. Give it to a builder to see exactly what the SDK published:
 *
 * <pre>{@code
 * RecordingEventPublisher events = new RecordingEventPublisher();
 * CallCenter center = CallCenter.builder().events(events).build();
 * center.createCall(NewCall.fromPhone("+966501234567"));
 * assertThat(events.publishedTypes()).containsExactly(EventType.CALL_NEW);
 * }</pre>
 *
 * <p>Thread-safe. A subscriber that throws is logged and skipped, as the SPI requires.
 */
public final class RecordingEventPublisher implements EventPublisher {
  private final EventPublisher delivery = EventPublisher.inProcess();
  private final List<Event> published = new ArrayList<>();

  @Override
  public void publish(Event event) {
    synchronized (published) {
      published.add(event);
    }
    delivery.publish(event);
  }

  @Override
  public Subscription subscribe(EventListener listener) {
    return delivery.subscribe(listener);
  }

  /** Every event published so far, in order. */
  public List<Event> published() {
    synchronized (published) {
      return List.copyOf(published);
    }
  }

  /** The types of the events published so far, in order. */
  public List<EventType> publishedTypes() {
    return published().stream().map(Event::type).toList();
  }

  /** The last event published. */
  public Event last() {
    synchronized (published) {
      if (published.isEmpty()) {
        throw new AssertionError("no event was published");
      }
      return published.get(published.size() - 1);
    }
  }

  /** Forgets what was published so far; subscriptions stay. */
  public void clear() {
    synchronized (published) {
      published.clear();
    }
  }

  @Override
  public String toString() {
    return "RecordingEventPublisher" + published().stream().map(e -> e.type() + "#" + e.sequence()).toList();
  }
}
