package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.COMPLAINTS;
import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.EventType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferTest {
  private static Fixture fixture() {
    return new Fixture(b -> b.queue(QueueConfig.builder(SALES).wrapUp(Duration.ofSeconds(10)).build())
        .queue(QueueConfig.builder(COMPLAINTS).wrapUp(Duration.ofSeconds(10)).build()));
  }

  private static CallId connected(Fixture f, AgentId agent) {
    CallId call = f.queued(SALES, Priority.HIGH);
    f.acd.accept(agent);
    return call;
  }

  @Test
  void blindTransferToAQueueIsRecordedAndQueuesTheCall() {
    Fixture f = fixture();
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = connected(f, a);
    f.seconds(40);
    Placement placement = f.acd.transferToQueue(call, COMPLAINTS, null);
    assertThat(placement.queue()).isEqualTo(COMPLAINTS);
    assertThat(placement.state()).isEqualTo(Placement.State.WAITING);
    Call stored = f.center.getCall(call);
    assertThat(stored.status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(stored.department()).isEqualTo(COMPLAINTS);
    assertThat(stored.priority()).isEqualTo(Priority.HIGH);
    assertThat(stored.tags()).contains(Acd.TAG_TRANSFERRED);
    assertThat(stored.collectedData().get("transfer.1"))
        .isEqualTo("kind=blind;from=agent:a;to=queue:complaints;at=" + Fixture.START.plusSeconds(40));
    assertThat(f.events(EventType.CALL_TRANSFERRED)).hasSize(1);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.WRAP_UP);
    assertThat(f.center.getAgent(a).stats().talkTime()).isEqualTo(Duration.ofSeconds(40));

    AgentId c = f.available("c", COMPLAINTS, Map.of());
    assertThat(f.offeredTo(call)).isEqualTo(c);
  }

  @Test
  void blindTransferToAnAgentOffersTheCallToThatAgent() {
    Fixture f = fixture();
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = connected(f, a);
    AgentId c = f.available("c", COMPLAINTS, Map.of());
    Placement placement = f.acd.transferToAgent(call, c);
    assertThat(placement.state()).isEqualTo(Placement.State.OFFERED);
    assertThat(f.center.getCall(call).status()).isEqualTo(CallStatus.TRANSFERRED);
    f.acd.accept(c);
    assertThat(f.center.getCall(call).agentId()).isEqualTo(c);
    assertThat(f.center.getCall(call).status()).isEqualTo(CallStatus.IN_PROGRESS);
  }

  @Test
  void aDeclinedTransferToAnAgentWaitsInThatAgentsQueue() {
    Fixture f = fixture();
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = connected(f, a);
    AgentId c = f.available("c", COMPLAINTS, Map.of());
    f.acd.transferToAgent(call, c);
    f.acd.reject(c);
    assertThat(f.center.getCall(call).status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(f.acd.waiting(COMPLAINTS)).containsExactly(call);
  }

  @Test
  void transferToABusyAgentIsRefusedAndChangesNothing() {
    Fixture f = fixture();
    AgentId a = f.available("a", SALES, Map.of());
    AgentId b = f.available("b", SALES, Map.of());
    CallId call = connected(f, a);
    connected(f, b);
    assertThatThrownBy(() -> f.acd.transferToAgent(call, b)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("transfer target");
    assertThat(f.center.getCall(call).status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(f.center.getCall(call).agentId()).isEqualTo(a);
  }

  @Test
  void attendedTransferConsultsThenHandsTheCallOver() {
    Fixture f = fixture();
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = connected(f, a);
    AgentId expert = f.available("expert", SALES, Map.of());
    f.seconds(20);
    f.acd.consult(call, expert);
    assertThat(f.acd.routingState(expert)).isEqualTo(RoutingState.BUSY);
    assertThat(f.center.getCall(call).agentId()).isEqualTo(a);
    f.seconds(15);
    Call handed = f.acd.completeTransfer(call);
    assertThat(handed.status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(handed.agentId()).isEqualTo(expert);
    assertThat(handed.collectedData().get("transfer.1")).startsWith("kind=attended;from=agent:a;to=agent:expert");
    assertThat(f.events(EventType.CALL_TRANSFERRED)).hasSize(1);
    assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.WRAP_UP);
    f.acd.complete(call);
    assertThat(f.acd.routingState(expert)).isEqualTo(RoutingState.WRAP_UP);
  }

  @Test
  void cancelledConsultationFreesTheColleagueAndTheCallerStays() {
    Fixture f = fixture();
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = connected(f, a);
    AgentId expert = f.available("expert", SALES, Map.of());
    f.acd.consult(call, expert);
    f.acd.cancelTransfer(call);
    assertThat(f.acd.routingState(expert)).isEqualTo(RoutingState.AVAILABLE);
    assertThat(f.center.getCall(call).agentId()).isEqualTo(a);
    assertThat(f.center.getCall(call).status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(f.events(EventType.CALL_TRANSFERRED)).isEmpty();
  }

  @Test
  void aBreakAskedForDuringAConsultationStartsWhenItEnds() {
    Fixture f = fixture();
    AgentId a = f.available("a", SALES, Map.of());
    CallId call = connected(f, a);
    AgentId expert = f.available("expert", SALES, Map.of());
    f.acd.consult(call, expert);
    assertThat(f.acd.setAgentStatus(expert, dev.callcenter.core.AgentStatus.ON_BREAK)).isEqualTo(RoutingState.BUSY);
    f.acd.cancelTransfer(call);
    assertThat(f.acd.routingState(expert)).isEqualTo(RoutingState.ON_BREAK);
  }
}
