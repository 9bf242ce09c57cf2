package dev.callcenter.docs;

import static dev.callcenter.testkit.CallCenterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.EventType;
import dev.callcenter.testkit.MutableClock;
import dev.callcenter.testkit.RecordingListener;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code of docs/testing.md. */
class TestingGuideTest {

  @Test
  void testingACallCenterOnAFakeClock() {
    MutableClock clock = MutableClock.create();
    CallCenter center = CallCenter.builder().clock(clock).build();
    RecordingListener events = new RecordingListener();
    center.subscribe(events);

    Call call = center.createCall(NewCall.fromPhone("+966 50 123 4567"));
    center.enqueue(call.id(), Department.SALES, Priority.HIGH);
    clock.advance(Duration.ofSeconds(40));
    Agent agent = center.addAgent(NewAgent.of("Huda", Department.SALES, Map.of("arabic", 5)));
    center.setAgentStatus(agent.id(), AgentStatus.AVAILABLE);
    Call answered = center.connect(call.id(), agent.id());

    assertThat(answered).hasStatus(CallStatus.IN_PROGRESS).isInDepartment(Department.SALES).isHandledBy(agent.id());
    assertThat(answered.waitTime(clock)).isEqualTo(Duration.ofSeconds(40));
    assertThat(center).agent(agent.id()).hasStatus(AgentStatus.BUSY);
    assertThat(events.eventsAbout(call.id().value())).extracting(e -> e.type())
        .containsExactly(EventType.CALL_NEW, EventType.CALL_ROUTED, EventType.CALL_QUEUED, EventType.CALL_UPDATED);
  }
}
