package dev.callcenter.core.event;

/**
 * A publisher that can itself resume a subscriber from a sequence number, because events from other nodes reach it
 * outside this process's emit order (a message-broker adapter). {@code CallCenter.subscribeAfter} hands resuming
 * to such a publisher instead of replaying the log under its own lock, which only orders this node's events.
 */
public interface ResumableEventPublisher extends EventPublisher {
  /**
   * Delivers every event with a sequence greater than {@code afterSequence}, in order and each once, first from the
   * shared log and then live.
   */
  Subscription subscribeAfter(long afterSequence, EventListener listener);
}
