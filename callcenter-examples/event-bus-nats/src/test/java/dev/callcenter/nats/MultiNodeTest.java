package dev.callcenter.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.testkit.MutableClock;
import dev.callcenter.testkit.RecordingListener;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two call-center nodes sharing one event log and one NATS subject, against the real NATS server. */
class MultiNodeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** How long a test waits to see that nothing arrives, where no marker can get through (a gap holds it back). */
  private static final Duration QUIET = Duration.ofMillis(400);

  private Nodes nodes = new Nodes(Clock.systemUTC(), Duration.ofMillis(300));

  @AfterEach
  void closeNodes() {
    nodes.close();
  }

  private static List<Long> range(long fromInclusive, long toInclusive) {
    return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
  }

  /**
   * Emits a marker event through {@code node} and checks that it is the very next event each listener receives:
   * delivery is in order and once, so nothing else (a duplicate, a stray) was on its way. Replaces waiting a fixed
   * time to see that nothing more arrives.
   */
  private static void assertNextIsMarker(CallCenter node, RecordingListener... listeners) {
    assertNextIsMarker(() -> node.emit(EventType.MESSAGE_NEW, "marker", Map.of()), listeners);
  }

  private static void assertNextIsMarker(Supplier<Event> emitMarker, RecordingListener... listeners) {
    List<List<Event>> before = Arrays.stream(listeners).map(RecordingListener::events).toList();
    Event marker = emitMarker.get();
    for (int i = 0; i < listeners.length; i++) {
      List<Event> expected = new ArrayList<>(before.get(i));
      expected.add(marker);
      listeners[i].awaitCount(expected.size(), WAIT);
      assertThat(listeners[i].events()).as("nothing arrives before the marker").isEqualTo(expected);
    }
  }

  private static void createCalls(CallCenter node, int count) {
    for (int i = 0; i < count; i++) {
      node.createCall(NewCall.fromPhone("+96650123" + String.format("%04d", i)));
    }
  }

  @Test
  @DisplayName("events created on node A reach node B's subscribers in order, each once, intact")
  void eventsFromOneNodeReachTheOther() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    CallCenter b = nodes.node(nodes.publisher());
    RecordingListener onA = new RecordingListener();
    RecordingListener onB = new RecordingListener();
    a.subscribe(onA);
    b.subscribe(onB);

    createCalls(a, 30);

    onB.awaitCount(30, WAIT);
    onA.awaitCount(30, WAIT);
    assertThat(onB.sequences()).isEqualTo(range(1, 30));
    assertThat(onB.events()).isEqualTo(nodes.log.readAfter(0, 100));
    assertThat(onA.events()).isEqualTo(onB.events());
    assertThat(onB.types()).containsOnly(EventType.CALL_NEW);
    assertNextIsMarker(a, onA, onB);
  }

  @Test
  @DisplayName("events from both nodes interleave in sequence order on both, each once")
  void eventsFromBothNodesInterleaveInOrder() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    CallCenter b = nodes.node(nodes.publisher());
    RecordingListener onA = new RecordingListener();
    RecordingListener onB = new RecordingListener();
    a.subscribe(onA);
    b.subscribe(onB);

    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> done = List.of(a, b, a, b).stream().map(node -> writers.submit(() -> {
        start.await();
        createCalls(node, 50);
        return (Void) null;
      })).toList();
      start.countDown();
      for (Future<Void> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }

    onA.awaitCount(200, WAIT);
    onB.awaitCount(200, WAIT);
    assertThat(onA.sequences()).isEqualTo(range(1, 200));
    assertThat(onB.sequences()).isEqualTo(range(1, 200));
    assertThat(onA.events()).isEqualTo(onB.events()).isEqualTo(nodes.log.readAfter(0, 1000));
    assertNextIsMarker(b, onA, onB);
  }

  @Test
  @DisplayName("subscribeAfter (the bus's, and the runtime's, which hands over to the bus) replays the log and joins"
      + " the live stream while another node writes")
  void subscribeAfterMissesNothingWhileAnotherNodeWrites() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    NatsEventPublisher busB = nodes.publisher();
    CallCenter b = nodes.node(busB);
    createCalls(a, 20);

    RecordingListener idle = new RecordingListener();
    busB.subscribeAfter(5, idle);
    assertThat(idle.awaitCount(15, WAIT)).extracting(Event::sequence).isEqualTo(range(6, 20));

    Thread writer = new Thread(() -> createCalls(a, 200), "node-a-writer");
    writer.start();
    RecordingListener joining = new RecordingListener();
    while (nodes.log.lastSequence() < 60) {
      Thread.onSpinWait();
    }
    b.subscribeAfter(10, joining);
    writer.join(30_000);

    joining.awaitCount(210, WAIT);
    idle.awaitCount(215, WAIT);
    assertThat(joining.sequences()).isEqualTo(range(11, 220));
    assertThat(idle.sequences()).isEqualTo(range(6, 220));
    assertNextIsMarker(a, joining, idle);
    assertThatThrownBy(() -> busB.subscribeAfter(-1, event -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("afterSequence");
  }

  @Test
  @DisplayName("a node that loses every fourth message of the other nodes still delivers all, in order, once")
  void aNodeThatLosesMessagesCatchesUpFromTheLog() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    CallCenter b = nodes.node(nodes.publisher(event -> event.sequence() % 4 == 0));
    RecordingListener onB = new RecordingListener();
    b.subscribe(onB);

    Thread writer = new Thread(() -> createCalls(a, 150), "node-a-writer");
    writer.start();
    createCalls(b, 50);
    writer.join(30_000);
    createCalls(a, 1); // #201 is lost too when it falls on a multiple of four: the probe of the log's end finds it

    onB.awaitCount(201, WAIT);
    assertThat(onB.sequences()).isEqualTo(range(1, 201));
    assertThat(onB.events()).isEqualTo(nodes.log.readAfter(0, 1000));
    assertNextIsMarker(b, onB);
  }

  @Test
  @DisplayName("a lost message is read from the event log once the gap timeout has passed on the clock")
  void aGapIsFilledFromTheLog() throws Exception {
    MutableClock clock = MutableClock.create();
    nodes = new Nodes(clock, Duration.ofSeconds(5));
    CallCenter a = nodes.node(nodes.publisher());
    CallCenter b = nodes.node(nodes.publisher());
    RecordingListener onA = new RecordingListener();
    RecordingListener onB = new RecordingListener();
    a.subscribe(onA);
    b.subscribe(onB);
    createCalls(a, 2);
    onB.awaitCount(2, WAIT);

    // a third node appended #3 and its message never arrived
    Event lost = nodes.log.append(NewEvent.of(EventType.CALL_NEW, clock.instant(), "lost-call", Map.of("id", "x")));
    createCalls(b, 2);

    Thread.sleep(QUIET.toMillis()); // a marker would wait behind the gap too: only time shows nothing gets through
    assertThat(onA.sequences()).as("#4 and #5 wait for #3").isEqualTo(range(1, 2));
    assertThat(onB.sequences()).isEqualTo(range(1, 2));

    clock.advance(Duration.ofSeconds(5));

    onA.awaitCount(5, WAIT);
    onB.awaitCount(5, WAIT);
    assertThat(onA.sequences()).isEqualTo(range(1, 5));
    assertThat(onB.sequences()).isEqualTo(range(1, 5));
    assertThat(onB.events().get(2)).isEqualTo(lost);
    assertNextIsMarker(a, onA, onB);
  }

  @Test
  @DisplayName("a node whose last message was lost catches up from the log with nothing after it")
  void aLostLastMessageIsReadFromTheLog() throws Exception {
    MutableClock clock = MutableClock.create();
    nodes = new Nodes(clock, Duration.ofSeconds(5));
    CallCenter b = nodes.node(nodes.publisher());
    RecordingListener onB = new RecordingListener();
    b.subscribe(onB);

    Event lost = nodes.log.append(NewEvent.of(EventType.CALL_NEW, clock.instant(), "lost-call", Map.of("id", "x")));
    Thread.sleep(QUIET.toMillis()); // nothing can get past the missing #1 before the clock moves: only time shows it
    assertThat(onB.events()).isEmpty();

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (onB.size() == 0 && System.nanoTime() < deadline) {
      clock.advance(Duration.ofSeconds(5)); // one probe of the log's end, then the gap timeout
      Thread.sleep(100);
    }
    assertThat(onB.awaitCount(1, WAIT)).containsExactly(lost);
  }

  @Test
  @DisplayName("messages sent out of order or twice are delivered once, in order")
  void outOfOrderAndDuplicateMessagesAreReordered() throws Exception {
    NatsEventPublisher publisher = nodes.publisher();
    RecordingListener listener = new RecordingListener();
    publisher.subscribe(listener);
    List<Event> events = List.of(
        nodes.log.append(NewEvent.of(EventType.CALL_NEW, Clock.systemUTC().instant(), "c1", Map.of())),
        nodes.log.append(NewEvent.of(EventType.CALL_UPDATED, Clock.systemUTC().instant(), "c1", Map.of())),
        nodes.log.append(NewEvent.of(EventType.CALL_ENDED, Clock.systemUTC().instant(), "c1", Map.of())));

    Connection raw = Nats.connect(Nodes.NATS_URL);
    try {
      for (int index : new int[] {2, 1, 2, 0, 1}) {
        raw.publish(nodes.subject, events.get(index).toJson().getBytes(StandardCharsets.UTF_8));
      }
      raw.publish(nodes.subject, "not an event".getBytes(StandardCharsets.UTF_8));
      raw.flush(WAIT);
    } finally {
      raw.close();
    }

    listener.awaitCount(3, WAIT);
    assertThat(listener.events()).isEqualTo(events);
    assertNextIsMarker(() -> {
      Event marker = nodes.log.append(NewEvent.of(EventType.MESSAGE_NEW, Clock.systemUTC().instant(), "marker",
          Map.of()));
      publisher.publish(marker);
      return marker;
    }, listener);
  }

  @Test
  @DisplayName("a listener that throws neither stops delivery to others nor call handling")
  void aThrowingListenerDoesNotStopDelivery() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    CallCenter b = nodes.node(nodes.publisher());
    b.subscribe(event -> {
      throw new IllegalStateException("listener bug on #" + event.sequence());
    });
    RecordingListener onB = new RecordingListener();
    b.subscribe(onB);

    createCalls(a, 5);
    createCalls(b, 5);

    onB.awaitCount(10, WAIT);
    assertThat(onB.sequences()).isEqualTo(range(1, 10));
    assertNextIsMarker(a, onB);
  }

  @Test
  @DisplayName("closing a node's publisher stops delivery there; the other node goes on")
  void closingStopsDelivery() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    NatsEventPublisher busB = nodes.publisher();
    CallCenter b = nodes.node(busB);
    RecordingListener onA = new RecordingListener();
    RecordingListener onB = new RecordingListener();
    a.subscribe(onA);
    b.subscribe(onB);
    createCalls(a, 3);
    onB.awaitCount(3, WAIT);

    busB.close();
    busB.close();
    createCalls(a, 3);

    onA.awaitCount(6, WAIT);
    assertThat(onA.sequences()).isEqualTo(range(1, 6));
    assertNextIsMarker(a, onA);
    assertThat(onB.sequences()).as("the marker reached A; nothing after #3 reached the closed B")
        .isEqualTo(range(1, 3));
    assertThatThrownBy(() -> busB.publish(nodes.log.readAfter(5, 1).get(0)))
        .isInstanceOf(CallCenterException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> busB.subscribe(event -> { }))
        .isInstanceOf(CallCenterException.class).hasMessageContaining("closed");
  }

  @Test
  @DisplayName("a node started later delivers from the log's last sequence on, without reading the past")
  void aFreshNodeStartsAtTheEndOfTheLog() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    createCalls(a, 5);

    CallCenter late = nodes.node(nodes.publisher());
    RecordingListener onLate = new RecordingListener();
    late.subscribe(onLate);
    createCalls(a, 3);

    onLate.awaitCount(3, WAIT);
    assertThat(onLate.sequences()).isEqualTo(range(6, 8));
    assertNextIsMarker(a, onLate);
  }

  @Test
  @DisplayName("subscribeAfter on node B replays the log, then goes on live with node A's events")
  void subscribeAfterReplaysThenGoesLive() throws Exception {
    CallCenter a = nodes.node(nodes.publisher());
    CallCenter b = nodes.node(nodes.publisher());
    createCalls(a, 4);

    RecordingListener onB = new RecordingListener();
    b.subscribeAfter(1, onB);
    createCalls(a, 2);

    onB.awaitCount(5, WAIT);
    assertThat(onB.sequences()).isEqualTo(range(2, 6));
    assertNextIsMarker(a, onB);
  }
}
