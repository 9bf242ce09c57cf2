package dev.callcenter.core.event;

import dev.callcenter.core.internal.Checks;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Synchronous fan-out to the listeners of this process; a throwing listener is logged and isolated. */
final class InProcessEventPublisher implements EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessEventPublisher.class);
  /** One entry per subscription, so that the same listener subscribed twice is two independent subscriptions. */
  private final CopyOnWriteArrayList<Subscribed> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void publish(Event event) {
    for (Subscribed subscribed : listeners) {
      deliver(subscribed.listener(), event);
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
    Subscribed subscribed = new Subscribed(Checks.notNull(listener, "listener"));
    listeners.add(subscribed);
    return () -> listeners.remove(subscribed);
  }

  /** Compared by identity (not a record), so closing one subscription never removes another. */
  private static final class Subscribed {
    private final EventListener listener;

    Subscribed(EventListener listener) {
      this.listener = listener;
    }

    EventListener listener() {
      return listener;
    }
  }
}
