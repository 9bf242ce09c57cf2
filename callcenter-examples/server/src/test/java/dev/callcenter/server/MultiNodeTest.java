package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.NewCall;
import dev.callcenter.jdbc.testdb.TestPostgres;
import dev.callcenter.sip.TelephonyBridge;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database with their events shared over the real NATS server (127.0.0.1:4222, or
 * env {@code NATS_URL}): what happens on one shows up on the other's WebSocket.
 */
class MultiNodeTest {
  private static final String ADMIN = "multi-node-admin-token-0123";

  @Test
  void aCallCreatedOnServerAShowsUpOnServerBsWebSocketInLogOrder(@TempDir Path dirA, @TempDir Path dirB)
      throws Exception {
    String nats = natsUrl();
    String base = TestPostgres.url();
    String schema = "srv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    ServerApiOnPostgresTest.execute(base, "CREATE SCHEMA " + schema);
    String db = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try (CallCenterServer a = start(dirA, db, nats); CallCenterServer b = start(dirB, db, nats)) {
      HttpTestClient clientA = new HttpTestClient(a.port());
      HttpTestClient clientB = new HttpTestClient(b.port());
      long last = b.callCenter().eventLog().lastSequence();
      try (EventCollector onB = new EventCollector(clientB.http(), b.port(), ADMIN, last)) {
        HttpTestClient.Reply created = clientA.post("/api/calls", null, Map.of("phone", "+966501239999",
            "language", "en"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String callId = created.json().at("/call/id").asText();

        JsonNode seen = onB.await(e -> e.get("type").asText().equals("call:new")
            && e.get("subject").asText().equals(callId));
        assertThat(seen.get("seq").asLong()).isGreaterThan(last);
        assertThat(clientB.get("/api/calls/" + callId, ADMIN).json().get("phone").asText())
            .isEqualTo("+966501239999");
        // B's own events and A's share one sequence: B's stream has no gap and no duplicate
        clientB.send("PATCH", "/api/agents/agent-sales/status", ADMIN, Map.of("status", "on_break"), Map.of());
        onB.await(e -> e.get("type").asText().equals("agent:status_changed")
            && e.get("subject").asText().equals("agent-sales"));
        long previous = last;
        for (JsonNode e : onB.events) {
          assertThat(e.get("seq").asLong()).as(onB.events.toString()).isEqualTo(previous + 1);
          previous = e.get("seq").asLong();
        }
      }
    } finally {
      ServerApiOnPostgresTest.execute(base, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aServerThatStartsLeavesTheCallsAndOffersOfTheOthersAlone(@TempDir Path dirA, @TempDir Path dirB)
      throws Exception {
    String nats = natsUrl();
    String base = TestPostgres.url();
    String schema = "srv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    ServerApiOnPostgresTest.execute(base, "CREATE SCHEMA " + schema);
    String db = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try (CallCenterServer a = start(dirA, db, nats)) {
      HttpTestClient clientA = new HttpTestClient(a.port());
      assertThat(clientA.send("PATCH", "/api/agents/agent-sales/status", ADMIN, Map.of("status", "available"),
          Map.of()).status()).isEqualTo(200);
      String offered = clientA.post("/api/calls", null, Map.of("phone", "+966501239998")).json().at("/call/id")
          .asText();
      assertThat(clientA.post("/api/calls/" + offered + "/route", ADMIN, Map.of("department", "sales")).status())
          .isEqualTo(200);
      AgentId sales = AgentId.of("agent-sales");
      assertThat(a.acd().reservation(sales).orElseThrow().callId().value()).isEqualTo(offered);
      CallId onTheLine = a.callCenter().createCall(new NewCall(null, "+966501239997", null,
          TelephonyBridge.CALL_SOURCE, null, null, null)).id();

      try (CallCenterServer b = start(dirB, db, nats)) {
        assertThat(b.acd().reservation(sales)).as("A's ringing agent is not freed and offered the call by B")
            .isEmpty();
        assertThat(b.callCenter().getAgent(sales).status()).isEqualTo(AgentStatus.BUSY);
        assertThat(b.callCenter().getCall(onTheLine).status()).as("A's SIP call is not failed by B")
            .isEqualTo(CallStatus.INITIATED);
        JsonNode queue = new HttpTestClient(b.port()).get("/api/calls/queue", ADMIN).json();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("state").asText()).isEqualTo("UNTRACKED");
        assertThat(a.acd().reservation(sales).orElseThrow().callId().value()).isEqualTo(offered);
        assertThat(a.acd().accept(sales).status()).isEqualTo(CallStatus.IN_PROGRESS);
      }
    } finally {
      ServerApiOnPostgresTest.execute(base, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static CallCenterServer start(Path dir, String db, String nats) {
    return CallCenterServer.start(ServerSettings.defaults(dir).withPort(0).withSip(null).withDbUrl(db)
        .withAdminToken(ADMIN).withNatsUrl(nats));
  }

  /** The NATS server; a test without one is skipped, except under CI=true where it fails. */
  private static String natsUrl() {
    String configured = System.getenv("NATS_URL");
    String url = configured != null && !configured.isBlank() ? configured : "nats://127.0.0.1:4222";
    URI uri = URI.create(url);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 4222 : uri.getPort()), 2000);
    } catch (IOException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("no NATS server at " + url + " (CI=true: it must run)", e);
      }
      Assumptions.abort("no NATS server at " + url + "; start one (nats-server) or set NATS_URL");
    }
    return url;
  }
}
