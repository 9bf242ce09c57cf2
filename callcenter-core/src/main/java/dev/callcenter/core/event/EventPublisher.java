package dev.callcenter.core.event;

/**
 * Delivers sequenced events to subscribers: in this process ({@link #inProcess()}), or across nodes through a
 * message broker (an adapter). Events reach it already appended to the event log, in sequence order.
 *
 * <p>Implementations must fence subscribers: one that throws is logged and never stops delivery to others.
 */
public interface EventPublisher {
  void publish(Event event);

  /** Live delivery of every event published from now on. */
  Subscription subscribe(EventListener listener);

  /** Delivers to subscribers of this process, synchronously and in order. The default. */
  static EventPublisher inProcess() {
    return new InProcessEventPublisher();
  }

  /** Drops every event; subscriptions receive nothing. */
  static EventPublisher noop() {
    return NoopEventPublisher.INSTANCE;
  }
}
