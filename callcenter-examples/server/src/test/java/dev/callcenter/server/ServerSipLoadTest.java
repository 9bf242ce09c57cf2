package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.ivr.IvrFlow;
import dev.callcenter.testkit.ExternalProcess;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.ExternalTool;
import dev.callcenter.testkit.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp callers at a steady rate through the example server's SIP and its real IVR, on the in-memory store so that
 * SIP and the IVR are what is measured: each call is the sample customer (known by caller id), keys 0 (reception)
 * by SIP INFO, is queued, keys 1 at the queue's callback offer, and is completed by the IVR, which hangs up. Rate
 * and duration come from {@code -Dsip.load.rate} (calls per second, default 100) and {@code -Dsip.load.seconds}
 * (default 30); every call must succeed in SIPp and end completed in the call center. Skipped without {@code sipp}
 * unless CI=true.
 */
@Timeout(300)
class ServerSipLoadTest {
  private static final String ADMIN = "sip-load-admin-token-0123456";

  @TempDir
  Path dataDir;

  @Test
  void everyCallThroughTheIvrSucceedsAtTheTargetRate() {
    String sipp = ExternalTool.require("sipp");
    int rate = Integer.getInteger("sip.load.rate", 100);
    int seconds = Integer.getInteger("sip.load.seconds", 30);
    int calls = rate * seconds;
    int sipPort = LoopbackPorts.free();
    ServerSettings settings = ServerSettings.defaults(dataDir).withPort(0).withDbUrl(ServerSettings.IN_MEMORY)
        .withAdminToken(ADMIN).withSip(new ServerSettings.Sip("127.0.0.1", sipPort, List.of("MD5", "SHA-256")));
    try (CallCenterServer server = CallCenterServer.start(settings)) {
      List<CallId> ids = new CopyOnWriteArrayList<>();
      server.callCenter().subscribe(e -> {
        if (e.type() == EventType.CALL_NEW) {
          ids.add(CallId.of(e.subject()));
        }
      });

      Path log = dataDir.resolve("sipp-load.log");
      Result result = ExternalProcess.run(List.of(sipp, "127.0.0.1:" + sipPort,
          "-sf", Sipp.scenario("server_caller_callback_load.xml", dataDir), "-i", "127.0.0.1",
          "-p", String.valueOf(LoopbackPorts.free()), "-mi", "127.0.0.1", "-mp", String.valueOf(LoopbackPorts.free()),
          "-t", "u1", "-m", String.valueOf(calls), "-r", String.valueOf(rate), "-l", String.valueOf(rate * 5),
          "-key", "service", "100", "-nostdin", "-recv_timeout", "10000", "-max_recv_loops", "1000",
          "-timeout", (seconds + 60) + "s", "-timeout_error"), log, Duration.ofSeconds(seconds + 90));

      String summary = result.output().lines().filter(l -> l.contains("Successful call") || l.contains("Failed call"))
          .collect(Collectors.joining("\n", "", "\n"));
      System.out.println("SIPp, " + rate + " calls/s for " + seconds + " s through the server's IVR:\n" + summary);
      assertThat(result.exitCode()).as(() -> outcomes(server, ids) + "\n" + summary + result.output()).isZero();
      assertThat(summary).as(summary).containsPattern("Successful call +\\|.*\\| +" + calls + " *\\n")
          .containsPattern("Failed call +\\|.*\\| +0 *\\n");

      try {
        await("every call ended").atMost(Duration.ofSeconds(60))
            .until(() -> ids.size() == calls && active(server) == 0);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(e.getMessage() + ": " + ids.size() + " created, " + active(server) + " active; "
            + outcomes(server, ids), e);
      }
      assertThat(outcomes(server, ids)).as("status / IVR outcome / department of every call")
          .isEqualTo(Map.of("COMPLETED/callback/reception", (long) calls));
      assertThat(server.acd().waiting(Department.RECEPTION)).as("nobody left in the queue").isEmpty();
    }
  }

  private static long active(CallCenterServer server) {
    return server.callCenter().listCalls(CallQuery.withStatus(CallStatus.INITIATED, CallStatus.IVR_PROCESSING,
        CallStatus.IN_QUEUE, CallStatus.IN_PROGRESS, CallStatus.TRANSFERRED), PageRequest.first(1)).total();
  }

  /** How many calls ended how: status, the IVR's outcome (see {@link IvrFlow#outcomeOf}) and department. */
  private static Map<String, Long> outcomes(CallCenterServer server, List<CallId> ids) {
    return ids.stream().map(server.callCenter()::getCall).collect(Collectors.groupingBy(
        (Call c) -> c.status() + "/" + IvrFlow.outcomeOf(c) + "/" + c.department(), Collectors.counting()));
  }
}
