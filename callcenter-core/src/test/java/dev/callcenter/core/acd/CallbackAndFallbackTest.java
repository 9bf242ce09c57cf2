package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.RECEPTION;
import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.EventType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackAndFallbackTest {

  @Test
  void aCallbackKeepsTheCallersPlaceAndTheAgentCallsBack() {
    Fixture f = new Fixture();
    CallId first = f.queued(SALES, Priority.NORMAL);
    f.seconds(10);
    CallId second = f.queued(SALES, Priority.NORMAL);
    f.seconds(10);
    CallId third = f.queued(SALES, Priority.NORMAL);
    f.seconds(10);

    Placement placement = f.acd.requestCallback(second);
    assertThat(placement.state()).isEqualTo(Placement.State.CALLBACK);
    assertThat(placement.position()).isEqualTo(2);
    assertThat(f.center.getCall(second).tags()).contains(Acd.TAG_CALLBACK);
    f.seconds(300); // the caller is off the line; the place is kept
    assertThat(f.acd.waiting(SALES)).containsExactly(first, second, third);

    AgentId a = f.available("a", SALES, Map.of());
    assertThat(f.offeredTo(first)).isEqualTo(a);
    f.acd.accept(a);
    AgentId b = f.available("b", SALES, Map.of());
    Reservation callback = f.acd.reservation(b).orElseThrow();
    assertThat(callback.callId()).isEqualTo(second);
    assertThat(callback.callback()).isTrue();
    f.acd.accept(b);
    assertThat(f.center.getCall(second).status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(f.acd.waiting(SALES)).containsExactly(third);
  }

  @Test
  void maximumWaitTurnsTheCallIntoACallbackThatKeepsItsPlace() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).maxWait(Duration.ofSeconds(60))
        .fallback(Fallback.CALLBACK).build()));
    CallId first = f.queued(SALES, Priority.NORMAL);
    f.seconds(30);
    CallId second = f.queued(SALES, Priority.NORMAL);
    f.seconds(30);
    assertThat(f.acd.placement(first).state()).isEqualTo(Placement.State.CALLBACK);
    assertThat(f.acd.placement(second).state()).isEqualTo(Placement.State.WAITING);
    assertThat(f.center.getCall(first).collectedData()).containsEntry("callback.reason", "max-wait");
    f.seconds(30);
    assertThat(f.acd.placement(second).state()).isEqualTo(Placement.State.CALLBACK);
    assertThat(f.acd.waiting(SALES)).containsExactly(first, second);
  }

  @Test
  void maximumWaitSendsTheCallToVoicemail() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).maxWait(Duration.ofSeconds(60))
        .fallback(Fallback.VOICEMAIL).build()));
    CallId call = f.queued(SALES, Priority.NORMAL);
    f.seconds(60);
    assertThat(f.center.getCall(call).status()).isEqualTo(CallStatus.TRANSFERRED);
    assertThat(f.center.getCall(call).tags()).contains("fallback:voicemail");
    assertThat(f.events(EventType.CALL_TRANSFERRED)).extracting(e -> e.subject()).containsExactly(call.value());
    assertThat(f.acd.waiting(SALES)).isEmpty();
  }

  @Test
  void aFullQueueOverflowsToAnotherQueue() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).maxLength(2).overflowTo(RECEPTION).build()));
    f.queued(SALES, Priority.NORMAL);
    f.queued(SALES, Priority.NORMAL);
    CallId third = f.newCall();
    Placement placement = f.acd.enqueue(third, SALES, Priority.NORMAL);
    assertThat(placement.queue()).isEqualTo(RECEPTION);
    assertThat(placement.position()).isEqualTo(1);
    assertThat(f.center.getCall(third).collectedData()).containsEntry("acd.overflow.1", "sales>reception (queue-full)");
  }

  @Test
  void aQueueWithoutAgentsCanRefuseCallsToTicketCreation() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).joinWhenNoAgents(false)
        .fallback(Fallback.TICKET).build()));
    CallId call = f.newCall();
    Placement placement = f.acd.enqueue(call, SALES, Priority.NORMAL);
    assertThat(placement.state()).isEqualTo(Placement.State.LEFT);
    assertThat(placement.fallback()).isEqualTo(Fallback.TICKET);
    assertThat(f.center.getCall(call).tags()).contains("fallback:ticket");

    f.agent("a", SALES, Map.of());
    f.acd.setAgentStatus(AgentId.of("a"), AgentStatus.ON_BREAK); // logged in, though on a break
    CallId joins = f.newCall();
    assertThat(f.acd.enqueue(joins, SALES, Priority.NORMAL).state()).isEqualTo(Placement.State.WAITING);
  }

  @Test
  void waitingCallsLeaveWhenTheLastAgentLogsOut() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).leaveWhenEmpty(true)
        .steps(RoutingStep.skill(Duration.ZERO, 5)).fallback(Fallback.VOICEMAIL).build()));
    AgentId a = f.available("a", SALES, Map.of("billing", 1));
    CallId call = f.queued(SALES, Priority.NORMAL, "billing");
    CallId callback = f.queued(SALES, Priority.NORMAL, "billing");
    f.acd.requestCallback(callback);
    f.acd.setAgentStatus(a, AgentStatus.OFFLINE);
    assertThat(f.center.getCall(call).status()).isEqualTo(CallStatus.TRANSFERRED);
    assertThat(f.acd.waiting(SALES)).as("callbacks stay").containsExactly(callback);
  }
}
