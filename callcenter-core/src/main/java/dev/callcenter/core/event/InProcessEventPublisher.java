package dev.callcenter.core.event;

import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Synchronous fan-out to the listeners of this process; a throwing listener is logged and isolated. */
final class InProcessEventPublisher implements EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessEventPublisher.class);
  private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void publish(Event event) {
    for (EventListener listener : listeners) {
      deliver(listener, event);
    }
  }

  static void deliver(EventListener listener, Event event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("event listener {} failed on {} #{}; skipped", listener, event.type(), event.sequence(), e);
    }
  }

  @Override
  public Subscription subscribe(EventListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
