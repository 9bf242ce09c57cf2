package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callcenter.core.CallStatus;
import dev.callcenter.core.event.EventType;
import dev.callcenter.testkit.ExternalProcess.Result;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIPp callers at a steady rate through the DTMF menu: each call is answered, keys 9 by SIP INFO, hears goodbye and
 * is hung up by the call flow. Rate and duration come from {@code -Dsip.load.rate} (calls per second, default 100)
 * and {@code -Dsip.load.seconds} (default 5: a short run of the adapter alone; the 30 s through the real IVR is
 * the example server's {@code ServerSipLoadTest}); every call must succeed.
 */
@Timeout(300)
class SippLoadTest {
  private final SipServer server = new SipServer();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void everyCallSucceedsAtTheTargetRate() {
    int rate = Integer.getInteger("sip.load.rate", 100);
    int seconds = Integer.getInteger("sip.load.seconds", 5);
    int calls = rate * seconds;
    AtomicInteger completed = new AtomicInteger();
    java.util.List<dev.callcenter.core.CallId> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.center.subscribe(e -> {
      if (e.type() == EventType.CALL_NEW) {
        ids.add(dev.callcenter.core.CallId.of(e.subject()));
      }
      if (e.type() == EventType.CALL_ENDED && CallStatus.COMPLETED.name().equals(e.data().get("status"))) {
        completed.incrementAndGet();
      }
    });
    Sipp sipp = new Sipp(server);

    Result result = sipp.run(sipp.command("caller_info_goodbye.xml", "udp", calls, Duration.ofSeconds(seconds + 60), "-r",
        String.valueOf(rate), "-l", String.valueOf(rate * 5), "-recv_timeout", "10000"),
        Duration.ofSeconds(seconds + 90));

    String summary = result.output().lines().filter(l -> l.contains("Successful call") || l.contains("Failed call"))
        .reduce("", (a, b) -> a + b + "\n");
    String states = ids.stream().map(server.center::getCall)
        .collect(java.util.stream.Collectors.groupingBy(c -> c.status() + "/" + c.ivrStage() + "/" + c.flowState(),
            java.util.stream.Collectors.counting())).toString();
    assertThat(result.exitCode()).as(states + "\n" + summary + result.output()).isZero();
    assertThat(summary).as(summary).containsPattern("Successful call +\\|.*\\| +" + calls + " *\\n");
    await(calls + " calls completed (" + completed.get() + ")").atMost(Duration.ofSeconds(60))
        .until(() -> completed.get() == calls);
  }
}
