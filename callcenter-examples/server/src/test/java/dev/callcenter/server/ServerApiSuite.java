package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over real HTTP and WebSocket, against a server on a free port; run once per database by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerApiSuite {
  static final String ADMIN = "test-admin-token-0123456789";
  static final long MAX_BODY = 4096;

  @TempDir
  static Path dataDir;
  CallCenterServer server;
  HttpTestClient client;
  String supervisor;
  String agent;
  String viewer;

  /** The database the server runs on, in {@code dataDir} when it is a file. */
  abstract String dbUrl(Path dataDir);

  /** Drops what {@link #dbUrl} created. */
  void dropDatabase() {}

  @BeforeAll
  void start() {
    server = CallCenterServer.start(ServerSettings.defaults(dataDir).withPort(0).withSip(null)
        .withDbUrl(dbUrl(dataDir))
        .withAdminToken(ADMIN).withMaxBodyBytes(MAX_BODY));
    client = new HttpTestClient(server.port());
    supervisor = server.tokens().issue(Role.SUPERVISOR, "sup-1");
    agent = server.tokens().issue(Role.AGENT, "agent-reception");
    viewer = server.tokens().issue(Role.VIEWER, "wallboard");
  }

  @AfterAll
  void stop() {
    server.close();
    dropDatabase();
  }

  @Test
  void healthAndOpenApiNeedNoTokenAndOpenApiListsEveryRoute() {
    HttpTestClient.Reply health = client.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("up");

    HttpTestClient.Reply doc = client.get("/openapi.json", null);
    assertThat(doc.status()).isEqualTo(200);
    JsonNode json = doc.json();
    assertThat(json.get("openapi").asText()).isEqualTo("3.1.0");
    for (Route route : server.routes()) {
      assertThat(json.at("/paths").has(route.path())).as(route.path()).isTrue();
      assertThat(json.at("/paths").get(route.path()).has(route.method().name().toLowerCase())).isTrue();
    }
    assertThat(json.at("/paths/~1api~1calls~1{id}~1ivr/post/requestBody/content/application~1json/schema/$ref")
        .asText()).isEqualTo("#/components/schemas/IvrBody");
    assertThat(json.at("/components/schemas/NewCallBody/properties").has("customerName")).isTrue();
  }

  @Test
  void sampleDataHasAnAgentPerDepartment() {
    JsonNode agents = client.get("/api/agents", viewer).json();
    List<String> departments = new ArrayList<>();
    agents.get("items").forEach(a -> departments.add(a.get("department").asText()));
    assertThat(departments).contains("reception", "sales", "complaints");
  }

  @Test
  void aCallWalksFromCreationToAnAgentAndTheWebSocketSeesItInOrderAndResumes() throws Exception {
    long before = server.callCenter().eventLog().lastSequence();
    List<String> mine;
    try (EventCollector live = new EventCollector(client.http(), server.port(), viewer, before)) {
      HttpTestClient.Reply created = client.post("/api/calls", null, Map.of("customerName", "ليلى", "phone",
          "+966 50 123 4567", "email", "layla@example.com", "source", "web", "language", "AR"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode body = created.json();
      String callId = body.at("/call/id").asText();
      String callToken = body.get("token").asText();
      assertThat(created.raw().headers().firstValue("Location")).contains("/api/calls/" + callId);
      assertThat(body.at("/call/phone").asText()).isEqualTo("+966501234567");
      assertThat(body.at("/call/language").asText()).isEqualTo("ar");
      assertThat(body.at("/ivr/status").asText()).isIn("IVR_PROCESSING", "IN_QUEUE");

      HttpTestClient.Reply ivr = client.post("/api/calls/" + callId + "/ivr", callToken, Map.of("digits", "1"));
      assertThat(ivr.status()).as(ivr.body()).isEqualTo(200);
      assertThat(ivr.json().get("callId").asText()).isEqualTo(callId);

      if (!"IN_QUEUE".equals(client.get("/api/calls/" + callId, viewer).json().get("status").asText())) {
        assertThat(client.post("/api/calls/" + callId + "/route", agent,
            Map.of("department", "Reception", "priority", "high")).status()).isEqualTo(200);
      }
      JsonNode queue = client.get("/api/calls/queue?department=reception", viewer).json();
      assertThat(queue.findValuesAsText("id")).contains(callId);

      // the agent logs in; the ACD offers it the call (RESERVED), and the agent answers the offered call
      awaitOffer("agent-reception", callId, agent);
      live.await(e -> e.get("type").asText().equals("agent:status_changed")
          && e.get("subject").asText().equals("agent-reception")
          && e.at("/data/routingState").asText().equals("reserved") && e.at("/data/callId").asText().equals(callId));
      assertThat(client.post("/api/calls/" + callId + "/status", supervisor,
          Map.of("status", "in_progress", "agentId", "agent-sales")).status()).as("not offered to agent-sales")
          .isEqualTo(409);
      assertThat(client.post("/api/calls/" + callId + "/status", agent,
          Map.of("status", "in_progress", "agentId", "agent-sales")).status()).as("another agent's token")
          .isEqualTo(403);
      HttpTestClient.Reply answered = client.post("/api/calls/" + callId + "/status", agent,
          Map.of("status", "in_progress", "agentId", "agent-reception"));
      assertThat(answered.status()).as(answered.body()).isEqualTo(200);
      assertThat(answered.json().get("agentId").asText()).isEqualTo("agent-reception");
      assertThat(answered.json().get("status").asText()).isEqualTo("IN_PROGRESS");

      HttpTestClient.Reply ended = client.post("/api/calls/" + callId + "/end", agent, null);
      assertThat(ended.json().get("status").asText()).isEqualTo("COMPLETED");
      JsonNode agentNow = client.get("/api/agents/agent-reception", viewer).json();
      assertThat(agentNow.get("status").asText()).isEqualTo("AVAILABLE");
      assertThat(agentNow.get("callsHandled").asLong()).isGreaterThanOrEqualTo(1);

      live.await(e -> e.get("type").asText().equals("call:ended") && e.get("subject").asText().equals(callId));
      List<Long> seqs = new ArrayList<>();
      live.events.forEach(e -> seqs.add(e.get("seq").asLong()));
      assertThat(seqs).isSorted().doesNotHaveDuplicates();
      assertThat(seqs.get(0)).isEqualTo(before + 1);
      mine = types(live.events, callId);
      assertThat(mine).containsSubsequence("call:new", "call:routed", "call:queued", "call:updated", "call:ended");
      assertThat(mine.get(0)).isEqualTo("call:new");
      assertThat(mine.get(mine.size() - 1)).isEqualTo("call:ended");

      // a client that saw up to the routing resumes from there and gets exactly the rest
      long routedSeq = live.events.stream().filter(e -> e.get("type").asText().equals("call:routed")
          && e.get("subject").asText().equals(callId)).findFirst().orElseThrow().get("seq").asLong();
      try (EventCollector resumed = new EventCollector(client.http(), server.port(), viewer, routedSeq)) {
        resumed.await(e -> e.get("type").asText().equals("call:ended") && e.get("subject").asText().equals(callId));
        List<JsonNode> got = List.copyOf(resumed.events); // events may still arrive: compare a snapshot
        assertThat(got.get(0).get("seq").asLong()).isEqualTo(routedSeq + 1);
        List<JsonNode> expected = List.copyOf(live.events).stream().filter(e -> e.get("seq").asLong() > routedSeq)
            .filter(e -> e.get("seq").asLong() <= got.get(got.size() - 1).get("seq").asLong())
            .toList();
        assertThat(got.subList(0, expected.size())).isEqualTo(expected);
      }
    }
  }

  @Test
  void aCallTokenDrivesOnlyItsOwnCall() {
    JsonNode first = client.post("/api/calls", null, Map.of("phone", "+966501234568")).json();
    JsonNode second = client.post("/api/calls", null, Map.of("phone", "+966501234569")).json();
    String token = first.get("token").asText();
    String other = second.at("/call/id").asText();
    assertThat(client.post("/api/calls/" + other + "/ivr", token, Map.of("digits", "1")).status()).isEqualTo(403);
    assertThat(client.get("/api/calls", token).status()).isEqualTo(403);
    assertThat(client.post("/api/calls/" + first.at("/call/id").asText() + "/end", token, null).status())
        .isEqualTo(403);
    assertThat(client.post("/api/calls/" + first.at("/call/id").asText() + "/ivr", token, Map.of("text", "hello"))
        .status()).isEqualTo(200);
  }

  @Test
  void everyRefusedRequestAnswersAProblemAndChangesNothing() {
    String callId = client.post("/api/calls", null, Map.of("phone", "+966501234570")).json().at("/call/id").asText();
    client.post("/api/calls/" + callId + "/end", agent, null);
    String big = "{\"customerName\":\"" + "x".repeat((int) MAX_BODY) + "\"}";

    record Case(String name, String method, String path, String token, Object body, int status, String field) {}
    List<Case> cases = List.of(
        new Case("malformed JSON", "POST", "/api/calls", null, "{\"phone\": ", 400, null),
        new Case("not an object", "POST", "/api/calls", null, "[1,2]", 400, null),
        new Case("unknown field", "POST", "/api/calls", null, "{\"phone\":\"+966501234571\",\"vip\":true}", 400,
            "vip"),
        new Case("wrong type", "POST", "/api/calls", null, "{\"phone\":966501234571}", 400, "phone"),
        new Case("invalid phone", "POST", "/api/calls", null, "{\"phone\":\"12ab\"}", 400, "phone"),
        new Case("bad enum", "PATCH", "/api/agents/agent-sales/status", supervisor, "{\"status\":\"asleep\"}", 400,
            "status"),
        new Case("two IVR inputs", "POST", "/api/calls/" + callId + "/ivr", agent,
            "{\"digits\":\"1\",\"text\":\"hi\"}", 400, "digits"),
        new Case("oversized body", "POST", "/api/calls", null, big, 413, null),
        new Case("missing token", "GET", "/api/calls", null, null, 401, null),
        new Case("wrong token", "GET", "/api/calls", "cc_not-a-token", null, 401, null),
        new Case("wrong role", "POST", "/api/calls/" + callId + "/end", viewer, null, 403, null),
        new Case("agent on another agent", "PATCH", "/api/agents/agent-sales/status", agent,
            "{\"status\":\"available\"}", 403, null),
        new Case("agent reads analytics", "GET", "/api/analytics", agent, null, 403, null),
        new Case("no such call", "GET", "/api/calls/no-such-call", viewer, null, 404, null),
        new Case("no such endpoint", "GET", "/api/nothing-here", viewer, null, 404, null),
        new Case("illegal transition", "POST", "/api/calls/" + callId + "/status", agent,
            "{\"status\":\"in_queue\"}", 409, null));
    for (Case c : cases) {
      long events = server.callCenter().eventLog().lastSequence();
      long calls = server.callCenter().listCalls(CallQuery.ALL, PageRequest.first(1)).total();
      HttpTestClient.Reply reply = client.send(c.method(), c.path(), c.token(), c.body(), Map.of());
      assertThat(reply.status()).as(c.name() + ": " + reply.body()).isEqualTo(c.status());
      assertThat(reply.contentType()).as(c.name()).startsWith("application/problem+json");
      JsonNode problem = reply.json();
      assertThat(problem.get("status").asInt()).isEqualTo(c.status());
      assertThat(problem.get("title").asText()).isNotBlank();
      assertThat(problem.get("type").asText()).isNotBlank();
      if (c.field() != null) {
        assertThat(problem.get("errors").findValuesAsText("field")).as(c.name()).contains(c.field());
      }
      assertThat(server.callCenter().eventLog().lastSequence()).as(c.name() + " emitted nothing").isEqualTo(events);
      assertThat(server.callCenter().listCalls(CallQuery.ALL, PageRequest.first(1)).total())
          .as(c.name() + " stored nothing").isEqualTo(calls);
      assertThat(reply.body()).doesNotContain(ADMIN).doesNotContain(agent);
    }
    HttpTestClient.Reply unauthorized = client.get("/api/calls", null);
    assertThat(unauthorized.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void enumValuesAreAcceptedInAnyLetterCase() {
    HttpTestClient.Reply reply = client.send("PATCH", "/api/agents/agent-complaints/status", supervisor,
        Map.of("status", "On-Break"), Map.of());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("ON_BREAK");
  }

  @Test
  void callHistoryIsRecordedReplacedWithCompareAndSetAndExported() {
    HttpTestClient.Reply created = client.post("/api/callcenter/calls", agent, Map.of("extensionId", "1001",
        "direction", "Inbound", "number", "+966501234567", "duration", 42, "status", "ANSWERED",
        "startedAt", "2025-03-01T10:00:00Z"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    client.post("/api/callcenter/calls", agent, Map.of("extensionId", "2002", "direction", "outbound",
        "number", "=cmd|' /C calc'!A0", "status", "missed", "startedAt", "2025-03-01T11:00:00Z"));

    HttpTestClient.Reply read = client.get("/api/callcenter/calls/" + id, viewer);
    assertThat(read.json().get("duration").asLong()).isEqualTo(42);
    String etag = read.raw().headers().firstValue("ETag").orElseThrow();

    Map<String, Object> changed = Map.of("extensionId", "1001", "direction", "inbound", "number",
        "+966501234567", "duration", 50, "status", "answered", "startedAt", "2025-03-01T10:00:00Z");
    HttpTestClient.Reply put = client.send("PUT", "/api/callcenter/calls/" + id, supervisor, changed,
        Map.of("If-Match", etag));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("duration").asLong()).isEqualTo(50);
    HttpTestClient.Reply stale = client.send("PUT", "/api/callcenter/calls/" + id, supervisor, changed,
        Map.of("If-Match", etag));
    assertThat(stale.status()).isEqualTo(409);

    HttpTestClient.Reply csv = client.get("/api/callcenter/export?format=csv&startDate=2025-03-01&endDate=2025-03-01"
        + "&extensions=1001,2002", supervisor);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFF"); // a spreadsheet reads it as UTF-8
    String[] lines = csv.body().substring(1).split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(String.join(",", dev.callcenter.sip.history.CallHistory.CSV_COLUMNS));
    assertThat(lines[1]).contains("'=cmd"); // newest first; a formula is defused
    assertThat(lines[2]).contains("+966501234567").contains(",1001,").endsWith(",50");

    HttpTestClient.Reply json = client.get("/api/callcenter/export?format=JSON&extensions=1001", supervisor);
    assertThat(json.json().size()).isEqualTo(1);
    assertThat(json.json().get(0).get("extensionId").asText()).isEqualTo("1001");
    assertThat(client.get("/api/callcenter/export?format=xml", supervisor).status()).isEqualTo(400);
  }

  @Test
  void analyticsReportsQueuesAndAgents() throws Exception {
    String callId = client.post("/api/calls", null, Map.of("phone", "+966501234572")).json().at("/call/id").asText();
    client.post("/api/calls/" + callId + "/route", agent, Map.of("department", "sales"));
    awaitOffer("agent-sales", callId, supervisor);
    assertThat(client.post("/api/agents/agent-sales/accept", supervisor, null).status()).isEqualTo(200);
    client.post("/api/calls/" + callId + "/end", agent, null);
    JsonNode analytics = client.get("/api/analytics", supervisor).json();
    assertThat(analytics.get("queues").findValuesAsText("department")).contains("sales");
    JsonNode sales = null;
    for (JsonNode q : analytics.get("queues")) {
      if (q.get("department").asText().equals("sales")) {
        sales = q;
      }
    }
    assertThat(sales.get("answered").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(sales.get("serviceLevel").asDouble()).isBetween(0.0, 1.0);
    assertThat(analytics.get("agents").findValuesAsText("agentId")).contains("agent-sales");
    assertThat(client.get("/api/analytics?from=2025-02-30", supervisor).status()).isEqualTo(400);
  }

  @Test
  void ticketsOpenChangeInOneStepAndRefuseIllegalMoves() {
    HttpTestClient.Reply opened = client.post("/api/tickets", agent, Map.of("subject", "الطلب لم يصل",
        "description", "Order 12345 is late", "priority", "High", "department", "complaints",
        "customerId", "cust-1001"));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String id = opened.json().get("id").asText();
    assertThat(opened.json().get("status").asText()).isEqualTo("OPEN");

    HttpTestClient.Reply started = client.send("PATCH", "/api/tickets/" + id, agent, Map.of("status",
        "in_progress", "assignee", "agent-reception", "note", "called the courier"), Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().get("assignee").asText()).isEqualTo("agent-reception");
    assertThat(started.json().get("notes").get(0).get("author").asText()).isEqualTo("agent-reception");
    long version = started.json().get("version").asLong();

    HttpTestClient.Reply stale = client.send("PATCH", "/api/tickets/" + id, agent,
        Map.of("priority", "low", "version", version - 1), Map.of());
    assertThat(stale.status()).isEqualTo(409);
    HttpTestClient.Reply illegal = client.send("PATCH", "/api/tickets/" + id, agent,
        Map.of("status", "closed", "priority", "low"), Map.of());
    assertThat(illegal.status()).as(illegal.body()).isEqualTo(409);
    JsonNode now = client.get("/api/tickets/" + id, viewer).json();
    assertThat(now.get("priority").asText()).isEqualTo("HIGH");
    assertThat(now.get("version").asLong()).isEqualTo(version);

    assertThat(client.get("/api/tickets?customerId=cust-1001&status=in_progress", viewer).json().get("items")
        .findValuesAsText("id")).contains(id);
    assertThat(client.post("/api/tickets", agent, Map.of("subject", "x", "customerId", "nobody")).status())
        .isEqualTo(404);
  }

  @Test
  void customersAreReadableByStaffAndNeverShowThePin() {
    HttpTestClient.Reply customer = client.get("/api/customers/cust-1001", agent);
    assertThat(customer.status()).isEqualTo(200);
    assertThat(customer.json().get("phones").get(0).asText()).isEqualTo("+966501112233");
    assertThat(customer.body()).doesNotContain("pin").doesNotContain(SampleData.SAMPLE_PIN);
    assertThat(client.get("/api/customers?q=Emily", agent).json().get("items").findValuesAsText("id"))
        .containsExactly("cust-1002");
    assertThat(client.get("/api/customers", viewer).status()).isEqualTo(403);
  }

  @Test
  void aCallerWritesTheTranscriptOfItsOwnCallAsTheCustomer() {
    JsonNode created = client.post("/api/calls", null, Map.of("phone", "+966501234573", "language", "en")).json();
    String callId = created.at("/call/id").asText();
    String token = created.get("token").asText();
    HttpTestClient.Reply first = client.post("/api/transcripts/" + callId + "/messages", token,
        Map.of("text", "My order never arrived and I am very angry"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("speaker").asText()).isEqualTo("CUSTOMER");
    assertThat(client.post("/api/transcripts/" + callId + "/messages", token,
        Map.of("text", "hi", "speaker", "agent")).status()).isEqualTo(403);
    client.post("/api/transcripts/" + callId + "/messages", agent, Map.of("text", "Sorry, let me check that."));
    JsonNode transcript = client.get("/api/transcripts/" + callId, token).json();
    assertThat(transcript.get("messages").size()).isEqualTo(2);
    assertThat(transcript.get("messages").get(1).get("speaker").asText()).isEqualTo("AGENT");
    assertThat(transcript.get("sentiment").isNumber()).isTrue();
    assertThat(client.get("/api/transcripts/no-such-call", agent).status()).isEqualTo(404);
  }

  @Test
  void extensionsKeepPasswordsOutOfEveryAnswer() {
    String admin = ADMIN;
    HttpTestClient.Reply weak = client.post("/api/callcenter/extensions", admin,
        Map.of("extcode", "2001", "password", "2001"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().get("errors").findValuesAsText("field")).contains("password");
    assertThat(weak.body()).doesNotContain("\"2001\"");

    String password = "Str0ngPassw0rd-x9";
    HttpTestClient.Reply created = client.post("/api/callcenter/extensions", admin, Map.of("extcode", "2001",
        "password", password, "displayName", "Front desk"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.body()).doesNotContain(password).doesNotContain("ha1").doesNotContain("credentials");

    HttpTestClient.Reply assigned = client.post("/api/callcenter/users/assign", admin,
        Map.of("userId", "agent-sales", "extensionId", id));
    assertThat(assigned.json().get("userId").asText()).isEqualTo("agent-sales");
    JsonNode users = client.get("/api/callcenter/users?role=agent", supervisor).json();
    assertThat(users.toString()).contains("2001");
    HttpTestClient.Reply unassigned = client.send("DELETE", "/api/callcenter/users/unassign", admin,
        Map.of("extensionId", id), Map.of());
    assertThat(unassigned.status()).as(unassigned.body()).isEqualTo(200);
    assertThat(unassigned.json().has("userId")).isFalse();

    HttpTestClient.Reply renamed = client.send("PUT", "/api/callcenter/extensions/" + id, admin,
        Map.of("displayName", "Reception desk", "password", "An0therStrongOne!"), Map.of());
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().get("displayName").asText()).isEqualTo("Reception desk");
    HttpTestClient.Reply badPut = client.send("PUT", "/api/callcenter/extensions/" + id, admin,
        Map.of("displayName", "Changed", "password", "short"), Map.of());
    assertThat(badPut.status()).isEqualTo(400);
    assertThat(client.get("/api/callcenter/extensions/" + id, supervisor).json().get("displayName").asText())
        .isEqualTo("Reception desk");
    JsonNode before = client.get("/api/callcenter/extensions/" + id, supervisor).json();
    HttpTestClient.Reply controlChars = client.send("PUT", "/api/callcenter/extensions/" + id, admin,
        Map.of("displayName", "Bell\u0007desk", "password", "Y3t-Another-Strong1"), Map.of());
    assertThat(controlChars.status()).as(controlChars.body()).isEqualTo(400);
    assertThat(controlChars.json().get("errors").findValuesAsText("field")).containsExactly("displayName");
    assertThat(controlChars.body()).doesNotContain("Y3t-Another-Strong1");
    JsonNode after = client.get("/api/callcenter/extensions/" + id, supervisor).json();
    assertThat(after.get("version").asLong()).as("no write at all, so the password is unchanged")
        .isEqualTo(before.get("version").asLong());
    assertThat(after.get("updatedAt").asText()).isEqualTo(before.get("updatedAt").asText());

    assertThat(client.post("/api/callcenter/extensions", supervisor, Map.of("extcode", "2002", "password",
        password)).status()).isEqualTo(403);
    assertThat(client.send("DELETE", "/api/callcenter/extensions/" + id, admin, null, Map.of()).status())
        .isEqualTo(204);
    assertThat(client.get("/api/callcenter/extensions/" + id, supervisor).status()).isEqualTo(404);
  }

  @Test
  void rulesAreReplacedWholeOrNotAtAllAndTheRouterClassifies() {
    HttpTestClient.Reply current = client.get("/api/rules", supervisor);
    assertThat(current.status()).isEqualTo(200);
    HttpTestClient.Reply broken = client.send("PUT", "/api/rules", ADMIN,
        "{\"rules\": [{\"id\": 5, \"when\": {\"op\": \"nonsense\"}}]}", Map.of());
    assertThat(broken.status()).as(broken.body()).isEqualTo(400);
    assertThat(broken.json().get("errors").size()).isGreaterThanOrEqualTo(1);
    assertThat(broken.json().get("errors").get(0).get("field").asText()).startsWith("$");
    assertThat(client.get("/api/rules", supervisor).body()).isEqualTo(current.body());
    HttpTestClient.Reply same = client.send("PUT", "/api/rules", ADMIN, current.body(), Map.of());
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(same.json().get("rules").asInt()).isPositive();

    HttpTestClient.Reply sales = client.post("/api/routing/classify", agent,
        Map.of("text", "I want to buy a new subscription, what is the price?"));
    assertThat(sales.status()).as(sales.body()).isEqualTo(200);
    assertThat(sales.json().get("department").asText()).isEqualTo("sales");
    assertThat(sales.json().get("matchedTerms").size()).isPositive();
    HttpTestClient.Reply complaint = client.post("/api/routing/classify", agent,
        Map.of("text", "عندي شكوى الطلب وصل متأخر", "language", "ar"));
    assertThat(complaint.json().get("department").asText()).isEqualTo("complaints");
  }

  @Test
  void aCallIsTransferredToAnotherAgentWhoAcceptsItAndStatusesFollow() throws Exception {
    String callId = client.post("/api/calls", null, Map.of("phone", "+966501234574")).json().at("/call/id").asText();
    client.post("/api/calls/" + callId + "/route", agent, Map.of("department", "sales", "priority", "urgent"));
    awaitOffer("agent-sales", callId, supervisor);
    assertThat(client.post("/api/agents/agent-sales/accept", supervisor, null).status()).isEqualTo(200);
    awaitIdle("agent-complaints");
    assertThat(client.post("/api/calls/" + callId + "/transfer", agent, Map.of("department", "sales", "agentId",
        "agent-complaints")).status()).isEqualTo(400);

    HttpTestClient.Reply moved = client.post("/api/calls/" + callId + "/transfer", agent,
        Map.of("agentId", "agent-complaints"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("status").asText()).isEqualTo("TRANSFERRED");
    JsonNode target = client.get("/api/agents/agent-complaints", viewer).json();
    assertThat(target.get("routingState").asText()).isEqualTo("reserved");
    assertThat(target.at("/reservation/callId").asText()).isEqualTo(callId);
    assertThat(client.get("/api/agents/agent-sales", viewer).json().get("status").asText()).isEqualTo("AVAILABLE");

    HttpTestClient.Reply answered = client.post("/api/agents/agent-complaints/accept", supervisor, null);
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.json().get("agentId").asText()).isEqualTo("agent-complaints");
    assertThat(answered.json().get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(client.get("/api/agents/agent-complaints", viewer).json().get("status").asText()).isEqualTo("BUSY");
    client.post("/api/calls/" + callId + "/end", agent, null);
    assertThat(client.get("/api/agents/agent-complaints", viewer).json().get("status").asText())
        .isEqualTo("AVAILABLE");
  }

  @Test
  void anAgentRejectsAnOfferAndTheCallKeepsItsPlaceAndAnAgentTokenActsOnlyForItself() throws Exception {
    String callId = client.post("/api/calls", null, Map.of("phone", "+966501234576")).json().at("/call/id").asText();
    client.post("/api/calls/" + callId + "/route", supervisor, Map.of("department", "reception", "priority",
        "urgent"));
    awaitOffer("agent-reception", callId, agent);
    assertThat(client.post("/api/agents/agent-sales/accept", agent, null).status()).isEqualTo(403);
    assertThat(client.post("/api/agents/agent-sales/reject", agent, null).status()).isEqualTo(403);

    HttpTestClient.Reply rejected = client.post("/api/agents/agent-reception/reject", agent, null);
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.json().has("reservation") && !rejected.json().get("reservation").isNull()).isFalse();
    JsonNode queue = client.get("/api/calls/queue?department=reception", viewer).json();
    JsonNode mine = null;
    for (JsonNode q : queue) {
      if (q.at("/call/id").asText().equals(callId)) {
        mine = q;
      }
    }
    assertThat(mine).as(queue.toString()).isNotNull();
    assertThat(mine.get("state").asText()).isEqualTo("WAITING");
    assertThat(mine.get("position").asInt()).isEqualTo(1);
    assertThat(client.post("/api/agents/agent-reception/accept", agent, null).status()).isEqualTo(409);
    // after the reject delay the ACD offers the call again, and the agent takes it
    awaitOffer("agent-reception", callId, agent);
    assertThat(client.post("/api/agents/agent-reception/accept", agent, null).json().get("status").asText())
        .isEqualTo("IN_PROGRESS");
    assertThat(client.post("/api/calls/" + callId + "/end", agent, null).json().get("status").asText())
        .isEqualTo("COMPLETED");
  }

  @Test
  void aBrowserMayGiveTheTokenAsAQueryParameter() throws Exception {
    long last = server.callCenter().eventLog().lastSequence();
    java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.net.http.WebSocket ws = client.http().newWebSocketBuilder().buildAsync(java.net.URI.create("ws://127.0.0.1:"
        + server.port() + "/ws/updates?after=" + last + "&access_token=" + viewer), new java.net.http.WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data,
              boolean lastPart) {
            received.add(data.toString());
            w.request(1);
            return null;
          }
        }).join();
    String callId = client.post("/api/calls", null, Map.of("phone", "+966501234575")).json().at("/call/id").asText();
    await("the call's event over the WebSocket").atMost(Duration.ofSeconds(10))
        .until(() -> received.stream().anyMatch(m -> m.contains(callId)));
    assertThat(received).anyMatch(m -> m.contains("call:new") && m.contains(callId));
    ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  @Test
  void aKnownArabicCallerWalksTheIvrToTheComplaintsQueueAndAnAgentWithATicket() throws Exception {
    JsonNode created = client.post("/api/calls", null, Map.of("phone", "+966501112233")).json();
    String callId = created.at("/call/id").asText();
    String token = created.get("token").asText();
    JsonNode ivr = created.get("ivr");
    assertThat(ivr.get("stage").asText()).isEqualTo("INTENT"); // identified by caller id, language from the CRM
    assertThat(ivr.get("prompts").get(0).get("language").asText()).isEqualTo("ar");
    assertThat(ivr.get("prompts").findValuesAsText("text")).anyMatch(t -> t.contains("الشكاوى"));

    ivr = ivr(callId, token, Map.of("digits", "2"));
    assertThat(ivr.get("department").asText()).isEqualTo("complaints");
    assertThat(ivr.get("stage").asText()).isEqualTo("DATA_COLLECTION");
    ivr = ivr(callId, token, Map.of("digits", "١٢٣٤٥٦٧#")); // Arabic-Indic digits
    ivr = ivr(callId, token, Map.of("digits", "2"));
    assertThat(ivr.get("status").asText()).isEqualTo("IN_QUEUE");
    assertThat(ivr.get("stage").asText()).isEqualTo("QUEUE");
    JsonNode call = client.get("/api/calls/" + callId, viewer).json();
    assertThat(call.get("customerId").asText()).isEqualTo("cust-1001");
    assertThat(call.get("collectedData").toString()).contains("1234567");

    JsonNode waiting = client.get("/api/calls/queue?department=complaints", viewer).json();
    assertThat(waiting.findValuesAsText("id")).contains(callId);

    // the complaints agent logs in, is offered the call and accepts it: handoff with everything collected
    awaitOffer("agent-complaints", callId, supervisor);
    HttpTestClient.Reply accepted = client.post("/api/agents/agent-complaints/accept", supervisor, null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(accepted.json().get("agentId").asText()).isEqualTo("agent-complaints");
    assertThat(accepted.json().get("collectedData").toString()).contains("1234567");
    HttpTestClient.Reply ticket = client.post("/api/tickets", agent, Map.of("subject", "الطلب 1234567 متأخر",
        "priority", "high", "department", "complaints", "customerId", "cust-1001", "callId", callId));
    assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
    assertThat(client.post("/api/calls/" + callId + "/end", agent, null).json().get("status").asText())
        .isEqualTo("COMPLETED");
    assertThat(client.post("/api/calls/" + callId + "/ivr", token, Map.of("digits", "1")).status()).isEqualTo(409);
  }

  @Test
  void aKnownEnglishCallerSaysWhyAndIsQueuedForSales() throws Exception {
    JsonNode created = client.post("/api/calls", null, Map.of("phone", "+44 20 7946 0123")).json();
    String callId = created.at("/call/id").asText();
    String token = created.get("token").asText();
    assertThat(created.at("/ivr/prompts/0/language").asText()).isEqualTo("en");
    JsonNode ivr = ivr(callId, token, Map.of("text", "I want to buy a new phone, what is the price?"));
    assertThat(ivr.get("department").asText()).isEqualTo("sales");
    ivr = ivr(callId, token, Map.of("digits", "1"));
    ivr = ivr(callId, token, Map.of("digits", "00966501234567#"));
    assertThat(ivr.get("status").asText()).isEqualTo("IN_QUEUE");
    assertThat(ivr.get("prompts").findValuesAsText("text")).anyMatch(t -> t.contains("queue"));
    assertThat(ivr.get("done").asBoolean()).isFalse(); // a callback is still offered
    JsonNode queue = client.get("/api/calls/queue?department=sales", viewer).json();
    assertThat(queue.findValuesAsText("id")).contains(callId);

    // the sales agent logs in and answers the call the ACD offers it
    awaitOffer("agent-sales", callId, supervisor);
    HttpTestClient.Reply answered = client.post("/api/calls/" + callId + "/status", supervisor,
        Map.of("status", "in_progress", "agentId", "agent-sales"));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.json().get("agentId").asText()).isEqualTo("agent-sales");
    assertThat(client.post("/api/calls/" + callId + "/end", supervisor, null).json().get("status").asText())
        .isEqualTo("COMPLETED");
    assertThat(client.get("/api/agents/agent-sales", viewer).json().get("routingState").asText())
        .isEqualTo("available");
  }

  /**
   * Logs the agent in and waits until the ACD offers it {@code callId}; calls other tests left in the same queue
   * that are offered first are answered and ended, so the agent reaches ours.
   */
  private void awaitOffer(String agentId, String callId, String token) {
    HttpTestClient.Reply available = client.send("PATCH", "/api/agents/" + agentId + "/status", token,
        Map.of("status", "Available"), Map.of());
    assertThat(available.status()).as(available.body()).isEqualTo(200);
    JsonNode offered = await("call " + callId + " offered to " + agentId).atMost(Duration.ofSeconds(15))
        .until(() -> agentServingOthers(agentId, callId),
            now -> now.at("/reservation/callId").asText("").equals(callId));
    assertThat(offered.get("routingState").asText()).isEqualTo("reserved");
  }

  /** Logs the agent in and serves whatever its queue offers it until it is idle. */
  private void awaitIdle(String agentId) {
    client.send("PATCH", "/api/agents/" + agentId + "/status", ADMIN, Map.of("status", "available"), Map.of());
    await(agentId + " idle").atMost(Duration.ofSeconds(15))
        .until(() -> agentServingOthers(agentId, ""), now -> now.get("routingState").asText().equals("available"));
  }

  /** The agent as the API shows it; a call other than {@code callId} offered to it is answered and ended. */
  private JsonNode agentServingOthers(String agentId, String callId) {
    JsonNode now = client.get("/api/agents/" + agentId, viewer).json();
    String offered = now.at("/reservation/callId").asText("");
    if (!offered.isEmpty() && !offered.equals(callId)) {
      client.post("/api/agents/" + agentId + "/accept", ADMIN, null);
      client.post("/api/calls/" + offered + "/end", ADMIN, null);
    }
    return now;
  }

  private JsonNode ivr(String callId, String token, Map<String, String> input) {
    HttpTestClient.Reply reply = client.post("/api/calls/" + callId + "/ivr", token, input);
    assertThat(reply.status()).as(input + " -> " + reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> types(List<JsonNode> events, String subject) {
    return events.stream().filter(e -> e.get("subject").asText().equals(subject))
        .map(e -> e.get("type").asText()).toList();
  }
}
