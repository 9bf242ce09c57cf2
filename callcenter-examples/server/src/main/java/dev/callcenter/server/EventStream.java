package dev.callcenter.server;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.Subscription;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one WebSocket connection: first the logged events after the sequence the client asked for, then
 * every new one, in sequence order, each exactly once. Events are queued and sent on the executor, so a slow client
 * never holds up call handling; one that falls {@link #MAX_BACKLOG} events behind is closed and may resume with
 * {@code ?after=<last sequence seen>}.
 */
final class EventStream {
  static final int MAX_BACKLOG = 10_000;
  private static final int REPLAY_BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final WsContext ws;
  private final Executor executor;
  private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger backlog = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable Subscription subscription;

  EventStream(WsContext ws, Executor executor) {
    this.ws = ws;
    this.executor = executor;
  }

  /** Replays the log after {@code after} (or starts live when null) and then follows the live events. */
  void start(CallCenter center, @Nullable Long after) {
    executor.execute(() -> {
      try {
        long last = after == null ? center.eventLog().lastSequence() : after;
        if (after != null) {
          List<Event> batch;
          do { // catch up outside the runtime's lock; the subscription below replays only what came since
            batch = center.eventsAfter(last, REPLAY_BATCH);
            for (Event event : batch) {
              if (closed.get()) {
                return;
              }
              ws.send(event.toJson());
              last = event.sequence();
            }
          } while (batch.size() == REPLAY_BATCH);
        }
        Subscription s = center.subscribeAfter(last, this::offer);
        subscription = s;
        if (closed.get()) {
          s.close();
        }
      } catch (RuntimeException e) {
        LOG.debug("event stream {} failed while catching up", ws.sessionId(), e);
        close();
      }
    });
  }

  private void offer(Event event) {
    if (closed.get()) {
      return;
    }
    if (backlog.incrementAndGet() > MAX_BACKLOG) {
      LOG.warn("event stream {} fell {} events behind; closing it (the client may resume from its last sequence)",
          ws.sessionId(), MAX_BACKLOG);
      close();
      try {
        ws.closeSession(1013, "too far behind; reconnect with ?after=<last sequence seen>");
      } catch (RuntimeException ignored) {
        // already gone
      }
      return;
    }
    queue.add(event.toJson());
    schedule();
  }

  private void schedule() {
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      String message;
      while (!closed.get() && (message = queue.poll()) != null) {
        backlog.decrementAndGet();
        ws.send(message);
      }
    } catch (RuntimeException e) {
      LOG.debug("event stream {} could not send; closing it", ws.sessionId(), e);
      close();
    } finally {
      draining.set(false);
      if (!closed.get() && !queue.isEmpty()) {
        schedule();
      }
    }
  }

  void close() {
    if (closed.compareAndSet(false, true)) {
      Subscription s = subscription;
      if (s != null) {
        s.close();
      }
      queue.clear();
    }
  }
}
