package dev.callcenter.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Chromium did not open its DevTools port");
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    String pageUrl = null;
    while (pageUrl == null) {
      String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      for (JsonNode target : HttpTestClient.JSON.readTree(list)) {
        if ("page".equals(target.path("type").asText())) {
          pageUrl = target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (pageUrl == null) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Chromium opened no page");
        }
        Thread.sleep(100);
      }
    }
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
  String awaitDom(Predicate<String> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String dom = "";
    while (System.nanoTime() < deadline) {
      dom = evaluate("document.documentElement.outerHTML");
      if (condition.test(dom)) {
        return dom;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the page never reached the expected state; its DOM:\n" + dom);
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
