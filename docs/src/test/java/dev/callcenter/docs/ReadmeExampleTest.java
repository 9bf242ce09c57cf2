package dev.callcenter.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the five-line example the README opens with, exactly as written there ({@link GuideSnippetsTest} checks
 * that the README's code is this code), and checks what the README says it prints.
 */
class ReadmeExampleTest {

  static void readmeExample() {
    CallCenter center = CallCenter.builder().build();                 // in memory; plug in stores, telephony, events
    center.subscribe(event -> System.out.println(event.toJson()));    // call:new, call:queued, ...
    Call call = center.createCall(NewCall.fromPhone("+966 50 123 4567"));
    center.startFlow(call.id());                                      // the call flow routes and queues it
    System.out.println(center.getCall(call.id()).status());           // IN_QUEUE
  }

  @Test
  void printsTheEventsAsJsonThenInQueue() {
    List<String> printed = runCapturingStandardOut();

    assertThat(printed).isNotEmpty();
    assertThat(printed.get(printed.size() - 1)).isEqualTo("IN_QUEUE");
    List<Event> events = printed.subList(0, printed.size() - 1).stream().map(Event::fromJson).toList();
    assertThat(events).extracting(Event::type).containsExactly(EventType.CALL_NEW, EventType.CALL_UPDATED,
        EventType.CALL_ROUTED, EventType.CALL_QUEUED);
    assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(events.get(0).data()).containsEntry("status", "INITIATED");
    assertThat(events.get(3).data()).containsEntry("status", "IN_QUEUE").containsEntry("department", "reception");
    assertThat(printed.get(0)).contains("\"type\":\"call:new\"", "\"phone\":\"+966501234567\"");
  }

  private static List<String> runCapturingStandardOut() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      readmeExample();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
