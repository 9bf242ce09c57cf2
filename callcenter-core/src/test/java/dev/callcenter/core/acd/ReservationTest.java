package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.Priority;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationTest {
  private static Fixture fixture(int maxNoAnswers) {
    return new Fixture(b -> b.queue(QueueConfig.builder(SALES).offerTimeout(Duration.ofSeconds(15))
        .rejectDelay(Duration.ofSeconds(5)).wrapUp(Duration.ofSeconds(10)).maxNoAnswers(maxNoAnswers).build()));
  }

  @Test
  void acceptedOfferConnectsTheCallAndEveryStateIsEmitted() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = f.queued(SALES, Priority.NORMAL);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.RESERVED);
    assertThat(f.center.getAgent(a).status()).as("a ringing agent shows as busy").isEqualTo(AgentStatus.BUSY);
    Reservation r = f.acd.reservation(a).orElseThrow();
    assertThat(r.callId()).isEqualTo(call);
    assertThat(r.expiresAt()).isEqualTo(Fixture.START.plusSeconds(15));
    assertThat(f.offers).containsExactly(r);

    f.seconds(4);
    Call answered = f.acd.accept(a);
    assertThat(answered.status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(answered.agentId()).isEqualTo(a);
    assertThat(f.acd.reservation(a)).isEmpty();
    f.seconds(60);
    Call ended = f.acd.complete(call);
    assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.WRAP_UP);
    assertThat(f.center.getAgent(a).stats().callsHandled()).isEqualTo(1);
    assertThat(f.center.getAgent(a).stats().talkTime()).isEqualTo(Duration.ofSeconds(60));
    f.seconds(10);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.AVAILABLE);
    assertThat(f.center.getAgent(a).status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(f.routingStates(a)).containsExactly("available", "reserved", "busy", "wrap_up", "available");
  }

  @Test
  void anUnansweredOfferTimesOutAndTheCallGoesToTheNextAgent() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    f.seconds(1);
    AgentId b = f.agent("b", SALES, Map.of());
    CallId call = f.queued(SALES, Priority.NORMAL);
    assertThat(f.offeredTo(call)).isEqualTo(a);
    f.acd.setAgentStatus(b, AgentStatus.AVAILABLE);
    assertThat(f.acd.routingState(b)).as("b is idle: a still holds the offer").isEqualTo(RoutingState.AVAILABLE);
    f.seconds(14);
    assertThat(f.offeredTo(call)).isEqualTo(a);
    f.seconds(1);
    assertThat(f.offeredTo(call)).isEqualTo(b);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.AVAILABLE);
    assertThatThrownBy(() -> f.acd.accept(a)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("no call offered");
  }

  @Test
  void consecutiveNoAnswersPutTheAgentOnBreak() {
    Fixture f = fixture(2);
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = f.queued(SALES, Priority.NORMAL);
    f.seconds(15); // first no-answer; left out for the reject delay
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.AVAILABLE);
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);
    f.seconds(5); // routable again: offered again
    assertThat(f.offeredTo(call)).isEqualTo(a);
    f.seconds(15); // second no-answer in a row
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.ON_BREAK);
    assertThat(f.center.getAgent(a).status()).isEqualTo(AgentStatus.ON_BREAK);
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);
    assertThat(f.routingStates(a)).containsExactly("available", "reserved", "available", "reserved", "on_break");
  }

  @Test
  void anAnsweredOfferResetsTheNoAnswerCount() {
    Fixture f = fixture(2);
    AgentId a = f.available("a", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    f.seconds(15); // no-answer 1
    f.seconds(5);
    f.acd.accept(a);
    f.acd.complete(first);
    f.acd.setAgentStatus(a, AgentStatus.AVAILABLE); // ends wrap-up early
    f.queued(SALES, Priority.NORMAL);
    f.seconds(15); // a no-answer again, but only the first in a row
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.AVAILABLE);
  }

  @Test
  void aRejectingAgentIsLeftOutForTheRejectDelay() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = f.queued(SALES, Priority.NORMAL);
    f.acd.reject(a);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.AVAILABLE);
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);
    f.seconds(4);
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);
    f.seconds(1);
    assertThat(f.offeredTo(call)).isEqualTo(a);
  }

  @Test
  void wrapUpHoldsTheNextCallUntilItEnds() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    f.acd.accept(a);
    f.seconds(30);
    f.acd.complete(first);
    CallId second = f.queued(SALES, Priority.NORMAL);
    assertThat(f.acd.placement(second).state()).isEqualTo(Placement.State.WAITING);
    assertThat(f.center.getAgent(a).status()).isEqualTo(AgentStatus.BUSY);
    f.seconds(9);
    assertThat(f.acd.placement(second).state()).isEqualTo(Placement.State.WAITING);
    f.seconds(1);
    assertThat(f.offeredTo(second)).isEqualTo(a);
  }

  @Test
  void aCallEndedThroughTheCallCenterWrapsUpLikeOneCompletedThroughTheAcd() {
    // how the telephony bridge ends a call when a party hangs up: CallCenter.end, not Acd.complete
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    f.acd.accept(a);
    f.seconds(30);

    Call ended = f.center.end(first);

    assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.WRAP_UP);
    assertThat(f.center.getAgent(a).stats().talkTime()).isEqualTo(Duration.ofSeconds(30));
    CallId second = f.queued(SALES, Priority.NORMAL);
    f.seconds(9);
    assertThat(f.acd.placement(second).state()).isEqualTo(Placement.State.WAITING);
    f.seconds(1);
    assertThat(f.offeredTo(second)).isEqualTo(a);
    assertThat(f.routingStates(a)).containsExactly("available", "reserved", "busy", "wrap_up", "available",
        "reserved");
  }

  @Test
  void aCallTheAcdDidNotConnectIsEndedByTheCallCenterAsBefore() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId direct = f.newCall();
    f.center.connect(direct, a); // past the ACD: it has no wrap-up to apply
    f.seconds(30);

    assertThat(f.center.end(direct).status()).isEqualTo(CallStatus.COMPLETED);

    assertThat(f.center.getAgent(a).status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(f.center.getAgent(a).stats().callsHandled()).isEqualTo(1);
    assertThat(f.offeredTo(f.queued(SALES, Priority.NORMAL))).isEqualTo(a);
  }

  @Test
  void aReservedAgentIsNeverOfferedASecondCall() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    CallId second = f.queued(SALES, Priority.NORMAL);
    assertThat(f.offeredTo(first)).isEqualTo(a);
    assertThat(f.acd.placement(second).state()).isEqualTo(Placement.State.WAITING);
    assertThat(f.offers).hasSize(1);
  }

  @Test
  void aBreakAskedForDuringACallStartsWhenTheCallEnds() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = f.queued(SALES, Priority.NORMAL);
    f.acd.accept(a);
    assertThat(f.acd.setAgentStatus(a, AgentStatus.ON_BREAK)).isEqualTo(RoutingState.BUSY);
    f.acd.complete(call);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.ON_BREAK);
    assertThatThrownBy(() -> f.acd.setAgentStatus(a, AgentStatus.BUSY))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void goingOnBreakWhileRingingWithdrawsTheOfferAndTheCallKeepsItsPlace() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    f.seconds(1);
    CallId second = f.queued(SALES, Priority.NORMAL);
    f.acd.setAgentStatus(a, AgentStatus.ON_BREAK);
    assertThat(f.acd.waiting(SALES)).containsExactly(first, second);
  }

  @Test
  void callerHangingUpWhileRingingFreesTheAgentForTheNextCall() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    CallId second = f.queued(SALES, Priority.NORMAL);
    f.acd.abandon(first);
    assertThat(f.center.getCall(first).status()).isEqualTo(CallStatus.ABANDONED);
    assertThat(f.offeredTo(second)).isEqualTo(a);
  }

  @Test
  void aCallEndedOnTheCallCenterDirectlyIsNoticedAtTheNextOperation() {
    Fixture f = fixture(3);
    AgentId a = f.available("a", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    f.center.abandon(first); // not through the ACD
    CallId second = f.queued(SALES, Priority.NORMAL);
    assertThat(f.offeredTo(second)).isEqualTo(a);
    assertThatThrownBy(() -> f.acd.placement(first)).hasMessageContaining("not found");
  }
}
