package dev.callcenter.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A WebSocket client of {@code /ws/updates} that keeps every event it receives. */
final class EventCollector implements WebSocket.Listener, AutoCloseable {
  final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  EventCollector(HttpClient http, int port, String token, Long after) {
    String query = after == null ? "" : "?after=" + after;
    this.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/updates" + query), this).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        events.add(HttpTestClient.JSON.readTree(partial.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  /** Waits up to 10 s until an event matching {@code condition} has arrived; failing, lists what did. */
  JsonNode await(Predicate<JsonNode> condition) {
    try {
      return Awaitility.await("a matching event").atMost(Duration.ofSeconds(10))
          .until(() -> events.stream().filter(condition).findFirst(), Optional::isPresent).orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; received " + events, e);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }
}
