package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.testkit.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in headless Chromium: it connects the WebSocket with the token from the URL fragment, replays the
 * events and shows agents and queue. Skipped when Chromium is missing, except under {@code CI=true}.
 */
class WebPageTest {
  static final String ADMIN = "web-admin-token-0123456789";

  @TempDir
  Path dataDir;

  @Test
  void thePageShowsAgentsTheQueueAndTheEventsOfACall() throws Exception {
    String chromium = ExternalTool.requireAny(List.of("chromium", "chromium-browser", "google-chrome"));
    try (CallCenterServer server = CallCenterServer.start(ServerSettings.defaults(dataDir).withPort(0).withSip(null)
        .withDbUrl(ServerSettings.IN_MEMORY).withAdminToken(ADMIN))) {
      HttpTestClient client = new HttpTestClient(server.port());
      String callId = client.post("/api/calls", null, Map.of("customerName", "ليلى", "phone", "+966501234567"))
          .json().at("/call/id").asText();
      assertThat(client.post("/api/calls/" + callId + "/route", ADMIN, Map.of("department", "reception")).status())
          .isEqualTo(200);
      HttpTestClient.Reply page = client.get("/", null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.raw().headers().firstValue("Content-Security-Policy")).isPresent();

      Path profile = Files.createTempDirectory(dataDir, "chromium");
      Process browser = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
          "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
          "http://127.0.0.1:" + server.port() + "/#token=" + ADMIN)
          .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      String dom;
      try (DevTools devTools = DevTools.attach(client.http(), profile)) {
        // the queue comes by REST and the events by the WebSocket's replay: wait for both before looking
        dom = devTools.awaitDom(d -> d.contains("data-state=\"connected\"") && d.contains(callId)
            && d.contains("data-agent=\"agent-sales\"") && d.contains("data-call=\"" + callId + "\"")
            && d.contains("data-type=\"call:new\" data-subject=\"" + callId + "\""));
      } finally {
        browser.destroyForcibly();
        browser.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(dom).contains("data-state=\"connected\"");
      assertThat(dom).contains("data-agent=\"agent-reception\"", "data-agent=\"agent-sales\"",
          "data-agent=\"agent-complaints\"");
      assertThat(dom).contains("data-type=\"call:new\" data-subject=\"" + callId + "\"");
      assertThat(dom).contains("data-call=\"" + callId + "\"").contains("ليلى");
      assertThat(dom).doesNotContain(ADMIN);
    }
  }
}
