package dev.callcenter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallLifecycleTest {
  private final TickingClock clock = new TickingClock();
  private final CallCenter center = CallCenter.builder().clock(clock).build();

  @Test
  void illegalTransitionIsRefusedNamingBothStatesAndChangesNothing() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    center.end(call.id());
    Call ended = center.getCall(call.id());
    long lastSequence = center.eventLog().lastSequence();
    clock.advance(Duration.ofMinutes(1));

    assertThatThrownBy(() -> center.changeStatus(call.id(), CallStatus.IN_QUEUE))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo("COMPLETED");
          assertThat(e.to()).isEqualTo("IN_QUEUE");
          assertThat(e.getMessage()).contains("COMPLETED", "IN_QUEUE", call.id().value());
        });

    assertThat(center.getCall(call.id())).isEqualTo(ended);
    assertThat(center.eventLog().lastSequence()).isEqualTo(lastSequence);
  }

  @Test
  void callSnapshotRefusesIllegalMoveAndStaysAsItWas() {
    Call call = Call.initiate(CallId.of("c1"), CustomerInfo.UNKNOWN, CallMetadata.NONE, clock);

    assertThatThrownBy(() -> call.moveTo(CallStatus.TRANSFERRED, clock.instant()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("INITIATED")
        .hasMessageContaining("TRANSFERRED");
    assertThat(call.status()).isEqualTo(CallStatus.INITIATED);
  }

  @ParameterizedTest
  @EnumSource(value = CallStatus.class, names = {"COMPLETED", "ABANDONED", "FAILED"})
  void finalStatusesAllowNoMove(CallStatus finalStatus) {
    assertThat(finalStatus.isFinal()).isTrue();
    assertThat(finalStatus.nextStatuses()).isEmpty();
    for (CallStatus target : CallStatus.values()) {
      assertThat(finalStatus.canMoveTo(target)).as("%s -> %s", finalStatus, target).isFalse();
    }
  }

  @Test
  void happyPathSetsTimestampsAndEmitsEventsInOrder() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    clock.advance(Duration.ofSeconds(5));
    center.startFlow(call.id());
    clock.advance(Duration.ofSeconds(30));
    Agent agent = center.addAgent(NewAgent.of("Huda", Department.RECEPTION, java.util.Map.of("arabic", 5)));
    center.setAgentStatus(agent.id(), AgentStatus.AVAILABLE);
    center.connect(call.id(), agent.id());
    clock.advance(Duration.ofMinutes(2));
    Call ended = center.end(call.id());

    assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(ended.queuedAt()).isEqualTo(TickingClock.START.plusSeconds(5));
    assertThat(ended.answeredAt()).isEqualTo(TickingClock.START.plusSeconds(35));
    assertThat(ended.endedAt()).isEqualTo(TickingClock.START.plusSeconds(155));
    assertThat(ended.duration(clock)).isEqualTo(Duration.ofSeconds(155));
    assertThat(ended.waitTime(clock)).isEqualTo(Duration.ofSeconds(30));

    Agent after = center.getAgent(agent.id());
    assertThat(after.status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(after.stats().callsHandled()).isEqualTo(1);
    assertThat(after.stats().talkTime()).isEqualTo(Duration.ofMinutes(2));

    List<EventType> callEvents = center.eventsAfter(0, 100).stream()
        .filter(e -> e.subject().equals(call.id().value())).map(Event::type).toList();
    assertThat(callEvents).containsExactly(EventType.CALL_NEW, EventType.CALL_UPDATED, EventType.CALL_ROUTED,
        EventType.CALL_QUEUED, EventType.CALL_UPDATED, EventType.CALL_ENDED);
  }

  @Test
  void enqueueOfACallThatCannotBeQueuedChangesNothing() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    Call queued = center.enqueue(call.id(), Department.SALES, Priority.HIGH);
    long lastSequence = center.eventLog().lastSequence();

    assertThatThrownBy(() -> center.enqueue(call.id(), Department.COMPLAINTS, Priority.URGENT))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("IN_QUEUE");

    assertThat(center.getCall(call.id())).isEqualTo(queued);
    assertThat(center.eventLog().lastSequence()).isEqualTo(lastSequence);
  }

  @Test
  void connectingToAnAgentWhoIsNotAvailableIsRefusedAndChangesNothing() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.SALES, Priority.NORMAL);
    Agent offline = center.addAgent(NewAgent.of("Omar", Department.SALES, java.util.Map.of()));
    Call before = center.getCall(call.id());

    assertThatThrownBy(() -> center.connect(call.id(), offline.id()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("OFFLINE")
        .hasMessageContaining("BUSY");

    assertThat(center.getCall(call.id())).isEqualTo(before);
    assertThat(center.getAgent(offline.id())).isEqualTo(offline);
  }

  @Test
  void afterATransferTheNextAgentTakesOverAndTheFirstIsFreed() {
    Call call = center.enqueue(center.createCall(NewCall.fromPhone("+966501234567")).id(), Department.SALES,
        Priority.NORMAL);
    Agent first = center.addAgent(NewAgent.of("Huda", Department.SALES, java.util.Map.of()));
    Agent second = center.addAgent(NewAgent.of("Omar", Department.SALES, java.util.Map.of()));
    center.setAgentStatus(first.id(), AgentStatus.AVAILABLE);
    center.setAgentStatus(second.id(), AgentStatus.AVAILABLE);
    center.connect(call.id(), first.id());
    clock.advance(Duration.ofMinutes(1));
    center.changeStatus(call.id(), CallStatus.TRANSFERRED);
    center.connect(call.id(), second.id());

    assertThat(center.getAgent(first.id()).status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(center.getAgent(first.id()).stats().callsHandled()).isEqualTo(1);
    assertThat(center.getAgent(second.id()).status()).isEqualTo(AgentStatus.BUSY);
    assertThat(center.getCall(call.id()).agentId()).isEqualTo(second.id());

    center.end(call.id());
    assertThat(center.getAgent(second.id()).status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(center.getAgent(first.id()).stats().callsHandled()).isEqualTo(1);
  }

  @Test
  void updateMayNotChangeTheStatus() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));

    assertThatThrownBy(() -> center.updateCall(call.id(), c -> c.moveTo(CallStatus.FAILED, clock.instant())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("changeStatus");
    assertThat(center.getCall(call.id())).isEqualTo(call);
  }

  @Test
  void updateMayNotTamperWithTheVersion() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));

    assertThatThrownBy(() -> center.updateCall(call.id(), c -> c.withVersion(99)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("version");
    assertThat(center.getCall(call.id())).isEqualTo(call);
    assertThat(center.eventLog().lastSequence()).isEqualTo(1);
  }

  @Test
  void updateAppliesTheChangeAndBumpsTheVersion() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    Call updated = center.updateCall(call.id(),
        c -> c.withCollectedData(java.util.Map.of("order", "A-17"), clock.instant()));

    assertThat(updated.version()).isEqualTo(call.version() + 1);
    assertThat(center.getCall(call.id()).collectedData()).containsEntry("order", "A-17");
  }

  @Test
  void unknownCallIsNotFound() {
    assertThatThrownBy(() -> center.getCall(CallId.of("nope")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("call nope not found");
  }
}
