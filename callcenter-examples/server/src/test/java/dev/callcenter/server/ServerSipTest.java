package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.testkit.ExternalProcess;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.ExternalTool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server on SIP, end to end with SIPp on loopback: a caller walks the server's IVR by SIP INFO and is
 * transferred to a SIPp agent that registered extension 1001 with digest authentication, once the agent accepts
 * the call the ACD offers it. Skipped without {@code sipp} unless CI=true.
 */
@Timeout(150)
class ServerSipTest {
  private static final String ADMIN = "sip-test-admin-token-0123456";
  private static final String PASSWORD = "Agent-Layla-Reception-s3cret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> processes = new ArrayList<>();

  @Test
  void aSippCallerWalksTheIvrByInfoAndIsTransferredToTheRegisteredAgentThatAcceptedTheOffer() throws Exception {
    String sipp = ExternalTool.require("sipp");
    int sipPort = Sipp.freePort();
    try (CallCenterServer server = CallCenterServer.start(ServerSettings.defaults(dataDir).withPort(0)
        .withDbUrl(ServerSettings.IN_MEMORY).withAdminToken(ADMIN)
        .withSip(new ServerSettings.Sip("127.0.0.1", sipPort, List.of("MD5", "SHA-256"))))) {
      assertThat(server.sipPort()).contains(sipPort);
      String base = "http://127.0.0.1:" + server.port();
      assertThat(send("GET", base + "/health", null).get("modules").toString()).contains("sip-jain");
      // the sample extension 1001 (agent-reception) gets a password; the registrar sees only its digests
      JsonNode extensions = send("GET", base + "/api/callcenter/extensions?q=1001", null);
      String extensionId = extensions.at("/items/0/id").asText();
      send("PUT", base + "/api/callcenter/extensions/" + extensionId,
          Map.of("password", PASSWORD, "userId", "agent-reception", "displayName", "Layla Haddad"));

      int agentPort = Sipp.freePort();
      Path agentLog = Files.createTempFile("sipp-agent", ".log");
      Process agent = start(List.of(sipp, "-sf", scenario("agent_hangs_up.xml"), "-i", "127.0.0.1",
          "-p", String.valueOf(agentPort), "-mi", "127.0.0.1", "-mp", String.valueOf(Sipp.freePort()),
          "-t", "u1", "-m", "1", "-key", "extension", "1001", "-nostdin", "-timeout", "90s", "-timeout_error"),
          agentLog);
      Result wrong = ExternalProcess.run(client(sipp, sipPort, "agent_register.xml", "-key", "extension", "1001",
          "-key", "agent_port", String.valueOf(agentPort), "-au", "1001", "-ap", "wrong-Passw0rd-of-Layla"),
          dataDir.resolve("wrong.log"), Duration.ofSeconds(20));
      assertThat(wrong.exitCode()).as("a wrong password is refused: " + wrong.output()).isNotZero();
      Result registered = ExternalProcess.run(client(sipp, sipPort, "agent_register.xml", "-key", "extension",
          "1001", "-key", "agent_port", String.valueOf(agentPort), "-au", "1001", "-ap", PASSWORD),
          dataDir.resolve("register.log"), Duration.ofSeconds(20));
      assertThat(registered.exitCode()).as(registered.output()).isZero();

      Path callerLog = Files.createTempFile("sipp-caller", ".log");
      Process caller = start(client(sipp, sipPort, scenario("server_caller_walks_ivr.xml")), callerLog);
      Call queued = await("the caller queued for reception", () -> server.callCenter().listCalls(
          CallQuery.withStatus(CallStatus.IN_QUEUE), PageRequest.first(10)).items().stream().findFirst().orElse(null));
      assertThat(queued.department()).as(() -> history(server, queued)).isEqualTo(Department.RECEPTION);
      assertThat(queued.customer().customerId()).isEqualTo("cust-1001"); // known by caller id

      send("PATCH", base + "/api/agents/agent-reception/status", Map.of("status", "available"));
      JsonNode offered = await("the offer", () -> {
        JsonNode a = send("GET", base + "/api/agents/agent-reception", null);
        return a.at("/reservation/callId").asText("").equals(queued.id().value()) ? a : null;
      });
      assertThat(offered.get("routingState").asText()).isEqualTo("reserved");
      JsonNode answered = send("POST", base + "/api/agents/agent-reception/accept", null);
      assertThat(answered.get("status").asText()).isEqualTo("IN_PROGRESS");

      Result agentResult = ExternalProcess.finish(agent, agentLog, Duration.ofSeconds(40));
      Result callerResult = ExternalProcess.finish(caller, callerLog, Duration.ofSeconds(40));
      assertThat(agentResult.exitCode()).as(agentResult.output()).isZero();
      assertThat(callerResult.exitCode()).as(callerResult.output()).isZero();
      await("the call completed", () -> server.callCenter().getCall(queued.id()).status() == CallStatus.COMPLETED
          ? Boolean.TRUE : null);
      await("the agent free again", () -> server.callCenter().getAgent(AgentId.of("agent-reception")).status()
          == AgentStatus.AVAILABLE ? Boolean.TRUE : null);
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  /** What the IVR did with the call, event by event: for a failure message. */
  private static String history(CallCenterServer server, Call call) {
    StringBuilder out = new StringBuilder();
    for (var e : server.callCenter().eventsAfter(0, 1000)) {
      if (e.subject().equals(call.id().value())) {
        out.append('\n').append(e.type()).append(' ').append(e.data().get("ivrStage")).append(' ')
            .append(e.data().get("flowState")).append(' ').append(e.data().get("collectedData"));
      }
    }
    return out.toString();
  }

  private List<String> client(String sipp, int sipPort, String scenario, String... extra) {
    List<String> command = new ArrayList<>(List.of(sipp, "127.0.0.1:" + sipPort, "-sf",
        scenario.startsWith("/") ? scenario : scenario(scenario), "-i", "127.0.0.1",
        "-p", String.valueOf(Sipp.freePort()), "-mi", "127.0.0.1", "-mp", String.valueOf(Sipp.freePort()),
        "-t", "u1", "-m", "1", "-key", "service", "100", "-nostdin", "-timeout", "90s", "-timeout_error",
        "-max_recv_loops", "1000"));
    command.addAll(List.of(extra));
    return command;
  }

  private Process start(List<String> command, Path log) {
    Process p = ExternalProcess.start(command, log);
    processes.add(p);
    return p;
  }

  private String scenario(String name) {
    return Sipp.scenario(name, dataDir);
  }

  private JsonNode send(String method, String url, Object body) {
    try {
      return sendChecked(method, url, body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode sendChecked(String method, String url, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN)
        .timeout(Duration.ofSeconds(10));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 299);
    return JSON.readTree(response.body());
  }

  private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(40);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
