package dev.callcenter.core.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.flow.CallFlow;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call flow's queued calls reach the ACD that is built on the call center, and are offered to agents. */
class FlowDistributionTest {
  private final CallCenter center = CallCenter.builder().callFlow(CallFlow.direct(Department.SALES)).build();

  private AgentId availableAgent(Acd acd) {
    AgentId id = center.addAgent(new NewAgent("s1", "Sara", null, null, Department.SALES, Map.of())).id();
    acd.setAgentStatus(id, AgentStatus.AVAILABLE);
    return id;
  }

  @Test
  void aCallTheFlowQueuesIsOfferedToAnAvailableAgentAndAccepted() {
    try (Acd acd = Acd.builder(center).build()) {
      AgentId agent = availableAgent(acd);
      CallId call = center.createCall(NewCall.fromPhone("+966501230001")).id();
      center.startFlow(call);

      assertThat(acd.reservation(agent)).hasValueSatisfying(r -> assertThat(r.callId()).isEqualTo(call));
      assertThat(acd.routingState(agent)).isEqualTo(RoutingState.RESERVED);
      assertThat(acd.accept(agent).status()).isEqualTo(CallStatus.IN_PROGRESS);
      assertThat(center.getCall(call).agentId()).isEqualTo(agent);
    }
  }

  @Test
  void aSecondAcdIsRefusedAndClosingTheFirstHandsQueueingBackToTheCallCenter() {
    Acd first = Acd.builder(center).build();
    assertThatThrownBy(() -> Acd.builder(center).build()).isInstanceOf(CallCenterException.class)
        .hasMessageContaining("already attached");
    CallId waiting = center.createCall(NewCall.fromPhone("+966501230002")).id();
    center.startFlow(waiting);
    assertThat(first.placement(waiting).state()).isEqualTo(Placement.State.WAITING);
    first.close();

    CallId later = center.createCall(NewCall.fromPhone("+966501230003")).id();
    center.startFlow(later);
    assertThat(center.getCall(later).status()).isEqualTo(CallStatus.IN_QUEUE);
    try (Acd second = Acd.builder(center).build()) { // the seat is free again
      // and the new ACD takes over the calls waiting in the store, the one queued without an ACD too
      assertThat(second.waiting(Department.SALES)).containsExactly(waiting, later);
    }
  }
}
