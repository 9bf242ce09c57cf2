package dev.callcenter.testkit;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on what a {@link CallCenter} holds: its calls, agents and event log. Start with
 * {@link CallCenterAssertions#assertThat(CallCenter)}.
 */
public final class CallCenterAssert extends AbstractObjectAssert<CallCenterAssert, CallCenter> {
  private static final int READ_BATCH = 500;

  CallCenterAssert(CallCenter actual) {
    super(actual, CallCenterAssert.class);
  }

  /** Assertions on the stored call with this id; fails when there is none. */
  public CallAssert call(CallId id) {
    isNotNull();
    return new CallAssert(actual.findCall(id).orElseThrow(
        () -> failure("Expected the call center to hold call %s but it does not", id)));
  }

  /** Assertions on the stored agent with this id; fails when there is none. */
  public AgentAssert agent(AgentId id) {
    isNotNull();
    return new AgentAssert(actual.findAgent(id).orElseThrow(
        () -> failure("Expected the call center to hold agent %s but it does not", id)));
  }

  /** Holds exactly {@code expected} calls in {@code status}. */
  public CallCenterAssert hasCallsInStatus(CallStatus status, long expected) {
    isNotNull();
    long count = actual.listCalls(CallQuery.withStatus(status), PageRequest.first(1)).total();
    if (count != expected) {
      failWithMessage("Expected %d calls in status %s but there are %d", expected, status, count);
    }
    return this;
  }

  /** The event log holds exactly these events about the call, in this order (other subjects are ignored). */
  public CallCenterAssert hasLoggedEventsAbout(CallId call, EventType... expected) {
    isNotNull();
    List<EventType> types = loggedEvents().stream().filter(e -> e.subject().equals(call.value()))
        .map(Event::type).toList();
    if (!types.equals(Arrays.asList(expected))) {
      failWithMessage("Expected the events about call %s to be %s but they were %s", call, Arrays.asList(expected),
          types);
    }
    return this;
  }

  /** The event log holds exactly these events, in this order. */
  public CallCenterAssert hasLoggedEvents(EventType... expected) {
    isNotNull();
    List<EventType> types = loggedEvents().stream().map(Event::type).toList();
    if (!types.equals(Arrays.asList(expected))) {
      failWithMessage("Expected the event log to be %s but it was %s", Arrays.asList(expected), types);
    }
    return this;
  }

  /** Sequence numbers of the log run 1, 2, 3, ... without a gap. */
  public CallCenterAssert hasGapFreeEventLog() {
    isNotNull();
    long expected = 1;
    for (Event event : loggedEvents()) {
      if (event.sequence() != expected) {
        failWithMessage("Expected event #%d next in the log but found #%d (%s)", expected, event.sequence(),
            event.type());
      }
      expected++;
    }
    return this;
  }

  private List<Event> loggedEvents() {
    List<Event> all = new ArrayList<>();
    List<Event> batch;
    do {
      batch = actual.eventsAfter(all.isEmpty() ? 0 : all.get(all.size() - 1).sequence(), READ_BATCH);
      all.addAll(batch);
    } while (batch.size() == READ_BATCH);
    return all;
  }
}
