package dev.callcenter.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void eventRoundTripsThroughJson() {
    Event event = new NewEvent(EventType.CALL_QUEUED, Instant.parse("2026-01-15T09:00:00.123Z"), "call-1",
        Map.of("status", "IN_QUEUE", "position", 3, "tags", List.of("vip"), "nested", Map.of("a", true)))
        .sequenced(42);

    String json = event.toJson();

    assertThat(json).contains("\"seq\":42", "\"type\":\"call:queued\"", "\"timestamp\":\"2026-01-15T09:00:00.123Z\"",
        "\"schemaVersion\":1", "\"subject\":\"call-1\"");
    assertThat(Event.fromJson(json)).isEqualTo(event);
  }

  @Test
  void eventsOfACallCenterRoundTripAndCarryTheCallSnapshot() {
    CallCenter center = CallCenter.builder().build();
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.SALES, Priority.HIGH);

    for (Event event : center.eventsAfter(0, 10)) {
      assertThat(Event.fromJson(event.toJson())).isEqualTo(event);
    }
    Event queued = center.eventsAfter(0, 10).get(2);
    assertThat(queued.type()).isEqualTo(EventType.CALL_QUEUED);
    assertThat(queued.data()).containsEntry("status", "IN_QUEUE").containsEntry("department", "sales")
        .containsEntry("priority", "HIGH");
    assertThat(queued.data().get("customer")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("phone", "+966501234567");
  }

  @Test
  void callSnapshotInEventDataReadsBackAsTheSameCall() {
    CallCenter center = CallCenter.builder().build();
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    Call queued = center.enqueue(call.id(), Department.SALES, Priority.HIGH);
    Event last = center.eventsAfter(0, 10).get(2);

    assertThat(Json.read(Json.write(last.data()), Call.class)).isEqualTo(queued);
  }

  @Test
  void wireNamesAreTheOnesClientsKnow() {
    assertThat(EventType.values()).extracting(EventType::wireName).containsExactly("call:new", "call:updated",
        "call:routed", "call:queued", "call:transferred", "call:abandoned", "call:ended", "ticket:created",
        "ticket:updated", "message:new", "agent:status_changed");
    assertThat(EventType.fromWireName("agent:status_changed")).isEqualTo(EventType.AGENT_STATUS_CHANGED);
    assertThatThrownBy(() -> EventType.fromWireName("call:exploded")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("call:exploded");
  }

  @Test
  void malformedJsonIsRejectedClearly() {
    assertThatThrownBy(() -> Event.fromJson("{\"seq\":1,\"type\":\"call:new\"}"))
        .isInstanceOf(CallCenterException.class)
        .hasMessageContaining("Event");
  }
}
