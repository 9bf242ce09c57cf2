package dev.callcenter.core.store;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/** The event log in memory. Appends are serialised so that sequence numbers have no gaps. */
final class InMemoryEventLog implements EventLogStore {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized Event append(NewEvent event) {
    Checks.notNull(event, "event");
    Event sequenced = event.sequenced(events.size() + 1L);
    events.add(sequenced);
    return sequenced;
  }

  @Override
  public synchronized List<Event> readAfter(long afterSequence, int limit) {
    Checks.inRange(limit, 1, PageRequest.MAX_LIMIT * 10, "limit");
    int from = (int) Math.max(0, Math.min(afterSequence, events.size()));
    return List.copyOf(events.subList(from, Math.min(events.size(), from + limit)));
  }

  @Override
  public synchronized long lastSequence() {
    return events.size();
  }
}
