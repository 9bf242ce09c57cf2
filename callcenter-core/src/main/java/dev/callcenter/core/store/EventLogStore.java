package dev.callcenter.core.store;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.NewEvent;
import java.util.List;

/**
 * The append-only event log. Sequence numbers start at 1 and increase by one per event, across every node that
 * shares the log.
 */
public interface EventLogStore {
  /** Appends the event and returns it with its sequence number. */
  Event append(NewEvent event);

  /** Up to {@code limit} events with a sequence greater than {@code afterSequence}, in order. */
  List<Event> readAfter(long afterSequence, int limit);

  /** The sequence of the last event, or 0 when the log is empty. */
  long lastSequence();

  static EventLogStore inMemory() {
    return new InMemoryEventLog();
  }
}
