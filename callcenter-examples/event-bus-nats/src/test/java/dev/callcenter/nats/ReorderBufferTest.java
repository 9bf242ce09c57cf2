package dev.callcenter.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {
  private static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static Event event(long sequence) {
    return NewEvent.of(EventType.CALL_UPDATED, T0, "call-" + sequence, Map.of("n", sequence)).sequenced(sequence);
  }

  private static List<Long> sequences(List<Event> events) {
    return events.stream().map(Event::sequence).toList();
  }

  @Test
  void eventsInOrderAreReadyAtOnce() {
    ReorderBuffer buffer = new ReorderBuffer(0, TIMEOUT);
    buffer.offer(event(1), T0);
    buffer.offer(event(2), T0);
    assertThat(sequences(buffer.takeReady(T0))).containsExactly(1L, 2L);
    assertThat(buffer.delivered()).isEqualTo(2);
    assertThat(buffer.takeReady(T0)).isEmpty();
  }

  @Test
  void laterEventsWaitForTheMissingOne() {
    ReorderBuffer buffer = new ReorderBuffer(0, TIMEOUT);
    buffer.offer(event(3), T0);
    buffer.offer(event(2), T0);
    assertThat(buffer.hasReady()).isFalse();
    assertThat(buffer.takeReady(T0)).isEmpty();
    assertThat(buffer.gapEnd()).isEqualTo(1);

    buffer.offer(event(1), T0);
    assertThat(sequences(buffer.takeReady(T0))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void duplicatesAndEventsBeforeTheStartAreRefused() {
    ReorderBuffer buffer = new ReorderBuffer(10, TIMEOUT);
    assertThat(buffer.offer(event(10), T0)).isFalse();
    assertThat(buffer.offer(event(5), T0)).isFalse();
    assertThat(buffer.offer(event(12), T0)).isTrue();
    assertThat(buffer.offer(event(12), T0)).isFalse();
    assertThat(buffer.offer(event(11), T0)).isTrue();
    assertThat(sequences(buffer.takeReady(T0))).containsExactly(11L, 12L);
    assertThat(buffer.offer(event(11), T0)).isFalse();
  }

  @Test
  void aGapIsOverdueOnlyAfterTheTimeout() {
    ReorderBuffer buffer = new ReorderBuffer(0, TIMEOUT);
    buffer.offer(event(1), T0);
    buffer.offer(event(2), T0);
    assertThat(buffer.gapOverdue(T0.plus(TIMEOUT))).as("no gap").isFalse();

    buffer.offer(event(4), T0.plusSeconds(1));
    buffer.takeReady(T0.plusSeconds(1));
    assertThat(buffer.gapOverdue(T0.plusSeconds(2))).isFalse();
    assertThat(buffer.gapOverdue(T0.plusSeconds(3))).isTrue();
    assertThat(buffer.gapEnd()).isEqualTo(3);

    buffer.restartGapTimer(T0.plusSeconds(3));
    assertThat(buffer.gapOverdue(T0.plusSeconds(4))).isFalse();
    assertThat(buffer.gapOverdue(T0.plusSeconds(5))).isTrue();

    buffer.offer(event(3), T0.plusSeconds(5));
    assertThat(buffer.gapOverdue(T0.plusSeconds(5))).as("filled").isFalse();
    assertThat(sequences(buffer.takeReady(T0.plusSeconds(5)))).containsExactly(3L, 4L);
  }

  @Test
  void aNewGapBehindAFilledOneStartsItsOwnTimer() {
    ReorderBuffer buffer = new ReorderBuffer(0, TIMEOUT);
    buffer.offer(event(2), T0);
    buffer.offer(event(4), T0);
    buffer.offer(event(1), T0.plusSeconds(10));
    assertThat(sequences(buffer.takeReady(T0.plusSeconds(10)))).containsExactly(1L, 2L);
    assertThat(buffer.gapOverdue(T0.plusSeconds(11))).isFalse();
    assertThat(buffer.gapOverdue(T0.plusSeconds(12))).isTrue();
  }

  @Test
  void skippingAGapReleasesTheEventsBehindIt() {
    ReorderBuffer buffer = new ReorderBuffer(0, TIMEOUT);
    buffer.offer(event(3), T0);
    buffer.offer(event(6), T0);
    buffer.skipGap(5, T0);
    assertThat(sequences(buffer.takeReady(T0))).as("only #1 and #2 are skipped").containsExactly(3L);
    buffer.skipGap(5, T0);
    assertThat(sequences(buffer.takeReady(T0))).containsExactly(6L);
    buffer.skipGap(9, T0);
    assertThat(buffer.delivered()).as("no gap, nothing to skip").isEqualTo(6);
  }

  @Test
  void eventsTheLogHoldsButThatNeverArrivedAreAGap() {
    ReorderBuffer buffer = new ReorderBuffer(0, TIMEOUT);
    buffer.offer(event(1), T0);
    buffer.takeReady(T0);
    buffer.expect(1, T0);
    assertThat(buffer.hasGap()).isFalse();

    buffer.expect(3, T0);
    assertThat(buffer.hasGap()).isTrue();
    assertThat(buffer.gapEnd()).isEqualTo(3);
    assertThat(buffer.gapOverdue(T0.plus(TIMEOUT))).isTrue();

    buffer.offer(event(2), T0);
    buffer.takeReady(T0);
    assertThat(buffer.gapEnd()).isEqualTo(3);
    assertThat(buffer.knownEnd()).isEqualTo(3);
    buffer.offer(event(7), T0);
    assertThat(buffer.gapEnd()).isEqualTo(6);
    assertThat(buffer.knownEnd()).isEqualTo(7);
    buffer.offer(event(3), T0);
    buffer.offer(event(4), T0);
    buffer.offer(event(6), T0);
    buffer.offer(event(5), T0);
    assertThat(sequences(buffer.takeReady(T0))).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(buffer.hasGap()).isFalse();
  }

  @Property
  void anyArrivalOrderWithDuplicatesComesOutOnceInOrder(@ForAll @IntRange(min = 1, max = 200) int count,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Event> arrivals = new ArrayList<>();
    for (long seq = 1; seq <= count; seq++) {
      arrivals.add(event(seq));
      if (random.nextInt(4) == 0) {
        arrivals.add(event(seq));
      }
    }
    Collections.shuffle(arrivals, random);

    ReorderBuffer buffer = new ReorderBuffer(0, TIMEOUT);
    List<Event> out = new ArrayList<>();
    for (Event event : arrivals) {
      buffer.offer(event, T0);
      if (random.nextBoolean()) {
        out.addAll(buffer.takeReady(T0));
      }
    }
    out.addAll(buffer.takeReady(T0));

    assertThat(sequences(out)).isEqualTo(LongStream.rangeClosed(1, count).boxed().toList());
    assertThat(buffer.waiting()).isZero();
    assertThat(buffer.gapOverdue(T0.plus(TIMEOUT))).isFalse();
  }
}
