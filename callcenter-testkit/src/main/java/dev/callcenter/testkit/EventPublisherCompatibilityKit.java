package dev.callcenter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.core.event.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventPublisher}: every adapter (a message broker, a bus between nodes) passes it. Extend
 * it and say how to make a fresh publisher:
 *
 * <pre>{@code
 * class NatsEventPublisherTest extends EventPublisherCompatibilityKit {
 *   @Override
 *   protected EventPublisher createPublisher() {
 *     return NatsEventPublisher.connect("nats://127.0.0.1:4222", "test-" + UUID.randomUUID());
 *   }
 * }
 * }</pre>
 *
 * <p>Publishers that deliver on another thread are waited for up to {@link #deliveryTimeout()}. A publisher that
 * is {@link AutoCloseable} is closed after each test. Events given to {@code publish} are already sequenced; the
 * kit checks that subscribers get them in order, each once, with their content intact.
 */
public abstract class EventPublisherCompatibilityKit {
  /** The publisher under test, fresh for each test. */
  protected @Nullable EventPublisher publisher;

  /** A new, independent publisher: events published on one must not reach subscribers of another test's. */
  protected abstract EventPublisher createPublisher();

  /** How long to wait for an asynchronous publisher to deliver. */
  protected Duration deliveryTimeout() {
    return Duration.ofSeconds(5);
  }

  /**
   * How long to wait before concluding that nothing more will arrive, when checking that an event is not
   * delivered. Zero suits synchronous publishers; adapters that deliver asynchronously should return their usual
   * delivery latency with a margin.
   */
  protected Duration quietPeriod() {
    return Duration.ZERO;
  }

  @BeforeEach
  void createPublisherUnderTest() {
    publisher = createPublisher();
    assertThat(publisher).as("createPublisher()").isNotNull();
  }

  @AfterEach
  void closePublisherUnderTest() throws Exception {
    if (publisher instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** An event of the shape the SDK publishes: a call snapshot at sequence {@code sequence}. */
  protected static Event sampleEvent(long sequence) {
    Map<String, Object> call = Map.of(
        "id", "call-" + sequence,
        "status", "IN_QUEUE",
        "priority", "HIGH",
        "customer", Map.of("name", "ليلى", "phone", "+966501234567"),
        "tags", List.of("vip", "callback"),
        "collectedData", Map.of("order", "A-" + sequence),
        "version", 3,
        "answered", false);
    return new NewEvent(EventType.CALL_QUEUED, Instant.parse("2026-01-15T09:00:00.123Z").plusSeconds(sequence),
        "call-" + sequence, call).sequenced(sequence);
  }

  private EventPublisher publisher() {
    EventPublisher p = publisher;
    assertThat(p).as("publisher").isNotNull();
    return p;
  }

  private void publishRange(long fromInclusive, long toInclusive) {
    for (long seq = fromInclusive; seq <= toInclusive; seq++) {
      publisher().publish(sampleEvent(seq));
    }
  }

  private static List<Long> range(long fromInclusive, long toInclusive) {
    return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
  }

  private void waitQuietPeriod() throws InterruptedException {
    long millis = quietPeriod().toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  @Test
  @DisplayName("a subscriber gets every event once, in sequence order")
  void deliversEveryEventOnceInOrder() throws Exception {
    RecordingListener listener = new RecordingListener();
    publisher().subscribe(listener);

    publishRange(1, 200);

    listener.awaitCount(200, deliveryTimeout());
    waitQuietPeriod();
    assertThat(listener.sequences()).isEqualTo(range(1, 200));
  }

  @Test
  @DisplayName("events arrive with type, time, subject, schema version and data intact")
  void deliversEventContentIntact() {
    RecordingListener listener = new RecordingListener();
    publisher().subscribe(listener);
    Event sent = sampleEvent(7);

    publisher().publish(sent);

    assertThat(listener.awaitCount(1, deliveryTimeout()).get(0)).isEqualTo(sent);
  }

  @Test
  @DisplayName("every subscriber gets every event")
  void fansOutToEverySubscriber() {
    List<RecordingListener> listeners = List.of(new RecordingListener(), new RecordingListener(),
        new RecordingListener());
    listeners.forEach(publisher()::subscribe);

    publishRange(1, 20);

    for (RecordingListener listener : listeners) {
      listener.awaitCount(20, deliveryTimeout());
      assertThat(listener.sequences()).isEqualTo(range(1, 20));
    }
  }

  @Test
  @DisplayName("a subscriber gets only events published after it subscribed")
  void lateSubscriberGetsOnlyLaterEvents() throws Exception {
    RecordingListener early = new RecordingListener();
    publisher().subscribe(early);
    publishRange(1, 3);
    early.awaitCount(3, deliveryTimeout());

    RecordingListener late = new RecordingListener();
    publisher().subscribe(late);
    publishRange(4, 6);

    early.awaitCount(6, deliveryTimeout());
    late.awaitCount(3, deliveryTimeout());
    waitQuietPeriod();
    assertThat(late.sequences()).isEqualTo(range(4, 6));
  }

  @Test
  @DisplayName("close stops delivery to that subscription only; closing twice is harmless")
  void closeStopsDelivery() throws Exception {
    RecordingListener closing = new RecordingListener();
    RecordingListener staying = new RecordingListener();
    Subscription subscription = publisher().subscribe(closing);
    publisher().subscribe(staying);
    publishRange(1, 2);
    closing.awaitCount(2, deliveryTimeout());
    staying.awaitCount(2, deliveryTimeout());

    subscription.close();
    subscription.close();
    publishRange(3, 5);

    staying.awaitCount(5, deliveryTimeout());
    waitQuietPeriod();
    assertThat(closing.sequences()).isEqualTo(range(1, 2));
    assertThat(staying.sequences()).isEqualTo(range(1, 5));
  }

  @Test
  @DisplayName("one listener subscribed twice is two subscriptions; closing one leaves the other")
  void sameListenerTwiceIsTwoSubscriptions() throws Exception {
    RecordingListener listener = new RecordingListener();
    Subscription first = publisher().subscribe(listener);
    publisher().subscribe(listener);

    publishRange(1, 1);
    listener.awaitCount(2, deliveryTimeout());
    first.close();
    first.close();
    publishRange(2, 2);

    listener.awaitCount(3, deliveryTimeout());
    waitQuietPeriod();
    assertThat(listener.sequences()).containsExactly(1L, 1L, 2L);
  }

  @Test
  @DisplayName("a subscriber that throws neither breaks publish nor delivery to others")
  void throwingSubscriberIsIsolated() {
    RecordingListener before = new RecordingListener();
    RecordingListener after = new RecordingListener();
    publisher().subscribe(before);
    publisher().subscribe(event -> {
      throw new IllegalStateException("subscriber bug on #" + event.sequence());
    });
    publisher().subscribe(after);

    assertThatCode(() -> publishRange(1, 10)).doesNotThrowAnyException();

    before.awaitCount(10, deliveryTimeout());
    after.awaitCount(10, deliveryTimeout());
    assertThat(before.sequences()).isEqualTo(range(1, 10));
    assertThat(after.sequences()).isEqualTo(range(1, 10));
  }

  @Test
  @DisplayName("publishing with no subscriber is fine")
  void publishWithoutSubscribers() {
    assertThatCode(() -> publishRange(1, 3)).doesNotThrowAnyException();
    RecordingListener listener = new RecordingListener();
    publisher().subscribe(listener);
    publishRange(4, 4);
    assertThat(listener.awaitCount(1, deliveryTimeout()).get(0).sequence()).isEqualTo(4L);
  }

  @Test
  @DisplayName("subscribing and closing while events are published keeps the order for the others")
  void subscribeAndCloseDuringPublishing() throws Exception {
    RecordingListener steady = new RecordingListener();
    publisher().subscribe(steady);
    Thread churn = new Thread(() -> {
      for (int i = 0; i < 200; i++) {
        publisher().subscribe(event -> { }).close();
      }
    }, "subscription-churn");
    churn.start();

    publishRange(1, 300);
    churn.join(deliveryTimeout().toMillis());

    steady.awaitCount(300, deliveryTimeout());
    assertThat(churn.isAlive()).as("subscribe/close finished").isFalse();
    assertThat(steady.sequences()).isEqualTo(range(1, 300));
  }
}
