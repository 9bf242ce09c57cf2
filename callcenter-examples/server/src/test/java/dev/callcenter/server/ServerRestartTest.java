package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.EventType;
import dev.callcenter.sip.TelephonyBridge;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server, gently or with {@code kill -9}, loses nothing it acknowledged (H2 file database). */
class ServerRestartTest {
  static final String ADMIN = "restart-admin-token-0123456789";

  @TempDir
  Path dataDir;

  private ServerSettings settings() {
    return ServerSettings.defaults(dataDir).withPort(0).withSip(null).withAdminToken(ADMIN);
  }

  @Test
  void aRestartOnTheSameDatabaseKeepsCallsAgentsHistoryAndTheEventSequence() throws Exception {
    String callId;
    long lastSequence;
    try (CallCenterServer server = CallCenterServer.start(settings())) {
      HttpTestClient client = new HttpTestClient(server.port());
      callId = client.post("/api/calls", null, Map.of("phone", "+966501234567", "language", "ar")).json()
          .at("/call/id").asText();
      assertThat(client.send("PATCH", "/api/agents/agent-sales/status", ADMIN, Map.of("status", "available"),
          Map.of()).status()).isEqualTo(200);
      assertThat(client.post("/api/callcenter/calls", ADMIN, Map.of("extensionId", "1001", "direction", "inbound",
          "number", "+966501234567", "duration", 30, "status", "answered")).status()).isEqualTo(201);
      lastSequence = server.callCenter().eventLog().lastSequence();
    }
    try (CallCenterServer server = CallCenterServer.start(settings())) {
      HttpTestClient client = new HttpTestClient(server.port());
      assertThat(client.get("/api/calls/" + callId, ADMIN).json().get("language").asText()).isEqualTo("ar");
      assertThat(client.get("/api/agents/agent-sales", ADMIN).json().get("status").asText()).isEqualTo("AVAILABLE");
      assertThat(client.get("/api/agents", ADMIN).json().get("total").asLong()).isEqualTo(3);
      assertThat(client.get("/api/callcenter/calls", ADMIN).json().get("total").asLong()).isEqualTo(1);
      assertThat(server.callCenter().eventLog().lastSequence()).isEqualTo(lastSequence);
      String next = client.post("/api/calls", null, Map.of("phone", "+966501234568")).json().at("/call/id").asText();
      assertThat(server.callCenter().eventsAfter(lastSequence, 10).get(0).subject()).isEqualTo(next);
    }
  }

  @Test
  void aCallQueuedBeforeARestartIsOfferedAfterItAndATelephonyCallThatLostItsLineIsFailed() throws Exception {
    String queued;
    CallId phoneCall;
    try (CallCenterServer server = CallCenterServer.start(settings())) {
      HttpTestClient client = new HttpTestClient(server.port());
      // a SIP caller's call, as the TelephonyBridge creates it, waiting ahead of the API call
      phoneCall = server.callCenter().createCall(new NewCall(null, "+966501230000", null,
          TelephonyBridge.CALL_SOURCE, null, null, null)).id();
      server.acd().enqueue(phoneCall, Department.SALES, Priority.NORMAL);
      queued = client.post("/api/calls", null, Map.of("phone", "+966501234569")).json().at("/call/id").asText();
      HttpTestClient.Reply routed = client.post("/api/calls/" + queued + "/route", ADMIN,
          Map.of("department", "sales"));
      assertThat(routed.status()).as(routed.body()).isEqualTo(200);
      assertThat(routed.json().get("status").asText()).as("no sales agent is logged in").isEqualTo("IN_QUEUE");
    }
    try (CallCenterServer server = CallCenterServer.start(settings())) {
      HttpTestClient client = new HttpTestClient(server.port());
      assertThat(client.get("/api/calls/" + phoneCall.value(), ADMIN).json().get("status").asText())
          .isEqualTo("FAILED");
      assertThat(server.callCenter().eventsAfter(0, 1000)).anySatisfy(e -> {
        assertThat(e.type()).isEqualTo(EventType.CALL_ENDED);
        assertThat(e.subject()).isEqualTo(phoneCall.value());
      });
      JsonNode queue = client.get("/api/calls/queue", ADMIN).json();
      assertThat(queue).hasSize(1);
      assertThat(queue.get(0).at("/call/id").asText()).isEqualTo(queued);
      assertThat(queue.get(0).get("state").asText()).as("waiting in the ACD again, not UNTRACKED")
          .isEqualTo("WAITING");

      HttpTestClient.Reply login = client.send("PATCH", "/api/agents/agent-sales/status", ADMIN,
          Map.of("status", "available"), Map.of());
      assertThat(login.status()).as(login.body()).isEqualTo(200);
      assertThat(server.acd().reservation(AgentId.of("agent-sales")).orElseThrow().callId().value())
          .isEqualTo(queued);
      HttpTestClient.Reply accepted = client.post("/api/calls/" + queued + "/status", ADMIN,
          Map.of("status", "IN_PROGRESS", "agentId", "agent-sales"));
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
      assertThat(accepted.json().get("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(accepted.json().get("agentId").asText()).isEqualTo("agent-sales");
    }
  }

  @Test
  void killDashNineLosesNothingAcknowledged() throws Exception {
    String supervisor = TokenStore.open(dataDir.resolve(CallCenterServer.TOKEN_FILE)).issue(Role.SUPERVISOR, "sup");
    Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--port", "0", "--sip-port", "off", "--data-dir", dataDir.toString())
        .redirectErrorStream(true)
        .start();
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> statuses = new java.util.HashMap<>();
    try {
      int port = awaitPort(child);
      HttpTestClient client = new HttpTestClient(port);
      for (int i = 0; i < 20; i++) {
        HttpTestClient.Reply r = client.post("/api/calls", null, Map.of("phone", "+96650123" + (4000 + i)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        acknowledged.add(r.json().at("/call/id").asText());
        statuses.put(r.json().at("/call/id").asText(), r.json().at("/call/status").asText());
      }
      HttpTestClient.Reply onBreak = client.send("PATCH", "/api/agents/agent-complaints/status", supervisor,
          Map.of("status", "on_break"), Map.of());
      assertThat(onBreak.status()).as(onBreak.body()).isEqualTo(200);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      child.waitFor(30, TimeUnit.SECONDS);
    }
    try (CallCenterServer server = CallCenterServer.start(settings())) {
      HttpTestClient client = new HttpTestClient(server.port());
      for (String id : acknowledged) {
        HttpTestClient.Reply call = client.get("/api/calls/" + id, ADMIN);
        assertThat(call.status()).as("call " + id + " after kill -9").isEqualTo(200);
        JsonNode json = call.json();
        assertThat(json.get("status").asText()).isEqualTo(statuses.get(id));
      }
      assertThat(client.get("/api/agents/agent-complaints", ADMIN).json().get("status").asText())
          .isEqualTo("ON_BREAK");
      List<String> newSubjects = new ArrayList<>();
      server.callCenter().eventsAfter(0, 1000).forEach(e -> newSubjects.add(e.subject()));
      assertThat(newSubjects).containsAll(acknowledged);
    }
  }

  private static int awaitPort(Process child) throws Exception {
    Pattern listening = Pattern.compile("listening on port (\\d+)");
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          Matcher m = listening.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
        port.completeExceptionally(new AssertionError("the server exited before listening:\n" + output));
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
    return port.get(120, TimeUnit.SECONDS);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
        .toString();
  }
}
