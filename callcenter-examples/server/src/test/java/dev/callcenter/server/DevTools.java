package dev.callcenter.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Reads the live DOM of a headless Chromium's page through the DevTools protocol. */
final class DevTools implements AutoCloseable {
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private volatile CompletableFuture<JsonNode> pending = new CompletableFuture<>();

  private DevTools(WebSocket socket) {
    this.socket = socket;
  }

  /** Attaches to the page of the browser started with {@code --remote-debugging-port=0} on {@code profile}. */
  static DevTools attach(HttpClient http, Path profile) throws Exception {
    String pageUrl = await("Chromium to open its DevTools port and a page").atMost(Duration.ofSeconds(60))
        .until(() -> pageUrl(http, profile.resolve("DevToolsActivePort")), Objects::nonNull);
    DevTools[] self = new DevTools[1];
    StringBuilder partial = new StringBuilder();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          try {
            JsonNode message = HttpTestClient.JSON.readTree(partial.toString());
            if (message.has("id")) {
              self[0].pending.complete(message);
            }
          } catch (IOException e) {
            self[0].pending.completeExceptionally(e);
          }
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }
    }).get(30, TimeUnit.SECONDS);
    self[0] = new DevTools(socket);
    return self[0];
  }

  /** The page's DOM once {@code condition} holds, polled for up to 30 seconds. */
  String awaitDom(Predicate<String> condition) {
    return await("the page to reach the expected state").atMost(Duration.ofSeconds(30))
        .until(() -> evaluate("document.documentElement.outerHTML"), condition);
  }

  /** The DevTools URL of the browser's page; null until the browser has written its port and opened a page. */
  private static String pageUrl(HttpClient http, Path portFile) throws IOException, InterruptedException {
    if (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      return null;
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String pageUrl = null;
    for (JsonNode target : HttpTestClient.JSON.readTree(list)) {
      if ("page".equals(target.path("type").asText())) {
        pageUrl = target.path("webSocketDebuggerUrl").asText();
      }
    }
    return pageUrl;
  }

  private synchronized String evaluate(String expression) throws Exception {
    pending = new CompletableFuture<>();
    Map<String, Object> call = Map.of("id", ids.incrementAndGet(), "method", "Runtime.evaluate",
        "params", Map.of("expression", expression, "returnByValue", true));
    socket.sendText(HttpTestClient.JSON.writeValueAsString(call), true).get(10, TimeUnit.SECONDS);
    JsonNode answer = pending.get(10, TimeUnit.SECONDS);
    return answer.at("/result/result/value").asText("");
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }
}
