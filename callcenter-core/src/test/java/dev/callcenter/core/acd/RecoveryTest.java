package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.COMPLAINTS;
import static dev.callcenter.core.Department.RECEPTION;
import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A restart on the same stores: a first ACD does the work and is closed (as the old process went away), then a
 * second ACD is built on the same call center and takes over what the stores show.
 */
class RecoveryTest {
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final CallCenter center = CallCenter.builder().clock(clock).build();
  private int phones;

  private static QueueConfig.Builder sales() {
    return QueueConfig.builder(SALES).offerTimeout(Duration.ofSeconds(15)).rejectDelay(Duration.ZERO)
        .wrapUp(Duration.ofSeconds(10));
  }

  /** One ACD "process": the ACD and the offers its listener was handed. */
  private final class Node implements AutoCloseable {
    final Acd acd;
    final List<Reservation> offers = new ArrayList<>();

    Node(Consumer<Acd.Builder> configure) {
      Acd.Builder b = Acd.builder(center).onOffer(offers::add);
      configure.accept(b);
      acd = b.build();
    }

    /** Moves the clock forward, running each timer when it is due. */
    void seconds(long s) {
      Fixture.advance(acd, clock, Duration.ofSeconds(s));
    }

    @Override
    public void close() {
      acd.close();
    }
  }

  private AgentId agent(String id, Map<String, Integer> skills) {
    return center.addAgent(new NewAgent(id, "Agent " + id, null, null, SALES, skills)).id();
  }

  private CallId newCall() {
    phones++;
    return center.createCall(NewCall.fromPhone("+96650123" + String.format("%04d", phones))).id();
  }

  private List<Event> events(EventType type) {
    return center.eventsAfter(0, 10_000).stream().filter(e -> e.type() == type).toList();
  }

  private List<String> routingStates(AgentId agent) {
    return events(EventType.AGENT_STATUS_CHANGED).stream()
        .filter(e -> e.subject().equals(agent.value()) && e.data().containsKey("routingState"))
        .map(e -> (String) e.data().get("routingState")).toList();
  }

  @Test
  void aSecondAcdTakesOverWaitingAndConnectedCallsAndFreesTheAgentWhoseOfferWasLost() {
    AgentId talker = agent("talker", Map.of());
    AgentId ringer = agent("ringer", Map.of());
    CallId connected;
    CallId low;
    CallId high;
    CallId callback;
    try (Node first = new Node(b -> b.queue(sales().build()))) {
      first.acd.setAgentStatus(talker, AgentStatus.AVAILABLE);
      connected = newCall();
      first.acd.enqueue(connected, SALES, Priority.NORMAL);
      first.acd.accept(talker); // (b) a connected call
      first.seconds(5);
      first.acd.setAgentStatus(ringer, AgentStatus.AVAILABLE);
      low = newCall();
      first.acd.enqueue(low, SALES, Priority.NORMAL); // offered to ringer, who has not answered: (c)
      assertThat(first.acd.reservation(ringer)).isPresent();
      first.seconds(5); // t=10
      callback = newCall();
      first.acd.enqueue(callback, SALES, Priority.NORMAL);
      first.acd.requestCallback(callback); // (d)
      first.seconds(10); // t=20
      high = newCall();
      first.acd.enqueue(high, SALES, Priority.HIGH); // (a) waits, ahead of low by its priority
      assertThat(first.acd.waiting(SALES)).containsExactly(high, callback);
    } // the process goes away: the offer to ringer is lost with it
    assertThat(center.getAgent(ringer).status()).isEqualTo(AgentStatus.BUSY);
    assertThat(center.getCall(low).status()).isEqualTo(CallStatus.IN_QUEUE);

    clock.set(START.plusSeconds(60)); // the restart takes 40 s
    int queuedBefore = events(EventType.CALL_QUEUED).size();
    int routedBefore = events(EventType.CALL_ROUTED).size();
    int updatedBefore = events(EventType.CALL_UPDATED).size();
    try (Node second = new Node(b -> b.queue(sales().build()))) {
      assertThat(events(EventType.CALL_QUEUED)).as("no call queued twice").hasSize(queuedBefore);
      assertThat(events(EventType.CALL_ROUTED)).hasSize(routedBefore);
      assertThat(events(EventType.CALL_UPDATED)).as("recovery changes no call").hasSize(updatedBefore);

      // (c) the stranded agent is available again and is offered the first call: high, by its priority
      assertThat(routingStates(ringer)).endsWith("reserved", "available", "reserved");
      assertThat(second.offers).hasSize(1);
      assertThat(second.offers.get(0).callId()).isEqualTo(high);
      assertThat(second.offers.get(0).agentId()).isEqualTo(ringer);
      assertThat(second.acd.routingState(ringer)).isEqualTo(RoutingState.RESERVED);
      // (a) the others keep their order and their waits so far
      assertThat(second.acd.waiting(SALES)).containsExactly(low, callback);
      assertThat(second.acd.placement(low).position()).isEqualTo(1);
      assertThat(center.getCall(low).waitTime(clock)).isEqualTo(Duration.ofSeconds(55));
      // (d) the callback is still one
      assertThat(second.acd.placement(callback).state()).isEqualTo(Placement.State.CALLBACK);
      assertThat(second.acd.reservation(ringer).orElseThrow().callback()).isFalse();

      second.acd.reject(ringer); // back to its place; ringer is free at once (no reject delay) and gets high again
      assertThat(second.acd.reservation(ringer).orElseThrow().callId()).isEqualTo(high);
      Call answered = second.acd.accept(ringer);
      assertThat(answered.status()).isEqualTo(CallStatus.IN_PROGRESS);
      assertThat(answered.waitTime(clock)).as("the wait counts from the first queueing")
          .isEqualTo(Duration.ofSeconds(40));

      // (b) the connected call ends through the call center and its agent wraps up, then takes the next call
      assertThat(second.acd.placement(connected).state()).isEqualTo(Placement.State.CONNECTED);
      assertThat(second.acd.routingState(talker)).isEqualTo(RoutingState.BUSY);
      Call ended = center.end(connected);
      assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(second.acd.routingState(talker)).isEqualTo(RoutingState.WRAP_UP);
      assertThat(center.getAgent(talker).stats().callsHandled()).isEqualTo(1);
      assertThat(center.getAgent(talker).stats().talkTime()).isEqualTo(Duration.ofSeconds(60));
      second.seconds(9);
      assertThat(second.acd.routingState(talker)).isEqualTo(RoutingState.WRAP_UP);
      second.seconds(1);
      assertThat(second.acd.reservation(talker).orElseThrow().callId()).isEqualTo(low);
      assertThat(routingStates(talker)).containsExactly("available", "reserved", "busy", "wrap_up", "available",
          "reserved");
      assertThat(second.acd.waiting(SALES)).containsExactly(callback);
    }
  }

  @Test
  void routingStepsAndTheMaximumWaitCountFromTheOriginalQueueingAndTheSkillIsKept() {
    AgentId junior = agent("junior", Map.of("arabic", 2));
    AgentId desk = center.addAgent(new NewAgent("desk", "Desk", null, null, RECEPTION, Map.of())).id();
    AgentId complaints = center.addAgent(new NewAgent("c", "C", null, null, COMPLAINTS, Map.of())).id();
    Consumer<Acd.Builder> queues = b -> b
        .queue(sales().steps(RoutingStep.skill(Duration.ZERO, 4), RoutingStep.skill(Duration.ofSeconds(30), 2))
            .build())
        .queue(QueueConfig.builder(COMPLAINTS).maxWait(Duration.ofSeconds(40)).overflowTo(RECEPTION).build());
    CallId arabic;
    CallId impatient;
    try (Node first = new Node(queues)) {
      first.acd.setAgentStatus(junior, AgentStatus.AVAILABLE);
      first.acd.setAgentStatus(desk, AgentStatus.AVAILABLE);
      first.acd.setAgentStatus(complaints, AgentStatus.ON_BREAK); // logged in, taking no calls
      arabic = newCall();
      first.acd.enqueue(arabic, SALES, Priority.NORMAL, "arabic"); // proficiency 4 only, for 30 s
      impatient = newCall();
      first.acd.enqueue(impatient, COMPLAINTS, Priority.NORMAL); // leaves at t=40
      first.seconds(10);
      assertThat(first.acd.placement(arabic).state()).isEqualTo(Placement.State.WAITING);
    }
    assertThat(center.getCall(arabic).collectedData()).as("an explicit skill is kept on the call")
        .containsEntry("acd.skill", "arabic");

    clock.set(START.plusSeconds(20));
    try (Node second = new Node(queues)) {
      assertThat(second.acd.placement(arabic).state()).as("still needs proficiency 4 in arabic")
          .isEqualTo(Placement.State.WAITING);
      second.seconds(9); // t=29
      assertThat(second.acd.placement(arabic).state()).isEqualTo(Placement.State.WAITING);
      second.seconds(1); // t=30: 30 s after it was queued, not after the restart
      assertThat(second.acd.reservation(junior).orElseThrow().callId()).isEqualTo(arabic);
      assertThat(second.acd.placement(impatient).queue()).isEqualTo(COMPLAINTS);
    }

    clock.set(START.plusSeconds(100)); // a second restart, after impatient's maximum wait
    try (Node third = new Node(queues)) {
      assertThat(third.acd.placement(impatient).queue()).as("it leaves at the next tick").isEqualTo(COMPLAINTS);
      third.acd.tick();
      assertThat(third.acd.placement(impatient).queue()).isEqualTo(RECEPTION);
      assertThat(center.getCall(impatient).collectedData())
          .containsEntry("acd.overflow.1", "complaints>reception (max-wait)");
      assertThat(third.acd.reservation(desk).orElseThrow().callId()).isEqualTo(impatient);
      // junior's offer was lost: junior is free again and offered arabic at once (its first step is long past)
      assertThat(third.acd.reservation(junior).orElseThrow().callId()).isEqualTo(arabic);
      assertThat(third.offers).extracting(Reservation::callId).containsExactly(arabic, impatient);
    }
  }

  @Test
  void withoutRecoveryTheNewAcdTakesOverNothing() {
    AgentId talker = agent("talker", Map.of());
    AgentId ringer = agent("ringer", Map.of());
    CallId connected;
    CallId waiting;
    try (Node first = new Node(b -> b.queue(sales().build()))) {
      first.acd.setAgentStatus(talker, AgentStatus.AVAILABLE);
      connected = newCall();
      first.acd.enqueue(connected, SALES, Priority.NORMAL);
      first.acd.accept(talker);
      first.acd.setAgentStatus(ringer, AgentStatus.AVAILABLE);
      waiting = newCall();
      first.acd.enqueue(waiting, SALES, Priority.NORMAL);
    }
    int eventsBefore = center.eventsAfter(0, 10_000).size();
    try (Node second = new Node(b -> b.queue(sales().build()).recoverFromStore(false))) {
      assertThat(center.eventsAfter(0, 10_000)).hasSize(eventsBefore);
      assertThat(second.offers).isEmpty();
      assertThat(second.acd.waiting(SALES)).isEmpty();
      assertThatThrownBy(() -> second.acd.placement(waiting)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> second.acd.complete(connected)).isInstanceOf(NotFoundException.class);
      assertThat(center.getAgent(ringer).status()).isEqualTo(AgentStatus.BUSY);
      assertThat(second.acd.routingState(ringer)).isEqualTo(RoutingState.BUSY);
    }
  }
}
