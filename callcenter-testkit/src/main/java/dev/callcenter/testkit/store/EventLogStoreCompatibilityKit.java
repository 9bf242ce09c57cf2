package dev.callcenter.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.core.store.EventLogStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compatibility kit for {@link EventLogStore}: extend it and implement {@link #newStore()}. Sequences must start at
 * 1 and have no gaps, also while several threads append at once.
 */
public abstract class EventLogStoreCompatibilityKit {
  /** A fixed instant the kit's events happen around. */
  protected static final Instant T0 = Instant.parse("2026-03-03T10:15:30.125Z");

  /** The log under test; a fresh, empty one from {@link #newStore()} before each test. */
  protected EventLogStore log;

  /** A new, empty event log. Called before every test. */
  protected abstract EventLogStore newStore();

  /** How many threads append at once in the concurrency test. */
  protected int concurrentWriters() {
    return 4;
  }

  @BeforeEach
  void createStore() {
    log = newStore();
  }

  private static NewEvent event(int n) {
    return NewEvent.of(EventType.CALL_UPDATED, T0.plusMillis(n), "call-" + n,
        Map.of("status", "IN_QUEUE", "n", n, "tags", List.of("a", "b"), "nested", Map.of("ok", true)));
  }

  @Test
  void anEmptyLogHasLastSequenceZeroAndNothingToRead() {
    assertThat(log.lastSequence()).isZero();
    assertThat(log.readAfter(0, 10)).isEmpty();
  }

  @Test
  void sequencesStartAtOneAndIncreaseByOne() {
    Event first = log.append(event(1));
    Event second = log.append(event(2));
    Event third = log.append(event(3));

    assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
    assertThat(log.lastSequence()).isEqualTo(3);
  }

  @Test
  void appendReturnsTheEventWithEveryField() {
    NewEvent event = event(7);

    Event appended = log.append(event);

    assertThat(appended).isEqualTo(event.sequenced(1));
    assertThat(appended.schemaVersion()).isEqualTo(Event.SCHEMA_VERSION);
  }

  @Test
  void readAfterReturnsWhatWasAppendedInOrder() {
    List<Event> appended = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      appended.add(log.append(event(i)));
    }

    assertThat(log.readAfter(0, 100)).containsExactlyElementsOf(appended);
    assertThat(log.readAfter(4, 100)).containsExactlyElementsOf(appended.subList(4, 10));
    assertThat(log.readAfter(4, 3)).containsExactlyElementsOf(appended.subList(4, 7));
    assertThat(log.readAfter(9, 100)).containsExactly(appended.get(9));
    assertThat(log.readAfter(10, 100)).isEmpty();
    assertThat(log.readAfter(500, 100)).isEmpty();
  }

  @Test
  void readAfterANegativeSequenceReadsFromTheStart() {
    Event first = log.append(event(1));

    assertThat(log.readAfter(-5, 10)).containsExactly(first);
  }

  @Test
  void readAfterRefusesALimitBelowOne() {
    log.append(event(1));

    assertThatThrownBy(() -> log.readAfter(0, 0)).isInstanceOf(CallCenterException.class);
  }

  @Test
  void everyEventTypeAndArabicDataRoundTrip() {
    List<Event> appended = new ArrayList<>();
    for (EventType type : EventType.values()) {
      appended.add(log.append(NewEvent.of(type, T0, "subject-" + type.ordinal(),
          Map.of("text", "مرحبا، كيف يمكنني مساعدتك؟", "type", type.wireName()))));
    }

    List<Event> read = log.readAfter(0, 100);

    assertThat(read).containsExactlyElementsOf(appended);
    assertThat(read.get(0).data()).containsEntry("text", "مرحبا، كيف يمكنني مساعدتك؟");
  }

  @Test
  void concurrentAppendsGetDistinctGapFreeSequences() throws Exception {
    int writers = concurrentWriters();
    int perWriter = 50;
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    ConcurrentLinkedQueue<Long> returned = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(threads.submit(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            returned.add(log.append(event(writer * 1000 + i)).sequence());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    long total = (long) writers * perWriter;
    List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
    assertThat(returned).hasSize((int) total).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(log.lastSequence()).isEqualTo(total);
    List<Event> read = log.readAfter(0, (int) total + 10);
    assertThat(read).extracting(Event::sequence).containsExactlyElementsOf(expected);
  }

  @Test
  void aReaderResumingFromItsLastSequenceMissesNothing() {
    for (int i = 1; i <= 5; i++) {
      log.append(event(i));
    }
    List<Long> seen = new ArrayList<>();
    long last = 0;
    for (int round = 0; round < 3; round++) {
      List<Event> batch;
      while (!(batch = log.readAfter(last, 2)).isEmpty()) {
        batch.forEach(e -> seen.add(e.sequence()));
        last = batch.get(batch.size() - 1).sequence();
      }
      log.append(event(10 + round));
    }

    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(log.lastSequence()).isEqualTo(8);
  }
}
