package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, the admin token's first start, rate limits and CORS, each on a server of its own. */
class ServerSecurityTest {
  @TempDir
  Path dataDir;

  private ServerSettings settings() {
    return ServerSettings.defaults(dataDir).withPort(0).withSip(null).withDbUrl(ServerSettings.IN_MEMORY);
  }

  @Test
  void anUnsetAdminTokenIsGeneratedPrintedOnceAndKeptOnlyAsAHash() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    String token;
    try (CallCenterServer server = CallCenterServer.start(settings(), new PrintStream(console, true,
        StandardCharsets.UTF_8))) {
      Matcher m = Pattern.compile("Admin token .*: (cc_\\S+)").matcher(console.toString(StandardCharsets.UTF_8));
      assertThat(m.find()).as(console.toString(StandardCharsets.UTF_8)).isTrue();
      token = m.group(1);
      assertThat(new HttpTestClient(server.port()).get("/api/agents", token).status()).isEqualTo(200);
    }
    String file = Files.readString(dataDir.resolve(CallCenterServer.TOKEN_FILE));
    assertThat(file).doesNotContain(token).contains(TokenStore.hash(token));

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    try (CallCenterServer server = CallCenterServer.start(settings(), new PrintStream(again, true,
        StandardCharsets.UTF_8))) {
      assertThat(again.toString(StandardCharsets.UTF_8)).doesNotContain("Admin token");
      assertThat(new HttpTestClient(server.port()).get("/api/agents", token).status()).isEqualTo(200);
    }
  }

  @Test
  void aTokenIssuedFromTheCommandLineWorksAndIsStoredHashed() {
    String token = TokenStore.open(dataDir.resolve(CallCenterServer.TOKEN_FILE)).issue(Role.parseStaff("Agent"),
        "agent-sales");
    try (CallCenterServer server = CallCenterServer.start(settings().withAdminToken("admin-token-0123456789"))) {
      HttpTestClient client = new HttpTestClient(server.port());
      assertThat(client.send("PATCH", "/api/agents/agent-sales/status", token, Map.of("status", "available"),
          Map.of()).status()).isEqualTo(200);
      assertThat(client.get("/api/analytics", token).status()).isEqualTo(403);
    }
  }

  @Test
  void aTokenOverItsRateLimitGets429WithRetryAfterAndOtherTokensStillPass() {
    try (CallCenterServer server = CallCenterServer.start(settings().withAdminToken("admin-token-0123456789")
        .withRateLimit(3, 0.01))) {
      HttpTestClient client = new HttpTestClient(server.port());
      String viewer = server.tokens().issue(Role.VIEWER, null);
      for (int i = 0; i < 3; i++) {
        assertThat(client.get("/api/agents", viewer).status()).isEqualTo(200);
      }
      HttpTestClient.Reply limited = client.get("/api/agents", viewer);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.contentType()).startsWith("application/problem+json");
      assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(client.get("/api/agents", "admin-token-0123456789").status()).isEqualTo(200);
    }
  }

  @Test
  void corsAllowsOnlyTheConfiguredOrigins() {
    try (CallCenterServer server = CallCenterServer.start(settings().withAdminToken("admin-token-0123456789")
        .withCorsOrigins(List.of("https://desk.example.com")))) {
      HttpTestClient client = new HttpTestClient(server.port());
      HttpTestClient.Reply allowed = client.send("GET", "/health", null, null,
          Map.of("Origin", "https://desk.example.com"));
      assertThat(allowed.raw().headers().firstValue("Access-Control-Allow-Origin"))
          .contains("https://desk.example.com");
      HttpTestClient.Reply other = client.send("GET", "/health", null, null, Map.of("Origin", "https://evil.example"));
      assertThat(other.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void theEventStreamNeedsAStaffToken() {
    try (CallCenterServer server = CallCenterServer.start(settings().withAdminToken("admin-token-0123456789"))) {
      HttpTestClient client = new HttpTestClient(server.port());
      String callToken = client.post("/api/calls", null, Map.of("phone", "+966501234567")).json().get("token")
          .asText();
      for (String token : new String[] {null, "cc_wrong", callToken}) {
        WebSocket.Builder b = client.http().newWebSocketBuilder();
        if (token != null) {
          b.header("Authorization", "Bearer " + token);
        }
        assertThatThrownBy(() -> b.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/updates"),
            new WebSocket.Listener() {}).join())
            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
      }
      assertThat(client.get("/api/calls", null).status()).isEqualTo(401);
    }
  }
  @Test
  void tokensAndPasswordsNeverReachTheLog() throws Exception {
    java.io.PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    String admin = "admin-token-0123456789-secret";
    String password = "VeryS3cretPassw0rd!";
    String callToken;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (CallCenterServer server = CallCenterServer.start(settings().withAdminToken(admin))) {
      HttpTestClient client = new HttpTestClient(server.port());
      callToken = client.post("/api/calls", null, Map.of("phone", "+966501234567")).json().get("token").asText();
      client.get("/api/agents", admin);
      client.get("/api/agents", "cc_wrong-token-value");
      client.post("/api/callcenter/extensions", admin, Map.of("extcode", "3001", "password", password));
      client.post("/api/callcenter/extensions", admin, Map.of("extcode", "3002", "password", "weak"));
      WebSocket ws = client.http().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
          + "/ws/updates?after=0&access_token=" + admin), new WebSocket.Listener() {}).join();
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    } finally {
      System.setErr(original);
    }
    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("POST /api/calls 201"); // the log was captured
    assertThat(text).doesNotContain(admin).doesNotContain(callToken).doesNotContain(password)
        .doesNotContain("cc_wrong-token-value").doesNotContain("access_token");
  }
}
