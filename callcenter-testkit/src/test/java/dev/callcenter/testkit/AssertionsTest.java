package dev.callcenter.testkit;

import static dev.callcenter.testkit.CallCenterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.EventType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssertionsTest {
  private final MutableClock clock = MutableClock.create();
  private final RecordingEventPublisher published = new RecordingEventPublisher();
  private final CallCenter center = CallCenter.builder().clock(clock).events(published).build();

  @Test
  void passingAssertionsChain() {
    Call call = center.createCall(NewCall.fromPhone("00966 50 123 4567"));
    center.updateCall(call.id(), c -> c.withCollectedData(Map.of("order", "A-17"), clock.instant())
        .withTags(Set.of("vip"), clock.instant()).withIvrStage("DATA_COLLECTION", clock.instant()));
    Call queued = center.enqueue(call.id(), Department.SALES, Priority.HIGH);

    assertThat(queued).hasStatus(CallStatus.IN_QUEUE).isInDepartment(Department.SALES).hasPriority(Priority.HIGH)
        .isActive().wasQueued().hasNoAgent().hasCustomerPhone("+966 50 123 4567").hasCollected("order", "A-17")
        .hasTag("vip").isAtIvrStage("DATA_COLLECTION").hasVersion(4);
    assertThat(center).hasCallsInStatus(CallStatus.IN_QUEUE, 1).hasGapFreeEventLog()
        .hasLoggedEventsAbout(call.id(), EventType.CALL_NEW, EventType.CALL_UPDATED, EventType.CALL_ROUTED,
            EventType.CALL_QUEUED);
    assertThat(published.publishedTypes()).containsExactly(EventType.CALL_NEW, EventType.CALL_UPDATED,
        EventType.CALL_ROUTED, EventType.CALL_QUEUED);
    assertThat(published.last().sequence()).isEqualTo(4L);
    assertThat(center).hasLoggedEvents(EventType.CALL_NEW, EventType.CALL_UPDATED, EventType.CALL_ROUTED,
        EventType.CALL_QUEUED);
    assertThatThrownBy(() -> assertThat(center).hasLoggedEvents(EventType.CALL_NEW))
        .hasMessageContaining("Expected the event log to be [call:new]");
    published.clear();
    assertThat(published.published()).isEmpty();
    assertThatThrownBy(published::last).hasMessage("no event was published");
  }

  @Test
  void agentAndCallThroughTheCenter() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.SALES, Priority.NORMAL);
    Agent agent = center.addAgent(NewAgent.of("Huda", Department.SALES, Map.of("arabic", 5)));
    center.setAgentStatus(agent.id(), AgentStatus.AVAILABLE);
    center.connect(call.id(), agent.id());
    clock.advance(Duration.ofMinutes(3));
    center.end(call.id());

    assertThat(center).call(call.id()).hasStatus(CallStatus.COMPLETED).hasEnded().wasAnswered()
        .isHandledBy(agent.id());
    assertThat(center).agent(agent.id()).hasStatus(AgentStatus.AVAILABLE).isInDepartment(Department.SALES)
        .hasSkill("arabic", 5).hasHandledCalls(1);
  }

  @Test
  void failuresSayWhatWasExpectedAndWhatWasFound() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));

    assertThatThrownBy(() -> assertThat(call).hasStatus(CallStatus.IN_QUEUE))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected call %s to have status <IN_QUEUE> but was <INITIATED>", call.id());
    assertThatThrownBy(() -> assertThat(call).isInDepartment(Department.SALES))
        .hasMessageContaining("be in department <sales> but was <null>");
    assertThatThrownBy(() -> assertThat(call).hasCollected("order", "A-1"))
        .hasMessageContaining("to have collected <order>");
    assertThatThrownBy(() -> assertThat(call).hasEnded()).hasMessageContaining("INITIATED");
    assertThatThrownBy(() -> assertThat(call).wasQueued()).hasMessageContaining("never");
    assertThatThrownBy(() -> assertThat(center).call(CallId.of("missing")))
        .hasMessageContaining("call missing");
    assertThatThrownBy(() -> assertThat(center).hasLoggedEventsAbout(call.id(), EventType.CALL_QUEUED))
        .hasMessageContaining("[call:queued]").hasMessageContaining("[call:new]");
    assertThatThrownBy(() -> assertThat(center).hasCallsInStatus(CallStatus.IN_QUEUE, 1))
        .hasMessage("Expected 1 calls in status IN_QUEUE but there are 0");
  }

  @Test
  void recordingListenerWaitsAndReportsWhatArrived() {
    RecordingListener listener = new RecordingListener();
    center.subscribe(listener);
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));

    assertThat(listener.awaitCount(1, Duration.ofSeconds(1))).hasSize(1);
    assertThat(listener.eventsAbout(call.id().value())).hasSize(1);
    assertThatThrownBy(() -> listener.awaitCount(2, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 2 events").hasMessageContaining("call:new#1");
    listener.clear();
    assertThat(listener.size()).isZero();
  }
}
