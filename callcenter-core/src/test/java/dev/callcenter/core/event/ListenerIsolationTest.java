package dev.callcenter.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.NewCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerIsolationTest {
  private final CallCenter center = CallCenter.builder().build();

  @Test
  void throwingListenerBreaksNeitherCallHandlingNorOtherListeners() {
    List<EventType> before = new ArrayList<>();
    List<EventType> after = new ArrayList<>();
    center.subscribe(e -> before.add(e.type()));
    center.subscribe(e -> {
      throw new IllegalStateException("listener bug");
    });
    center.subscribe(e -> after.add(e.type()));

    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    center.abandon(call.id());

    assertThat(center.getCall(call.id()).status()).isEqualTo(CallStatus.ABANDONED);
    List<EventType> expected = List.of(EventType.CALL_NEW, EventType.CALL_UPDATED, EventType.CALL_ROUTED,
        EventType.CALL_QUEUED, EventType.CALL_ABANDONED);
    assertThat(before).isEqualTo(expected);
    assertThat(after).isEqualTo(expected);
  }

  @Test
  void listenerThrowingOnReplayStillGetsTheRestAndLiveEvents() {
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    List<Long> seen = new ArrayList<>();

    center.subscribeAfter(0, e -> {
      seen.add(e.sequence());
      if (e.sequence() % 2 == 0) {
        throw new IllegalStateException("fails on even events");
      }
    });
    center.end(call.id());

    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(center.getCall(call.id()).status()).isEqualTo(CallStatus.COMPLETED);
  }
}
